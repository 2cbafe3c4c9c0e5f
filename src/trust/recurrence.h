#pragma once
// When a commitment falls due: once, daily, weekly on chosen days, every N days, or
// monthly on a day of the month (a month without that day uses its last day, so "the
// 31st" is 30 April and 28 or 29 February). Pure; days are local day numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.h"

namespace securebase::trust {

enum class RepeatKind { kNone, kDaily, kWeekly, kEveryNDays, kMonthly };

struct Repeat {
  RepeatKind kind = RepeatKind::kNone;
  int every_days = 1;     // kEveryNDays: 2..365
  unsigned weekdays = 0;  // kWeekly: bit 0 = Monday ... bit 6 = Sunday
  int month_day = 1;      // kMonthly: 1..31, taken from the first due date
};

// "none", "daily", "weekly:mon,thu", "every:3", "monthly" (as stored and typed).
std::string RepeatText(const Repeat& r);
// Parses RepeatText's forms; for "monthly" the day comes from `first_day`. A plain
// "weekly" repeats on `first_day`'s weekday. Errors name the field "repeat".
Result<Repeat> ParseRepeat(std::string_view text, int64_t first_day);
// Plain words: "every day", "every Monday and Thursday", "every 3 days", "on the 31st of
// each month (or its last day)".
std::string DescribeRepeat(const Repeat& r);

// Every due day from `first_day` (the first occurrence) that lies in [from, to], oldest
// first, never after `until` when set. At most `limit` days.
std::vector<int64_t> DueDays(int64_t first_day, const Repeat& r, std::optional<int64_t> until,
                             int64_t from, int64_t to, size_t limit = 100000);

}  // namespace securebase::trust
