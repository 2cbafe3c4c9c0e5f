#include "trust/ics.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "trust/civil.h"

namespace securebase::trust {
namespace {

// A small RFC 5545 reader: unfolds lines and splits events into name -> value maps.
std::vector<std::map<std::string, std::string>> Parse(const std::string& ics) {
  std::string unfolded;
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += ics[i];
  }
  std::vector<std::map<std::string, std::string>> events;
  std::istringstream in(unfolded);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t colon = line.find(':');
    std::string name = line.substr(0, colon), value = line.substr(colon + 1);
    if (line == "BEGIN:VEVENT")
      events.emplace_back();
    else if (!events.empty())
      events.back()[name.substr(0, name.find(';'))] = value;
  }
  return events;
}

TEST(Ics, ValidCalendarWithStableUidsAcrossDst) {
  Commitment c;
  c.id = 4;
  c.person_id = 2;
  c.what = "Morning check-in with a long description, to test folding; it goes on and on";
  c.due_day = *ParseDay("2027-03-27");
  c.due_minutes = 480;
  c.zone = "+01:00";
  c.repeat.kind = RepeatKind::kDaily;
  Commitment allday;
  allday.id = 5;
  allday.what = "Plan the weekend";
  allday.due_day = *ParseDay("2027-03-28");
  Instant now{1800000000000, 0};
  std::string ics =
      BuildCalendar({c, allday}, {{4, *ParseDay("2027-03-27"), Outcome::kKept, "", {}}},
                    {{2, "Sam"}}, *ParseDay("2027-03-27"), *ParseDay("2027-03-28"), now);
  // Every line ends in CRLF and no physical line is longer than 75 octets.
  std::istringstream in(ics);
  std::string line;
  while (std::getline(in, line)) {
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.back(), '\r');
    EXPECT_LE(line.size() - 1, 75u) << line;
  }
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0), 0u);
  EXPECT_NE(ics.find("END:VCALENDAR\r\n"), std::string::npos);
  auto events = Parse(ics);
  ASSERT_EQ(events.size(), 3u);
  for (const auto& e : events) {
    for (const char* required : {"UID", "DTSTAMP", "DTSTART", "SUMMARY"})
      EXPECT_TRUE(e.count(required)) << required;
    EXPECT_EQ(e.at("DTSTAMP"), "20270115T080000Z");
  }
  EXPECT_EQ(events[0].at("UID"), "commitment-4-20270327@securebase.local");
  EXPECT_EQ(events[0].at("DTSTART"), "20270327T070000Z");
  EXPECT_EQ(events[0].at("STATUS"), "CONFIRMED");
  EXPECT_NE(events[0].at("SUMMARY").find("folding\\; it goes"), std::string::npos);
  EXPECT_NE(events[0].at("SUMMARY").find("(Sam)"), std::string::npos);
  EXPECT_EQ(events[2].at("DTSTART"), "20270328");
  // The same input gives the same UIDs: a calendar app replaces rather than duplicates.
  EXPECT_EQ(
      Parse(BuildCalendar({c}, {}, {}, *ParseDay("2027-03-27"), *ParseDay("2027-03-27"), now))[0]
          .at("UID"),
      events[0].at("UID"));
}

TEST(Ics, FoldingNeverSplitsACharacter) {
  std::string text(74, 'a');
  text += "\xC3\xA9\xC3\xA9";  // two two-byte characters straddling the limit
  std::string folded = IcsFold(text);
  EXPECT_EQ(folded, std::string(74, 'a') + "\r\n \xC3\xA9\xC3\xA9\r\n");
  EXPECT_EQ(IcsEscape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
}

}  // namespace
}  // namespace securebase::trust
