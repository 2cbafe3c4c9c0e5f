#pragma once
// Where boundaries, their practice and their incidents are kept.
#include <memory>
#include <vector>

#include "boundaries/boundary.h"
#include "platform/db/database.h"

namespace securebase::boundaries {

// A deleted boundary can be restored for this long, then it is purged with its practice
// and incidents.
inline constexpr int64_t kRestoreWindowMs = 30LL * 24 * 60 * 60 * 1000;  // 30 days

struct BoundaryPage {
  std::vector<Boundary> items;
  std::string next_cursor;  // empty when there is nothing more
};

// Every call is about one user's rows only; another user's id is NotFound. Deleted
// boundaries are invisible to everything but Restore.
class BoundaryStore {
 public:
  virtual ~BoundaryStore() = default;
  // Inserts a boundary from BoundaryFromInput (id ignored); returns it with its id.
  virtual Result<Boundary> Add(int64_t user_id, Boundary b) = 0;
  // With practices and incidents; NotFound when there is no such boundary.
  virtual Result<Boundary> Get(int64_t user_id, int64_t id) = 0;
  // All of them, oldest first, with practices and incidents.
  virtual Result<std::vector<Boundary>> List(int64_t user_id) = 0;
  // `limit` (1..500) oldest first, after `cursor` (empty: from the oldest). A cursor this
  // store did not give out is an InvalidArgument on "cursor".
  virtual Result<BoundaryPage> Page(int64_t user_id, int limit, const std::string& cursor) = 0;
  virtual Result<Practice> AddPractice(int64_t user_id, int64_t boundary_id, Practice p) = 0;
  virtual Result<Incident> AddIncident(int64_t user_id, int64_t boundary_id, Incident i) = 0;
  // Replaces the boundary with `b.id` by `b` (from ApplyEdit; practices and incidents are
  // not touched) and sets updated_ms to `now`. Returns the stored boundary.
  virtual Result<Boundary> Update(int64_t user_id, const Boundary& b, Instant now) = 0;
  // Marks it deleted at `now` and purges boundaries deleted over kRestoreWindowMs ago.
  virtual Status Delete(int64_t user_id, int64_t id, Instant now) = 0;
  // Undoes a Delete from within kRestoreWindowMs; NotFound otherwise.
  virtual Result<Boundary> Restore(int64_t user_id, int64_t id, Instant now) = 0;
};

std::unique_ptr<BoundaryStore> MakeSqliteBoundaryStore(db::Database& db);

}  // namespace securebase::boundaries
