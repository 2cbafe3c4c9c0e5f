#include <fmt/format.h>

#include "regulate/practice_store.h"

namespace securebase::regulate {
namespace {

class SqlitePracticeStore final : public PracticeStore {
 public:
  explicit SqlitePracticeStore(db::Database& db) : db_(db) {}

  Status Put(int64_t user_id, const Practice& p, Instant now) override {
    std::string definition = PracticeToJson(p);
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare("INSERT INTO practices (user_id, practice_id, definition, "
                           "created_ms, created_offset, updated_ms) VALUES (?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (user_id, practice_id) DO UPDATE SET "
                           "definition = excluded.definition, updated_ms = excluded.updated_ms"));
      st->BindAll(user_id, p.id, definition, now.utc_ms, now.offset_minutes, now.utc_ms);
      return st->Run();
    });
  }

  Result<std::vector<Practice>> List(int64_t user_id) override {
    std::vector<Practice> out;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("SELECT definition FROM practices WHERE user_id = ? "
                                     "ORDER BY practice_id"));
      st->BindAll(user_id);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        auto p = ParsePractice(st->Text(0), "yours");
        if (!p.ok()) continue;
        p->own = true;
        out.push_back(std::move(*p));
      }
      return Status::Ok();
    }));
    return out;
  }

  Status Remove(int64_t user_id, const std::string& id) override {
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare("DELETE FROM practices WHERE user_id = ? AND practice_id = ?"));
      st->BindAll(user_id, id);
      TRY(st->Run());
      if (c.Changes() == 0) {
        return Status::NotFound(fmt::format("you have no practice of your own called '{}'", id));
      }
      return Status::Ok();
    });
  }

 private:
  db::Database& db_;
};

}  // namespace

std::unique_ptr<PracticeStore> MakeSqlitePracticeStore(db::Database& db) {
  return std::make_unique<SqlitePracticeStore>(db);
}

}  // namespace securebase::regulate
