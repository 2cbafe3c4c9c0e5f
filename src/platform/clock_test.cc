#include "platform/clock.h"

#include <gtest/gtest.h>

namespace securebase {
namespace {

TEST(ClockTest, LocalDateUsesTheStoredOffset) {
  // 2026-11-27 23:30 UTC is already the 28th in Berlin (+60) and still the 27th in New York.
  Instant t{1795822200000, 60};
  EXPECT_EQ(LocalDate(t), "2026-11-28");
  t.offset_minutes = -300;
  EXPECT_EQ(LocalDate(t), "2026-11-27");
}

TEST(ClockTest, Iso8601RoundTrips) {
  Instant t{1795822200000, -300};
  std::string text = Iso8601(t);
  EXPECT_EQ(text, "2026-11-27T18:30:00-05:00");
  Instant back;
  ASSERT_TRUE(ParseIso8601(text, &back));
  EXPECT_EQ(back.utc_ms, t.utc_ms);
  EXPECT_EQ(back.offset_minutes, -300);
}

TEST(ClockTest, ParsesDatesAndRejectsNonsense) {
  Instant t;
  EXPECT_TRUE(ParseIso8601("2024-02-29", &t));
  EXPECT_EQ(LocalDate(t), "2024-02-29");
  EXPECT_TRUE(ParseIso8601("2026-11-27T10:00:00Z", &t));
  EXPECT_FALSE(ParseIso8601("yesterday", &t));
  EXPECT_FALSE(ParseIso8601("2026-13-01", &t));
  EXPECT_FALSE(ParseIso8601("2026-11-27T10:00:00+25:00", &t));
}

}  // namespace
}  // namespace securebase
