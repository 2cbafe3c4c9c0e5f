#pragma once
// Per-user settings as text values, kept in the database's settings table.
#include <memory>
#include <optional>
#include <string>

#include "platform/db/database.h"

namespace securebase {

class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  virtual Result<std::optional<std::string>> Get(int64_t user_id, const std::string& key) = 0;
  virtual Status Set(int64_t user_id, const std::string& key, const std::string& value) = 0;
  virtual Status Unset(int64_t user_id, const std::string& key) = 0;
};

std::unique_ptr<SettingsStore> MakeSqliteSettingsStore(db::Database& db);

}  // namespace securebase
