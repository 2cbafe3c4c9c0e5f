#include "support/signals.h"

#include <gtest/gtest.h>

#include "platform/embedded_file.h"

namespace securebase::support {
namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;
const Instant kNow{1'800'000'000'000, 0};

regulate::Session SessionAt(int64_t days_ago, int before) {
  regulate::Session s;
  s.distress_before = before;
  s.started = Instant{kNow.utc_ms - days_ago * kDay, 0};
  return s;
}

TEST(Signals, HighDistressInBothWeeksFires) {
  std::vector<regulate::Session> s = {SessionAt(12, 8), SessionAt(10, 7), SessionAt(3, 9),
                                      SessionAt(1, 4), SessionAt(30, 10)};
  Signal sig = DistressSignal(s, kNow);
  EXPECT_TRUE(sig.fired);
  EXPECT_EQ(sig.numbers["practices"], 4);  // the one 30 days ago is outside the window
  EXPECT_EQ(sig.numbers["high_distress"], 3);
  EXPECT_EQ(sig.numbers["average_before"], 7);
  EXPECT_NE(sig.text.find("3 of your 4"), std::string::npos) << sig.text;
  // Only in one week: no signal.
  std::vector<regulate::Session> one_week = {SessionAt(3, 9), SessionAt(2, 9), SessionAt(1, 8)};
  EXPECT_FALSE(DistressSignal(one_week, kNow).fired);
  EXPECT_FALSE(DistressSignal({}, kNow).fired);
}

TEST(Signals, ManyIntenseReflectionsFire) {
  std::vector<reflect::PatternRow> rows;
  for (int i = 0; i < 5; ++i) {
    reflect::PatternRow r;
    r.happened = Instant{kNow.utc_ms - i * kDay, 0};
    r.emotions = {{"scared", i == 4 ? 5 : 9}, {"sad", 3}};
    rows.push_back(r);
  }
  Signal sig = IntenseReflectionSignal(rows, kNow);
  EXPECT_EQ(sig.numbers["intense"], 4);
  EXPECT_EQ(sig.numbers["reflections"], 5);
  EXPECT_TRUE(sig.fired);
  rows.pop_back();
  rows.pop_back();
  EXPECT_FALSE(IntenseReflectionSignal(rows, kNow).fired);
}

TEST(Signals, NoReliableImprovementOverSeveralAssessments) {
  ContentLibrary content(embedded::ContentFiles(), "");
  auto catalog = understand::Catalog::Load(content);
  ASSERT_TRUE(catalog.ok());
  const understand::Instrument* ins = catalog->Default(understand::TargetKind::kGeneral);
  ASSERT_NE(ins, nullptr);
  auto make = [&](int64_t days_ago, double anx, double avo) {
    understand::Assessment a;
    a.instrument = ins->id;
    a.status = understand::AssessmentStatus::kComplete;
    a.completed = Instant{kNow.utc_ms - days_ago * kDay, 0};
    a.anxiety = anx;
    a.avoidance = avo;
    return a;
  };
  std::vector<understand::Assessment> flat = {make(90, 4.5, 3.0), make(45, 4.4, 3.1),
                                              make(1, 4.4, 3.0)};
  Signal sig = NoImprovementSignal(flat, *catalog);
  EXPECT_TRUE(sig.enough_data);
  EXPECT_TRUE(sig.fired) << sig.text;
  EXPECT_EQ(sig.numbers["assessments"], 3);
  EXPECT_NE(sig.text.find("no reliable change"), std::string::npos) << sig.text;
  std::vector<understand::Assessment> better = {make(90, 5.5, 4.5), make(45, 4.0, 3.0),
                                                make(1, 2.5, 2.0)};
  EXPECT_FALSE(NoImprovementSignal(better, *catalog).fired);
  std::vector<understand::Assessment> too_soon = {make(10, 4.5, 3.0), make(5, 4.4, 3.1),
                                                  make(1, 4.4, 3.0)};
  EXPECT_FALSE(NoImprovementSignal(too_soon, *catalog).enough_data);
  EXPECT_FALSE(NoImprovementSignal(too_soon, *catalog).fired);
}

}  // namespace
}  // namespace securebase::support
