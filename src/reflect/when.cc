#include "reflect/when.h"

#include <fmt/format.h>

#include <array>
#include <sstream>
#include <vector>

#include "reflect/reflection.h"

namespace securebase::reflect {
namespace {

constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kHourMs = 60 * kMinuteMs;
constexpr int64_t kDayMs = 24 * kHourMs;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The local midnight (as local ms) of the day `days_back` before now's local day.
int64_t LocalDayStart(Instant now, int days_back) {
  int64_t local = now.utc_ms + now.offset_minutes * kMinuteMs;
  return (FloorDiv(local, kDayMs) - days_back) * kDayMs;
}

Instant AtLocal(int64_t local_ms, Instant now) {
  return Instant{local_ms - now.offset_minutes * kMinuteMs, now.offset_minutes};
}

// Hour for "morning", "afternoon", ...; -1 when `word` is not a part of the day.
int PartOfDay(const std::string& word) {
  if (word == "morning") return 9;
  if (word == "noon" || word == "midday" || word == "lunchtime") return 12;
  if (word == "afternoon") return 15;
  if (word == "evening") return 20;
  if (word == "night" || word == "tonight") return 23;
  return -1;
}

// 0 = monday .. 6 = sunday, or -1.
int Weekday(const std::string& word) {
  static constexpr std::array<const char*, 7> kNames{"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (word == kNames[static_cast<size_t>(i)]) return i;
  }
  return -1;
}

Status NotUnderstood(const std::string& text) {
  return Status::InvalidField(
      "when", fmt::format("'{}' is not a time I understand; try 'now', 'yesterday evening', "
                          "'monday morning', '3 hours ago', '2026-11-27' or '2026-11-27 21:05'",
                          text));
}

}  // namespace

Result<Instant> ParseWhen(const std::string& text, Instant now) {
  std::string lower = NormalizeWord(text);
  std::vector<std::string> words;
  std::istringstream in(lower);
  for (std::string w; in >> w;) words.push_back(w);
  if (words.empty()) return NotUnderstood(text);

  // ISO forms: full instant, date, or "date time" / "dateTtime" without an offset.
  Instant parsed;
  if (ParseIso8601(text, &parsed) && text.size() > 10) return parsed;
  if (lower.size() >= 10 && ParseIso8601(lower.substr(0, 10), &parsed)) {
    int64_t day_local = parsed.utc_ms;  // midnight at offset 0 = local midnight as local ms
    std::string rest = lower.substr(10);
    if (!rest.empty() && (rest[0] == 't' || rest[0] == ' ')) rest = rest.substr(1);
    if (rest.empty()) return AtLocal(day_local + 12 * kHourMs, now);
    int h = 0, m = 0, n = 0;
    if (std::sscanf(rest.c_str(), "%2d:%2d%n", &h, &m, &n) == 2 &&
        static_cast<size_t>(n) == rest.size() && h < 24 && m < 60) {
      return AtLocal(day_local + h * kHourMs + m * kMinuteMs, now);
    }
    int part = PartOfDay(rest);
    if (part >= 0) return AtLocal(day_local + part * kHourMs, now);
    return NotUnderstood(text);
  }

  if (words.size() == 1 && words[0] == "now") return now;
  // "N minutes/hours/days ago".
  if (words.size() == 3 && words[2] == "ago") {
    char* end = nullptr;
    long n = std::strtol(words[0].c_str(), &end, 10);
    if (*end != '\0' || n < 0 || n > 100000) return NotUnderstood(text);
    std::string unit = words[1];
    if (unit.back() == 's') unit.pop_back();
    int64_t ms = unit == "minute" ? kMinuteMs
                 : unit == "hour" ? kHourMs
                 : unit == "day"  ? kDayMs
                 : unit == "week" ? 7 * kDayMs
                                  : 0;
    if (ms == 0) return NotUnderstood(text);
    return Instant{now.utc_ms - n * ms, now.offset_minutes};
  }
  // "[this|last|yesterday|today|<weekday>] [part of day]".
  int days_back = -1, hour = -1;
  size_t i = 0;
  if (words[0] == "today" || words[0] == "this" || words[0] == "tonight") {
    days_back = 0;
    if (words[0] == "tonight") hour = 23;
    i = 1;
  } else if (words[0] == "yesterday") {
    days_back = 1;
    i = 1;
  } else if (words[0] == "last" && words.size() == 2 && words[1] == "night") {
    days_back = 1;
    hour = 23;
    i = 2;
  } else if (int wd = Weekday(words[0]);
             wd >= 0 || (words[0] == "last" && words.size() > 1 && (wd = Weekday(words[1])) >= 0)) {
    int64_t local = now.utc_ms + now.offset_minutes * kMinuteMs;
    int64_t day = FloorDiv(local, kDayMs);
    int today = static_cast<int>(((day % 7) + 7 + 3) % 7);  // 1970-01-01 was a thursday (3)
    days_back = (today - wd + 7) % 7;
    if (days_back == 0) days_back = 7;
    i = words[0] == "last" ? 2 : 1;
  } else if (PartOfDay(words[0]) >= 0 && words.size() == 1) {
    days_back = 0;
    i = 0;
  } else {
    return NotUnderstood(text);
  }
  if (i < words.size()) {
    if (i + 1 != words.size() || PartOfDay(words[i]) < 0) return NotUnderstood(text);
    hour = PartOfDay(words[i]);
  } else if (words[0] == "this") {
    return NotUnderstood(text);
  }
  if (hour < 0) {
    // A day without a time: now for today, noon for an earlier day.
    if (days_back == 0) return now;
    hour = 12;
  }
  return AtLocal(LocalDayStart(now, days_back) + hour * kHourMs, now);
}

}  // namespace securebase::reflect
