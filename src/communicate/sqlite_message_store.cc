#include <fmt/format.h>

#include <algorithm>
#include <cinttypes>
#include <climits>
#include <cstdio>

#include "communicate/message_store.h"

namespace securebase::communicate {
namespace {

constexpr const char* kColumns =
    "id, person_id, observation, feeling, need, request, text, created_ms, created_offset, "
    "updated_ms";

Message FromRow(const db::Statement& st) {
  Message m;
  m.id = st.Int(0);
  m.person_id = st.OptionalInt(1);
  m.parts = {st.Text(2), st.Text(3), st.Text(4), st.Text(5)};
  m.text = st.Text(6);
  m.created = Instant{st.Int(7), static_cast<int32_t>(st.Int(8))};
  m.updated_ms = st.OptionalInt(9);
  return m;
}

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

  Result<Message> Get(int64_t user_id, int64_t id) override {
    std::optional<Message> found;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare(fmt::format("SELECT {} FROM messages WHERE user_id = ? AND "
                                                 "id = ? AND deleted_ms IS NULL",
                                                 kColumns)));
      st->BindAll(user_id, id);
      TRY_ASSIGN(bool row, st->Step());
      if (row) found = FromRow(*st);
      st->Reset();
      return Status::Ok();
    }));
    if (!found) return Status::NotFound(fmt::format("no message with id {}", id));
    return *found;
  }

  Result<std::vector<Message>> List(int64_t user_id, std::optional<int64_t> person_id) override {
    std::vector<Message> out;
    std::string cursor;
    do {
      TRY_ASSIGN(auto page, Page(user_id, person_id, 500, cursor));
      for (auto& m : page.items) out.push_back(std::move(m));
      cursor = page.next_cursor;
    } while (!cursor.empty());
    return out;
  }

  Result<MessagePage> Page(int64_t user_id, std::optional<int64_t> person_id, int limit,
                           const std::string& cursor) override {
    int64_t cursor_ms = INT64_MAX, cursor_id = INT64_MAX;
    if (!cursor.empty() &&
        std::sscanf(cursor.c_str(), "%" SCNd64 ".%" SCNd64, &cursor_ms, &cursor_id) != 2) {
      return Status::InvalidField("cursor", "is not a cursor this server gave out");
    }
    limit = std::clamp(limit, 1, 500);
    MessagePage out;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare(fmt::format(
                               "SELECT {} FROM messages WHERE user_id = ?1 AND deleted_ms IS NULL "
                               "AND (?2 IS NULL OR person_id = ?2) AND (created_ms, id) < (?3, ?4) "
                               "ORDER BY created_ms DESC, id DESC LIMIT ?5",
                               kColumns)));
      st->BindAll(user_id, person_id, cursor_ms, cursor_id, limit + 1);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        if (static_cast<int>(out.items.size()) == limit) {
          const Message& last = out.items.back();
          out.next_cursor = fmt::format("{}.{}", last.created.utc_ms, last.id);
          st->Reset();
          break;
        }
        out.items.push_back(FromRow(*st));
      }
      return Status::Ok();
    }));
    return out;
  }

  Result<Message> Update(int64_t user_id, Message m, Instant now) override {
    TRY(ValidateMessage(m));
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE messages SET person_id = ?, observation = ?, "
                                     "feeling = ?, need = ?, request = ?, text = ?, "
                                     "updated_ms = ? WHERE user_id = ? AND id = ? AND "
                                     "deleted_ms IS NULL"));
      st->BindAll(m.person_id, m.parts.observation, m.parts.feeling, m.parts.need, m.parts.request,
                  m.text, now.utc_ms, user_id, m.id);
      TRY(st->Run());
      if (c.Changes() == 0) return Status::NotFound(fmt::format("no message with id {}", m.id));
      return Status::Ok();
    }));
    return Get(user_id, m.id);
  }

  Status Delete(int64_t user_id, int64_t id, Instant now) override {
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE messages SET deleted_ms = ? WHERE user_id = ? AND "
                                     "id = ? AND deleted_ms IS NULL"));
      st->BindAll(now.utc_ms, user_id, id);
      TRY(st->Run());
      if (c.Changes() == 0) return Status::NotFound(fmt::format("no message with id {}", id));
      TRY_ASSIGN(auto* purge,
                 c.Prepare("DELETE FROM messages WHERE user_id = ? AND deleted_ms < ?"));
      purge->BindAll(user_id, now.utc_ms - kRestoreWindowMs);
      return purge->Run();
    });
  }

  Result<Message> Restore(int64_t user_id, int64_t id, Instant now) override {
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE messages SET deleted_ms = NULL WHERE user_id = ? "
                                     "AND id = ? AND deleted_ms >= ?"));
      st->BindAll(user_id, id, now.utc_ms - kRestoreWindowMs);
      TRY(st->Run());
      if (c.Changes() == 0) {
        return Status::NotFound(
            fmt::format("no deleted message with id {} from the last 30 days to restore", id));
      }
      return Status::Ok();
    }));
    return Get(user_id, id);
  }

 private:
  db::Database& db_;
};

}  // namespace

std::unique_ptr<MessageStore> MakeSqliteMessageStore(db::Database& db) {
  return std::make_unique<SqliteMessageStore>(db);
}

}  // namespace securebase::communicate
