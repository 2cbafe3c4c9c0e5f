#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdio>

#include "regulate/session.h"

namespace securebase::regulate {
namespace {

constexpr const char* kColumns =
    "id, practice_id, practice_name, distress_before, distress_after, energy, helped, "
    "stopped_early, planned_ms, practiced_ms, person_id, reflection_id, started_ms, "
    "started_offset, ended_ms, ended_offset";

Session RowToSession(const db::Statement& st) {
  Session s;
  s.id = st.Int(0);
  s.practice_id = st.Text(1);
  s.practice_name = st.Text(2);
  s.distress_before = static_cast<int>(st.Int(3));
  if (auto a = st.OptionalInt(4)) s.distress_after = static_cast<int>(*a);
  s.energy = ParseEnergy(st.Text(5)).value_or(Energy::kHigh);
  if (auto h = st.OptionalText(6)) s.helped = ParseHelped(*h);
  s.stopped_early = st.Int(7) != 0;
  s.planned_ms = st.Int(8);
  s.practiced_ms = st.Int(9);
  s.person_id = st.OptionalInt(10);
  s.reflection_id = st.OptionalInt(11);
  s.started = Instant{st.Int(12), static_cast<int32_t>(st.Int(13))};
  s.ended = Instant{st.Int(14), static_cast<int32_t>(st.Int(15))};
  return s;
}

Result<std::vector<Session>> Collect(db::Statement* st) {
  std::vector<Session> out;
  for (;;) {
    TRY_ASSIGN(bool row, st->Step());
    if (!row) break;
    out.push_back(RowToSession(*st));
  }
  return out;
}

class SqliteSessionStore final : public SessionStore {
 public:
  explicit SqliteSessionStore(db::Database& db) : db_(db) {}

  Result<Session> Insert(int64_t user_id, Session s) override {
    std::optional<std::string> helped;
    if (s.helped) helped = std::string(HelpedName(*s.helped));
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare("INSERT INTO regulation_sessions (user_id, practice_id, practice_name, "
                           "distress_before, distress_after, energy, helped, stopped_early, "
                           "planned_ms, practiced_ms, person_id, reflection_id, started_ms, "
                           "started_offset, ended_ms, ended_offset) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
      std::optional<int64_t> after;
      if (s.distress_after) after = *s.distress_after;
      st->BindAll(user_id, s.practice_id, s.practice_name, s.distress_before, after,
                  EnergyName(s.energy), helped, s.stopped_early ? 1 : 0, s.planned_ms,
                  s.practiced_ms, s.person_id, s.reflection_id, s.started.utc_ms,
                  s.started.offset_minutes, s.ended.utc_ms, s.ended.offset_minutes);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      s.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return s;
  }

  Result<Session> Get(int64_t user_id, int64_t id) override {
    std::optional<Session> found;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare(fmt::format(
                     "SELECT {} FROM regulation_sessions WHERE user_id = ? AND id = ?", kColumns)));
      st->BindAll(user_id, id);
      TRY_ASSIGN(bool row, st->Step());
      if (row) found = RowToSession(*st);
      st->Reset();
      return Status::Ok();
    }));
    if (!found) return Status::NotFound(fmt::format("no practice session with id {}", id));
    return *found;
  }

  Result<SessionPage> List(int64_t user_id, const std::string& practice, int limit,
                           const std::string& cursor) override {
    int64_t cursor_ms = INT64_MAX, cursor_id = INT64_MAX;
    if (!cursor.empty() && std::sscanf(cursor.c_str(), "%ld.%ld", &cursor_ms, &cursor_id) != 2) {
      return Status::InvalidField("cursor", "is not a cursor this server gave out");
    }
    limit = std::clamp(limit, 1, 500);
    SessionPage page;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare(fmt::format(
                     "SELECT {} FROM regulation_sessions WHERE user_id = ?1 AND "
                     "(started_ms < ?2 OR (started_ms = ?2 AND id < ?3)) AND "
                     "(?4 = '' OR practice_id = ?4) ORDER BY started_ms DESC, id DESC LIMIT ?5",
                     kColumns)));
      st->BindAll(user_id, cursor_ms, cursor_id, practice, limit + 1);
      TRY_ASSIGN(page.items, Collect(st));
      return Status::Ok();
    }));
    if (page.items.size() > static_cast<size_t>(limit)) {
      page.items.resize(static_cast<size_t>(limit));
      const Session& last = page.items.back();
      page.next_cursor = fmt::format("{}.{}", last.started.utc_ms, last.id);
    }
    return page;
  }

  Result<std::vector<Session>> All(int64_t user_id) override {
    std::vector<Session> out;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare(fmt::format("SELECT {} FROM regulation_sessions WHERE "
                                                 "user_id = ? ORDER BY started_ms, id",
                                                 kColumns)));
      st->BindAll(user_id);
      TRY_ASSIGN(out, Collect(st));
      return Status::Ok();
    }));
    return out;
  }

 private:
  db::Database& db_;
};

}  // namespace

std::unique_ptr<SessionStore> MakeSqliteSessionStore(db::Database& db) {
  return std::make_unique<SqliteSessionStore>(db);
}

}  // namespace securebase::regulate
