#include "support/checkup.h"

#include <gtest/gtest.h>

#include "platform/embedded_file.h"

namespace securebase::support {
namespace {

CheckupDefinition Shipped() {
  ContentLibrary content(embedded::ContentFiles(), "");
  auto d = CheckupDefinition::Load(content);
  EXPECT_TRUE(d.ok()) << d.status().message();
  return *d;
}

std::map<std::string, int> All(const CheckupDefinition& d, int v) {
  std::map<std::string, int> a;
  for (const auto& q : d.questions) a[q.id] = q.safety ? 0 : v;
  return a;
}

TEST(Checkup, ScoresIntoGentleBands) {
  auto d = Shipped();
  EXPECT_EQ(d.MaxScore(), 21);
  auto low = ScoreCheckup(d, All(d, 0));
  ASSERT_TRUE(low.ok());
  EXPECT_EQ(low->band->id, "steady");
  EXPECT_FALSE(low->safety_concern);
  auto mid = ScoreCheckup(d, All(d, 1));
  EXPECT_EQ(mid->score, 7);
  EXPECT_EQ(mid->band->id, "worth-considering");
  auto high = ScoreCheckup(d, All(d, 2));
  EXPECT_EQ(high->band->id, "good-time");
  // No word of the guidance reads as a diagnosis.
  for (const auto& b : d.bands) EXPECT_EQ(b.guidance.find("diagnos"), std::string::npos);
}

TEST(Checkup, DailyLifeAtTheTopLiftsTheBand) {
  auto d = Shipped();
  auto a = All(d, 0);
  a["daily"] = 3;
  auto r = ScoreCheckup(d, a);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->score, 3);
  EXPECT_EQ(r->band->id, "worth-considering");
  EXPECT_EQ(r->lifted_by, std::vector<std::string>{"daily"});
}

TEST(Checkup, AnySafetyAnswerIsAConcernWhateverTheScore) {
  auto d = Shipped();
  auto a = All(d, 0);
  a["self_harm"] = 1;
  EXPECT_TRUE(ScoreCheckup(d, a)->safety_concern);
  a["self_harm"] = 0;
  a["unsafe"] = 2;
  EXPECT_TRUE(ScoreCheckup(d, a)->safety_concern);
}

TEST(Checkup, BadAnswersNameTheirField) {
  auto d = Shipped();
  auto a = All(d, 0);
  a.erase("heavy");
  a["alone"] = 7;
  a["bogus"] = 1;
  auto r = ScoreCheckup(d, a);
  ASSERT_FALSE(r.ok());
  std::set<std::string> fields;
  for (const auto& f : r.status().fields()) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"answers.heavy", "answers.alone", "answers.bogus"}));
}

TEST(Checkup, RejectsABrokenFile) {
  auto r = CheckupDefinition::Parse(R"({"title":"t"})", "x.json");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x.json"), std::string::npos);
}

}  // namespace
}  // namespace securebase::support
