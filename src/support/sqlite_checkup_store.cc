#include <boost/json.hpp>

#include "support/checkup.h"

namespace securebase::support {
namespace {

class SqliteCheckupStore final : public CheckupStore {
 public:
  explicit SqliteCheckupStore(db::Database& db) : db_(db) {}

  Result<SavedCheckup> Save(int64_t user_id, SavedCheckup c) override {
    boost::json::object answers;
    for (const auto& [id, v] : c.answers) answers[id] = v;
    std::string text = boost::json::serialize(answers);
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("INSERT INTO checkups (user_id, answers, score, band, "
                                        "safety_concern, taken_ms, taken_offset) VALUES (?, ?, ?, "
                                        "?, ?, ?, ?) RETURNING id"));
      st->BindAll(user_id, text, c.score, c.band, c.safety_concern ? 1 : 0, c.taken.utc_ms,
                  c.taken.offset_minutes);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      c.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return c;
  }

  Result<std::vector<SavedCheckup>> List(int64_t user_id, int limit, int64_t before_id) override {
    std::vector<SavedCheckup> out;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("SELECT id, answers, score, band, safety_concern, "
                                        "taken_ms, taken_offset FROM checkups WHERE user_id = ? "
                                        "AND (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?"));
      st->BindAll(user_id, before_id, before_id, limit);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        SavedCheckup c;
        c.id = st->Int(0);
        boost::system::error_code ec;
        auto v = boost::json::parse(st->Text(1), ec);
        if (!ec && v.is_object()) {
          for (const auto& [k, x] : v.as_object()) {
            if (x.is_int64()) c.answers[std::string(k)] = static_cast<int>(x.as_int64());
          }
        }
        c.score = static_cast<int>(st->Int(2));
        c.band = st->Text(3);
        c.safety_concern = st->Int(4) != 0;
        c.taken = Instant{st->Int(5), static_cast<int32_t>(st->Int(6))};
        out.push_back(std::move(c));
      }
      return Status::Ok();
    }));
    return out;
  }

 private:
  db::Database& db_;
};

}  // namespace

std::unique_ptr<CheckupStore> MakeSqliteCheckupStore(db::Database& db) {
  return std::make_unique<SqliteCheckupStore>(db);
}

}  // namespace securebase::support
