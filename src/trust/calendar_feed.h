#pragma once
// The key that lets a calendar app read the commitments.ics feed. A calendar app cannot
// send the session cookie, so each user may have one long-lived key that goes in the feed
// URL. Only a hash of the key is stored; the key itself is returned once, when it is made.
// Making a new key replaces the old one (rotate); revoking removes it. Thread-safe when the
// Database is.
#include <memory>
#include <optional>
#include <string>

#include "platform/clock.h"
#include "platform/db/database.h"

namespace securebase::trust {

struct CalendarFeedInfo {
  Instant created;
};

class CalendarFeedKeys {
 public:
  virtual ~CalendarFeedKeys() = default;
  // A new random key for `user_id` (64 hex digits), replacing any earlier one.
  virtual Result<std::string> Issue(int64_t user_id, Instant now) = 0;
  // Removes the user's key; NotFound when there was none.
  virtual Status Revoke(int64_t user_id) = 0;
  // When the current key was made; nullopt when there is none.
  virtual Result<std::optional<CalendarFeedInfo>> Info(int64_t user_id) = 0;
  // The user whose current key `key` is; nullopt for a wrong, revoked or malformed key.
  virtual Result<std::optional<int64_t>> Verify(const std::string& key) = 0;
};

std::unique_ptr<CalendarFeedKeys> MakeSqliteCalendarFeedKeys(db::Database& db);

// The hex BLAKE2b-256 hash that is stored for `key` (exposed for tests).
std::string HashFeedKey(const std::string& key);

}  // namespace securebase::trust
