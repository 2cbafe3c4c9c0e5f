#include "platform/settings.h"

namespace securebase {
namespace {

class SqliteSettingsStore final : public SettingsStore {
 public:
  explicit SqliteSettingsStore(db::Database& db) : db_(db) {}

  Result<std::optional<std::string>> Get(int64_t user_id, const std::string& key) override {
    std::optional<std::string> value;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("SELECT value FROM settings WHERE user_id = ? AND key = ?"));
      st->BindAll(user_id, key);
      TRY_ASSIGN(bool row, st->Step());
      if (row) value = st->Text(0);
      st->Reset();
      return Status::Ok();
    }));
    return value;
  }

  Status Set(int64_t user_id, const std::string& key, const std::string& value) override {
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("INSERT INTO settings (user_id, key, value) VALUES (?, ?, ?) "
                                     "ON CONFLICT (user_id, key) DO UPDATE SET value = "
                                     "excluded.value"));
      st->BindAll(user_id, key, value);
      return st->Run();
    });
  }

  Status Unset(int64_t user_id, const std::string& key) override {
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("DELETE FROM settings WHERE user_id = ? AND key = ?"));
      st->BindAll(user_id, key);
      return st->Run();
    });
  }

 private:
  db::Database& db_;
};

}  // namespace

std::unique_ptr<SettingsStore> MakeSqliteSettingsStore(db::Database& db) {
  return std::make_unique<SqliteSettingsStore>(db);
}

}  // namespace securebase
