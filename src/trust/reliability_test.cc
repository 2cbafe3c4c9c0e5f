#include "trust/reliability.h"

#include <gtest/gtest.h>

#include "trust/civil.h"

namespace securebase::trust {
namespace {

const int64_t kToday = *ParseDay("2027-06-30");

Commitment Daily(int64_t id, std::optional<int64_t> person, int64_t first) {
  Commitment c;
  c.id = id;
  c.person_id = person;
  c.what = "walk";
  c.due_day = first;
  c.repeat.kind = RepeatKind::kDaily;
  return c;
}

OccurrenceOutcome At(int64_t id, int64_t day, Outcome o) { return {id, day, o, "", {}}; }

TEST(Reliability, HandBuiltTalliesPerWindowAndPerson) {
  // Alex (person 7): daily for the last 10 days: 6 kept, 2 renegotiated, 1 broken, and one
  // open from yesterday (overdue). Myself: one promise 40 days ago, broken.
  std::vector<Commitment> cs = {Daily(1, 7, kToday - 9)};
  Commitment once;
  once.id = 2;
  once.what = "book the dentist";
  once.due_day = kToday - 40;
  cs.push_back(once);
  std::vector<OccurrenceOutcome> os;
  for (int i = 0; i < 6; ++i) os.push_back(At(1, kToday - 9 + i, Outcome::kKept));
  os.push_back(At(1, kToday - 3, Outcome::kRenegotiated));
  os.push_back(At(1, kToday - 2, Outcome::kRenegotiated));
  os.push_back(At(1, kToday, Outcome::kBroken));
  os.push_back(At(2, kToday - 40, Outcome::kBroken));

  auto r = ComputeReliability(cs, os, Direction::kMine, kToday);
  const Windows& alex = r.by_person.at(7);
  EXPECT_EQ(alex.last30.kept, 6);
  EXPECT_EQ(alex.last30.renegotiated, 2);
  EXPECT_EQ(alex.last30.broken, 1);
  EXPECT_EQ(alex.last30.open_past, 1);
  EXPECT_DOUBLE_EQ(*alex.last30.Reliability(), 8.0 / 9.0);
  EXPECT_FALSE(alex.trend);  // nothing in the 30 days before
  const Windows& me = r.by_person.at(std::nullopt);
  EXPECT_EQ(me.last30.settled(), 0);
  EXPECT_EQ(me.last90.broken, 1);
  EXPECT_DOUBLE_EQ(*me.last90.Reliability(), 0.0);
  EXPECT_EQ(r.overall.last90.settled(), 10);
  EXPECT_DOUBLE_EQ(*r.overall.last90.Reliability(), 0.8);
  // Trend: this month (8 of 9) minus the month before (0 of 1).
  EXPECT_DOUBLE_EQ(*r.overall.trend, 8.0 / 9.0);
  // Promises made to me are counted apart.
  EXPECT_TRUE(ComputeReliability(cs, os, Direction::kToMe, kToday).by_person.empty());
}

TEST(Reliability, StreakStopsAtTheFirstMissAndIgnoresTodayIfOpen) {
  Commitment c = Daily(1, std::nullopt, kToday - 6);
  std::vector<OccurrenceOutcome> os = {
      At(1, kToday - 6, Outcome::kKept), At(1, kToday - 5, Outcome::kBroken),
      At(1, kToday - 4, Outcome::kKept), At(1, kToday - 3, Outcome::kRenegotiated),
      At(1, kToday - 2, Outcome::kKept), At(1, kToday - 1, Outcome::kKept)};
  EXPECT_EQ(Streak(c, os, kToday), 4);
  os.push_back(At(1, kToday, Outcome::kKept));
  EXPECT_EQ(Streak(c, os, kToday), 5);
}

TEST(Reliability, DueTodayAndOverdueInOrder) {
  Commitment morning = Daily(1, std::nullopt, kToday - 2);
  morning.due_minutes = 480;
  Commitment call;
  call.id = 2;
  call.due_day = kToday;
  call.due_minutes = 420;
  Commitment theirs = Daily(3, 5, kToday);
  theirs.direction = Direction::kToMe;
  std::vector<Commitment> cs = {morning, call, theirs};
  std::vector<OccurrenceOutcome> os = {At(1, kToday - 1, Outcome::kKept)};
  auto due = DueAndOverdue(cs, os, kToday);
  ASSERT_EQ(due.size(), 3u);
  EXPECT_EQ(due[0].day, kToday - 2);
  EXPECT_TRUE(due[0].overdue);
  EXPECT_EQ(due[1].commitment->id, 2);  // 7:00 before 8:00
  EXPECT_EQ(due[2].commitment->id, 1);
  EXPECT_FALSE(due[2].overdue);
}

TEST(Commitment, BuildChecksEveryField) {
  CommitmentInput in;
  in.what = "  ";
  in.direction = "theirs";
  in.due = "2027-02-30";
  in.time = "8am";
  in.zone = "Nowhere/Land";
  in.repeat = "yearly";
  auto c = BuildCommitment(in, "UTC");
  ASSERT_FALSE(c.ok());
  std::set<std::string> fields;
  for (const auto& f : c.status().fields()) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"what", "direction", "due", "time", "zone", "repeat"}));

  CommitmentInput good{"Call Mum", 3, "mine", "2027-01-31", "18:30", "+01:00", "monthly", ""};
  auto ok = BuildCommitment(good, "UTC");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->repeat.month_day, 31);
  EXPECT_EQ(ok->due_minutes, 18 * 60 + 30);
  EXPECT_FALSE(ValidateOutcomeNote(Outcome::kRenegotiated, "").ok());
  EXPECT_TRUE(ValidateOutcomeNote(Outcome::kBroken, "").ok());
}

TEST(Reliability, TrendBucketsOldestFirstPerPerson) {
  // Alex daily for 60 days: the older 30 all broken, the newer 30 all kept (today open).
  std::vector<Commitment> cs = {Daily(1, 7, kToday - 59), Daily(2, std::nullopt, kToday - 5)};
  std::vector<OccurrenceOutcome> os;
  for (int i = 59; i >= 30; --i) os.push_back(At(1, kToday - i, Outcome::kBroken));
  for (int i = 29; i >= 1; --i) os.push_back(At(1, kToday - i, Outcome::kKept));
  for (int i = 5; i >= 1; --i) os.push_back(At(2, kToday - i, Outcome::kKept));

  auto alex = ReliabilityTrend(cs, os, Direction::kMine, std::optional<int64_t>(7), kToday, 3, 30);
  ASSERT_EQ(alex.size(), 3u);
  EXPECT_EQ(alex[0].first_day, kToday - 89);
  EXPECT_EQ(alex[2].last_day, kToday);
  EXPECT_FALSE(alex[0].tally.Reliability().has_value()) << "nothing due then";
  EXPECT_EQ(alex[1].tally.broken, 30);
  EXPECT_DOUBLE_EQ(*alex[1].tally.Reliability(), 0.0);
  EXPECT_EQ(alex[2].tally.kept, 29);
  EXPECT_EQ(alex[2].tally.open_past, 0) << "today's open occurrence is not past";
  EXPECT_DOUBLE_EQ(*alex[2].tally.Reliability(), 1.0);

  auto me = ReliabilityTrend(cs, os, Direction::kMine, std::optional<int64_t>(), kToday, 3, 30);
  EXPECT_EQ(me[2].tally.kept, 5);
  EXPECT_EQ(me[1].tally.settled(), 0);
  auto everyone = ReliabilityTrend(cs, os, Direction::kMine, std::nullopt, kToday, 3, 30);
  EXPECT_EQ(everyone[2].tally.kept, 34);
  EXPECT_TRUE(
      ReliabilityTrend(cs, os, Direction::kToMe, std::nullopt, kToday, 3, 30)[2].tally.settled() ==
      0);
}

TEST(Reliability, DueListsPromisesMadeToMeSeparately) {
  Commitment theirs = Daily(1, 7, kToday - 2);
  theirs.direction = Direction::kToMe;
  std::vector<Commitment> cs = {theirs, Daily(2, std::nullopt, kToday)};
  std::vector<OccurrenceOutcome> os = {At(1, kToday - 2, Outcome::kKept)};
  auto mine = DueAndOverdue(cs, os, kToday);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].commitment->id, 2);
  auto to_me = DueAndOverdue(cs, os, kToday, 30, Direction::kToMe);
  ASSERT_EQ(to_me.size(), 2u) << "yesterday (overdue) and today; the kept day is gone";
  EXPECT_TRUE(to_me[0].overdue);
  EXPECT_EQ(to_me[0].day, kToday - 1);
}

}  // namespace
}  // namespace securebase::trust
