#pragma once
// The shortlist: therapists a person has saved, where they are with each (status, notes, a
// next date), and when each status began. And the store that keeps it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.h"
#include "platform/db/database.h"
#include "platform/result.h"

namespace securebase::support {

enum class ShortlistStatus {
  kToContact,
  kContacted,
  kConsultBooked,
  kWaitlisted,
  kNotAFit,
  kWorkingWith
};

// "to-contact", "contacted", "consult-booked", "waitlisted", "not-a-fit", "working-with".
std::string_view StatusId(ShortlistStatus s);
std::string_view StatusLabel(ShortlistStatus s);                    // "To contact", ...
std::optional<ShortlistStatus> ParseStatus(std::string_view text);  // id or label, any case
const std::vector<ShortlistStatus>& AllStatuses();

inline constexpr size_t kMaxShortlistNotes = 4000;
inline constexpr int64_t kShortlistRestoreMs = 30LL * 24 * 60 * 60 * 1000;

struct StatusChange {
  ShortlistStatus status;
  Instant at;
};

struct ShortlistEntry {
  int64_t id = 0;
  int64_t provider_id = 0;
  std::string provider_name;  // filled by the store from the directory
  ShortlistStatus status = ShortlistStatus::kToContact;
  std::string notes;
  std::optional<int64_t> next_date;  // a local day (days since 1970-01-01)
  Instant added, status_since;
  std::vector<StatusChange> history;  // oldest first
};

// "2026-12-01" <-> days since 1970-01-01 (a local calendar day). ParseDate is empty for
// anything that is not a real date from 1970 to 9999.
std::optional<int64_t> ParseDate(std::string_view text);
std::string FormatDate(int64_t day);

// Notes up to kMaxShortlistNotes bytes, no control characters but tab and line breaks.
Status ValidateShortlistNotes(std::string_view notes);

struct ShortlistPage {
  std::vector<ShortlistEntry> items;  // oldest first
  std::string next_cursor;
};

class ShortlistStore {
 public:
  virtual ~ShortlistStore() = default;
  // Saves a provider. NotFound when the provider is not in the directory; Conflict when it
  // is already on the list (a removed entry is brought back instead, with the new values).
  virtual Result<ShortlistEntry> Add(int64_t user_id, int64_t provider_id, ShortlistStatus status,
                                     const std::string& notes, std::optional<int64_t> next_date,
                                     Instant now) = 0;
  virtual Result<ShortlistEntry> Get(int64_t user_id, int64_t id) = 0;
  // The entry for a provider, if it is on the live list.
  virtual Result<std::optional<ShortlistEntry>> ForProvider(int64_t user_id,
                                                            int64_t provider_id) = 0;
  // Live entries, oldest first; `status` empty = all. A bad cursor is InvalidArgument "cursor".
  virtual Result<ShortlistPage> List(int64_t user_id, std::optional<ShortlistStatus> status,
                                     int limit, const std::string& cursor) = 0;
  // Changes what is given; a new status is added to the history. `clear_date` removes the date.
  struct Change {
    std::optional<ShortlistStatus> status;
    std::optional<std::string> notes;
    std::optional<int64_t> next_date;
    bool clear_date = false;
  };
  virtual Result<ShortlistEntry> Update(int64_t user_id, int64_t id, const Change& change,
                                        Instant now) = 0;
  // Removes (restorable for kShortlistRestoreMs).
  virtual Status Remove(int64_t user_id, int64_t id, Instant now) = 0;
  virtual Result<ShortlistEntry> Restore(int64_t user_id, int64_t id, Instant now) = 0;
};

std::unique_ptr<ShortlistStore> MakeSqliteShortlistStore(db::Database& db);

}  // namespace securebase::support
