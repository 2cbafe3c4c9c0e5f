#include <fmt/format.h>

#include "communicate/message_store.h"

namespace securebase::communicate {
namespace {

class SqliteMessageStore final : public MessageStore {
 public:
  explicit SqliteMessageStore(db::Database& db) : db_(db) {}

  Result<Message> Add(int64_t user_id, Message m) override {
    TRY(ValidateMessage(m));
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("INSERT INTO messages (user_id, person_id, observation, "
                                     "feeling, need, request, text, created_ms, created_offset) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
      st->BindAll(user_id, m.person_id, m.parts.observation, m.parts.feeling, m.parts.need,
                  m.parts.request, m.text, m.created.utc_ms, m.created.offset_minutes);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      m.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return m;
  }

  Result<std::vector<Message>> List(int64_t user_id, std::optional<int64_t> person_id) override {
    std::vector<Message> out;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare("SELECT id, person_id, observation, feeling, need, request, text, "
                           "created_ms, created_offset FROM messages WHERE user_id = ?1 AND "
                           "(?2 IS NULL OR person_id = ?2) ORDER BY created_ms DESC, id DESC"));
      st->BindAll(user_id, person_id);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        Message m;
        m.id = st->Int(0);
        m.person_id = st->OptionalInt(1);
        m.parts = {st->Text(2), st->Text(3), st->Text(4), st->Text(5)};
        m.text = st->Text(6);
        m.created = Instant{st->Int(7), static_cast<int32_t>(st->Int(8))};
        out.push_back(std::move(m));
      }
      return Status::Ok();
    }));
    return out;
  }

 private:
  db::Database& db_;
};

}  // namespace

std::unique_ptr<MessageStore> MakeSqliteMessageStore(db::Database& db) {
  return std::make_unique<SqliteMessageStore>(db);
}

}  // namespace securebase::communicate
