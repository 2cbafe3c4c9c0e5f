#pragma once
// Where bids and check-ins are kept.
#include <memory>
#include <vector>

#include "connect/bid.h"
#include "platform/db/database.h"

namespace securebase::connect {

struct Checkin {
  int64_t id = 0;
  std::optional<int64_t> person_id;
  std::string note;
  Instant at;
};

// Where a page of bids ends: the last bid sent (pages are newest first).
struct BidKey {
  int64_t at_ms = 0;
  int64_t id = 0;
};

class BidStore {
 public:
  virtual ~BidStore() = default;
  // Inserts a built bid (id ignored). InvalidArgument "person" when the person is unknown.
  virtual Result<Bid> Add(int64_t user_id, Bid b) = 0;
  // Newest first, at most `limit`; `person` set: only bids with that person; `before` set:
  // only bids older than that one. Deleted bids are left out.
  virtual Result<std::vector<Bid>> List(int64_t user_id, std::optional<int64_t> person, int limit,
                                        std::optional<BidKey> before = {}) = 0;
  // Every bid not deleted, oldest first (for statistics).
  virtual Result<std::vector<Bid>> All(int64_t user_id) = 0;
  // Hides a bid (kept for undo); Restore brings it back. NotFound for an unknown id.
  virtual Status Delete(int64_t user_id, int64_t id, Instant now) = 0;
  virtual Status Restore(int64_t user_id, int64_t id) = 0;

  virtual Result<Checkin> AddCheckin(int64_t user_id, Checkin c) = 0;
  virtual Result<std::vector<Checkin>> Checkins(int64_t user_id, int limit) = 0;
  // How often (days) the person wants to offer a check-in to `person` (nullopt: anyone).
  virtual Status SetCheckinEvery(int64_t user_id, std::optional<int64_t> person, int days) = 0;
  virtual Result<std::optional<int>> CheckinEvery(int64_t user_id,
                                                  std::optional<int64_t> person) = 0;
};

std::unique_ptr<BidStore> MakeSqliteBidStore(db::Database& db);

}  // namespace securebase::connect
