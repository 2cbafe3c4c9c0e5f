#include "trust/ics.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "trust/civil.h"
#include "trust/zone.h"

namespace securebase::trust {
namespace {

std::string UtcStamp(int64_t utc_ms) {
  int64_t day = LocalDay(utc_ms, 0);
  int64_t secs = (utc_ms - day * 86400000) / 1000;
  return fmt::format("{}T{:02}{:02}{:02}Z", FormatDayIcs(day), secs / 3600, secs / 60 % 60,
                     secs % 60);
}

}  // namespace

std::string IcsEscape(const std::string& text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string IcsFold(const std::string& line) {
  std::string out;
  size_t used = 0;  // octets on the current physical line
  for (size_t i = 0; i < line.size();) {
    size_t len = 1;  // the whole UTF-8 character starting at i
    auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0xF0)
      len = 4;
    else if (lead >= 0xE0)
      len = 3;
    else if (lead >= 0xC0)
      len = 2;
    len = std::min(len, line.size() - i);
    if (used + len > 75) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line, i, len);
    used += len;
    i += len;
  }
  return out + "\r\n";
}

std::string BuildCalendar(const std::vector<Commitment>& commitments,
                          const std::vector<OccurrenceOutcome>& outcomes,
                          const std::vector<std::pair<int64_t, std::string>>& names, int64_t from,
                          int64_t to, Instant now) {
  std::map<int64_t, std::string> name_of(names.begin(), names.end());
  std::map<std::pair<int64_t, int64_t>, Outcome> done;
  for (const auto& o : outcomes) done[{o.commitment_id, o.day}] = o.outcome;
  std::string out;
  auto line = [&out](const std::string& l) { out += IcsFold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//SecureBase//Commitments//EN");
  line("CALSCALE:GREGORIAN");
  line("X-WR-CALNAME:SecureBase commitments");
  std::string stamp = UtcStamp(now.utc_ms);
  for (const auto& c : commitments) {
    if (c.archived || c.direction != Direction::kMine || !c.due_day) continue;
    auto zone = LoadZone(c.zone);
    ZoneRule rule = zone.ok() ? *zone : ZoneRule{};
    std::string summary = c.what;
    if (c.person_id && name_of.count(*c.person_id)) summary += " (" + name_of[*c.person_id] + ")";
    for (int64_t d : DueDays(*c.due_day, c.repeat, c.until_day, from, to)) {
      auto it = done.find({c.id, d});
      line("BEGIN:VEVENT");
      line(fmt::format("UID:commitment-{}-{}@securebase.local", c.id, FormatDayIcs(d)));
      line("DTSTAMP:" + stamp);
      if (c.due_minutes) {
        int64_t start = rule.ToUtcMs(d, *c.due_minutes);
        line("DTSTART:" + UtcStamp(start));
        line("DTEND:" + UtcStamp(start + 15 * 60000));
      } else {
        line("DTSTART;VALUE=DATE:" + FormatDayIcs(d));
        line("DTEND;VALUE=DATE:" + FormatDayIcs(d + 1));
      }
      line("SUMMARY:" + IcsEscape(summary));
      if (c.repeat.kind != RepeatKind::kNone)
        line("DESCRIPTION:" + IcsEscape("A promise you keep " + DescribeRepeat(c.repeat) + "."));
      if (it != done.end()) {
        line(std::string("STATUS:") + (it->second == Outcome::kBroken ? "CANCELLED" : "CONFIRMED"));
      }
      line("TRANSP:TRANSPARENT");
      line("END:VEVENT");
    }
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace securebase::trust
