#pragma once
// Where saved messages are kept.
#include <memory>
#include <vector>

#include "communicate/message.h"
#include "platform/db/database.h"

namespace securebase::communicate {

// A deleted message, conflict or boundary can be restored for this long, then it is purged.
inline constexpr int64_t kRestoreWindowMs = 30LL * 24 * 60 * 60 * 1000;  // 30 days

struct MessagePage {
  std::vector<Message> items;
  std::string next_cursor;  // empty when there is nothing more
};

// Every call is about one user's rows only; another user's id is NotFound. Deleted
// messages are invisible to everything but Restore.
class MessageStore {
 public:
  virtual ~MessageStore() = default;
  // Validates and inserts `m` (id ignored); returns it with its id.
  virtual Result<Message> Add(int64_t user_id, Message m) = 0;
  // NotFound when there is no such message.
  virtual Result<Message> Get(int64_t user_id, int64_t id) = 0;
  // All of them, newest first; `person_id` set: only messages for them.
  virtual Result<std::vector<Message>> List(int64_t user_id, std::optional<int64_t> person_id) = 0;
  // `limit` (1..500) newest first, after `cursor` (empty: from the newest). A cursor this
  // store did not give out is an InvalidArgument on "cursor".
  virtual Result<MessagePage> Page(int64_t user_id, std::optional<int64_t> person_id, int limit,
                                   const std::string& cursor) = 0;
  // Validates and replaces the message with `m.id` (its created time is kept); sets
  // updated_ms to `now`. Returns the stored message.
  virtual Result<Message> Update(int64_t user_id, Message m, Instant now) = 0;
  // Marks it deleted at `now` and purges messages deleted over kRestoreWindowMs ago.
  virtual Status Delete(int64_t user_id, int64_t id, Instant now) = 0;
  // Undoes a Delete from within kRestoreWindowMs; NotFound otherwise.
  virtual Result<Message> Restore(int64_t user_id, int64_t id, Instant now) = 0;
};

std::unique_ptr<MessageStore> MakeSqliteMessageStore(db::Database& db);

}  // namespace securebase::communicate
