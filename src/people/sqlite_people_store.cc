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
    if (!id_or_name.empty() && id_or_name.find_first_not_of("0123456789") == std::string::npos &&
        id_or_name.size() < 18) {
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
      return Status::Invalid(fmt::format("{} people are called '{}' (ids {}); use the id instead",
                                         matches.size(), id_or_name, ids));
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

  // Counts rows in every table that refers to people: through a foreign key to people(id),
  // or through a JSON array of ids in a column named "people" (reflections). Rows marked
  // deleted (deleted_ms set) are not counted. New steps' tables are found without changes
  // here.
  Result<References> ReferencesTo(int64_t user_id, int64_t id) override {
    References refs;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      struct Ref {
        std::string table, column;
        bool by_list, has_user, has_deleted;
      };
      std::vector<Ref> found;
      TRY_ASSIGN(
          auto* st,
          c.Prepare("SELECT m.name, p.name, p.name = 'people' AND f.\"from\" IS NULL, "
                    " EXISTS(SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'user_id'), "
                    " EXISTS(SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'deleted_ms') "
                    "FROM sqlite_schema m JOIN pragma_table_info(m.name) p "
                    "LEFT JOIN pragma_foreign_key_list(m.name) f ON f.\"from\" = p.name "
                    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'people' "
                    " AND (f.\"table\" = 'people' OR (p.name = 'people' AND f.\"from\" IS NULL)) "
                    "ORDER BY m.name, p.name"));
      while (true) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        found.push_back(
            {st->Text(0), st->Text(1), st->Int(2) != 0, st->Int(3) != 0, st->Int(4) != 0});
      }
      st->Reset();
      for (const Ref& r : found) {
        std::string sql = fmt::format("SELECT count(*) FROM \"{}\" WHERE ", r.table);
        sql += r.by_list ? fmt::format("EXISTS (SELECT 1 FROM json_each(\"{}\") WHERE value = ?1)",
                                       r.column)
                         : fmt::format("\"{}\" = ?1", r.column);
        sql += r.has_user ? " AND user_id = ?2" : " AND ?2 IS NOT NULL";
        if (r.has_deleted) sql += " AND deleted_ms IS NULL";
        TRY_ASSIGN(auto* count, c.Prepare(sql));
        count->BindAll(id, user_id);
        TRY(count->Step().status());
        int64_t n = count->Int(0);
        count->Reset();
        if (n == 0) continue;
        if (!refs.counts.empty() && refs.counts.back().first == r.table)
          refs.counts.back().second += n;  // a second column of the same table
        else
          refs.counts.emplace_back(r.table, n);
      }
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
      TRY_ASSIGN(auto* st, c.Prepare(fmt::format(
                               "SELECT {} FROM people WHERE user_id = ? AND id = ?{}", kColumns,
                               include_removed ? "" : " AND deleted_ms IS NULL")));
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
