#include "safety/crisis_resources.h"

#include <gtest/gtest.h>

#include <set>

#include "platform/embedded_file.h"
#include "safety/crisis_text.h"

namespace securebase::safety {
namespace {

CrisisResources Shipped() {
  ContentLibrary content(embedded::ContentFiles(), "");
  auto r = CrisisResources::Load(content);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : CrisisResources{};
}

TEST(CrisisResources, ShippedFileHasTheKnownLines) {
  CrisisResources r = Shipped();
  auto find = [&](const char* code) -> const CrisisRegion* {
    for (const auto& x : r.regions) {
      if (x.code == code) return &x;
    }
    return nullptr;
  };
  ASSERT_TRUE(find("US") && find("CA") && find("GB") && find("IE") && find("AU") && find("ANY"));
  EXPECT_EQ(find("US")->lines.at(0).phone, "988");
  EXPECT_EQ(find("US")->lines.at(0).text, "988");
  EXPECT_EQ(find("CA")->lines.at(0).phone, "9-8-8");
  EXPECT_EQ(find("GB")->lines.at(0).phone, "116 123");
  EXPECT_EQ(find("IE")->lines.at(0).phone, "116 123");
  EXPECT_EQ(find("AU")->lines.at(0).phone, "13 11 14");
  EXPECT_EQ(find("US")->emergency, "911");
  EXPECT_EQ(find("GB")->emergency, "999");
  EXPECT_EQ(find("IE")->emergency, "112");
  EXPECT_EQ(find("AU")->emergency, "000");
  for (const auto& x : r.regions) EXPECT_EQ(x.last_checked, "2026-11") << x.code;
}

TEST(CrisisResources, ResolveAndOrder) {
  CrisisResources r = Shipped();
  EXPECT_EQ(r.Resolve("uk"), "GB");
  EXPECT_EQ(r.Resolve("gb"), "GB");
  EXPECT_EQ(r.Resolve("FR"), "EU");
  EXPECT_EQ(r.Resolve("ZZ"), std::nullopt);
  EXPECT_EQ(r.Resolve(""), std::nullopt);
  auto ordered = r.Ordered("au");
  EXPECT_EQ(ordered.front()->code, "AU");
  EXPECT_EQ(ordered.back()->code, "ANY");
  EXPECT_EQ(ordered.size(), r.regions.size());
  EXPECT_EQ(r.Ordered("").front()->code, r.regions.front().code);
  EXPECT_EQ(r.Ordered("ANY").back()->code, "ANY");
}

TEST(CrisisResources, ErrorsNameFileAndField) {
  auto bad = CrisisResources::Parse(R"({"regions": [{"code": "us", "name": "X", "emergency": "911",
      "lines": [{"name": "L", "phone": "call me"}], "last_checked": "2026-13", "source": "s"}]})",
                                    "cr.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(
      bad.status().message().rfind("cr.json: regions[0].code: must be 2 or 3 capital letters", 0),
      0u)
      << bad.status().message();
  std::set<std::string> fields;
  for (const auto& f : bad.status().fields()) fields.insert(f.field);
  EXPECT_TRUE(fields.count("regions[0].lines[0].phone"));
  EXPECT_TRUE(fields.count("regions[0].last_checked"));
  EXPECT_TRUE(fields.count("regions"));  // no "ANY"
  EXPECT_FALSE(CrisisResources::Parse("[]", "cr.json").ok());
  EXPECT_FALSE(CrisisResources::Parse("{", "cr.json").ok());
}

TEST(CrisisResources, CountryFromLocale) {
  EXPECT_EQ(CountryFromLocale("en_GB.UTF-8"), "GB");
  EXPECT_EQ(CountryFromLocale("en_AU"), "AU");
  EXPECT_EQ(CountryFromLocale("de_DE@euro"), "DE");
  EXPECT_EQ(CountryFromLocale("C.UTF-8"), "");
  EXPECT_EQ(CountryFromLocale("POSIX"), "");
  EXPECT_EQ(CountryFromLocale(""), "");
}

TEST(CrisisText, RegionFirstThenEmergencyNumbers) {
  std::string t = CrisisText(Shipped(), "GB");
  size_t samaritans = t.find("United Kingdom: Samaritans, call 116 123");
  size_t us = t.find("988");
  size_t emergency = t.find("In danger right now?");
  ASSERT_NE(samaritans, std::string::npos) << t;
  EXPECT_LT(samaritans, us);
  EXPECT_LT(us, emergency);
  EXPECT_NE(t.find("999   United Kingdom"), std::string::npos) << t;
  EXPECT_NE(t.find("911   United States, Canada"), std::string::npos) << t;
  EXPECT_NE(t.find("call or text 988"), std::string::npos);
  EXPECT_NE(t.find("Numbers last checked 2026-11."), std::string::npos);
  EXPECT_LT(t.find("999 "), t.find("911 "));
  for (const auto& l : {"http", "www."}) EXPECT_EQ(t.find(l), std::string::npos);
}

}  // namespace
}  // namespace securebase::safety
