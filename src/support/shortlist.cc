#include "support/shortlist.h"

#include <fmt/format.h>

#include "support/provider.h"

namespace securebase::support {

const std::vector<ShortlistStatus>& AllStatuses() {
  static const std::vector<ShortlistStatus> v = {
      ShortlistStatus::kToContact,  ShortlistStatus::kContacted, ShortlistStatus::kConsultBooked,
      ShortlistStatus::kWaitlisted, ShortlistStatus::kNotAFit,   ShortlistStatus::kWorkingWith};
  return v;
}

std::string_view StatusId(ShortlistStatus s) {
  switch (s) {
    case ShortlistStatus::kToContact:
      return "to-contact";
    case ShortlistStatus::kContacted:
      return "contacted";
    case ShortlistStatus::kConsultBooked:
      return "consult-booked";
    case ShortlistStatus::kWaitlisted:
      return "waitlisted";
    case ShortlistStatus::kNotAFit:
      return "not-a-fit";
    case ShortlistStatus::kWorkingWith:
      return "working-with";
  }
  return "to-contact";
}

std::string_view StatusLabel(ShortlistStatus s) {
  switch (s) {
    case ShortlistStatus::kToContact:
      return "To contact";
    case ShortlistStatus::kContacted:
      return "Contacted";
    case ShortlistStatus::kConsultBooked:
      return "Consult booked";
    case ShortlistStatus::kWaitlisted:
      return "Waitlisted";
    case ShortlistStatus::kNotAFit:
      return "Not a fit";
    case ShortlistStatus::kWorkingWith:
      return "Working with";
  }
  return "To contact";
}

std::optional<ShortlistStatus> ParseStatus(std::string_view text) {
  std::string n = NormalizeTag(text);
  for (auto s : AllStatuses()) {
    if (n == StatusId(s) || n == NormalizeTag(StatusLabel(s))) return s;
  }
  return std::nullopt;
}

namespace {
// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}
}  // namespace

std::optional<int64_t> ParseDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (size_t k = 0; k < lens[i]; ++k) {
      char c = t[starts[i] + k];
      if (c < '0' || c > '9') return std::nullopt;
      v[i] = v[i] * 10 + (c - '0');
    }
  }
  if (v[0] < 1970 || v[1] < 1 || v[1] > 12 || v[2] < 1) return std::nullopt;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0;
  int max = kDays[v[1] - 1] + (v[1] == 2 && leap ? 1 : 0);
  if (v[2] > max) return std::nullopt;
  return DaysFromCivil(v[0], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[2]));
}

std::string FormatDate(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04d}-{:02d}-{:02d}", y + (m <= 2), m, d);
}

Status ValidateShortlistNotes(std::string_view notes) {
  if (notes.size() > kMaxShortlistNotes) {
    return Status::InvalidField("notes",
                                fmt::format("is longer than {} characters", kMaxShortlistNotes));
  }
  for (unsigned char c : notes) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      return Status::InvalidField("notes", "has control characters");
    }
  }
  return Status::Ok();
}

}  // namespace securebase::support
