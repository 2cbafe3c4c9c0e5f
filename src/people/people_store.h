#pragma once
// Where people are kept. Features and commands use this interface, never SQL directly,
// so the PostgreSQL store can follow without touching them.
#include <memory>
#include <vector>

#include "people/person.h"
#include "platform/db/database.h"

namespace securebase::people {

class PeopleStore {
 public:
  virtual ~PeopleStore() = default;
  // Adds a validated person for `user_id`; returns it with its id.
  virtual Result<Person> Add(int64_t user_id, const PersonEdit& edit, Instant now) = 0;
  // People not removed, by name.
  virtual Result<std::vector<Person>> List(int64_t user_id) = 0;
  // NotFound when there is no such person (or they were removed).
  virtual Result<Person> Get(int64_t user_id, int64_t id) = 0;
  // Finds by id ("3") or by name, case-insensitively ("alex"). NotFound or, when several
  // people share the name, InvalidArgument listing their ids.
  virtual Result<Person> Find(int64_t user_id, const std::string& id_or_name) = 0;
  virtual Result<Person> Edit(int64_t user_id, int64_t id, const PersonEdit& edit,
                              Instant now) = 0;
  virtual Result<References> ReferencesTo(int64_t user_id, int64_t id) = 0;
  // Hides the person and what refers to them; Restore undoes it.
  virtual Status Remove(int64_t user_id, int64_t id, Instant now) = 0;
  virtual Result<Person> Restore(int64_t user_id, int64_t id) = 0;
};

// The SQLite store. `db` must outlive it.
std::unique_ptr<PeopleStore> MakeSqlitePeopleStore(db::Database& db);

}  // namespace securebase::people
