#include "platform/clock.h"

#include <ctime>

#include <fmt/format.h>

namespace securebase {
namespace {

// Days since 1970-01-01 to civil date (Howard Hinnant's algorithm).
void CivilFromDays(int64_t z, int* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(yy + (*m <= 2));
}

int64_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Instant SystemClock::Now() const {
  auto now = std::chrono::system_clock::now();
  int64_t ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm local{};
  localtime_r(&secs, &local);
  return Instant{ms, static_cast<int32_t>(local.tm_gmtoff / 60)};
}

std::string LocalDate(Instant t) {
  int64_t local_ms = t.utc_ms + int64_t{t.offset_minutes} * 60000;
  int y;
  unsigned m, d;
  CivilFromDays(FloorDiv(local_ms, 86400000), &y, &m, &d);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::string Iso8601(Instant t) {
  int64_t local_ms = t.utc_ms + int64_t{t.offset_minutes} * 60000;
  int64_t day = FloorDiv(local_ms, 86400000);
  int64_t in_day = local_ms - day * 86400000;
  int y;
  unsigned m, d;
  CivilFromDays(day, &y, &m, &d);
  int off = t.offset_minutes;
  char sign = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", y, m, d,
                     in_day / 3600000, in_day / 60000 % 60, in_day / 1000 % 60, sign, off / 60,
                     off % 60);
}

bool ParseIso8601(const std::string& text, Instant* out) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, oh = 0, om = 0;
  char sign = '+';
  int n = 0;
  if (text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 &&
      n == 10) {
  } else if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s,
                         &n) == 6) {
    std::string rest = text.substr(static_cast<size_t>(n));
    if (rest == "Z") {
    } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
               std::sscanf(rest.c_str() + 1, "%2d:%2d", &oh, &om) == 2) {
      sign = rest[0];
    } else {
      return false;
    }
  } else {
    return false;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 || oh > 14 || om > 59)
    return false;
  int offset = (oh * 60 + om) * (sign == '-' ? -1 : 1);
  int64_t local_ms = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) *
                         86400000 +
                     (int64_t{h} * 3600 + mi * 60 + s) * 1000;
  *out = Instant{local_ms - int64_t{offset} * 60000, offset};
  return true;
}

}  // namespace securebase
