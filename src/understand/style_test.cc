#include "understand/style.h"

#include <gtest/gtest.h>

namespace securebase::understand {
namespace {

Scores Mean(double anxiety, double avoidance) {
  Scores s;
  s.anxiety = anxiety;
  s.avoidance = avoidance;
  return s;
}

Scores RqModels(double self, double other) {
  Scores s;
  s.model_of_self = self;
  s.model_of_other = other;
  return s;
}

Style StyleAt(double anxiety, double avoidance, double cut = 4.0) {
  auto p = Place(Mean(anxiety, avoidance), ScoringRule::kMean, cut);
  EXPECT_TRUE(p.has_value());
  return p ? p->style : Style::kSecure;
}

TEST(StyleTest, Quadrants) {
  EXPECT_EQ(StyleAt(2, 2), Style::kSecure);
  EXPECT_EQ(StyleAt(5, 2), Style::kPreoccupied);
  EXPECT_EQ(StyleAt(2, 5), Style::kDismissing);
  EXPECT_EQ(StyleAt(5, 5), Style::kFearful);
}

TEST(StyleTest, ScoreOnTheCutCountsAsLow) {
  EXPECT_EQ(StyleAt(4, 4), Style::kSecure);
  EXPECT_EQ(StyleAt(4, 5), Style::kDismissing);
  EXPECT_EQ(StyleAt(5, 4), Style::kPreoccupied);
  // Just above the cut is high.
  EXPECT_EQ(StyleAt(4.0001, 4.0001), Style::kFearful);
}

TEST(StyleTest, DistanceFromCutIsSigned) {
  auto p = Place(Mean(5.5, 3.25), ScoringRule::kMean, 4.0);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->style, Style::kPreoccupied);
  EXPECT_DOUBLE_EQ(p->anxiety_from_cut, 1.5);      // 5.5 - 4
  EXPECT_DOUBLE_EQ(p->avoidance_from_cut, -0.75);  // 3.25 - 4
}

TEST(StyleTest, CustomCutPoint) {
  // With a sample-median style cut of 3.5, scores of 4 are high on both.
  auto p = Place(Mean(4, 4), ScoringRule::kMean, 3.5);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->style, Style::kFearful);
  EXPECT_DOUBLE_EQ(p->anxiety_from_cut, 0.5);
  EXPECT_DOUBLE_EQ(p->avoidance_from_cut, 0.5);
  // And 3.5 itself is low.
  EXPECT_EQ(StyleAt(3.5, 3.6, 3.5), Style::kDismissing);
}

TEST(StyleTest, MissingScoreHasNoPlacement) {
  Scores s;
  s.anxiety = 3;
  EXPECT_FALSE(Place(s, ScoringRule::kMean, 4.0));
  EXPECT_FALSE(Place(Scores{}, ScoringRule::kRq, 0.0));
}

TEST(StyleTest, RqPlacementUsesTheSignOfEachModel) {
  // Positive self and other: secure. Negative self: the anxious side; negative other: the
  // avoidant side. The cut argument is ignored for the RQ (its cut is 0).
  auto at = [](double self, double other) {
    auto p = Place(RqModels(self, other), ScoringRule::kRq, 4.0);
    EXPECT_TRUE(p.has_value());
    return p ? p->style : Style::kSecure;
  };
  EXPECT_EQ(at(6, 4), Style::kSecure);
  EXPECT_EQ(at(-2, 4), Style::kPreoccupied);
  EXPECT_EQ(at(2, -4), Style::kDismissing);
  EXPECT_EQ(at(-1, -1), Style::kFearful);
  // As with mean scores, a point on the cut (0) counts on the secure side.
  EXPECT_EQ(at(0, 3), Style::kSecure);
  EXPECT_EQ(at(3, 0), Style::kSecure);
  EXPECT_EQ(at(-0.5, 0), Style::kPreoccupied);
  auto p = Place(RqModels(-10, 3), ScoringRule::kRq, 0.0);
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->anxiety_from_cut, -10);
  EXPECT_DOUBLE_EQ(p->avoidance_from_cut, 3);
}

TEST(StyleTest, IdsAndNames) {
  EXPECT_EQ(StyleId(Style::kSecure), "secure");
  EXPECT_EQ(StyleId(Style::kPreoccupied), "preoccupied");
  EXPECT_EQ(StyleId(Style::kDismissing), "dismissing");
  EXPECT_EQ(StyleId(Style::kFearful), "fearful");
  EXPECT_EQ(StyleName(Style::kPreoccupied), "Anxious-preoccupied");
  EXPECT_EQ(StyleName(Style::kDismissing), "Dismissive-avoidant");
  EXPECT_EQ(StyleName(Style::kFearful), "Fearful-avoidant");
}

}  // namespace
}  // namespace securebase::understand
