#include "trust/zone.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "trust/civil.h"

namespace securebase::trust {
namespace {

constexpr int64_t kMsPerMinute = 60000;

// The local day number of rule change `c` in `year`.
int64_t ChangeDay(int year, const ZoneRule::Change& c) {
  int64_t first = DayNumber({year, c.month, 1});
  // Weekday() counts Monday = 0; the rule counts Sunday = 0.
  int first_wd = (Weekday(first) + 1) % 7;
  int64_t day = first + (c.weekday - first_wd + 7) % 7 + int64_t{c.week - 1} * 7;
  int64_t last = first + DaysInMonth(year, c.month) - 1;
  while (day > last) day -= 7;
  return day;
}

class Scanner {
 public:
  explicit Scanner(const std::string& s) : s_(s) {}
  bool Done() const { return i_ >= s_.size(); }
  char Peek() const { return Done() ? '\0' : s_[i_]; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  bool Name(std::string* out) {
    size_t start = i_;
    if (Eat('<')) {
      while (!Done() && Peek() != '>') ++i_;
      if (!Eat('>')) return false;
    } else {
      while (!Done() && std::isalpha(static_cast<unsigned char>(Peek()))) ++i_;
    }
    *out = s_.substr(start, i_ - start);
    return i_ - start >= 3;
  }
  bool Number(int* out) {
    if (!std::isdigit(static_cast<unsigned char>(Peek()))) return false;
    int v = 0;
    while (std::isdigit(static_cast<unsigned char>(Peek()))) v = v * 10 + (s_[i_++] - '0');
    *out = v;
    return true;
  }
  // [+-]hh[:mm[:ss]] in seconds.
  bool Time(int32_t* out) {
    int sign = 1;
    if (Eat('-'))
      sign = -1;
    else
      Eat('+');
    int h = 0, m = 0, sec = 0;
    if (!Number(&h)) return false;
    if (Eat(':') && !Number(&m)) return false;
    if (Eat(':') && !Number(&sec)) return false;
    *out = sign * (h * 3600 + m * 60 + sec);
    return true;
  }
  bool Change(ZoneRule::Change* c) {
    if (!Eat('M') || !Number(&c->month) || !Eat('.') || !Number(&c->week) || !Eat('.') ||
        !Number(&c->weekday)) {
      return false;
    }
    if (c->month < 1 || c->month > 12 || c->week < 1 || c->week > 5 || c->weekday > 6) return false;
    c->seconds = 7200;
    if (Eat('/') && !Time(&c->seconds)) return false;
    return true;
  }

 private:
  const std::string& s_;
  size_t i_ = 0;
};

}  // namespace

int32_t ZoneRule::OffsetAt(int64_t utc_ms) const {
  if (!has_dst) return std_offset_minutes;
  int year = FromDayNumber(LocalDay(utc_ms, std_offset_minutes)).year;
  // The change into daylight time happens at a standard-time wall clock, the change back
  // at a daylight-time one.
  int64_t start_ms = ChangeDay(year, start) * 86400000 + int64_t{start.seconds} * 1000 -
                     int64_t{std_offset_minutes} * kMsPerMinute;
  int64_t end_ms = ChangeDay(year, end) * 86400000 + int64_t{end.seconds} * 1000 -
                   int64_t{dst_offset_minutes} * kMsPerMinute;
  bool dst = start_ms < end_ms ? (utc_ms >= start_ms && utc_ms < end_ms)
                               : !(utc_ms >= end_ms && utc_ms < start_ms);  // southern
  return dst ? dst_offset_minutes : std_offset_minutes;
}

int64_t ZoneRule::ToUtcMs(int64_t day, int minutes) const {
  int64_t local_ms = day * 86400000 + int64_t{minutes} * kMsPerMinute;
  if (!has_dst) return local_ms - int64_t{std_offset_minutes} * kMsPerMinute;
  // Try the larger offset first: in an overlap it gives the earlier instant.
  int32_t first = std::max(std_offset_minutes, dst_offset_minutes);
  int32_t second = std::min(std_offset_minutes, dst_offset_minutes);
  for (int32_t off : {first, second}) {
    int64_t utc = local_ms - int64_t{off} * kMsPerMinute;
    if (OffsetAt(utc) == off) return utc;
  }
  // Skipped by the change: read the wall time with the offset from before the change.
  return local_ms - int64_t{second} * kMsPerMinute;
}

Result<ZoneRule> ParseZoneRule(const std::string& text) {
  Scanner s(text);
  ZoneRule r;
  std::string name;
  int32_t secs = 0;
  auto bad = [&] { return Status::InvalidField("zone", fmt::format("'{}' is not a rule", text)); };
  if (!s.Name(&name) || !s.Time(&secs)) return bad();
  r.std_offset_minutes = -secs / 60;  // POSIX counts west as positive
  if (s.Done()) return r;
  if (!s.Name(&name)) return bad();
  r.has_dst = true;
  r.dst_offset_minutes = r.std_offset_minutes + 60;
  if (s.Peek() != ',') {
    if (!s.Time(&secs)) return bad();
    r.dst_offset_minutes = -secs / 60;
  }
  if (!s.Eat(',') || !s.Change(&r.start) || !s.Eat(',') || !s.Change(&r.end) || !s.Done())
    return bad();
  return r;
}

Result<ZoneRule> LoadZone(const std::string& name) {
  auto unknown = Status::InvalidField(
      "zone", fmt::format("'{}' is not a time zone SecureBase knows; try a name like "
                          "Europe/Berlin or an offset like +02:00",
                          name));
  if (name == "UTC" || name == "Z" || name == "Etc/UTC") return ZoneRule{};
  if ((name.size() == 6) && (name[0] == '+' || name[0] == '-') && name[3] == ':') {
    int h = 0, m = 0;
    if (std::sscanf(name.c_str() + 1, "%2d:%2d", &h, &m) != 2 || h > 14 || m > 59) return unknown;
    ZoneRule r;
    r.std_offset_minutes = (name[0] == '-' ? -1 : 1) * (h * 60 + m);
    return r;
  }
  if (name.empty() || name.find("..") != std::string::npos || name[0] == '/' ||
      name.find_first_not_of(
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-") !=
          std::string::npos) {
    return unknown;
  }
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  if (!in) return unknown;
  std::stringstream buf;
  buf << in.rdbuf();
  std::string data = buf.str();
  // TZif version 2+: the footer is "\n<POSIX TZ>\n" at the very end.
  if (data.size() < 6 || data.compare(0, 4, "TZif") != 0 || data.back() != '\n') return unknown;
  size_t nl = data.rfind('\n', data.size() - 2);
  if (nl == std::string::npos) return unknown;
  auto rule = ParseZoneRule(data.substr(nl + 1, data.size() - nl - 2));
  if (!rule.ok()) return unknown;
  return rule;
}

std::string LocalZoneName() {
  const char* tz = std::getenv("TZ");
  if (tz && *tz) {
    std::string name(tz[0] == ':' ? tz + 1 : tz);
    if (LoadZone(name).ok()) return name;
  }
  std::error_code ec;
  auto target = std::filesystem::read_symlink("/etc/localtime", ec).string();
  size_t at = target.find("zoneinfo/");
  if (!ec && at != std::string::npos) {
    std::string name = target.substr(at + 9);
    if (LoadZone(name).ok()) return name;
  }
  return "UTC";
}

std::string FormatOffset(int32_t minutes) {
  char sign = minutes < 0 ? '-' : '+';
  if (minutes < 0) minutes = -minutes;
  return fmt::format("{}{:02}:{:02}", sign, minutes / 60, minutes % 60);
}

}  // namespace securebase::trust
