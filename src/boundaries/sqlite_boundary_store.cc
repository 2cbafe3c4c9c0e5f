#include <fmt/format.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "boundaries/boundary_store.h"

namespace securebase::boundaries {
namespace {

Status NotFound(int64_t id) { return Status::NotFound(fmt::format("no boundary with id {}", id)); }

Status Exists(db::Connection& c, int64_t user_id, int64_t id) {
  TRY_ASSIGN(auto* st, c.Prepare("SELECT 1 FROM boundaries WHERE user_id = ? AND id = ? AND "
                                 "deleted_ms IS NULL"));
  st->BindAll(user_id, id);
  TRY_ASSIGN(bool found, st->Step());
  st->Reset();
  if (!found) return NotFound(id);
  return Status::Ok();
}

class SqliteBoundaryStore final : public BoundaryStore {
 public:
  explicit SqliteBoundaryStore(db::Database& db) : db_(db) {}

  Result<Boundary> Add(int64_t user_id, Boundary b) override {
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("INSERT INTO boundaries (user_id, area, person_id, "
                                     "limit_text, why, script, if_crossed, created_ms, "
                                     "created_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                     "RETURNING id"));
      st->BindAll(user_id, AreaName(b.area), b.person_id, b.limit, b.why, b.script, b.if_crossed,
                  b.created.utc_ms, b.created.offset_minutes);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      b.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return b;
  }

  Result<Boundary> Get(int64_t user_id, int64_t id) override {
    TRY_ASSIGN(auto all, Query(user_id, id, 0, -1));
    if (all.empty()) return NotFound(id);
    return all[0];
  }

  Result<std::vector<Boundary>> List(int64_t user_id) override {
    return Query(user_id, std::nullopt, 0, -1);
  }

  Result<BoundaryPage> Page(int64_t user_id, int limit, const std::string& cursor) override {
    int64_t after = 0;
    if (!cursor.empty() && (std::sscanf(cursor.c_str(), "%" SCNd64, &after) != 1 || after < 0)) {
      return Status::InvalidField("cursor", "is not a cursor this server gave out");
    }
    limit = std::clamp(limit, 1, 500);
    BoundaryPage out;
    TRY_ASSIGN(out.items, Query(user_id, std::nullopt, after, limit + 1));
    if (static_cast<int>(out.items.size()) > limit) {
      out.items.resize(static_cast<size_t>(limit));
      out.next_cursor = std::to_string(out.items.back().id);
    }
    return out;
  }

  Result<Practice> AddPractice(int64_t user_id, int64_t boundary_id, Practice p) override {
    TRY(ValidateSteadiness(p.steadiness));
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY(Exists(c, user_id, boundary_id));
      TRY_ASSIGN(auto* st, c.Prepare("INSERT INTO boundary_practices (user_id, boundary_id, "
                                     "steadiness, at_ms, at_offset) VALUES (?, ?, ?, ?, ?) "
                                     "RETURNING id"));
      st->BindAll(user_id, boundary_id, p.steadiness, p.at.utc_ms, p.at.offset_minutes);
      TRY_ASSIGN(bool row, st->Step());
      if (row) p.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return p;
  }

  Result<Incident> AddIncident(int64_t user_id, int64_t boundary_id, Incident i) override {
    TRY(ValidateIncidentNote(i.note));
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY(Exists(c, user_id, boundary_id));
      TRY_ASSIGN(auto* st, c.Prepare("INSERT INTO boundary_incidents (user_id, boundary_id, "
                                     "kind, note, at_ms, at_offset) VALUES (?, ?, ?, ?, ?, ?) "
                                     "RETURNING id"));
      st->BindAll(user_id, boundary_id, IncidentKindName(i.kind), i.note, i.at.utc_ms,
                  i.at.offset_minutes);
      TRY_ASSIGN(bool row, st->Step());
      if (row) i.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return i;
  }

  Result<Boundary> Update(int64_t user_id, const Boundary& b, Instant now) override {
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE boundaries SET area = ?, person_id = ?, "
                                     "limit_text = ?, why = ?, script = ?, if_crossed = ?, "
                                     "updated_ms = ? WHERE user_id = ? AND id = ? AND "
                                     "deleted_ms IS NULL"));
      st->BindAll(AreaName(b.area), b.person_id, b.limit, b.why, b.script, b.if_crossed, now.utc_ms,
                  user_id, b.id);
      TRY(st->Run());
      if (c.Changes() == 0) return NotFound(b.id);
      return Status::Ok();
    }));
    return Get(user_id, b.id);
  }

  Status Delete(int64_t user_id, int64_t id, Instant now) override {
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE boundaries SET deleted_ms = ? WHERE user_id = ? AND "
                                     "id = ? AND deleted_ms IS NULL"));
      st->BindAll(now.utc_ms, user_id, id);
      TRY(st->Run());
      if (c.Changes() == 0) return NotFound(id);
      // Purge what is past restoring: practice and incidents first (they refer to it).
      int64_t cutoff = now.utc_ms - kRestoreWindowMs;
      for (const char* table : {"boundary_practices", "boundary_incidents"}) {
        TRY_ASSIGN(auto* del, c.Prepare(fmt::format(
                                  "DELETE FROM {} WHERE user_id = ?1 AND boundary_id IN (SELECT "
                                  "id FROM boundaries WHERE user_id = ?1 AND deleted_ms < ?2)",
                                  table)));
        del->BindAll(user_id, cutoff);
        TRY(del->Run());
      }
      TRY_ASSIGN(auto* purge,
                 c.Prepare("DELETE FROM boundaries WHERE user_id = ? AND deleted_ms < ?"));
      purge->BindAll(user_id, cutoff);
      return purge->Run();
    });
  }

  Result<Boundary> Restore(int64_t user_id, int64_t id, Instant now) override {
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE boundaries SET deleted_ms = NULL WHERE user_id = ? "
                                     "AND id = ? AND deleted_ms >= ?"));
      st->BindAll(user_id, id, now.utc_ms - kRestoreWindowMs);
      TRY(st->Run());
      if (c.Changes() == 0) {
        return Status::NotFound(
            fmt::format("no deleted boundary with id {} from the last 30 days to restore", id));
      }
      return Status::Ok();
    }));
    return Get(user_id, id);
  }

 private:
  // Boundaries with id > `after` (or just `id`), oldest first, at most `limit` (-1: all).
  Result<std::vector<Boundary>> Query(int64_t user_id, std::optional<int64_t> id, int64_t after,
                                      int64_t limit) {
    std::vector<Boundary> out;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("SELECT id, area, person_id, limit_text, why, script, "
                                     "if_crossed, created_ms, created_offset, updated_ms FROM "
                                     "boundaries WHERE user_id = ?1 AND deleted_ms IS NULL AND "
                                     "(?2 IS NULL OR id = ?2) AND id > ?3 ORDER BY id LIMIT ?4"));
      st->BindAll(user_id, id, after, limit);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        Boundary b;
        b.id = st->Int(0);
        b.area = ParseArea(st->Text(1)).value_or(Area::kOther);
        b.person_id = st->OptionalInt(2);
        b.limit = st->Text(3);
        b.why = st->Text(4);
        b.script = st->Text(5);
        b.if_crossed = st->Text(6);
        b.created = Instant{st->Int(7), static_cast<int32_t>(st->Int(8))};
        b.updated_ms = st->OptionalInt(9);
        out.push_back(std::move(b));
      }
      TRY_ASSIGN(auto* ps, c.Prepare("SELECT id, steadiness, at_ms, at_offset FROM "
                                     "boundary_practices WHERE user_id = ? AND boundary_id = ? "
                                     "ORDER BY at_ms, id"));
      TRY_ASSIGN(auto* is, c.Prepare("SELECT id, kind, note, at_ms, at_offset FROM "
                                     "boundary_incidents WHERE user_id = ? AND boundary_id = ? "
                                     "ORDER BY at_ms, id"));
      for (Boundary& b : out) {
        ps->BindAll(user_id, b.id);
        for (;;) {
          TRY_ASSIGN(bool row, ps->Step());
          if (!row) break;
          b.practices.push_back({ps->Int(0), static_cast<int>(ps->Int(1)),
                                 Instant{ps->Int(2), static_cast<int32_t>(ps->Int(3))}});
        }
        ps->Reset();
        is->BindAll(user_id, b.id);
        for (;;) {
          TRY_ASSIGN(bool row, is->Step());
          if (!row) break;
          b.incidents.push_back(
              {is->Int(0), ParseIncidentKind(is->Text(1)).value_or(IncidentKind::kHeld),
               is->Text(2), Instant{is->Int(3), static_cast<int32_t>(is->Int(4))}});
        }
        is->Reset();
      }
      return Status::Ok();
    }));
    return out;
  }

  db::Database& db_;
};

}  // namespace

std::unique_ptr<BoundaryStore> MakeSqliteBoundaryStore(db::Database& db) {
  return std::make_unique<SqliteBoundaryStore>(db);
}

}  // namespace securebase::boundaries
