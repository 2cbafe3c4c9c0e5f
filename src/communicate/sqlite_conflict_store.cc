#include <fmt/format.h>

#include <algorithm>
#include <cinttypes>
#include <climits>
#include <cstdio>

#include "communicate/conflict_store.h"

namespace securebase::communicate {
namespace {

std::string JoinHorsemen(const std::vector<Horseman>& hs) {
  std::string out;
  for (Horseman h : hs) out += (out.empty() ? "" : ",") + std::string(HorsemanName(h));
  return out;
}

std::vector<Horseman> SplitHorsemen(const std::string& text) {
  std::vector<Horseman> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (auto h = ParseHorseman(std::string_view(text).substr(start, comma - start))) {
      out.push_back(*h);
    }
    start = comma + 1;
  }
  return out;
}

Status NotFound(int64_t id) { return Status::NotFound(fmt::format("no conflict with id {}", id)); }

// Which conflicts a query returns; at most `limit` + 1 rows so the caller can tell whether
// there is more.
struct Query {
  std::optional<int64_t> person_id, id;
  int64_t before_ms = INT64_MAX, before_id = INT64_MAX;
  int limit = -1;  // -1: all
};

class SqliteConflictStore final : public ConflictStore {
 public:
  explicit SqliteConflictStore(db::Database& db) : db_(db) {}

  Result<Conflict> Add(int64_t user_id, Conflict c) override {
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("INSERT INTO conflicts (user_id, person_id, happened_ms, "
                                        "happened_offset, topic, notes, horsemen_me, "
                                        "horsemen_them, flooded_me, flooded_them, outcome, "
                                        "outcome_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                        "RETURNING id"));
      st->BindAll(user_id, c.person_id, c.happened.utc_ms, c.happened.offset_minutes, c.topic,
                  c.notes, JoinHorsemen(c.horsemen_me), JoinHorsemen(c.horsemen_them),
                  c.flooded_me ? 1 : 0, c.flooded_them ? 1 : 0, OutcomeName(c.outcome),
                  c.repaired_ms);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      c.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return c;
  }

  Result<Conflict> Get(int64_t user_id, int64_t id) override {
    Query q;
    q.id = id;
    TRY_ASSIGN(auto all, Run(user_id, q));
    if (all.empty()) return NotFound(id);
    return all[0];
  }

  Result<std::vector<Conflict>> List(int64_t user_id, std::optional<int64_t> person_id) override {
    Query q;
    q.person_id = person_id;
    return Run(user_id, q);
  }

  Result<ConflictPage> Page(int64_t user_id, std::optional<int64_t> person_id, int limit,
                            const std::string& cursor) override {
    Query q;
    q.person_id = person_id;
    if (!cursor.empty() &&
        std::sscanf(cursor.c_str(), "%" SCNd64 ".%" SCNd64, &q.before_ms, &q.before_id) != 2) {
      return Status::InvalidField("cursor", "is not a cursor this server gave out");
    }
    q.limit = std::clamp(limit, 1, 500);
    ConflictPage out;
    TRY_ASSIGN(out.items, Run(user_id, q));
    if (static_cast<int>(out.items.size()) > q.limit) {
      out.items.resize(static_cast<size_t>(q.limit));
      const Conflict& last = out.items.back();
      out.next_cursor = fmt::format("{}.{}", last.happened.utc_ms, last.id);
    }
    return out;
  }

  Result<Conflict> AddRepair(int64_t user_id, int64_t conflict_id, const Repair& r,
                             std::optional<Outcome> outcome) override {
    TRY(ValidateRepair(r));
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY(Exists(conn, user_id, conflict_id));
      TRY_ASSIGN(auto* st, conn.Prepare("INSERT INTO repairs (user_id, conflict_id, by_whom, "
                                        "what, at_ms, at_offset) VALUES (?, ?, ?, ?, ?, ?)"));
      st->BindAll(user_id, conflict_id, r.by_me ? "me" : "them", r.what, r.at.utc_ms,
                  r.at.offset_minutes);
      TRY(st->Run());
      if (outcome) {
        std::optional<int64_t> at;
        if (*outcome == Outcome::kRepaired) at = r.at.utc_ms;
        TRY_ASSIGN(auto* up, conn.Prepare("UPDATE conflicts SET outcome = ?, outcome_ms = ? "
                                          "WHERE user_id = ? AND id = ?"));
        up->BindAll(OutcomeName(*outcome), at, user_id, conflict_id);
        TRY(up->Run());
      }
      return Status::Ok();
    }));
    return Get(user_id, conflict_id);
  }

  Result<Conflict> Update(int64_t user_id, const Conflict& c, Instant now) override {
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st,
                 conn.Prepare("UPDATE conflicts SET person_id = ?, happened_ms = ?, "
                              "happened_offset = ?, topic = ?, notes = ?, horsemen_me = ?, "
                              "horsemen_them = ?, flooded_me = ?, flooded_them = ?, outcome = ?, "
                              "outcome_ms = ?, updated_ms = ? WHERE user_id = ? AND id = ? AND "
                              "deleted_ms IS NULL"));
      st->BindAll(c.person_id, c.happened.utc_ms, c.happened.offset_minutes, c.topic, c.notes,
                  JoinHorsemen(c.horsemen_me), JoinHorsemen(c.horsemen_them), c.flooded_me ? 1 : 0,
                  c.flooded_them ? 1 : 0, OutcomeName(c.outcome), c.repaired_ms, now.utc_ms,
                  user_id, c.id);
      TRY(st->Run());
      if (conn.Changes() == 0) return NotFound(c.id);
      return Status::Ok();
    }));
    return Get(user_id, c.id);
  }

  Status Delete(int64_t user_id, int64_t id, Instant now) override {
    return db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("UPDATE conflicts SET deleted_ms = ? WHERE user_id = ? "
                                        "AND id = ? AND deleted_ms IS NULL"));
      st->BindAll(now.utc_ms, user_id, id);
      TRY(st->Run());
      if (conn.Changes() == 0) return NotFound(id);
      // Purge what is past restoring: repairs first (they refer to their conflict).
      int64_t cutoff = now.utc_ms - kRestoreWindowMs;
      TRY_ASSIGN(auto* repairs,
                 conn.Prepare("DELETE FROM repairs WHERE user_id = ?1 AND conflict_id IN "
                              "(SELECT id FROM conflicts WHERE user_id = ?1 AND deleted_ms < ?2)"));
      repairs->BindAll(user_id, cutoff);
      TRY(repairs->Run());
      TRY_ASSIGN(auto* purge,
                 conn.Prepare("DELETE FROM conflicts WHERE user_id = ? AND deleted_ms < ?"));
      purge->BindAll(user_id, cutoff);
      return purge->Run();
    });
  }

  Result<Conflict> Restore(int64_t user_id, int64_t id, Instant now) override {
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("UPDATE conflicts SET deleted_ms = NULL WHERE user_id = ? "
                                        "AND id = ? AND deleted_ms >= ?"));
      st->BindAll(user_id, id, now.utc_ms - kRestoreWindowMs);
      TRY(st->Run());
      if (conn.Changes() == 0) {
        return Status::NotFound(
            fmt::format("no deleted conflict with id {} from the last 30 days to restore", id));
      }
      return Status::Ok();
    }));
    return Get(user_id, id);
  }

 private:
  static Status Exists(db::Connection& conn, int64_t user_id, int64_t id) {
    TRY_ASSIGN(auto* check, conn.Prepare("SELECT 1 FROM conflicts WHERE user_id = ? AND id = ? "
                                         "AND deleted_ms IS NULL"));
    check->BindAll(user_id, id);
    TRY_ASSIGN(bool found, check->Step());
    check->Reset();
    if (!found) return NotFound(id);
    return Status::Ok();
  }

  Result<std::vector<Conflict>> Run(int64_t user_id, const Query& q) {
    std::vector<Conflict> out;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st,
                 conn.Prepare("SELECT id, person_id, happened_ms, happened_offset, topic, notes, "
                              "horsemen_me, horsemen_them, flooded_me, flooded_them, outcome, "
                              "outcome_ms, updated_ms FROM conflicts WHERE user_id = ?1 AND "
                              "deleted_ms IS NULL AND (?2 IS NULL OR person_id = ?2) AND "
                              "(?3 IS NULL OR id = ?3) AND (happened_ms, id) < (?4, ?5) "
                              "ORDER BY happened_ms DESC, id DESC LIMIT ?6"));
      st->BindAll(user_id, q.person_id, q.id, q.before_ms, q.before_id,
                  q.limit < 0 ? int64_t{-1} : int64_t{q.limit} + 1);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        Conflict c;
        c.id = st->Int(0);
        c.person_id = st->Int(1);
        c.happened = Instant{st->Int(2), static_cast<int32_t>(st->Int(3))};
        c.topic = st->Text(4);
        c.notes = st->Text(5);
        c.horsemen_me = SplitHorsemen(st->Text(6));
        c.horsemen_them = SplitHorsemen(st->Text(7));
        c.flooded_me = st->Int(8) != 0;
        c.flooded_them = st->Int(9) != 0;
        c.outcome = ParseOutcome(st->Text(10)).value_or(Outcome::kNotYet);
        c.repaired_ms = st->OptionalInt(11);
        c.updated_ms = st->OptionalInt(12);
        out.push_back(std::move(c));
      }
      TRY_ASSIGN(auto* rs,
                 conn.Prepare("SELECT id, by_whom, what, at_ms, at_offset FROM repairs "
                              "WHERE user_id = ? AND conflict_id = ? ORDER BY at_ms, id"));
      for (Conflict& c : out) {
        rs->BindAll(user_id, c.id);
        for (;;) {
          TRY_ASSIGN(bool row, rs->Step());
          if (!row) break;
          c.repairs.push_back({rs->Int(0), rs->Text(1) == "me", rs->Text(2),
                               Instant{rs->Int(3), static_cast<int32_t>(rs->Int(4))}});
        }
        rs->Reset();
      }
      return Status::Ok();
    }));
    return out;
  }

  db::Database& db_;
};

}  // namespace

std::unique_ptr<ConflictStore> MakeSqliteConflictStore(db::Database& db) {
  return std::make_unique<SqliteConflictStore>(db);
}

}  // namespace securebase::communicate
