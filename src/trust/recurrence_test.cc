#include "trust/recurrence.h"

#include <gtest/gtest.h>

#include "trust/civil.h"

namespace securebase::trust {
namespace {

int64_t D(const char* text) { return *ParseDay(text); }

std::vector<std::string> Format(const std::vector<int64_t>& days) {
  std::vector<std::string> out;
  for (int64_t d : days) out.push_back(FormatDay(d));
  return out;
}

TEST(Civil, RoundTripsAndKnowsLeapYears) {
  EXPECT_EQ(D("1970-01-01"), 0);
  EXPECT_EQ(FormatDay(D("2028-02-29")), "2028-02-29");
  EXPECT_FALSE(ParseDay("2027-02-29"));
  EXPECT_FALSE(ParseDay("2026-13-01"));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_EQ(Weekday(D("2026-11-27")), 4);  // a Friday
  EXPECT_EQ(ParseTimeOfDay("08:00"), 480);
  EXPECT_FALSE(ParseTimeOfDay("24:00"));
}

TEST(Recurrence, MonthlyOnThe31stUsesEachMonthsLastDay) {
  auto r = ParseRepeat("monthly", D("2027-01-31"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Format(DueDays(D("2027-01-31"), *r, std::nullopt, D("2027-01-01"), D("2027-05-31"))),
            (std::vector<std::string>{"2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30",
                                      "2027-05-31"}));
  // A leap year's February has a 29th.
  EXPECT_EQ(Format(DueDays(D("2028-01-31"), *r, std::nullopt, D("2028-02-01"), D("2028-03-01"))),
            (std::vector<std::string>{"2028-02-29"}));
  EXPECT_EQ(DescribeRepeat(*r), "on the 31st of each month (or its last day)");
}

TEST(Recurrence, LeapDayMonthlyComesBackTo29AfterFebruary) {
  auto r = ParseRepeat("monthly", D("2028-02-29"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Format(DueDays(D("2028-02-29"), *r, std::nullopt, D("2028-02-01"), D("2028-04-30"))),
            (std::vector<std::string>{"2028-02-29", "2028-03-29", "2028-04-29"}));
}

TEST(Recurrence, WeeklyOnChosenDaysAndEveryNDays) {
  auto weekly = ParseRepeat("weekly:mon,thu", D("2026-11-23"));
  ASSERT_TRUE(weekly.ok());
  EXPECT_EQ(RepeatText(*weekly), "weekly:mon,thu");
  EXPECT_EQ(DescribeRepeat(*weekly), "every Monday and Thursday");
  EXPECT_EQ(
      Format(DueDays(D("2026-11-23"), *weekly, std::nullopt, D("2026-11-20"), D("2026-12-03"))),
      (std::vector<std::string>{"2026-11-23", "2026-11-26", "2026-11-30", "2026-12-03"}));
  auto every3 = ParseRepeat("every:3", D("2026-12-30"));
  ASSERT_TRUE(every3.ok());
  // Across a year end and starting from the middle of the cycle.
  EXPECT_EQ(
      Format(DueDays(D("2026-12-30"), *every3, D("2027-01-06"), D("2027-01-01"), D("2027-01-31"))),
      (std::vector<std::string>{"2027-01-02", "2027-01-05"}));
}

TEST(Recurrence, DailyAcrossTheLeapDayAndOnce) {
  Repeat daily{RepeatKind::kDaily};
  EXPECT_EQ(Format(DueDays(D("2028-02-27"), daily, std::nullopt, D("2028-02-28"), D("2028-03-01"))),
            (std::vector<std::string>{"2028-02-28", "2028-02-29", "2028-03-01"}));
  Repeat once;
  EXPECT_EQ(DueDays(D("2028-02-27"), once, std::nullopt, D("2028-02-28"), D("2028-03-01")).size(),
            0u);
}

TEST(Recurrence, BadRepeatsNameTheField) {
  for (const char* text : {"weekly:funday", "every:0", "every:x", "yearly", "weekly:"}) {
    auto r = ParseRepeat(text, 0);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.status().fields()[0].field, "repeat");
  }
}

}  // namespace
}  // namespace securebase::trust
