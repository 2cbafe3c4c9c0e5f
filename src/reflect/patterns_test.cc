// Patterns on hand-built reflections, where every figure can be counted by hand.
#include "reflect/patterns.h"

#include <gtest/gtest.h>

namespace securebase::reflect {
namespace {

constexpr int64_t kHour = 3'600'000;
constexpr int64_t kDay = 24 * kHour;
// 2026-11-18 00:00 local (UTC+1) is a Wednesday.
constexpr int64_t kMidnight = 1'794'956'400'000;

EmotionVocabulary Vocab() {
  return EmotionVocabulary({{"anxious", "", -0.6, 0.6},
                            {"calm", "", 0.6, -0.6},
                            {"hurt", "", -0.7, 0.3},
                            {"lonely", "", -0.7, -0.4}});
}

PatternRow Row(int days_ago, int hour, std::vector<int64_t> people,
               std::vector<EmotionRating> emotions, std::vector<std::string> tags,
               std::optional<Activation> activation) {
  return {Instant{kMidnight - days_ago * kDay + hour * kHour, 60}, std::move(people),
          std::move(emotions), std::move(tags), activation};
}

const Instant kNow{kMidnight + 12 * kHour, 60};
const std::map<int64_t, std::string> kNames{{1, "Alex"}, {2, "Sam"}};

TEST(Patterns, SaysNothingWithTooFewEntries) {
  std::vector<PatternRow> rows{Row(0, 20, {1}, {{"anxious", 7}}, {"silence"}, Activation::kToward),
                               Row(1, 20, {1}, {{"anxious", 5}}, {"silence"}, Activation::kToward)};
  Patterns p = ComputePatterns(rows, Vocab(), kNames, kNow);
  EXPECT_EQ(p.entries, 2);
  EXPECT_FALSE(p.enough());
  EXPECT_TRUE(p.triggers.empty());
  EXPECT_TRUE(p.people.empty());
  EXPECT_TRUE(p.summary.empty());
  EXPECT_TRUE(p.calendar.empty());
}

std::vector<PatternRow> Sample() {
  return {
      Row(0, 21, {1}, {{"anxious", 8}, {"hurt", 4}}, {"late reply", "silence"},
          Activation::kToward),
      Row(2, 22, {1}, {{"anxious", 6}}, {"late reply"}, Activation::kToward),
      Row(9, 20, {1}, {{"hurt", 5}, {"lonely", 3}}, {"silence"}, Activation::kAway),
      Row(40, 9, {2}, {{"calm", 2}}, {"criticism"}, Activation::kNeither),
      Row(45, 13, {2}, {{"anxious", 3}}, {"criticism"}, Activation::kAway),
      Row(100, 8, {2, 1}, {{"my own word", 9}}, {"criticism", "late reply"}, Activation::kAway),
      Row(400, 19, {3}, {}, {"once"}, std::nullopt),  // person 3 was removed
  };
}

TEST(Patterns, CountsTriggersOverallAndOverTheLastDays) {
  Patterns p = ComputePatterns(Sample(), Vocab(), kNames, kNow);
  ASSERT_TRUE(p.enough());
  EXPECT_EQ(p.entries, 7);
  ASSERT_EQ(p.triggers.size(), 3u) << "'once' came up once and is not listed";
  EXPECT_EQ(p.triggers[0].tag, "criticism");  // 3, ties broken by name
  EXPECT_EQ(p.triggers[0].entries, 3);
  EXPECT_EQ(p.triggers[0].last_30, 0);
  EXPECT_EQ(p.triggers[0].last_90, 2);
  EXPECT_EQ(p.triggers[1].tag, "late reply");
  EXPECT_EQ(p.triggers[1].entries, 3);
  EXPECT_EQ(p.triggers[1].last_30, 2);
  EXPECT_EQ(p.triggers[2].tag, "silence");
  EXPECT_EQ(p.triggers_last_30_entries, 3);
  EXPECT_EQ(p.triggers_last_90_entries, 5);
}

TEST(Patterns, GroupsFeelingsAndMovesPerPerson) {
  Patterns p = ComputePatterns(Sample(), Vocab(), kNames, kNow);
  ASSERT_EQ(p.people.size(), 2u);
  const PersonPatterns& alex = p.people[0];
  EXPECT_EQ(alex.name, "Alex");
  EXPECT_EQ(alex.entries, 4);
  ASSERT_GE(alex.emotions.size(), 2u);
  EXPECT_EQ(alex.emotions[0].word, "anxious");
  EXPECT_EQ(alex.emotions[0].entries, 2);
  EXPECT_DOUBLE_EQ(alex.emotions[0].mean_intensity, 7.0);
  EXPECT_EQ(alex.emotions[1].word, "hurt");
  EXPECT_EQ(alex.activation.toward, 2);
  EXPECT_EQ(alex.activation.away, 2);
  const PersonPatterns& sam = p.people[1];
  EXPECT_EQ(sam.name, "Sam");
  EXPECT_EQ(sam.entries, 3);
  EXPECT_EQ(sam.triggers.at(0).tag, "criticism");
  EXPECT_EQ(sam.activation.away, 2);
  EXPECT_EQ(sam.activation.neither, 1);
  EXPECT_EQ(p.activation.toward, 2);
  EXPECT_EQ(p.activation.away, 3);
  EXPECT_EQ(p.activation.neither, 1);
}

TEST(Patterns, PlacesMomentsInTheDayAndWeek) {
  Patterns p = ComputePatterns(Sample(), Vocab(), kNames, kNow);
  EXPECT_EQ(p.by_part[3], 4);  // evening: 21, 22, 20, 19
  EXPECT_EQ(p.by_part[1], 2);  // morning: 9, 8
  EXPECT_EQ(p.by_part[2], 1);  // afternoon: 13
  EXPECT_EQ(p.by_hour[21], 1);
  EXPECT_EQ(p.by_weekday[2], 1);  // today, a Wednesday
  EXPECT_EQ(p.by_weekday[0], 3);  // 2, 9 and 100 days ago were Mondays
  int total = 0;
  for (int n : p.by_weekday) total += n;
  EXPECT_EQ(total, 7);
  EXPECT_DOUBLE_EQ(p.weekday_intensity[2], 8.0);
}

TEST(Patterns, TracksPleasantnessAndEnergyOverTime) {
  Patterns p = ComputePatterns(Sample(), Vocab(), kNames, kNow);
  EXPECT_EQ(p.bucket_size, "month");  // spans 400 days
  int entries = 0;
  for (const auto& b : p.over_time) entries += b.entries;
  EXPECT_EQ(entries, 7);
  const Bucket& last = p.over_time.back();  // November 2026: today and 2 and 9 days ago
  EXPECT_EQ(last.start, "2026-11-01");
  EXPECT_EQ(last.entries, 3);
  EXPECT_EQ(last.rated, 3);
  // Intensity-weighted: (8*-0.6 + 4*-0.7)/12, -0.6, (5*-0.7 + 3*-0.7)/8; then the mean.
  double expected = ((8 * -0.6 + 4 * -0.7) / 12 + -0.6 + -0.7) / 3;
  EXPECT_NEAR(*last.pleasantness, expected, 1e-9);
  EXPECT_EQ(last.activation.toward, 2);
  // An entry with only the person's own words has no place on the grid.
  for (const auto& b : p.over_time) {
    if (b.start == "2026-08-01") {
      EXPECT_EQ(b.rated, 0);
      EXPECT_FALSE(b.pleasantness);
    }
  }
}

TEST(Patterns, UsesWeeksForAShortSpan) {
  std::vector<PatternRow> rows{Row(0, 10, {}, {{"calm", 5}}, {}, std::nullopt),
                               Row(1, 10, {}, {{"calm", 5}}, {}, std::nullopt),
                               Row(8, 10, {}, {{"calm", 5}}, {}, std::nullopt)};
  Patterns p = ComputePatterns(rows, Vocab(), kNames, kNow);
  EXPECT_EQ(p.bucket_size, "week");
  ASSERT_EQ(p.over_time.size(), 2u);
  EXPECT_EQ(p.over_time[1].start, "2026-11-16");  // the Monday
  EXPECT_EQ(p.over_time[1].entries, 2);
}

TEST(Patterns, BuildsACalendarOfTheLastYear) {
  Patterns p = ComputePatterns(Sample(), Vocab(), kNames, kNow);
  ASSERT_EQ(p.calendar.size(), 6u) << "the entry 400 days ago is outside the year";
  EXPECT_EQ(p.calendar.back().date, "2026-11-18");
  EXPECT_EQ(p.calendar.back().entries, 1);
  EXPECT_EQ(p.calendar.back().intensity, 8);
}

TEST(Patterns, SummarisesInPlainSentences) {
  Patterns p = ComputePatterns(Sample(), Vocab(), kNames, kNow);
  std::string all;
  for (const auto& line : p.summary) all += line + "\n";
  EXPECT_NE(all.find("Based on 7 reflections"), std::string::npos) << all;
  EXPECT_NE(all.find("\u201ccriticism\u201d (3)"), std::string::npos) << all;
  EXPECT_NE(all.find("With Alex (4 reflections)"), std::string::npos) << all;
  EXPECT_NE(all.find("evening"), std::string::npos) << all;
  EXPECT_EQ(all.find("\u201conce\u201d"), std::string::npos) << all;
}

}  // namespace
}  // namespace securebase::reflect
