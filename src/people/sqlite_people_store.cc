#include <fmt/format.h>

#include "people/people_store.h"

namespace securebase::people {
namespace {

constexpr const char* kColumns =
    "id, name, relationship, notes, created_ms, created_offset, updated_ms";

Person RowToPerson(const db::Statement& st) {
  Person p;
  p.id = st.Int(0);
  p.name = st.Text(1);
  p.relationship = ParseRelationship(st.Text(2)).value_or(Relationship::kOther);
  p.notes = st.Text(3);
  p.created = Instant{st.Int(4), static_cast<int32_t>(st.Int(5))};
  p.updated_ms = st.Int(6);
  return p;
}

// Runs a query that yields people and collects them.
Result<std::vector<Person>> Collect(db::Statement* st) {
  std::vector<Person> out;
  for (;;) {
    TRY_ASSIGN(bool row, st->Step());
    if (!row) break;
    out.push_back(RowToPerson(*st));
  }
  return out;
}

class SqlitePeopleStore final : public PeopleStore {
 public:
  explicit SqlitePeopleStore(db::Database& db) : db_(db) {}

  Result<Person> Add(int64_t user_id, const PersonEdit& edit, Instant now) override {
    TRY(ValidatePersonEdit(edit, /*creating=*/true));
    Person p;
    ApplyEdit(edit, p);
    p.created = now;
    p.updated_ms = now.utc_ms;
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("INSERT INTO people (user_id, name, relationship, notes, "
                                     "created_ms, created_offset, updated_ms) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
      st->BindAll(user_id, p.name, RelationshipName(p.relationship), p.notes, now.utc_ms,
                  now.offset_minutes, now.utc_ms);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      p.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return p;
  }

  Result<std::vector<Person>> List(int64_t user_id) override {
    std::vector<Person> out;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare(fmt::format("SELECT {} FROM people WHERE user_id = ? AND "
                                                 "deleted_ms IS NULL ORDER BY name COLLATE "
                                                 "NOCASE, id",
                                                 kColumns)));
      st->BindAll(user_id);
      TRY_ASSIGN(out, Collect(st));
      return Status::Ok();
    }));
    return out;
  }

  Result<Person> Get(int64_t user_id, int64_t id) override { return GetWhere(user_id, id, false); }

  Result<Person> Find(int64_t user_id, const std::string& id_or_name) override {
    if (!id_or_name.empty() &&
        id_or_name.find_first_not_of("0123456789") == std::string::npos && id_or_name.size() < 18) {
      return Get(user_id, std::stoll(id_or_name));
    }
    std::vector<Person> matches;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare(fmt::format("SELECT {} FROM people WHERE user_id = ? AND "
                                                 "deleted_ms IS NULL AND name = ? COLLATE NOCASE "
                                                 "ORDER BY id",
                                                 kColumns)));
      st->BindAll(user_id, id_or_name);
      TRY_ASSIGN(matches, Collect(st));
      return Status::Ok();
    }));
    if (matches.empty()) {
      return Status::NotFound(fmt::format(
          "nobody called '{}'; 'securebase people list' shows who is there", id_or_name));
    }
    if (matches.size() > 1) {
      std::string ids;
      for (auto& m : matches) ids += (ids.empty() ? "" : ", ") + std::to_string(m.id);
      return Status::Invalid(fmt::format(
          "{} people are called '{}' (ids {}); use the id instead", matches.size(), id_or_name, ids));
    }
    return matches[0];
  }

  Result<Person> Edit(int64_t user_id, int64_t id, const PersonEdit& edit, Instant now) override {
    TRY(ValidatePersonEdit(edit, /*creating=*/false));
    TRY_ASSIGN(Person p, Get(user_id, id));
    ApplyEdit(edit, p);
    p.updated_ms = now.utc_ms;
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE people SET name = ?, relationship = ?, notes = ?, "
                                     "updated_ms = ? WHERE user_id = ? AND id = ? AND "
                                     "deleted_ms IS NULL"));
      st->BindAll(p.name, RelationshipName(p.relationship), p.notes, now.utc_ms, user_id, id);
      TRY(st->Run());
      if (c.Changes() == 0) return Status::NotFound(fmt::format("no person with id {}", id));
      return Status::Ok();
    }));
    return p;
  }

  Result<References> ReferencesTo(int64_t user_id, int64_t id) override {
    References refs;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("SELECT count(*) FROM assessments WHERE user_id = ? AND "
                                     "about_person_id = ?"));
      st->BindAll(user_id, id);
      TRY(st->Step().status());
      refs.assessments = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return refs;
  }

  Status Remove(int64_t user_id, int64_t id, Instant now) override {
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE people SET deleted_ms = ? WHERE user_id = ? AND "
                                     "id = ? AND deleted_ms IS NULL"));
      st->BindAll(now.utc_ms, user_id, id);
      TRY(st->Run());
      if (c.Changes() == 0) return Status::NotFound(fmt::format("no person with id {}", id));
      return Status::Ok();
    });
  }

  Result<Person> Restore(int64_t user_id, int64_t id) override {
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE people SET deleted_ms = NULL WHERE user_id = ? AND "
                                     "id = ? AND deleted_ms IS NOT NULL"));
      st->BindAll(user_id, id);
      TRY(st->Run());
      if (c.Changes() == 0) {
        return Status::NotFound(fmt::format("no removed person with id {}", id));
      }
      return Status::Ok();
    }));
    return Get(user_id, id);
  }

 private:
  Result<Person> GetWhere(int64_t user_id, int64_t id, bool include_removed) {
    std::optional<Person> found;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare(fmt::format("SELECT {} FROM people WHERE user_id = ? AND id = ?{}",
                                       kColumns, include_removed ? "" : " AND deleted_ms IS NULL")));
      st->BindAll(user_id, id);
      TRY_ASSIGN(bool row, st->Step());
      if (row) found = RowToPerson(*st);
      st->Reset();
      return Status::Ok();
    }));
    if (!found) return Status::NotFound(fmt::format("no person with id {}", id));
    return *found;
  }

  db::Database& db_;
};

}  // namespace

std::unique_ptr<PeopleStore> MakeSqlitePeopleStore(db::Database& db) {
  return std::make_unique<SqlitePeopleStore>(db);
}

}  // namespace securebase::people
