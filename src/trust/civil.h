#pragma once
// Calendar days without a time zone: a day number (days since 1970-01-01) and its
// year-month-day, for due dates and repeats. Pure.
#include <cstdint>
#include <optional>
#include <string>

namespace securebase::trust {

struct Ymd {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

int64_t DayNumber(Ymd d);  // days since 1970-01-01
Ymd FromDayNumber(int64_t day);
bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// 0 = Monday ... 6 = Sunday.
int Weekday(int64_t day);
// "2026-03-29" -> day number; nullopt when not a real date.
std::optional<int64_t> ParseDay(const std::string& text);
std::string FormatDay(int64_t day);     // "2026-03-29"
std::string FormatDayIcs(int64_t day);  // "20260329"
// "08:00" -> 480 minutes after midnight; nullopt unless 00:00..23:59.
std::optional<int> ParseTimeOfDay(const std::string& text);
std::string FormatTimeOfDay(int minutes);  // "08:00"

// The person's local day of an instant (UTC ms plus offset minutes).
int64_t LocalDay(int64_t utc_ms, int32_t offset_minutes);

}  // namespace securebase::trust
