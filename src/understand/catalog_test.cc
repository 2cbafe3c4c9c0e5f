#include "understand/catalog.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace securebase::understand {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const Subscale& Dim(const Instrument& ins, const std::string& dimension) {
  for (const auto& s : ins.subscales) {
    if (s.dimension == dimension) return s;
  }
  ADD_FAILURE() << ins.id << " has no " << dimension;
  static const Subscale kNone;
  return kNone;
}

std::vector<std::string> Ids(const std::string& prefix, std::initializer_list<int> numbers) {
  std::vector<std::string> out;
  for (int n : numbers) out.push_back(fmt::format("{}{:02}", prefix, n));
  return out;
}

class BuiltInCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = Catalog::Load(content_);
    ASSERT_TRUE(c.ok()) << c.status().message();
    catalog_ = std::move(*c);
  }
  const Instrument& Get(const std::string& id) {
    auto r = catalog_.Find(id);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return **r;
  }
  ContentLibrary content_{embedded::ContentFiles(), ""};
  Catalog catalog_;
};

TEST_F(BuiltInCatalogTest, EveryShippedFileLoads) {
  auto files = content_.List("content/instruments/", ".json");
  EXPECT_EQ(files.size(), 6u);
  EXPECT_EQ(catalog_.all().size(), files.size());
  for (const char* id : {"crr-general", "crr-person", "ecr-r", "ecr-rs", "ecr-s", "rq"}) {
    EXPECT_TRUE(catalog_.Find(id).ok()) << id;
  }
  auto missing = catalog_.Find("nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("crr-general"));
  EXPECT_EQ(catalog_.Default(TargetKind::kGeneral)->id, "crr-general");
  EXPECT_EQ(catalog_.Default(TargetKind::kPerson)->id, "crr-person");
}

TEST_F(BuiltInCatalogTest, CrrFormsAreBalancedAndWorded) {
  for (auto [id, target, prefix] : {std::tuple{"crr-general", TargetKind::kGeneral, "crr_g_"},
                                    std::tuple{"crr-person", TargetKind::kPerson, "crr_p_"}}) {
    SCOPED_TRACE(id);
    const Instrument& ins = Get(id);
    EXPECT_EQ(ins.target, target);
    EXPECT_FALSE(ins.validated);
    EXPECT_THAT(ins.description, HasSubstr("not a validated clinical instrument"));
    ASSERT_EQ(ins.items.size(), 30u);
    EXPECT_TRUE(ins.HasWording());
    for (size_t i = 0; i < 30; ++i) {
      EXPECT_EQ(ins.items[i].id, fmt::format("{}{:02}", prefix, i + 1));
      EXPECT_EQ(ins.items[i].number, static_cast<int>(i) + 1);
      bool has_placeholder = ins.items[i].text.find("{person}") != std::string::npos;
      EXPECT_EQ(has_placeholder, target == TargetKind::kPerson) << ins.items[i].text;
    }
    for (const char* d : {"anxiety", "avoidance"}) {
      const Subscale& s = Dim(ins, d);
      EXPECT_EQ(s.items.size(), 15u) << d;
      EXPECT_GE(s.reversed.size(), 4u) << d;
      EXPECT_LE(s.reversed.size(), 5u) << d;
      const Reliability& rel = ins.reliability.at(d);
      EXPECT_DOUBLE_EQ(rel.sd, 1.1);
      EXPECT_DOUBLE_EQ(rel.retest_r, 0.85);
      EXPECT_TRUE(rel.assumed);
    }
    // Interleaved: no more than two items of one dimension in a row.
    const auto& anx = Dim(ins, "anxiety").items;
    int run = 0;
    bool last = false;
    for (size_t i = 0; i < 30; ++i) {
      bool is_anx = std::find(anx.begin(), anx.end(), ins.items[i].id) != anx.end();
      run = (i > 0 && is_anx == last) ? run + 1 : 1;
      last = is_anx;
      EXPECT_LE(run, 2) << "at item " << i + 1;
    }
  }
}

TEST_F(BuiltInCatalogTest, EcrRKeyMatchesFacts) {
  const Instrument& ins = Get("ecr-r");
  ASSERT_EQ(ins.items.size(), 36u);
  for (size_t i = 0; i < 36; ++i) {
    EXPECT_EQ(ins.items[i].id, fmt::format("ecrr_{:02}", i + 1));
    EXPECT_EQ(ins.items[i].number, static_cast<int>(i) + 1);
    EXPECT_TRUE(ins.items[i].text.empty());  // key only; the wording is licensed elsewhere
  }
  EXPECT_FALSE(ins.HasWording());
  EXPECT_EQ(ins.rule, ScoringRule::kMean);
  EXPECT_EQ(ins.scale.min, 1);
  EXPECT_EQ(ins.scale.max, 7);
  std::vector<std::string> anxiety, avoidance;
  for (int i = 1; i <= 18; ++i) anxiety.push_back(fmt::format("ecrr_{:02}", i));
  for (int i = 19; i <= 36; ++i) avoidance.push_back(fmt::format("ecrr_{:02}", i));
  EXPECT_EQ(Dim(ins, "anxiety").items, anxiety);
  EXPECT_EQ(Dim(ins, "avoidance").items, avoidance);
  auto set = [](std::vector<std::string> v) { return std::set<std::string>(v.begin(), v.end()); };
  EXPECT_EQ(Dim(ins, "anxiety").reversed, set(Ids("ecrr_", {9, 11})));
  EXPECT_EQ(Dim(ins, "avoidance").reversed,
            set(Ids("ecrr_", {20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36})));
  EXPECT_TRUE(ins.reliability.at("anxiety").assumed);
  EXPECT_THAT(ins.reliability.at("anxiety").source, HasSubstr(".92-.93"));
  EXPECT_THAT(ins.citation, HasSubstr("Fraley"));
}

TEST_F(BuiltInCatalogTest, OtherKeysMatchFacts) {
  auto set = [](std::initializer_list<const char*> v) {
    return std::set<std::string>(v.begin(), v.end());
  };
  const Instrument& rs = Get("ecr-rs");
  EXPECT_EQ(rs.target, TargetKind::kPerson);
  EXPECT_EQ(rs.domains, (std::vector<std::string>{"mother", "father", "partner", "friend"}));
  EXPECT_EQ(rs.items.size(), 9u);
  EXPECT_EQ(Dim(rs, "anxiety").items, (std::vector<std::string>{"ecrrs_7", "ecrrs_8", "ecrrs_9"}));
  EXPECT_EQ(Dim(rs, "avoidance").items.size(), 6u);
  EXPECT_EQ(Dim(rs, "avoidance").reversed, set({"ecrrs_1", "ecrrs_2", "ecrrs_3", "ecrrs_4"}));
  EXPECT_TRUE(rs.reliability.empty());

  const Instrument& s = Get("ecr-s");
  EXPECT_EQ(s.items.size(), 12u);
  EXPECT_EQ(Dim(s, "anxiety").items, Ids("ecrs_", {2, 4, 6, 8, 10, 12}));
  EXPECT_EQ(Dim(s, "avoidance").items, Ids("ecrs_", {1, 3, 5, 7, 9, 11}));
  EXPECT_EQ(Dim(s, "anxiety").reversed, set({"ecrs_08"}));
  EXPECT_EQ(Dim(s, "avoidance").reversed, set({"ecrs_01", "ecrs_05", "ecrs_09"}));
  EXPECT_TRUE(s.reliability.empty());

  const Instrument& rq = Get("rq");
  EXPECT_EQ(rq.rule, ScoringRule::kRq);
  EXPECT_EQ(rq.items.size(), 4u);
  EXPECT_EQ(Dim(rq, "fearful").items, (std::vector<std::string>{"rq_fearful"}));
}

// A temporary <config>/content folder, removed afterwards.
class OverrideCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fmt::format("securebase-catalog-test-{}-{}", getpid(),
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& rel, const std::string& text) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }
  fs::path dir_;
};

constexpr const char* kCustom = R"({
  "format": "securebase-instrument/1", "id": "my-own", "name": "My own",
  "target": {"kind": "person"}, "scale": {"min": 0, "max": 4},
  "items": [{"id": "m1", "text": "I worry."}, {"id": "m2", "text": "I keep away."}],
  "scoring": {"rule": "mean"},
  "subscales": [{"dimension": "anxiety", "items": ["m1"]},
                {"dimension": "avoidance", "items": ["m2"]}]
})";

TEST_F(OverrideCatalogTest, CustomInstrumentAndEcrRWording) {
  Write("instruments/my-own.json", kCustom);
  std::string items;
  for (int i = 1; i <= 36; ++i) {
    items += fmt::format("{}\"ecrr_{:02}\": \"Statement {}\"", i > 1 ? ", " : "", i, i);
  }
  std::string wording_path = Write(
      "wording/ecr-r.json",
      R"({"format": "securebase-wording/1", "wording_for": "ecr-r", "items": {)" + items + "}}");
  ContentLibrary content(embedded::ContentFiles(), dir_.string());
  auto c = Catalog::Load(content);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->all().size(), 7u);
  auto mine = c->Find("my-own");
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ((*mine)->scale.max, 4);
  EXPECT_THAT((*mine)->origin, HasSubstr("my-own.json"));
  auto ecrr = c->Find("ecr-r");
  ASSERT_TRUE(ecrr.ok());
  EXPECT_TRUE((*ecrr)->HasWording());
  EXPECT_EQ((*ecrr)->FindItem("ecrr_36")->text, "Statement 36");
  EXPECT_THAT((*ecrr)->origin, HasSubstr(wording_path));
}

TEST_F(OverrideCatalogTest, BadOverrideFileNamesItsPath) {
  std::string bad = kCustom;
  bad.replace(bad.find("\"m2\"]"), 5, "\"m3\"]");  // avoidance names an unknown item
  std::string path = Write("instruments/broken.json", bad);
  auto c = Catalog::Load(ContentLibrary(embedded::ContentFiles(), dir_.string()));
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(c.status().message(), StartsWith(path + ": subscales[1].items[0]: "));
}

TEST_F(OverrideCatalogTest, WordingForAnUnknownQuestionnaireNamesItsPath) {
  std::string path = Write("wording/x.json", R"({"format": "securebase-wording/1",
      "wording_for": "nope", "items": {}})");
  auto c = Catalog::Load(ContentLibrary(embedded::ContentFiles(), dir_.string()));
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(c.status().message(), HasSubstr(path));
}

TEST_F(OverrideCatalogTest, DuplicateIdNamesBothFiles) {
  std::string dup = kCustom;
  dup.replace(dup.find("my-own"), 6, "ecr-rs");
  std::string path = Write("instruments/zz-copy.json", dup);
  auto c = Catalog::Load(ContentLibrary(embedded::ContentFiles(), dir_.string()));
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(c.status().message(), StartsWith(path + ": id 'ecr-rs' is also used by"));
}

}  // namespace
}  // namespace securebase::understand
