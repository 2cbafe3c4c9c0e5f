#include "understand/instrument.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>

namespace securebase::understand {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kOrigin = "/home/me/.config/securebase/content/instruments/bad.json";

// A valid two-dimension instrument: anxiety a1, a2 (a2 reversed), avoidance v1, v2.
const char* kValid = R"({
  "format": "securebase-instrument/1", "id": "tiny", "name": "Tiny",
  "target": {"kind": "general"},
  "scale": {"min": 1, "max": 7, "anchors": [{"value": 1, "label": "No"}, {"value": 7, "label": "Yes"}]},
  "items": [{"id": "a1", "number": 1}, {"id": "v1", "number": 2},
            {"id": "a2", "number": 3}, {"id": "v2", "number": 4}],
  "scoring": {"rule": "mean", "max_missing_fraction": 0.2},
  "subscales": [{"dimension": "anxiety", "items": ["a1", "a2"], "reversed": ["a2"]},
                {"dimension": "avoidance", "items": ["v1", "v2"], "reversed": []}],
  "reliability": {"anxiety": {"sd": 1.1, "retest_r": 0.85, "source": "test", "assumed": true}}
})";

// Parses kValid after `edit` changes it; returns the error status.
Status BrokenBy(const std::function<void(json::object&)>& edit) {
  json::value doc = json::parse(kValid);
  edit(doc.as_object());
  auto r = ParseInstrument(json::serialize(doc), kOrigin);
  EXPECT_FALSE(r.ok());
  return r.status();
}

// The message starts with the file and names the field; the field list carries it too.
void ExpectNames(const Status& s, const std::string& field) {
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(s.message(), StartsWith(std::string(kOrigin) + ": " + field + ": "));
  ASSERT_FALSE(s.fields().empty());
  EXPECT_EQ(s.fields()[0].field, field);
}

json::object& Sub(json::object& o, size_t i) { return o["subscales"].as_array()[i].as_object(); }

TEST(InstrumentTest, ParsesAValidFile) {
  auto r = ParseInstrument(kValid, "tiny.json");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->id, "tiny");
  EXPECT_EQ(r->short_name, "Tiny");
  EXPECT_EQ(r->origin, "tiny.json");
  EXPECT_EQ(r->items.size(), 4u);
  EXPECT_EQ(r->ItemIndex("a2"), 2);
  EXPECT_EQ(r->FindItem("zz"), nullptr);
  EXPECT_FALSE(r->HasWording());
  EXPECT_TRUE(r->subscales[0].reversed.count("a2"));
  EXPECT_TRUE(r->reliability.at("anxiety").assumed);
  EXPECT_DOUBLE_EQ(r->reliability.at("anxiety").retest_r, 0.85);
  EXPECT_FALSE(r->validated);
}

TEST(InstrumentTest, InvalidJson) {
  auto r = ParseInstrument("{\"format\": ", kOrigin);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), StartsWith(std::string(kOrigin) + ": not valid JSON"));
  auto arr = ParseInstrument("[1, 2]", kOrigin);
  ASSERT_FALSE(arr.ok());
  EXPECT_THAT(arr.status().message(), HasSubstr("must be a JSON object"));
}

TEST(InstrumentTest, MissingId) {
  Status s = BrokenBy([](json::object& o) { o.erase("id"); });
  ExpectNames(s, "id");
  EXPECT_THAT(s.message(), HasSubstr("is required"));
}

TEST(InstrumentTest, UnknownDimension) {
  Status s = BrokenBy([](json::object& o) { Sub(o, 1)["dimension"] = "closeness"; });
  ExpectNames(s, "subscales[1].dimension");
  EXPECT_THAT(s.message(), HasSubstr("'closeness' is not one of: anxiety, avoidance"));
}

TEST(InstrumentTest, ReversedItemNotInSubscale) {
  Status s = BrokenBy([](json::object& o) { Sub(o, 1)["reversed"] = json::array{"a1"}; });
  ExpectNames(s, "subscales[1].reversed[0]");
  EXPECT_THAT(s.message(), HasSubstr("'a1' is not one of this subscale's items"));
}

TEST(InstrumentTest, UnknownItemIdInSubscale) {
  Status s = BrokenBy([](json::object& o) { Sub(o, 0)["items"].as_array().push_back("a9"); });
  ExpectNames(s, "subscales[0].items[2]");
  EXPECT_THAT(s.message(), HasSubstr("'a9' is not an item id"));
}

TEST(InstrumentTest, DuplicateItemId) {
  Status s = BrokenBy([](json::object& o) { o["items"].as_array()[3].as_object()["id"] = "a1"; });
  ExpectNames(s, "items[3].id");
  EXPECT_THAT(s.message(), HasSubstr("'a1' is used by another item"));
}

TEST(InstrumentTest, ScaleMinNotBelowMax) {
  Status s = BrokenBy([](json::object& o) { o["scale"].as_object()["min"] = 7; });
  ExpectNames(s, "scale.max");
  EXPECT_THAT(s.message(), HasSubstr("must be greater than scale.min"));
}

TEST(InstrumentTest, AnchorOutsideTheScale) {
  Status s = BrokenBy([](json::object& o) {
    o["scale"].as_object()["anchors"].as_array()[1].as_object()["value"] = 9;
  });
  ExpectNames(s, "scale.anchors[1].value");
  EXPECT_THAT(s.message(), HasSubstr("9 is outside the scale 1 to 7"));
}

TEST(InstrumentTest, RetestCorrelationMustBeBelowOne) {
  Status s = BrokenBy([](json::object& o) {
    o["reliability"].as_object()["anxiety"].as_object()["retest_r"] = 1.0;
  });
  ExpectNames(s, "reliability.anxiety.retest_r");
  EXPECT_THAT(s.message(), HasSubstr("below 1"));
}

TEST(InstrumentTest, CountsFurtherProblems) {
  Status s = BrokenBy([](json::object& o) {
    o.erase("id");
    o.erase("name");
  });
  EXPECT_THAT(s.message(), HasSubstr("(and 1 more problems)"));
  EXPECT_EQ(s.fields().size(), 2u);
}

Instrument Tiny() {
  auto r = ParseInstrument(kValid, "built-in/tiny.json");
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : Instrument{};
}

TEST(WordingTest, AppliesTextAndAnchors) {
  Instrument ins = Tiny();
  Status s = ApplyWording(R"({"format": "securebase-wording/1", "wording_for": "tiny",
      "items": {"a1": "One", "v1": "Two", "a2": "Three", "v2": "Four"},
      "anchors": [{"value": 1, "label": "Never"}, {"value": 4, "label": "Sometimes"}]})",
                          "w.json", ins);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(ins.HasWording());
  EXPECT_EQ(ins.FindItem("a2")->text, "Three");
  ASSERT_EQ(ins.scale.anchors.size(), 2u);
  EXPECT_EQ(ins.scale.anchors[1].label, "Sometimes");
  EXPECT_EQ(ins.origin, "built-in/tiny.json + w.json");
}

TEST(WordingTest, RejectsUnknownItemId) {
  Instrument ins = Tiny();
  Status s = ApplyWording(R"({"format": "securebase-wording/1", "wording_for": "tiny",
      "items": {"a1": "One", "zz": "Nope"}})",
                          "w.json", ins);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), StartsWith("w.json: items.zz: 'zz' is not an item of tiny"));
  EXPECT_FALSE(ins.HasWording());
  EXPECT_TRUE(ins.FindItem("a1")->text.empty());  // nothing applied on failure
}

TEST(WordingTest, RejectsWrongTarget) {
  Instrument ins = Tiny();
  Status s = ApplyWording(R"({"format": "securebase-wording/1", "wording_for": "ecr-r",
      "items": {"a1": "One"}})",
                          "w.json", ins);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), StartsWith("w.json: wording_for: is 'ecr-r', not 'tiny'"));
}

TEST(WordingTest, MustCoverEveryItem) {
  Instrument ins = Tiny();
  Status s = ApplyWording(R"({"format": "securebase-wording/1", "wording_for": "tiny",
      "items": {"a1": "One", "v1": "Two", "a2": "Three"}})",
                          "w.json", ins);
  ASSERT_FALSE(s.ok());
  ASSERT_FALSE(s.fields().empty());
  EXPECT_EQ(s.fields()[0].field, "items.v2");
  EXPECT_THAT(s.message(), StartsWith("w.json: items.v2: has no text"));
  EXPECT_FALSE(ins.HasWording());
}

}  // namespace
}  // namespace securebase::understand
