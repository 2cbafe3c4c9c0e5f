#include "regulate/practice.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>

#include "platform/content.h"
#include "platform/embedded_file.h"
#include "regulate/regulation_service.h"

namespace securebase::regulate {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kOrigin = "/home/me/.config/securebase/content/practices/mine.json";

const char* kBox = R"({
  "format": "securebase-practice/1", "id": "box", "name": "Box", "kind": "breathing",
  "suits": "high", "duration_seconds": 64,
  "phases": [{"phase": "inhale", "seconds": 4}, {"phase": "hold", "seconds": 4},
             {"phase": "exhale", "seconds": 4}, {"phase": "hold", "seconds": 4}]
})";

Status BrokenBy(const char* base, const std::function<void(json::object&)>& edit) {
  json::value doc = json::parse(base);
  edit(doc.as_object());
  auto r = ParsePractice(json::serialize(doc), kOrigin);
  EXPECT_FALSE(r.ok());
  return r.status();
}

TEST(Practice, ParsesABreathingPractice) {
  auto p = ParsePractice(kBox, kOrigin);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->id, "box");
  EXPECT_EQ(p->suits, Suits::kHigh);
  ASSERT_EQ(p->phases.size(), 4u);
  EXPECT_EQ(p->phases[1].kind, PhaseKind::kHold);
  EXPECT_DOUBLE_EQ(p->CycleSeconds(), 16);
  EXPECT_EQ(p->Rounds(), 4);
  EXPECT_EQ(p->TotalMs(), 64000);
}

TEST(Practice, ANegativePhaseDurationNamesTheFileAndField) {
  Status s = BrokenBy(
      kBox, [](json::object& o) { o["phases"].as_array()[1].as_object()["seconds"] = -2; });
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(s.message(), StartsWith(std::string(kOrigin) + ": phases[1].seconds:"));
  EXPECT_THAT(s.message(), HasSubstr("more than 0 seconds"));
  ASSERT_FALSE(s.fields().empty());
  EXPECT_EQ(s.fields()[0].field, "phases[1].seconds");
}

TEST(Practice, OtherBadFieldsAreNamed) {
  auto field = [](const Status& s) { return s.fields().empty() ? "" : s.fields()[0].field; };
  EXPECT_EQ(
      field(BrokenBy(
          kBox, [](json::object& o) { o["phases"].as_array()[0].as_object()["phase"] = "gasp"; })),
      "phases[0].phase");
  EXPECT_EQ(field(BrokenBy(kBox,
                           [](json::object& o) {
                             o["phases"].as_array()[2].as_object()["seconds"] = "four";
                           })),
            "phases[2].seconds");
  EXPECT_EQ(
      field(BrokenBy(
          kBox, [](json::object& o) { o["phases"].as_array()[0].as_object()["seconds"] = 600; })),
      "phases[0].seconds");
  EXPECT_EQ(field(BrokenBy(kBox, [](json::object& o) { o.erase("duration_seconds"); })),
            "duration_seconds");
  EXPECT_EQ(field(BrokenBy(kBox, [](json::object& o) { o["kind"] = "dance"; })), "kind");
  EXPECT_EQ(field(BrokenBy(kBox, [](json::object& o) { o["suits"] = "everyone"; })), "suits");
  EXPECT_EQ(field(BrokenBy(kBox, [](json::object& o) { o["id"] = "Box Breathing"; })), "id");
  EXPECT_EQ(field(BrokenBy(kBox, [](json::object& o) { o["format"] = "other/1"; })), "format");
  EXPECT_EQ(field(BrokenBy(kBox, [](json::object& o) { o["colour"] = "blue"; })), "colour");
  EXPECT_EQ(field(BrokenBy(kBox, [](json::object& o) { o["phases"] = json::array(); })), "phases");
  EXPECT_EQ(field(BrokenBy(kBox, [](json::object& o) { o["kind"] = "grounding"; })), "steps");
  auto bad = ParsePractice("{not json", kOrigin);
  EXPECT_THAT(bad.status().message(), StartsWith(std::string(kOrigin) + ": not valid JSON"));
}

TEST(Practice, StepPracticesAddUpTheirSteps) {
  auto p = ParsePractice(R"({"format": "securebase-practice/1", "id": "g", "name": "G",
    "kind": "grounding", "steps": [{"text": "Look", "seconds": 30}, {"text": "Listen", "seconds": 15.5}]})",
                         kOrigin);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->TotalMs(), 45500);
  EXPECT_EQ(p->Rounds(), 1);
  EXPECT_EQ(BrokenBy(R"({"format": "securebase-practice/1", "id": "g", "name": "G", "kind": "body",
    "steps": [{"text": "", "seconds": 3}]})",
                     [](json::object&) {})
                .fields()[0]
                .field,
            "steps[0].text");
}

TEST(Practice, RoundTripsThroughJson) {
  auto p = ParsePractice(kBox, kOrigin);
  ASSERT_TRUE(p.ok());
  auto again = ParsePractice(PracticeToJson(*p), "again");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->TotalMs(), p->TotalMs());
  EXPECT_EQ(again->name, p->name);
}

TEST(Practice, RetimeChangesPhasesAndLengthAndValidates) {
  auto p = ParsePractice(kBox, kOrigin);
  ASSERT_TRUE(p.ok());
  Retiming r;
  r.phase_seconds = {5, std::nullopt, 6};
  r.duration_seconds = 120;
  auto t = Retime(*p, r);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_DOUBLE_EQ(t->phases[0].seconds, 5);
  EXPECT_DOUBLE_EQ(t->phases[2].seconds, 6);
  EXPECT_EQ(t->Rounds(), 6);  // 120 / 19 = 6.3
  EXPECT_TRUE(t->own);
  r.phase_seconds = {std::nullopt, -1};
  auto bad = Retime(*p, r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().fields()[0].field, "phases[1].seconds");
}

TEST(Practice, TheShippedPracticesAreValidAndComplete) {
  ContentLibrary content(embedded::ContentFiles(), "");
  auto all = LoadPractices(content);
  ASSERT_TRUE(all.ok()) << all.status().message();
  std::set<std::string> ids;
  for (const auto& p : *all) ids.insert(p.id);
  for (const char* id :
       {"cyclic-sighing", "box-breathing", "breathing-478", "paced-6", "grounding-54321",
        "self-compassion-pause", "flooded-break", "body-scan-short"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
  for (const auto& p : *all) {
    if (p.id == "flooded-break") {
      EXPECT_GE(p.TotalMs(), 20 * 60 * 1000);
    }
    if (p.id == "paced-6") {
      EXPECT_DOUBLE_EQ(60 / p.CycleSeconds(), 6);
    }
    if (p.id == "cyclic-sighing") {
      // The breath out is about twice the two breaths in.
      EXPECT_GE(p.phases[2].seconds, 1.7 * (p.phases[0].seconds + p.phases[1].seconds));
    }
  }
  EXPECT_EQ((*all)[0].kind, PracticeKind::kBreathing);
}

}  // namespace
}  // namespace securebase::regulate
