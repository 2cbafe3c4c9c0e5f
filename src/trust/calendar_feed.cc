#include "trust/calendar_feed.h"

#include <sodium.h>

namespace securebase::trust {
namespace {

std::string Hex(const unsigned char* bytes, size_t n) {
  constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 15]);
  }
  return out;
}

bool LooksLikeKey(const std::string& key) {
  if (key.size() != 64) return false;
  for (char c : key) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

class SqliteCalendarFeedKeys final : public CalendarFeedKeys {
 public:
  explicit SqliteCalendarFeedKeys(db::Database& db) : db_(db) {}

  Result<std::string> Issue(int64_t user_id, Instant now) override {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    std::string key = Hex(bytes, sizeof bytes);
    sodium_memzero(bytes, sizeof bytes);
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("INSERT INTO calendar_feed_keys (user_id, key_hash, "
                                        "created_ms, created_offset) VALUES (?, ?, ?, ?) "
                                        "ON CONFLICT (user_id) DO UPDATE SET key_hash = "
                                        "excluded.key_hash, created_ms = excluded.created_ms, "
                                        "created_offset = excluded.created_offset"));
      st->BindAll(user_id, HashFeedKey(key), now.utc_ms, now.offset_minutes);
      return st->Run();
    }));
    return key;
  }

  Status Revoke(int64_t user_id) override {
    return db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("DELETE FROM calendar_feed_keys WHERE user_id = ?"));
      st->BindAll(user_id);
      TRY(st->Run());
      if (conn.Changes() == 0) return Status::NotFound("there is no calendar link to turn off");
      return Status::Ok();
    });
  }

  Result<std::optional<CalendarFeedInfo>> Info(int64_t user_id) override {
    std::optional<CalendarFeedInfo> info;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("SELECT created_ms, created_offset FROM "
                                        "calendar_feed_keys WHERE user_id = ?"));
      st->BindAll(user_id);
      TRY_ASSIGN(bool row, st->Step());
      if (row) info = CalendarFeedInfo{Instant{st->Int(0), static_cast<int32_t>(st->Int(1))}};
      st->Reset();
      return Status::Ok();
    }));
    return info;
  }

  Result<std::optional<int64_t>> Verify(const std::string& key) override {
    std::optional<int64_t> user;
    if (!LooksLikeKey(key)) return user;
    // The lookup is by hash, so timing reveals nothing about the stored key.
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st,
                 conn.Prepare("SELECT user_id FROM calendar_feed_keys WHERE key_hash = ?"));
      st->BindAll(HashFeedKey(key));
      TRY_ASSIGN(bool row, st->Step());
      if (row) user = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return user;
  }

 private:
  db::Database& db_;
};

}  // namespace

std::string HashFeedKey(const std::string& key) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(key.data()),
                     key.size(), nullptr, 0);
  return Hex(hash, sizeof hash);
}

std::unique_ptr<CalendarFeedKeys> MakeSqliteCalendarFeedKeys(db::Database& db) {
  return std::make_unique<SqliteCalendarFeedKeys>(db);
}

}  // namespace securebase::trust
