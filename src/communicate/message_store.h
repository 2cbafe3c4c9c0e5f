#pragma once
// Where saved messages are kept.
#include <memory>
#include <vector>

#include "communicate/message.h"
#include "platform/db/database.h"

namespace securebase::communicate {

class MessageStore {
 public:
  virtual ~MessageStore() = default;
  // Validates and inserts `m` (id ignored); returns it with its id.
  virtual Result<Message> Add(int64_t user_id, Message m) = 0;
  // Newest first; `person_id` set: only messages for them.
  virtual Result<std::vector<Message>> List(int64_t user_id, std::optional<int64_t> person_id) = 0;
};

std::unique_ptr<MessageStore> MakeSqliteMessageStore(db::Database& db);

}  // namespace securebase::communicate
