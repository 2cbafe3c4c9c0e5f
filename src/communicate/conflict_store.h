#pragma once
// Where conflicts and their repair attempts are kept.
#include <memory>
#include <vector>

#include "communicate/conflict.h"
#include "platform/db/database.h"

namespace securebase::communicate {

class ConflictStore {
 public:
  virtual ~ConflictStore() = default;
  // Inserts a conflict from ConflictFromInput (id ignored); returns it with its id.
  virtual Result<Conflict> Add(int64_t user_id, Conflict c) = 0;
  // With repairs; NotFound when there is no such conflict.
  virtual Result<Conflict> Get(int64_t user_id, int64_t id) = 0;
  // Newest first, with repairs; `person_id` set: only conflicts with them.
  virtual Result<std::vector<Conflict>> List(int64_t user_id, std::optional<int64_t> person_id) = 0;
  // Adds a repair attempt and, when `outcome` is set, records it (repaired: at r.at).
  virtual Result<Conflict> AddRepair(int64_t user_id, int64_t conflict_id, const Repair& r,
                                     std::optional<Outcome> outcome) = 0;
};

std::unique_ptr<ConflictStore> MakeSqliteConflictStore(db::Database& db);

}  // namespace securebase::communicate
