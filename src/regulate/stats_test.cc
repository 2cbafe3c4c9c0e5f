#include "regulate/stats.h"

#include <gtest/gtest.h>

#include <cmath>

namespace securebase::regulate {
namespace {

Session S(const std::string& practice, int before, std::optional<int> after, Energy e,
          bool stopped = false) {
  Session s;
  s.practice_id = practice;
  s.practice_name = practice + " (old name)";
  s.distress_before = before;
  s.distress_after = after;
  s.energy = e;
  s.stopped_early = stopped;
  return s;
}

std::vector<Practice> Practices() {
  std::vector<Practice> out;
  for (const char* id : {"cyclic-sighing", "grounding-54321", "box-breathing"}) {
    Practice p;
    p.id = id;
    p.name = std::string("Name of ") + id;
    p.suits = std::string(id) == "grounding-54321" ? Suits::kLow : Suits::kHigh;
    out.push_back(p);
  }
  return out;
}

TEST(TCritical, MatchesTheTable) {
  EXPECT_DOUBLE_EQ(TCritical95(1), 12.706);
  EXPECT_DOUBLE_EQ(TCritical95(2), 4.303);
  EXPECT_DOUBLE_EQ(TCritical95(30), 2.042);
  EXPECT_NEAR(TCritical95(40), 2.021, 0.001);
  EXPECT_NEAR(TCritical95(60), 2.000, 0.001);
  EXPECT_NEAR(TCritical95(120), 1.980, 0.001);
  EXPECT_NEAR(TCritical95(100000), 1.960, 0.001);
}

TEST(Stats, HandComputedMeanAndInterval) {
  // Box: changes -3, -1, -2 -> mean -2, sd 1, se 1/sqrt(3), t(2) = 4.303.
  std::vector<Session> sessions = {S("box-breathing", 7, 4, Energy::kHigh),
                                   S("box-breathing", 5, 4, Energy::kHigh),
                                   S("box-breathing", 6, 4, Energy::kHigh, /*stopped=*/true),
                                   S("box-breathing", 6, std::nullopt, Energy::kHigh)};
  Stats st = ComputeStats(sessions, Practices());
  ASSERT_EQ(st.all.practices.size(), 1u);
  const PracticeStats& b = st.all.practices[0];
  EXPECT_EQ(b.practice_name, "Name of box-breathing");
  EXPECT_EQ(b.sessions, 4);
  EXPECT_EQ(b.rated, 3);
  EXPECT_DOUBLE_EQ(*b.mean_change, -2.0);
  const double half = 4.303 / std::sqrt(3.0);
  EXPECT_NEAR(*b.ci_low, -2.0 - half, 1e-9);
  EXPECT_NEAR(*b.ci_high, -2.0 + half, 1e-9);
  EXPECT_NEAR(*b.ci_low, -4.484, 0.001);
  EXPECT_DOUBLE_EQ(b.stopped_early_rate(), 0.25);
  EXPECT_TRUE(b.ranked);
  EXPECT_EQ(b.rank, 1);
  EXPECT_EQ(st.high.sessions, 4);
  EXPECT_EQ(st.low.sessions, 0);
}

TEST(Stats, NothingIsRankedBeforeThreeRatedSessions) {
  std::vector<Session> sessions = {
      S("cyclic-sighing", 8, 2, Energy::kHigh),
      S("cyclic-sighing", 8, 2, Energy::kHigh),
      S("cyclic-sighing", 8, std::nullopt, Energy::kHigh),  // not rated after: not counted
      S("box-breathing", 6, 5, Energy::kHigh),
      S("box-breathing", 6, 5, Energy::kHigh),
      S("box-breathing", 6, 5, Energy::kHigh)};
  Stats st = ComputeStats(sessions, Practices());
  ASSERT_EQ(st.high.practices.size(), 2u);
  EXPECT_EQ(st.high.practices[0].practice_id, "box-breathing");  // the only ranked one
  EXPECT_EQ(st.high.practices[0].rank, 1);
  EXPECT_FALSE(st.high.practices[1].ranked);
  EXPECT_EQ(st.high.practices[1].rank, 0);
  EXPECT_DOUBLE_EQ(*st.high.practices[1].mean_change, -6.0);
  EXPECT_DOUBLE_EQ(*st.high.practices[1].ci_low, -6.0);  // no spread: a zero-width interval
  // One rated session has a mean but no interval.
  Stats one = ComputeStats({S("box-breathing", 5, 3, Energy::kLow)}, Practices());
  EXPECT_TRUE(one.low.practices[0].mean_change.has_value());
  EXPECT_FALSE(one.low.practices[0].ci_low.has_value());
  EXPECT_NE(SummarizeGroup(one.low).find("once it has 3 sessions"), std::string::npos);
}

TEST(Stats, SplitByStartingEnergyAndRankedByTheLargestDrop) {
  std::vector<Session> sessions;
  for (int i = 0; i < 3; ++i) {
    sessions.push_back(S("cyclic-sighing", 8, 5, Energy::kHigh));  // -3
    sessions.push_back(S("box-breathing", 8, 7, Energy::kHigh));   // -1
    sessions.push_back(S("grounding-54321", 6, 5, Energy::kLow));  // -1
    sessions.push_back(S("cyclic-sighing", 6, 6, Energy::kLow));   // 0
  }
  Stats st = ComputeStats(sessions, Practices());
  EXPECT_EQ(st.high.practices[0].practice_id, "cyclic-sighing");
  EXPECT_EQ(st.high.practices[1].practice_id, "box-breathing");
  EXPECT_EQ(st.low.practices[0].practice_id, "grounding-54321");
  EXPECT_EQ(st.all.sessions, 12);
  EXPECT_NE(SummarizeGroup(st.high).find("Name of cyclic-sighing helped most"), std::string::npos)
      << SummarizeGroup(st.high);

  auto r = Recommend(st, Practices(), 8, Energy::kHigh);
  ASSERT_TRUE(r.practice);
  EXPECT_EQ(r.practice->id, "cyclic-sighing");
  EXPECT_TRUE(r.from_history);
  auto low = Recommend(st, Practices(), 5, Energy::kLow);
  EXPECT_EQ(low.practice->id, "grounding-54321");
  EXPECT_TRUE(low.from_history);
}

TEST(Recommend, SensibleDefaultsWithoutHistory) {
  Stats empty = ComputeStats({}, Practices());
  auto high = Recommend(empty, Practices(), 9, Energy::kHigh);
  EXPECT_EQ(high.practice->id, "cyclic-sighing");
  EXPECT_FALSE(high.from_history);
  auto low = Recommend(empty, Practices(), 4, Energy::kLow);
  EXPECT_EQ(low.practice->id, "grounding-54321");
  EXPECT_EQ(SummarizeGroup(empty.all), "No practices done yet.");
}

TEST(Recommend, APracticeThatMadeThingsWorseIsNotOffered) {
  std::vector<Session> sessions;
  for (int i = 0; i < 3; ++i) sessions.push_back(S("box-breathing", 5, 7, Energy::kHigh));
  auto r = Recommend(ComputeStats(sessions, Practices()), Practices(), 6, Energy::kHigh);
  EXPECT_EQ(r.practice->id, "cyclic-sighing");
  EXPECT_FALSE(r.from_history);
}

}  // namespace
}  // namespace securebase::regulate
