#include "portability/incoming.h"

#include <cctype>
#include <charconv>
#include <string>

namespace securebase::portability {
namespace {

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool Num(std::string_view s, int* out) {
  if (s.empty() || s.size() > 4) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool ParseDate(std::string_view s, int* y, int* m, int* d) {
  char sep = s.size() == 10 ? s[4] : 0;
  if (sep != '-' && sep != '/') return false;
  if (s[7] != sep) return false;
  if (!Num(s.substr(0, 4), y) || !Num(s.substr(5, 2), m) || !Num(s.substr(8, 2), d)) return false;
  if (*m < 1 || *m > 12 || *d < 1 || *d > 31 || *y < 1900 || *y > 2999) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (*d > kDays[*m - 1]) return false;
  bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
  return !(*m == 2 && *d == 29 && !leap);
}

// "20:15", "20:15:30", "8:15 pm", "8 PM"; seconds kept.
bool ParseTime(std::string_view s, int* seconds) {
  s = Trim(s);
  int extra = 0;  // 12 h for pm
  bool twelve = false;
  if (s.size() >= 2) {
    std::string tail{s.substr(s.size() - 2)};
    for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (tail == "am" || tail == "pm") {
      twelve = true;
      extra = tail == "pm" ? 12 : 0;
      s = Trim(s.substr(0, s.size() - 2));
    }
  }
  int h = 0, m = 0, sec = 0;
  size_t c1 = s.find(':');
  if (c1 == std::string_view::npos) {
    if (!twelve || !Num(s, &h)) return false;
  } else {
    size_t c2 = s.find(':', c1 + 1);
    if (!Num(s.substr(0, c1), &h)) return false;
    if (!Num(s.substr(c1 + 1, c2 == std::string_view::npos ? std::string_view::npos : c2 - c1 - 1),
             &m))
      return false;
    if (c2 != std::string_view::npos) {
      std::string_view secs = s.substr(c2 + 1);
      secs = secs.substr(0, secs.find('.'));  // fractions dropped
      if (!Num(secs, &sec)) return false;
    }
  }
  if (twelve) {
    if (h < 1 || h > 12) return false;
    h = h % 12 + extra;
  }
  if (h > 23 || m > 59 || sec > 59) return false;
  *seconds = h * 3600 + m * 60 + sec;
  return true;
}

// "Z", "+02:00", "-0530" at the end of a time; removed from `s` when found.
bool TakeOffset(std::string_view& s, int* offset) {
  if (!s.empty() && (s.back() == 'Z' || s.back() == 'z')) {
    s.remove_suffix(1);
    *offset = 0;
    return true;
  }
  size_t sign = s.find_last_of("+-");
  if (sign == std::string_view::npos || sign < 2) return false;
  std::string_view z = s.substr(sign + 1);
  int h = 0, m = 0;
  if (z.size() == 5 && z[2] == ':') {
    if (!Num(z.substr(0, 2), &h) || !Num(z.substr(3, 2), &m)) return false;
  } else if (z.size() == 4) {
    if (!Num(z.substr(0, 2), &h) || !Num(z.substr(2, 2), &m)) return false;
  } else if (z.size() == 2) {
    if (!Num(z, &h)) return false;
  } else {
    return false;
  }
  if (h > 14 || m > 59) return false;
  *offset = (s[sign] == '-' ? -1 : 1) * (h * 60 + m);
  s = s.substr(0, sign);
  return true;
}

}  // namespace

bool ParseLocalDateTime(std::string_view date, std::string_view time, int offset_minutes,
                        int64_t* utc_ms, int* offset_out) {
  date = Trim(date);
  time = Trim(time);
  if (date.size() > 10 && time.empty()) {  // a date-time in one field
    time = Trim(date.substr(11));
    if (date[10] != 'T' && date[10] != 't' && date[10] != ' ') return false;
    date = date.substr(0, 10);
  }
  int y, m, d;
  if (!ParseDate(date, &y, &m, &d)) return false;
  int seconds = 12 * 3600;  // a date alone: midday, so the local day survives any offset
  int offset = offset_minutes;
  if (!time.empty()) {
    TakeOffset(time, &offset);
    if (!ParseTime(time, &seconds)) return false;
  }
  *utc_ms = (DaysFromCivil(y, m, d) * 86400 + seconds - int64_t{offset} * 60) * 1000;
  *offset_out = offset;
  return true;
}

}  // namespace securebase::portability
