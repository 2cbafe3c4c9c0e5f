#include <fmt/format.h>

#include "boundaries/boundary_store.h"

namespace securebase::boundaries {
namespace {

Status Exists(db::Connection& c, int64_t user_id, int64_t id) {
  TRY_ASSIGN(auto* st, c.Prepare("SELECT 1 FROM boundaries WHERE user_id = ? AND id = ?"));
  st->BindAll(user_id, id);
  TRY_ASSIGN(bool found, st->Step());
  st->Reset();
  if (!found) return Status::NotFound(fmt::format("no boundary with id {}", id));
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
    TRY_ASSIGN(auto all, Query(user_id, id));
    if (all.empty()) return Status::NotFound(fmt::format("no boundary with id {}", id));
    return all[0];
  }

  Result<std::vector<Boundary>> List(int64_t user_id) override {
    return Query(user_id, std::nullopt);
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

 private:
  Result<std::vector<Boundary>> Query(int64_t user_id, std::optional<int64_t> id) {
    std::vector<Boundary> out;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("SELECT id, area, person_id, limit_text, why, script, "
                                     "if_crossed, created_ms, created_offset FROM boundaries "
                                     "WHERE user_id = ?1 AND (?2 IS NULL OR id = ?2) ORDER BY id"));
      st->BindAll(user_id, id);
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
