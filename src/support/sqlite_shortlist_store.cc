#include <fmt/format.h>

#include <charconv>

#include "support/shortlist.h"

namespace securebase::support {
namespace {

constexpr const char* kSelect =
    "SELECT s.id, s.provider_id, p.name, s.status, s.notes, s.next_date, s.added_ms, "
    "s.added_offset, s.status_ms, s.status_offset FROM shortlist s JOIN providers p ON p.id = "
    "s.provider_id";

ShortlistEntry RowToEntry(const db::Statement& st) {
  ShortlistEntry e;
  e.id = st.Int(0);
  e.provider_id = st.Int(1);
  e.provider_name = st.Text(2);
  e.status = ParseStatus(st.Text(3)).value_or(ShortlistStatus::kToContact);
  e.notes = st.Text(4);
  e.next_date = st.OptionalInt(5);
  e.added = Instant{st.Int(6), static_cast<int32_t>(st.Int(7))};
  e.status_since = Instant{st.Int(8), static_cast<int32_t>(st.Int(9))};
  return e;
}

Status LoadHistory(db::Connection& conn, ShortlistEntry& e) {
  TRY_ASSIGN(auto* st, conn.Prepare("SELECT status, at_ms, at_offset FROM shortlist_history "
                                    "WHERE entry_id = ? ORDER BY at_ms, rowid"));
  st->BindAll(e.id);
  e.history.clear();
  for (;;) {
    TRY_ASSIGN(bool row, st->Step());
    if (!row) break;
    e.history.push_back({ParseStatus(st->Text(0)).value_or(ShortlistStatus::kToContact),
                         Instant{st->Int(1), static_cast<int32_t>(st->Int(2))}});
  }
  return Status::Ok();
}

Status AddHistory(db::Connection& conn, int64_t entry, ShortlistStatus s, Instant now) {
  TRY_ASSIGN(auto* st, conn.Prepare("INSERT INTO shortlist_history (entry_id, status, at_ms, "
                                    "at_offset) VALUES (?, ?, ?, ?)"));
  st->BindAll(entry, StatusId(s), now.utc_ms, now.offset_minutes);
  return st->Run();
}

Result<std::optional<ShortlistEntry>> Fetch(db::Connection& conn, int64_t user_id,
                                            const std::string& where, int64_t value, bool deleted) {
  TRY_ASSIGN(auto* st, conn.Prepare(fmt::format("{} WHERE s.user_id = ? AND {} = ? AND "
                                                "s.deleted_ms IS {}NULL",
                                                kSelect, where, deleted ? "NOT " : "")));
  st->BindAll(user_id, value);
  TRY_ASSIGN(bool row, st->Step());
  std::optional<ShortlistEntry> e;
  if (row) e = RowToEntry(*st);
  st->Reset();
  if (e) TRY(LoadHistory(conn, *e));
  return e;
}

class SqliteShortlistStore final : public ShortlistStore {
 public:
  explicit SqliteShortlistStore(db::Database& db) : db_(db) {}

  Result<ShortlistEntry> Add(int64_t user_id, int64_t provider_id, ShortlistStatus status,
                             const std::string& notes, std::optional<int64_t> next_date,
                             Instant now) override {
    TRY(ValidateShortlistNotes(notes));
    std::optional<ShortlistEntry> out;
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* check, conn.Prepare("SELECT 1 FROM providers WHERE id = ?"));
      check->BindAll(provider_id);
      TRY_ASSIGN(bool exists, check->Step());
      check->Reset();
      if (!exists) {
        return Status::InvalidField(
            "therapist", fmt::format("no therapist with id {} in the directory", provider_id));
      }
      TRY_ASSIGN(auto live, Fetch(conn, user_id, "s.provider_id", provider_id, false));
      if (live) {
        return Status::Conflict(fmt::format("{} is already on your shortlist (entry {})",
                                            live->provider_name, live->id));
      }
      TRY_ASSIGN(auto* st,
                 conn.Prepare("INSERT INTO shortlist (user_id, provider_id, status, notes, "
                              "next_date, added_ms, added_offset, status_ms, status_offset, "
                              "updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7, ?6) "
                              "ON CONFLICT (user_id, provider_id) DO UPDATE SET status = "
                              "excluded.status, notes = excluded.notes, next_date = "
                              "excluded.next_date, added_ms = excluded.added_ms, added_offset = "
                              "excluded.added_offset, status_ms = excluded.status_ms, "
                              "status_offset = excluded.status_offset, updated_ms = "
                              "excluded.updated_ms, deleted_ms = NULL RETURNING id"));
      st->BindAll(user_id, provider_id, StatusId(status), notes, next_date, now.utc_ms,
                  now.offset_minutes);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      int64_t id = st->Int(0);
      st->Reset();
      TRY_ASSIGN(auto* clear, conn.Prepare("DELETE FROM shortlist_history WHERE entry_id = ?"));
      clear->BindAll(id);
      TRY(clear->Run());
      TRY(AddHistory(conn, id, status, now));
      TRY_ASSIGN(out, Fetch(conn, user_id, "s.id", id, false));
      return Status::Ok();
    }));
    return *out;
  }

  Result<ShortlistEntry> Get(int64_t user_id, int64_t id) override {
    std::optional<ShortlistEntry> e;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(e, Fetch(conn, user_id, "s.id", id, false));
      return Status::Ok();
    }));
    if (!e) return Status::NotFound(fmt::format("no shortlist entry with id {}", id));
    return *e;
  }

  Result<std::optional<ShortlistEntry>> ForProvider(int64_t user_id, int64_t provider_id) override {
    std::optional<ShortlistEntry> e;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(e, Fetch(conn, user_id, "s.provider_id", provider_id, false));
      return Status::Ok();
    }));
    return e;
  }

  Result<ShortlistPage> List(int64_t user_id, std::optional<ShortlistStatus> status, int limit,
                             const std::string& cursor) override {
    int64_t after = 0;
    if (!cursor.empty()) {
      auto [p, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), after);
      if (ec != std::errc() || p != cursor.data() + cursor.size() || after < 0) {
        return Status::InvalidField("cursor", "is not a value from a previous page");
      }
    }
    ShortlistPage page;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare(fmt::format(
                               "{} WHERE s.user_id = ? AND s.deleted_ms IS NULL AND s.id > ? AND "
                               "(? = '' OR s.status = ?) ORDER BY s.id LIMIT ?",
                               kSelect)));
      std::string s = status ? std::string(StatusId(*status)) : "";
      st->BindAll(user_id, after, s, s, limit + 1);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        page.items.push_back(RowToEntry(*st));
      }
      st->Reset();
      if (page.items.size() > static_cast<size_t>(limit)) {
        page.items.resize(static_cast<size_t>(limit));
        page.next_cursor = std::to_string(page.items.back().id);
      }
      for (auto& e : page.items) TRY(LoadHistory(conn, e));
      return Status::Ok();
    }));
    return page;
  }

  Result<ShortlistEntry> Update(int64_t user_id, int64_t id, const Change& change,
                                Instant now) override {
    if (change.notes) TRY(ValidateShortlistNotes(*change.notes));
    std::optional<ShortlistEntry> out;
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto current, Fetch(conn, user_id, "s.id", id, false));
      if (!current) return Status::NotFound(fmt::format("no shortlist entry with id {}", id));
      bool new_status = change.status && *change.status != current->status;
      int64_t date = 0;
      bool has_date = false;
      if (change.next_date) {
        date = *change.next_date;
        has_date = true;
      } else if (current->next_date && !change.clear_date) {
        date = *current->next_date;
        has_date = true;
      }
      TRY_ASSIGN(auto* st,
                 conn.Prepare("UPDATE shortlist SET status = ?, notes = ?, next_date = ?, "
                              "status_ms = ?, status_offset = ?, updated_ms = ? WHERE id = ?"));
      Instant since = new_status ? now : current->status_since;
      st->BindAll(StatusId(change.status.value_or(current->status)),
                  change.notes.value_or(current->notes), date, since.utc_ms, since.offset_minutes,
                  now.utc_ms, id);
      if (!has_date) st->Bind(3, std::nullopt);
      TRY(st->Run());
      if (new_status) TRY(AddHistory(conn, id, *change.status, now));
      TRY_ASSIGN(out, Fetch(conn, user_id, "s.id", id, false));
      return Status::Ok();
    }));
    return *out;
  }

  Status Remove(int64_t user_id, int64_t id, Instant now) override {
    return db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* purge, conn.Prepare("DELETE FROM shortlist WHERE user_id = ? AND "
                                           "deleted_ms IS NOT NULL AND deleted_ms < ?"));
      purge->BindAll(user_id, now.utc_ms - kShortlistRestoreMs);
      TRY(purge->Run());
      TRY_ASSIGN(auto* st, conn.Prepare("UPDATE shortlist SET deleted_ms = ?, updated_ms = ? "
                                        "WHERE user_id = ? AND id = ? AND deleted_ms IS NULL"));
      st->BindAll(now.utc_ms, now.utc_ms, user_id, id);
      TRY(st->Run());
      if (conn.Changes() == 0)
        return Status::NotFound(fmt::format("no shortlist entry with id {}", id));
      return Status::Ok();
    });
  }

  Result<ShortlistEntry> Restore(int64_t user_id, int64_t id, Instant now) override {
    std::optional<ShortlistEntry> out;
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("UPDATE shortlist SET deleted_ms = NULL, updated_ms = ? "
                                        "WHERE user_id = ? AND id = ? AND deleted_ms >= ?"));
      st->BindAll(now.utc_ms, user_id, id, now.utc_ms - kShortlistRestoreMs);
      TRY(st->Run());
      if (conn.Changes() == 0) {
        return Status::NotFound(fmt::format(
            "no removed shortlist entry {} to restore (removals can be undone for 30 days)", id));
      }
      TRY_ASSIGN(out, Fetch(conn, user_id, "s.id", id, false));
      return Status::Ok();
    }));
    return *out;
  }

 private:
  db::Database& db_;
};

}  // namespace

std::unique_ptr<ShortlistStore> MakeSqliteShortlistStore(db::Database& db) {
  return std::make_unique<SqliteShortlistStore>(db);
}

}  // namespace securebase::support
