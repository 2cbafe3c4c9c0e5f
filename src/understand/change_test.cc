#include "understand/change.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace securebase::understand {
namespace {

using ::testing::DoubleNear;
using ::testing::HasSubstr;
using ::testing::Not;

// Jacobson & Truax by hand with SD 1.1, r .85:
//   SE     = 1.1 * sqrt(1 - .85) = 1.1 * 0.387298 = 0.426028
//   S_diff = sqrt(2) * 0.426028 = 0.602495
//   threshold = 1.96 * 0.602495 = 1.180890 scale points
constexpr double kSdiff = 0.6024948;
constexpr double kThreshold = 1.1808898;

Instrument WithFigures(bool assumed) {
  Instrument ins;
  ins.id = "test";
  for (const char* d : {"anxiety", "avoidance"}) ins.reliability[d] = {1.1, 0.85, "test", assumed};
  return ins;
}

Scores Mean(double anxiety, double avoidance) {
  Scores s;
  s.anxiety = anxiety;
  s.avoidance = avoidance;
  return s;
}

TEST(ReliableChangeIndexTest, MatchesJacobsonTruaxByHand) {
  // (2.5 - 4.0) / 0.602495 = -2.48965
  auto rci = ReliableChangeIndex(4.0, 2.5, 1.1, 0.85);
  ASSERT_TRUE(rci);
  EXPECT_THAT(*rci, DoubleNear(-1.5 / kSdiff, 1e-6));
  EXPECT_THAT(*rci, DoubleNear(-2.48965, 1e-5));
  // 1.0 / 0.602495 = 1.65977
  EXPECT_THAT(*ReliableChangeIndex(3.0, 4.0, 1.1, 0.85), DoubleNear(1.65977, 1e-5));
}

TEST(ReliableChangeIndexTest, RejectsUnusableFigures) {
  EXPECT_FALSE(ReliableChangeIndex(1, 2, 0, 0.85));
  EXPECT_FALSE(ReliableChangeIndex(1, 2, -1, 0.85));
  EXPECT_FALSE(ReliableChangeIndex(1, 2, 1.1, 1.0));
  EXPECT_FALSE(ReliableChangeIndex(1, 2, 1.1, -0.1));
  EXPECT_TRUE(ReliableChangeIndex(1, 2, 1.1, 0.0));
}

TEST(CompareScoresTest, ThresholdIsAboutOnePointEighteen) {
  Change c = CompareScores(WithFigures(false), Mean(4, 4), Mean(2.82, 5.19));
  ASSERT_EQ(c.dimensions.size(), 2u);
  EXPECT_THAT(*c.dimensions[0].threshold, DoubleNear(kThreshold, 1e-6));
  // A fall of 1.18 is inside the noise (RCI -1.9585); a rise of 1.19 is not (RCI 1.9751).
  EXPECT_FALSE(c.dimensions[0].reliable);
  EXPECT_TRUE(c.dimensions[1].reliable);
  EXPECT_EQ(c.direction, Direction::kAwayFromSecurity);
}

TEST(CompareScoresTest, TowardSecurity) {
  // Anxiety 5.0 -> 3.5 (RCI -2.49, reliable); avoidance 4.0 -> 4.2 (RCI 0.33).
  Change c = CompareScores(WithFigures(false), Mean(5.0, 4.0), Mean(3.5, 4.2));
  EXPECT_EQ(c.direction, Direction::kTowardSecurity);
  EXPECT_EQ(c.dimensions[0].dimension, "anxiety");
  EXPECT_DOUBLE_EQ(c.dimensions[0].difference, -1.5);
  EXPECT_TRUE(c.dimensions[0].reliable);
  EXPECT_FALSE(c.dimensions[1].reliable);
  EXPECT_FALSE(c.assumed_figures);
  EXPECT_THAT(c.summary, Not(HasSubstr("assumption")));
}

TEST(CompareScoresTest, AwayFromSecurity) {
  Change c = CompareScores(WithFigures(false), Mean(3.0, 3.0), Mean(4.5, 3.1));
  EXPECT_EQ(c.direction, Direction::kAwayFromSecurity);
  EXPECT_THAT(c.summary, HasSubstr("not a verdict on you"));
}

TEST(CompareScoresTest, Mixed) {
  Change c = CompareScores(WithFigures(false), Mean(5.0, 3.0), Mean(3.5, 4.5));
  EXPECT_EQ(c.direction, Direction::kMixed);
}

TEST(CompareScoresTest, NoReliableChange) {
  // Both moved by 1.0 point: RCI 1.66 < 1.96.
  Change c = CompareScores(WithFigures(false), Mean(4.0, 4.0), Mean(3.0, 5.0));
  EXPECT_EQ(c.direction, Direction::kNoReliableChange);
  EXPECT_THAT(c.dimensions[0].rci.value(), DoubleNear(-1.65977, 1e-5));
}

TEST(CompareScoresTest, CannotJudgeWithoutFigures) {
  Instrument none;
  Change c = CompareScores(none, Mean(6.0, 6.0), Mean(1.0, 1.0));
  EXPECT_EQ(c.direction, Direction::kCannotJudge);
  ASSERT_EQ(c.dimensions.size(), 2u);
  EXPECT_FALSE(c.dimensions[0].rci);
  EXPECT_FALSE(c.dimensions[0].threshold);
  EXPECT_FALSE(c.dimensions[0].reliable);
  EXPECT_THAT(c.summary, HasSubstr("no published reliability figures"));
}

TEST(CompareScoresTest, CannotJudgeWithAMissingScore) {
  Scores after;
  after.anxiety = 4.1;
  Change c = CompareScores(WithFigures(false), Mean(4.0, 4.0), after);
  EXPECT_EQ(c.direction, Direction::kCannotJudge);
  EXPECT_THAT(c.summary, HasSubstr("missing"));
}

TEST(CompareScoresTest, AssumedFiguresAreSaidWithTheVerdict) {
  Change c = CompareScores(WithFigures(true), Mean(5.0, 4.0), Mean(3.5, 4.2));
  EXPECT_EQ(c.direction, Direction::kTowardSecurity);
  EXPECT_TRUE(c.assumed_figures);
  EXPECT_THAT(c.summary, HasSubstr("assumption, not a measurement"));
  Change none = CompareScores(WithFigures(true), Mean(4.0, 4.0), Mean(4.1, 4.1));
  EXPECT_EQ(none.direction, Direction::kNoReliableChange);
  EXPECT_THAT(none.summary, HasSubstr("assumption"));
}

TEST(CompareScoresTest, DirectionIds) {
  EXPECT_EQ(DirectionId(Direction::kTowardSecurity), "toward-security");
  EXPECT_EQ(DirectionId(Direction::kAwayFromSecurity), "away-from-security");
  EXPECT_EQ(DirectionId(Direction::kMixed), "mixed");
  EXPECT_EQ(DirectionId(Direction::kNoReliableChange), "no-reliable-change");
  EXPECT_EQ(DirectionId(Direction::kCannotJudge), "cannot-judge");
}

}  // namespace
}  // namespace securebase::understand
