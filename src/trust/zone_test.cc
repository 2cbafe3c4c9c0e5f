#include "trust/zone.h"

#include <gtest/gtest.h>

#include "platform/clock.h"
#include "trust/civil.h"

namespace securebase::trust {
namespace {

int64_t D(const char* text) { return *ParseDay(text); }

// The local wall time of a UTC instant under `rule`, as ISO 8601 with the offset.
std::string Local(const ZoneRule& rule, int64_t utc_ms) {
  return Iso8601(Instant{utc_ms, rule.OffsetAt(utc_ms)});
}

TEST(Zone, DailyEightStaysEightAcrossBerlinsChanges) {
  auto rule = ParseZoneRule("CET-1CEST,M3.5.0,M10.5.0/3");
  ASSERT_TRUE(rule.ok());
  // Daylight time starts on Sunday 28 March 2027 and ends on Sunday 31 October 2027.
  EXPECT_EQ(Local(*rule, rule->ToUtcMs(D("2027-03-27"), 480)), "2027-03-27T08:00:00+01:00");
  EXPECT_EQ(Local(*rule, rule->ToUtcMs(D("2027-03-28"), 480)), "2027-03-28T08:00:00+02:00");
  EXPECT_EQ(Local(*rule, rule->ToUtcMs(D("2027-10-30"), 480)), "2027-10-30T08:00:00+02:00");
  EXPECT_EQ(Local(*rule, rule->ToUtcMs(D("2027-10-31"), 480)), "2027-10-31T08:00:00+01:00");
  // So the UTC times differ by 23 and 25 hours across the changes.
  EXPECT_EQ(rule->ToUtcMs(D("2027-03-28"), 480) - rule->ToUtcMs(D("2027-03-27"), 480),
            23 * 3600000LL);
  EXPECT_EQ(rule->ToUtcMs(D("2027-10-31"), 480) - rule->ToUtcMs(D("2027-10-30"), 480),
            25 * 3600000LL);
}

TEST(Zone, SkippedAndRepeatedHours) {
  auto rule = ParseZoneRule("EST5EDT,M3.2.0,M11.1.0");
  ASSERT_TRUE(rule.ok());
  // 2:30 does not exist on 14 March 2027 in New York: it is read as 3:30 daylight time.
  EXPECT_EQ(Local(*rule, rule->ToUtcMs(D("2027-03-14"), 150)), "2027-03-14T03:30:00-04:00");
  // 1:30 happens twice on 7 November 2027: the first one, still daylight time.
  EXPECT_EQ(Local(*rule, rule->ToUtcMs(D("2027-11-07"), 90)), "2027-11-07T01:30:00-04:00");
}

TEST(Zone, SouthernHemisphereAndFixedOffsets) {
  auto sydney = ParseZoneRule("AEST-10AEDT,M10.1.0,M4.1.0/3");
  ASSERT_TRUE(sydney.ok());
  EXPECT_EQ(Local(*sydney, sydney->ToUtcMs(D("2027-01-15"), 480)), "2027-01-15T08:00:00+11:00");
  EXPECT_EQ(Local(*sydney, sydney->ToUtcMs(D("2027-06-15"), 480)), "2027-06-15T08:00:00+10:00");
  auto india = LoadZone("+05:30");
  ASSERT_TRUE(india.ok());
  EXPECT_EQ(india->ToUtcMs(0, 330), 0);
  EXPECT_FALSE(LoadZone("Mars/Olympus").ok());
  EXPECT_FALSE(LoadZone("../etc/passwd").ok());
  EXPECT_EQ(FormatOffset(-330), "-05:30");
}

TEST(Zone, LoadsTheRuleFromTzdata) {
  auto berlin = LoadZone("Europe/Berlin");
  if (!berlin.ok()) GTEST_SKIP() << "no tzdata here";
  EXPECT_EQ(berlin->std_offset_minutes, 60);
  EXPECT_EQ(berlin->dst_offset_minutes, 120);
  EXPECT_EQ(berlin->end.seconds, 3 * 3600);
}

}  // namespace
}  // namespace securebase::trust
