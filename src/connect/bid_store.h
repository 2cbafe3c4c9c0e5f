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

class BidStore {
 public:
  virtual ~BidStore() = default;
  // Inserts a built bid (id ignored). InvalidArgument "person" when the person is unknown.
  virtual Result<Bid> Add(int64_t user_id, Bid b) = 0;
  // Newest first, at most `limit`; `person` set: only bids with that person.
  virtual Result<std::vector<Bid>> List(int64_t user_id, std::optional<int64_t> person,
                                        int limit) = 0;
  // Every bid, oldest first (for statistics).
  virtual Result<std::vector<Bid>> All(int64_t user_id) = 0;

  virtual Result<Checkin> AddCheckin(int64_t user_id, Checkin c) = 0;
  virtual Result<std::vector<Checkin>> Checkins(int64_t user_id, int limit) = 0;
  // How often (days) the person wants to offer a check-in to `person` (nullopt: anyone).
  virtual Status SetCheckinEvery(int64_t user_id, std::optional<int64_t> person, int days) = 0;
  virtual Result<std::optional<int>> CheckinEvery(int64_t user_id,
                                                  std::optional<int64_t> person) = 0;
};

std::unique_ptr<BidStore> MakeSqliteBidStore(db::Database& db);

}  // namespace securebase::connect
