#pragma once
// Where the person's own practices (and their re-timed versions of built-in ones) are kept,
// in the practice file format.
#include <memory>
#include <vector>

#include "platform/clock.h"
#include "platform/db/database.h"
#include "regulate/practice.h"

namespace securebase::regulate {

class PracticeStore {
 public:
  virtual ~PracticeStore() = default;
  // Adds or replaces the practice with `p.id`. REQUIRES: `p` is valid.
  virtual Status Put(int64_t user_id, const Practice& p, Instant now) = 0;
  // Every stored practice, by id; each parsed with origin "yours" and own = true. A stored
  // definition that no longer parses is left out.
  virtual Result<std::vector<Practice>> List(int64_t user_id) = 0;
  // NotFound when the person has no practice of their own with this id.
  virtual Status Remove(int64_t user_id, const std::string& id) = 0;
};

std::unique_ptr<PracticeStore> MakeSqlitePracticeStore(db::Database& db);

}  // namespace securebase::regulate
