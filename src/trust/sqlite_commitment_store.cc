#include <fmt/format.h>

#include "trust/commitment_store.h"

namespace securebase::trust {
namespace {

constexpr const char* kColumns =
    "id, person_id, direction, what, due_day, due_minutes, zone, repeat, month_day, until_day, "
    "renegotiated_from, archived, created_ms, created_offset";

Commitment RowToCommitment(const db::Statement& st) {
  Commitment c;
  c.id = st.Int(0);
  c.person_id = st.OptionalInt(1);
  c.direction = ParseDirection(st.Text(2)).value_or(Direction::kMine);
  c.what = st.Text(3);
  c.due_day = st.OptionalInt(4);
  if (auto m = st.OptionalInt(5)) c.due_minutes = static_cast<int>(*m);
  c.zone = st.Text(6);
  auto repeat = ParseRepeat(st.Text(7), c.due_day.value_or(0));
  if (repeat.ok()) c.repeat = *repeat;
  c.repeat.month_day = static_cast<int>(st.Int(8));
  c.until_day = st.OptionalInt(9);
  c.renegotiated_from = st.OptionalInt(10);
  c.archived = st.Int(11) != 0;
  c.created = Instant{st.Int(12), static_cast<int32_t>(st.Int(13))};
  return c;
}

class SqliteCommitmentStore final : public CommitmentStore {
 public:
  explicit SqliteCommitmentStore(db::Database& db) : db_(db) {}

  Result<Commitment> Add(int64_t user_id, Commitment c, Instant now) override {
    c.created = now;
    std::optional<int64_t> minutes;
    if (c.due_minutes) minutes = *c.due_minutes;
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      if (c.person_id) {
        TRY_ASSIGN(auto* check, conn.Prepare("SELECT 1 FROM people WHERE user_id = ? AND id = ? "
                                             "AND deleted_ms IS NULL"));
        check->BindAll(user_id, *c.person_id);
        TRY_ASSIGN(bool found, check->Step());
        check->Reset();
        if (!found) return Status::InvalidField("person", "is not someone in your people list");
      }
      TRY_ASSIGN(auto* st,
                 conn.Prepare("INSERT INTO commitments (user_id, person_id, direction, what, "
                              "due_day, due_minutes, zone, repeat, month_day, until_day, "
                              "renegotiated_from, archived, created_ms, created_offset, "
                              "updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) "
                              "RETURNING id"));
      st->BindAll(user_id, c.person_id, DirectionName(c.direction), c.what, c.due_day, minutes,
                  c.zone, RepeatText(c.repeat), c.repeat.month_day, c.until_day,
                  c.renegotiated_from, now.utc_ms, now.offset_minutes, now.utc_ms);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      c.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return c;
  }

  Result<Commitment> Get(int64_t user_id, int64_t id) override {
    std::optional<Commitment> found;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st,
                 conn.Prepare(fmt::format("SELECT {} FROM commitments WHERE user_id = ? AND id = ?",
                                          kColumns)));
      st->BindAll(user_id, id);
      TRY_ASSIGN(bool row, st->Step());
      if (row) found = RowToCommitment(*st);
      st->Reset();
      return Status::Ok();
    }));
    if (!found) return Status::NotFound(fmt::format("no commitment with id {}", id));
    return *found;
  }

  Result<std::vector<Commitment>> List(int64_t user_id, bool include_archived) override {
    std::vector<Commitment> out;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare(fmt::format("SELECT {} FROM commitments WHERE user_id = ? "
                                                    "AND (? OR archived = 0) ORDER BY id",
                                                    kColumns)));
      st->BindAll(user_id, include_archived ? 1 : 0);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        out.push_back(RowToCommitment(*st));
      }
      return Status::Ok();
    }));
    return out;
  }

  Result<std::vector<OccurrenceOutcome>> Outcomes(int64_t user_id) override {
    std::vector<OccurrenceOutcome> out;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("SELECT commitment_id, day, outcome, note, at_ms, "
                                        "at_offset FROM commitment_outcomes WHERE user_id = ? "
                                        "ORDER BY commitment_id, day"));
      st->BindAll(user_id);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        OccurrenceOutcome o;
        o.commitment_id = st->Int(0);
        o.day = st->Int(1);
        o.outcome = ParseOutcome(st->Text(2)).value_or(Outcome::kOpen);
        o.note = st->Text(3);
        o.at = Instant{st->Int(4), static_cast<int32_t>(st->Int(5))};
        out.push_back(std::move(o));
      }
      return Status::Ok();
    }));
    return out;
  }

  Status SetOutcome(int64_t user_id, const OccurrenceOutcome& o) override {
    return db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st,
                 conn.Prepare("INSERT INTO commitment_outcomes (user_id, commitment_id, day, "
                              "outcome, note, at_ms, at_offset) SELECT ?1, id, ?3, ?4, ?5, ?6, ?7 "
                              "FROM commitments WHERE user_id = ?1 AND id = ?2 "
                              "ON CONFLICT (commitment_id, day) DO UPDATE SET "
                              "outcome = excluded.outcome, note = excluded.note, "
                              "at_ms = excluded.at_ms, at_offset = excluded.at_offset"));
      st->BindAll(user_id, o.commitment_id, o.day, OutcomeName(o.outcome), o.note, o.at.utc_ms,
                  o.at.offset_minutes);
      TRY(st->Run());
      if (conn.Changes() == 0) {
        return Status::NotFound(fmt::format("no commitment with id {}", o.commitment_id));
      }
      return Status::Ok();
    });
  }

  Status Archive(int64_t user_id, int64_t id, Instant now) override {
    return SetArchived(user_id, id, now, true);
  }

  Status Restore(int64_t user_id, int64_t id, Instant now) override {
    return SetArchived(user_id, id, now, false);
  }

 private:
  Status SetArchived(int64_t user_id, int64_t id, Instant now, bool archived) {
    return db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("UPDATE commitments SET archived = ?, updated_ms = ? "
                                        "WHERE user_id = ? AND id = ?"));
      st->BindAll(archived ? 1 : 0, now.utc_ms, user_id, id);
      TRY(st->Run());
      if (conn.Changes() == 0) return Status::NotFound(fmt::format("no commitment with id {}", id));
      return Status::Ok();
    });
  }

  db::Database& db_;
};

}  // namespace

std::unique_ptr<CommitmentStore> MakeSqliteCommitmentStore(db::Database& db) {
  return std::make_unique<SqliteCommitmentStore>(db);
}

}  // namespace securebase::trust
