#include "trust/recurrence.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "trust/civil.h"

namespace securebase::trust {
namespace {

constexpr std::string_view kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::string_view kLongDayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                              "Friday", "Saturday", "Sunday"};

std::string Ordinal(int n) {
  const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                       : n % 10 == 1                    ? "st"
                       : n % 10 == 2                    ? "nd"
                       : n % 10 == 3                    ? "rd"
                                                        : "th";
  return fmt::format("{}{}", n, suffix);
}

// The due day of a monthly repeat in the month `months` after year/month 0.
int64_t MonthlyDay(int64_t month_index, int month_day) {
  int year = static_cast<int>(month_index / 12);
  int month = static_cast<int>(month_index % 12) + 1;
  return DayNumber({year, month, std::min(month_day, DaysInMonth(year, month))});
}

}  // namespace

std::string RepeatText(const Repeat& r) {
  switch (r.kind) {
    case RepeatKind::kNone:
      return "none";
    case RepeatKind::kDaily:
      return "daily";
    case RepeatKind::kWeekly: {
      std::string days;
      for (int i = 0; i < 7; ++i) {
        if (r.weekdays & (1u << i))
          days += fmt::format("{}{}", days.empty() ? "" : ",", kDayNames[i]);
      }
      return "weekly:" + days;
    }
    case RepeatKind::kEveryNDays:
      return fmt::format("every:{}", r.every_days);
    case RepeatKind::kMonthly:
      return "monthly";
  }
  return "none";
}

Result<Repeat> ParseRepeat(std::string_view text, int64_t first_day) {
  Repeat r;
  auto bad = [&] {
    return Status::InvalidField(
        "repeat", fmt::format("'{}' is not a repeat; use none, daily, weekly, weekly:mon,thu, "
                              "every:3 or monthly",
                              text));
  };
  if (text.empty() || text == "none") return r;
  if (text == "daily") {
    r.kind = RepeatKind::kDaily;
  } else if (text == "monthly") {
    r.kind = RepeatKind::kMonthly;
    r.month_day = FromDayNumber(first_day).day;
  } else if (text == "weekly") {
    r.kind = RepeatKind::kWeekly;
    r.weekdays = 1u << Weekday(first_day);
  } else if (text.starts_with("weekly:")) {
    r.kind = RepeatKind::kWeekly;
    std::string_view rest = text.substr(7);
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string_view name = rest.substr(0, comma);
      auto it = std::find(std::begin(kDayNames), std::end(kDayNames), name);
      if (it == std::end(kDayNames)) return bad();
      r.weekdays |= 1u << (it - std::begin(kDayNames));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    if (r.weekdays == 0) return bad();
  } else if (text.starts_with("every:")) {
    r.kind = RepeatKind::kEveryNDays;
    std::string_view n = text.substr(6);
    auto [p, ec] = std::from_chars(n.data(), n.data() + n.size(), r.every_days);
    if (ec != std::errc() || p != n.data() + n.size() || r.every_days < 1 || r.every_days > 365)
      return bad();
    if (r.every_days == 1) r.kind = RepeatKind::kDaily;
  } else {
    return bad();
  }
  return r;
}

std::string DescribeRepeat(const Repeat& r) {
  switch (r.kind) {
    case RepeatKind::kNone:
      return "once";
    case RepeatKind::kDaily:
      return "every day";
    case RepeatKind::kWeekly: {
      std::vector<std::string_view> names;
      for (int i = 0; i < 7; ++i) {
        if (r.weekdays & (1u << i)) names.push_back(kLongDayNames[i]);
      }
      std::string out = "every ";
      for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
      }
      return out;
    }
    case RepeatKind::kEveryNDays:
      return fmt::format("every {} days", r.every_days);
    case RepeatKind::kMonthly:
      return r.month_day > 28
                 ? fmt::format("on the {} of each month (or its last day)", Ordinal(r.month_day))
                 : fmt::format("on the {} of each month", Ordinal(r.month_day));
  }
  return "";
}

std::vector<int64_t> DueDays(int64_t first_day, const Repeat& r, std::optional<int64_t> until,
                             int64_t from, int64_t to, size_t limit) {
  std::vector<int64_t> out;
  if (until) to = std::min(to, *until);
  from = std::max(from, first_day);
  if (from > to) return out;
  switch (r.kind) {
    case RepeatKind::kNone:
      if (first_day >= from && first_day <= to) out.push_back(first_day);
      break;
    case RepeatKind::kDaily:
      for (int64_t d = from; d <= to && out.size() < limit; ++d) out.push_back(d);
      break;
    case RepeatKind::kEveryNDays: {
      int64_t n = r.every_days;
      int64_t d = first_day + (from - first_day + n - 1) / n * n;
      for (; d <= to && out.size() < limit; d += n) out.push_back(d);
      break;
    }
    case RepeatKind::kWeekly:
      for (int64_t d = from; d <= to && out.size() < limit; ++d) {
        if (r.weekdays & (1u << Weekday(d))) out.push_back(d);
      }
      break;
    case RepeatKind::kMonthly: {
      Ymd f = FromDayNumber(from);
      for (int64_t m = int64_t{f.year} * 12 + f.month - 1; out.size() < limit; ++m) {
        int64_t d = MonthlyDay(m, r.month_day);
        if (d > to) break;
        if (d >= from) out.push_back(d);
      }
      break;
    }
  }
  return out;
}

}  // namespace securebase::trust
