#pragma once
// Where conflicts and their repair attempts are kept.
#include <memory>
#include <vector>

#include "communicate/conflict.h"
#include "communicate/message_store.h"  // kRestoreWindowMs
#include "platform/db/database.h"

namespace securebase::communicate {

struct ConflictPage {
  std::vector<Conflict> items;
  std::string next_cursor;  // empty when there is nothing more
};

// Every call is about one user's rows only; another user's id is NotFound. Deleted
// conflicts (and their repairs) are invisible to everything but Restore.
class ConflictStore {
 public:
  virtual ~ConflictStore() = default;
  // Inserts a conflict from ConflictFromInput (id ignored); returns it with its id.
  virtual Result<Conflict> Add(int64_t user_id, Conflict c) = 0;
  // With repairs; NotFound when there is no such conflict.
  virtual Result<Conflict> Get(int64_t user_id, int64_t id) = 0;
  // All of them, newest first, with repairs; `person_id` set: only conflicts with them.
  virtual Result<std::vector<Conflict>> List(int64_t user_id, std::optional<int64_t> person_id) = 0;
  // `limit` (1..500) newest first (by when they happened), after `cursor` (empty: from the
  // newest). A cursor this store did not give out is an InvalidArgument on "cursor".
  virtual Result<ConflictPage> Page(int64_t user_id, std::optional<int64_t> person_id, int limit,
                                    const std::string& cursor) = 0;
  // Adds a repair attempt and, when `outcome` is set, records it (repaired: at r.at).
  virtual Result<Conflict> AddRepair(int64_t user_id, int64_t conflict_id, const Repair& r,
                                     std::optional<Outcome> outcome) = 0;
  // Replaces the conflict with `c.id` by `c` (from ApplyEdit; repairs are not touched) and
  // sets updated_ms to `now`. Returns the stored conflict.
  virtual Result<Conflict> Update(int64_t user_id, const Conflict& c, Instant now) = 0;
  // Marks it deleted at `now` and purges conflicts deleted over kRestoreWindowMs ago.
  virtual Status Delete(int64_t user_id, int64_t id, Instant now) = 0;
  // Undoes a Delete from within kRestoreWindowMs; NotFound otherwise.
  virtual Result<Conflict> Restore(int64_t user_id, int64_t id, Instant now) = 0;
};

std::unique_ptr<ConflictStore> MakeSqliteConflictStore(db::Database& db);

}  // namespace securebase::communicate
