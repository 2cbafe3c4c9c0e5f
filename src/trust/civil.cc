#include "trust/civil.h"

#include <fmt/format.h>

#include <cstdio>

namespace securebase::trust {

int64_t DayNumber(Ymd d) {
  int y = d.year - (d.month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t m = d.month;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd FromDayNumber(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Ymd out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2));
  return out;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[(month - 1) % 12];
}

int Weekday(int64_t day) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t w = (day + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::optional<int64_t> ParseDay(const std::string& text) {
  int y = 0, m = 0, d = 0, n = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
      n != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
    return std::nullopt;
  }
  return DayNumber({y, m, d});
}

std::string FormatDay(int64_t day) {
  Ymd d = FromDayNumber(day);
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string FormatDayIcs(int64_t day) {
  Ymd d = FromDayNumber(day);
  return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day);
}

std::optional<int> ParseTimeOfDay(const std::string& text) {
  int h = 0, m = 0, n = 0;
  if (text.size() != 5 || std::sscanf(text.c_str(), "%2d:%2d%n", &h, &m, &n) != 2 || n != 5) {
    return std::nullopt;
  }
  if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::string FormatTimeOfDay(int minutes) {
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

int64_t LocalDay(int64_t utc_ms, int32_t offset_minutes) {
  int64_t local = utc_ms + int64_t{offset_minutes} * 60000;
  int64_t day = local / 86400000;
  if (local % 86400000 < 0) --day;
  return day;
}

}  // namespace securebase::trust
