#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "connect/bid_store.h"

namespace securebase::connect {
namespace {

constexpr const char* kColumns =
    "id, person_id, direction, kind, response, feeling, at_ms, at_offset";

Bid RowToBid(const db::Statement& st) {
  Bid b;
  b.id = st.Int(0);
  b.person_id = st.OptionalInt(1);
  b.direction = ParseBidDirection(st.Text(2)).value_or(BidDirection::kReceived);
  b.kind = ParseBidKind(st.Text(3)).value_or(BidKind::kOther);
  b.response = ParseResponse(st.Text(4)).value_or(Response::kMissed);
  b.feeling = st.Text(5);
  b.at = Instant{st.Int(6), static_cast<int32_t>(st.Int(7))};
  return b;
}

Status CheckPerson(db::Connection& conn, int64_t user_id, std::optional<int64_t> person) {
  if (!person) return Status::Ok();
  TRY_ASSIGN(auto* st, conn.Prepare("SELECT 1 FROM people WHERE user_id = ? AND id = ? AND "
                                    "deleted_ms IS NULL"));
  st->BindAll(user_id, *person);
  TRY_ASSIGN(bool found, st->Step());
  st->Reset();
  if (!found) return Status::InvalidField("person", "is not someone in your people list");
  return Status::Ok();
}

class SqliteBidStore final : public BidStore {
 public:
  explicit SqliteBidStore(db::Database& db) : db_(db) {}

  Result<Bid> Add(int64_t user_id, Bid b) override {
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY(CheckPerson(conn, user_id, b.person_id));
      TRY_ASSIGN(auto* st, conn.Prepare("INSERT INTO bids (user_id, person_id, direction, kind, "
                                        "response, feeling, at_ms, at_offset) VALUES "
                                        "(?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
      st->BindAll(user_id, b.person_id, BidDirectionName(b.direction), BidKindName(b.kind),
                  ResponseName(b.response), b.feeling, b.at.utc_ms, b.at.offset_minutes);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      b.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return b;
  }

  Result<std::vector<Bid>> List(int64_t user_id, std::optional<int64_t> person, int limit,
                                std::optional<BidKey> before) override {
    // Keyset paging: (at_ms, id) below the last one sent, on the bids_by_time index.
    int64_t at = before ? before->at_ms : INT64_MAX, id = before ? before->id : INT64_MAX;
    return Query(fmt::format("SELECT {} FROM bids WHERE user_id = ?1 AND (?2 IS NULL OR "
                             "person_id = ?2) AND deleted_ms IS NULL AND (at_ms, id) < (?4, ?5) "
                             "ORDER BY at_ms DESC, id DESC LIMIT ?3",
                             kColumns),
                 user_id, person, std::clamp(limit, 1, 10000), at, id);
  }

  Result<std::vector<Bid>> All(int64_t user_id) override {
    return Query(fmt::format("SELECT {} FROM bids WHERE user_id = ?1 AND deleted_ms IS NULL "
                             "ORDER BY at_ms, id",
                             kColumns),
                 user_id);
  }

  Status Delete(int64_t user_id, int64_t id, Instant now) override {
    return SetDeleted(user_id, id, std::optional<int64_t>(now.utc_ms));
  }
  Status Restore(int64_t user_id, int64_t id) override {
    return SetDeleted(user_id, id, std::nullopt);
  }

  Result<Checkin> AddCheckin(int64_t user_id, Checkin c) override {
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY(CheckPerson(conn, user_id, c.person_id));
      TRY_ASSIGN(auto* st, conn.Prepare("INSERT INTO checkins (user_id, person_id, note, at_ms, "
                                        "at_offset) VALUES (?, ?, ?, ?, ?) RETURNING id"));
      st->BindAll(user_id, c.person_id, c.note, c.at.utc_ms, c.at.offset_minutes);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      c.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return c;
  }

  Result<std::vector<Checkin>> Checkins(int64_t user_id, int limit) override {
    std::vector<Checkin> out;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("SELECT id, person_id, note, at_ms, at_offset FROM "
                                        "checkins WHERE user_id = ? ORDER BY at_ms DESC, id DESC "
                                        "LIMIT ?"));
      st->BindAll(user_id, std::clamp(limit, 1, 10000));
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        out.push_back({st->Int(0), st->OptionalInt(1), st->Text(2),
                       Instant{st->Int(3), static_cast<int32_t>(st->Int(4))}});
      }
      return Status::Ok();
    }));
    return out;
  }

  Status SetCheckinEvery(int64_t user_id, std::optional<int64_t> person, int days) override {
    if (days < 1 || days > 30) return Status::InvalidField("every", "must be 1 to 30 days");
    return db_.Write([&](db::Connection& conn) -> Status {
      TRY(CheckPerson(conn, user_id, person));
      TRY_ASSIGN(auto* st,
                 conn.Prepare("INSERT INTO checkin_plans (user_id, person_key, "
                              "every_days) VALUES (?, ?, ?) ON CONFLICT (user_id, "
                              "person_key) DO UPDATE SET every_days = excluded.every_days"));
      st->BindAll(user_id, person.value_or(0), days);
      return st->Run();
    });
  }

  Result<std::optional<int>> CheckinEvery(int64_t user_id, std::optional<int64_t> person) override {
    std::optional<int> out;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("SELECT every_days FROM checkin_plans WHERE user_id = ? "
                                        "AND person_key = ?"));
      st->BindAll(user_id, person.value_or(0));
      TRY_ASSIGN(bool row, st->Step());
      if (row) out = static_cast<int>(st->Int(0));
      st->Reset();
      return Status::Ok();
    }));
    return out;
  }

 private:
  Status SetDeleted(int64_t user_id, int64_t id, std::optional<int64_t> when) {
    return db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st,
                 conn.Prepare("UPDATE bids SET deleted_ms = ? WHERE user_id = ? AND id = ?"));
      st->BindAll(when, user_id, id);
      TRY(st->Run());
      if (conn.Changes() == 0) return Status::NotFound(fmt::format("no bid with id {}", id));
      return Status::Ok();
    });
  }

  template <typename... Args>
  Result<std::vector<Bid>> Query(const std::string& sql, const Args&... args) {
    std::vector<Bid> out;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare(sql));
      st->BindAll(args...);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        out.push_back(RowToBid(*st));
      }
      return Status::Ok();
    }));
    return out;
  }

  db::Database& db_;
};

}  // namespace

std::unique_ptr<BidStore> MakeSqliteBidStore(db::Database& db) {
  return std::make_unique<SqliteBidStore>(db);
}

}  // namespace securebase::connect
