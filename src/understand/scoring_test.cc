#include "understand/scoring.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/content.h"
#include "understand/catalog.h"

namespace securebase::understand {
namespace {

using ::testing::DoubleNear;
using ::testing::HasSubstr;

constexpr int M = kMissing;

// A 1-7 instrument: anxiety a1..a5 (a2 reversed), avoidance v1..v5 (v1, v3 reversed).
Instrument SmallMean() {
  Instrument ins;
  ins.id = "small";
  for (const char* id : {"a1", "a2", "a3", "a4", "a5", "v1", "v2", "v3", "v4", "v5"}) {
    ins.items.push_back({id, static_cast<int>(ins.items.size()) + 1, ""});
  }
  ins.subscales = {{"anxiety", {"a1", "a2", "a3", "a4", "a5"}, {"a2"}},
                   {"avoidance", {"v1", "v2", "v3", "v4", "v5"}, {"v1", "v3"}}};
  return ins;
}

Instrument Rq() {
  Instrument ins;
  ins.id = "rq";
  ins.rule = ScoringRule::kRq;
  for (const char* p : {"secure", "preoccupied", "dismissing", "fearful"}) {
    std::string id = std::string("rq_") + p;
    ins.items.push_back({id, static_cast<int>(ins.items.size()) + 1, ""});
    ins.subscales.push_back({p, {id}, {}});
  }
  return ins;
}

TEST(ScaleTest, ReverseIsMinPlusMaxMinusX) {
  Scale seven;  // 1-7: 8 - x
  EXPECT_EQ(seven.Reverse(1), 7);
  EXPECT_EQ(seven.Reverse(2), 6);
  EXPECT_EQ(seven.Reverse(4), 4);
  EXPECT_EQ(seven.Reverse(7), 1);
  Scale five{0, 4, {}};  // 0-4: 4 - x
  EXPECT_EQ(five.Reverse(1), 3);
  EXPECT_DOUBLE_EQ(seven.Midpoint(), 4.0);
  EXPECT_DOUBLE_EQ(five.Midpoint(), 2.0);
}

TEST(ScoringTest, ReversesAndAveragesEachSubscale) {
  ScoringKey key(SmallMean());
  // anxiety: a1=6, a2=2 -> 8-2=6, a3=5, a4=7, a5=4; (6+6+5+7+4)/5 = 28/5 = 5.6
  // avoidance: v1=1 -> 7, v2=3, v3=2 -> 6, v4=4, v5=5; (7+3+6+4+5)/5 = 25/5 = 5.0
  Scores s = key.Score(std::vector<int>{6, 2, 5, 7, 4, 1, 3, 2, 4, 5});
  ASSERT_TRUE(s.anxiety && s.avoidance);
  EXPECT_DOUBLE_EQ(*s.anxiety, 5.6);
  EXPECT_DOUBLE_EQ(*s.avoidance, 5.0);
  EXPECT_FALSE(s.model_of_self);
  EXPECT_FALSE(s.model_of_other);
}

TEST(ScoringTest, ProratesAtExactlyTwentyPercentMissing) {
  ScoringKey key(SmallMean());
  // 5 items: floor(5 * 0.2) = 1 may be missing.
  // anxiety without a1: (6 + 5 + 7 + 4) / 4 = 22/4 = 5.5
  // avoidance without v3: (7 + 3 + 4 + 5) / 4 = 19/4 = 4.75
  Scores s = key.Score(std::vector<int>{M, 2, 5, 7, 4, 1, 3, M, 4, 5});
  ASSERT_TRUE(s.anxiety && s.avoidance);
  EXPECT_DOUBLE_EQ(*s.anxiety, 5.5);
  EXPECT_DOUBLE_EQ(*s.avoidance, 4.75);
}

TEST(ScoringTest, NoScoreJustPastTwentyPercentMissing) {
  ScoringKey key(SmallMean());
  // anxiety: 2 of 5 missing (40%) -> no score; avoidance complete -> 5.0.
  Scores s = key.Score(std::vector<int>{M, 2, M, 7, 4, 1, 3, 2, 4, 5});
  EXPECT_FALSE(s.anxiety);
  ASSERT_TRUE(s.avoidance);
  EXPECT_DOUBLE_EQ(*s.avoidance, 5.0);
}

TEST(ScoringTest, FifteenItemSubscaleAllowsThreeMissing) {
  Instrument ins;
  std::vector<std::string> anx, avo;
  for (int i = 1; i <= 30; ++i) {
    std::string id = "i" + std::to_string(i);
    ins.items.push_back({id, i, ""});
    (i <= 15 ? anx : avo).push_back(id);
  }
  ins.subscales = {{"anxiety", anx, {}}, {"avoidance", avo, {}}};
  ScoringKey key(ins);
  std::vector<int> answers(30, 3);
  // floor(15 * 0.2) = 3: three missing (exactly 20%) is scored as the mean of 12 threes.
  answers[0] = answers[1] = answers[2] = M;
  // Four missing (26.7%) is not.
  answers[15] = answers[16] = answers[17] = answers[18] = M;
  Scores s = key.Score(answers);
  ASSERT_TRUE(s.anxiety);
  EXPECT_DOUBLE_EQ(*s.anxiety, 3.0);
  EXPECT_FALSE(s.avoidance);
}

TEST(ScoringTest, AllMissingHasNoScore) {
  Instrument ins = SmallMean();
  ins.max_missing_fraction = 0.99;  // floor(5 * .99) = 4: still needs one answer
  ScoringKey key(ins);
  Scores s = key.Score(std::vector<int>(10, M));
  EXPECT_FALSE(s.anxiety);
  EXPECT_FALSE(s.avoidance);
}

TEST(ScoringTest, RqModelsOfSelfAndOther) {
  ScoringKey key(Rq());
  // secure 6, preoccupied 2, dismissing 3, fearful 1
  // self  = (6 + 3) - (2 + 1) = 6
  // other = (6 + 2) - (3 + 1) = 4
  Scores s = key.Score(std::vector<int>{6, 2, 3, 1});
  ASSERT_TRUE(s.model_of_self && s.model_of_other);
  EXPECT_DOUBLE_EQ(*s.model_of_self, 6.0);
  EXPECT_DOUBLE_EQ(*s.model_of_other, 4.0);
  EXPECT_FALSE(s.anxiety);
  // secure 2, preoccupied 6, dismissing 1, fearful 7
  // self  = (2 + 1) - (6 + 7) = -10;  other = (2 + 6) - (1 + 7) = 0
  s = key.Score(std::vector<int>{2, 6, 1, 7});
  EXPECT_DOUBLE_EQ(*s.model_of_self, -10.0);
  EXPECT_DOUBLE_EQ(*s.model_of_other, 0.0);
}

TEST(ScoringTest, RqMissingRatingLeavesBothModelsEmpty) {
  ScoringKey key(Rq());
  Scores s = key.Score(std::vector<int>{6, M, 3, 1});
  EXPECT_FALSE(s.model_of_self);
  EXPECT_FALSE(s.model_of_other);
}

class EcrrTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto catalog = Catalog::Load(content_);
    ASSERT_TRUE(catalog.ok()) << catalog.status().message();
    auto found = catalog->Find("ecr-r");
    ASSERT_TRUE(found.ok());
    ecrr_ = **found;
  }
  ContentLibrary content_{embedded::ContentFiles(), ""};
  Instrument ecrr_;
};

TEST_F(EcrrTest, AllFivesScoresByHand) {
  ScoringKey key(ecrr_);
  ASSERT_EQ(key.item_count(), 36u);
  // Every answer 5; a reversed 5 becomes 8 - 5 = 3.
  // anxiety (1-18, reversed 9, 11): (16 * 5 + 2 * 3) / 18 = 86/18 = 4.7778
  // avoidance (19-36, 12 reversed): (6 * 5 + 12 * 3) / 18 = 66/18 = 3.6667
  Scores s = key.Score(std::vector<int>(36, 5));
  ASSERT_TRUE(s.anxiety && s.avoidance);
  EXPECT_DOUBLE_EQ(*s.anxiety, 86.0 / 18);
  EXPECT_DOUBLE_EQ(*s.avoidance, 66.0 / 18);
}

TEST_F(EcrrTest, CyclingAnswersScoreByHand) {
  // Item i is answered ((i - 1) % 7) + 1: 1,2,...,7,1,2,...
  std::map<std::string, int> by_id;
  for (int i = 1; i <= 36; ++i) by_id[fmt::format("ecrr_{:02}", i)] = (i - 1) % 7 + 1;
  auto answers = AnswersByPosition(ecrr_, by_id);
  ASSERT_TRUE(answers.ok());
  // anxiety: raw 1..7 + 1..7 + 1,2,3,4 = 28 + 28 + 10 = 66; item 9 (2 -> 6) adds 4,
  // item 11 (4 -> 4) adds 0: 70 / 18 = 3.8889
  // avoidance: kept 19:5 21:7 23:2 24:3 25:4 32:4 = 25; reversed 20:6->2 22:1->7 26:5->3
  // 27:6->2 28:7->1 29:1->7 30:2->6 31:3->5 33:5->3 34:6->2 35:7->1 36:1->7 = 46;
  // (25 + 46) / 18 = 71/18 = 3.9444
  Scores s = ScoringKey(ecrr_).Score(*answers);
  ASSERT_TRUE(s.anxiety && s.avoidance);
  EXPECT_THAT(*s.anxiety, DoubleNear(70.0 / 18, 1e-12));
  EXPECT_THAT(*s.avoidance, DoubleNear(71.0 / 18, 1e-12));
}

TEST_F(EcrrTest, AnswersByPositionNamesBadAnswers) {
  auto unknown = AnswersByPosition(ecrr_, {{"ecrr_99", 3}});
  ASSERT_FALSE(unknown.ok());
  ASSERT_EQ(unknown.status().fields().size(), 1u);
  EXPECT_EQ(unknown.status().fields()[0].field, "answers.ecrr_99");
  auto outside = AnswersByPosition(ecrr_, {{"ecrr_01", 8}, {"ecrr_02", 0}});
  ASSERT_FALSE(outside.ok());
  ASSERT_EQ(outside.status().fields().size(), 2u);
  EXPECT_EQ(outside.status().fields()[0].field, "answers.ecrr_01");
  EXPECT_THAT(outside.status().fields()[0].message, HasSubstr("outside the scale 1 to 7"));
  auto partial = AnswersByPosition(ecrr_, {{"ecrr_03", 2}});
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ((*partial)[2], 2);
  EXPECT_EQ((*partial)[0], kMissing);
}

}  // namespace
}  // namespace securebase::understand
