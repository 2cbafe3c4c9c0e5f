#include "support/directory.h"

#include <gtest/gtest.h>

#include "platform/db/test_db.h"
#include "platform/embedded_file.h"

namespace securebase::support {
namespace {

const ContentLibrary& Content() {
  static const ContentLibrary c(embedded::ContentFiles(), "");
  return c;
}

constexpr const char* kHeader =
    "id,name,type,city,postcode,country,latitude,longitude,telehealth,in_person,specialties,"
    "therapy_types,participants,languages,fee_min,fee_max,sliding_scale,insurance,"
    "accepting_new_clients,gender,faith,about\n";

struct Fixture {
  db::testing::TestDb db;
  std::unique_ptr<DirectoryStore> store;
  std::unique_ptr<Directory> dir;
  Fixture() {
    EXPECT_TRUE(db.status().ok()) << db.status().message();
    store = MakeSqliteDirectoryStore(*db.get());
    dir = std::move(Directory::Create(*store, Content())).value();
  }
  ImportReport Load(const std::string& csv) {
    auto parsed = ParseProviderFile(csv, FileFormat::kCsv);
    EXPECT_TRUE(parsed.ok()) << parsed.status().message();
    auto r = dir->Import(*parsed, 1000, nullptr);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return *r;
  }
  std::vector<std::string> Names(SearchQuery q) {
    auto page = dir->Search(q, 100, "");
    EXPECT_TRUE(page.ok()) << page.status().message();
    std::vector<std::string> out;
    if (page.ok()) {
      for (const auto& r : page->items) out.push_back(r.provider.name);
    }
    return out;
  }
};

std::string Csv() {
  return std::string(kHeader) +
         "a,Ada "
         "Near,therapist,London,,GB,51.51,-0.12,yes,yes,anxiety;grief,cbt,individuals,english,60,"
         "80,no,bupa,yes,female,,Calm and kind\n"
         "b,Ben Eft,therapist,London,,GB,51.53,-0.10,no,yes,anxiety;couples,Emotionally Focused "
         "Therapy;dbt,individuals;couples,english;polish,90,120,yes,axa-health,yes,male,jewish,"
         "Works with couples on attachment bonds\n"
         "c,Cy "
         "Far,psychologist,Manchester,,GB,53.48,-2.24,yes,yes,anxiety,aedp,individuals,english,50,"
         "50,no,,no,non-binary,,\n"
         "d,Dee "
         "Online,counsellor,,,GB,,,yes,no,grief,gottman,couples,english,40,40,yes,,yes,female,,"
         "Online only\n"
         "e,Eve "
         "Pole,therapist,Longyearbyen,,NO,89.9,0,no,yes,trauma,eft,individuals,norwegian,70,70,no,,"
         "yes,female,,\n"
         "f,Fay "
         "Antimeridian,therapist,Taveuni,,FJ,-16.8,179.95,no,yes,trauma,efit,individuals,english,"
         "70,70,no,,yes,female,,\n";
}

TEST(Directory, ImportsAndReimportsIdempotentlyByKey) {
  Fixture f;
  auto first = f.Load(Csv());
  EXPECT_EQ(first.added, 6);
  EXPECT_EQ(first.updated, 0);
  EXPECT_TRUE(first.errors.empty());
  auto again = f.Load(Csv());
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.updated, 6);
  EXPECT_EQ(*f.store->Count(), 6);
  // A changed row updates in place, and the change is searchable.
  f.Load(std::string(kHeader) +
         "a,Ada "
         "Renamed,therapist,London,,GB,51.51,-0.12,yes,yes,anxiety,cbt,individuals,english,60,80,"
         "no,,yes,female,,Now also offers walking sessions\n");
  EXPECT_EQ(*f.store->Count(), 6);
  SearchQuery q;
  q.text = "walking";
  EXPECT_EQ(f.Names(q), std::vector<std::string>{"Ada Renamed"});
  // Therapy names are mapped to catalogue ids.
  SearchQuery eft;
  eft.therapy_types = {"eft"};
  auto names = f.Names(eft);
  EXPECT_EQ(names.size(), 2u);  // Ben (from the long name) and Eve
}

TEST(Directory, ReportsEveryBadFieldWithItsRow) {
  Fixture f;
  auto r = f.Load(std::string(kHeader) +
                  "ok,Good Row,therapist,,,GB,51,0,yes,yes,,,,,,,,,,,,\n"
                  ",No Id,therapist,,,GB,91,0,yes,yes,,,,,,,,,,,,\n"
                  "x,Bad Type,wizard,,,GB,,,yes,yes,,,aliens,,10,5,maybe,,,,,\n"
                  "short,row\n");
  EXPECT_EQ(r.added, 1);
  std::set<std::pair<int64_t, std::string>> got;
  for (const auto& e : r.errors) got.insert({e.row, e.field});
  EXPECT_TRUE(got.count({2, "id"}));
  EXPECT_TRUE(got.count({2, "latitude"}));
  EXPECT_TRUE(got.count({3, "type"}));
  EXPECT_TRUE(got.count({3, "participants"}));
  EXPECT_TRUE(got.count({3, "fee_max"}));
  EXPECT_TRUE(got.count({3, "sliding_scale"}));
  EXPECT_TRUE(got.count({4, ""}));
  // Unknown columns are not silently dropped.
  auto parsed = ParseProviderFile("id,name,colour\nz,Zed,blue\n", FileFormat::kCsv);
  auto report = f.dir->Import(*parsed, 1, nullptr);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].field, "colour");
}

TEST(Directory, ReadsJsonToo) {
  Fixture f;
  auto parsed = ParseProviderFile(
      R"({"providers":[{"id":"j1","name":"Jo Json","latitude":51.5,"longitude":-0.1,
          "telehealth":true,"specialties":["grief","anxiety"],"fee_min":45},
          {"id":"j2","name":["two","names"]}]})",
      FileFormat::kJson);
  ASSERT_TRUE(parsed.ok());
  auto r = f.dir->Import(*parsed, 1, nullptr);
  EXPECT_EQ(r->added, 1);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].row, 2);
  EXPECT_EQ(r->errors[0].field, "name");
  auto p = f.store->Get(1);
  EXPECT_EQ(p->specialties, (std::vector<std::string>{"grief", "anxiety"}));
  EXPECT_TRUE(p->telehealth);
}

TEST(Directory, FiltersNarrowTheResults) {
  Fixture f;
  f.Load(Csv());
  SearchQuery near;
  near.near = LatLon{51.5074, -0.1278};
  near.radius_km = 10;
  EXPECT_EQ(f.Names(near).size(), 2u);  // Ada, Ben
  near.radius_km = 300;
  EXPECT_EQ(f.Names(near).size(), 3u);  // + Cy in Manchester (~260 km)
  SearchQuery q = near;
  q.specialties = {"anxiety", "couples"};
  EXPECT_EQ(f.Names(q), std::vector<std::string>{"Ben Eft"});
  q = near;
  q.max_fee = 60;
  EXPECT_EQ(f.Names(q).size(), 2u);
  q = near;
  q.accepting_only = true;
  EXPECT_EQ(f.Names(q).size(), 2u);
  q = near;
  q.gender = "Non-Binary";
  EXPECT_EQ(f.Names(q), std::vector<std::string>{"Cy Far"});
  q = near;
  q.language = "polish";
  q.faith = "jewish";
  q.sliding_scale = true;
  q.insurance = {"axa-health"};
  q.participants = "couples";
  EXPECT_EQ(f.Names(q), std::vector<std::string>{"Ben Eft"});
  SearchQuery online;
  online.mode = Mode::kOnline;
  online.near = LatLon{51.5074, -0.1278};
  online.radius_km = 10;
  auto names = f.Names(online);
  EXPECT_EQ(names, (std::vector<std::string>{"Ada Near", "Dee Online"}));
  SearchQuery type;
  type.provider_type = "psychologist";
  EXPECT_EQ(f.Names(type), std::vector<std::string>{"Cy Far"});
  SearchQuery bad;
  bad.age_group = "toddlers";
  auto page = f.dir->Search(bad, 10, "");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().fields()[0].field, "age");
}

TEST(Directory, RadiusIsRightAtThePolesAndTheAntimeridian) {
  Fixture f;
  f.Load(Csv());
  SearchQuery pole;
  pole.near = LatLon{89.8, 180};  // across the pole from Eve, about 33 km away
  pole.radius_km = 40;
  EXPECT_EQ(f.Names(pole), std::vector<std::string>{"Eve Pole"});
  pole.radius_km = 20;
  EXPECT_TRUE(f.Names(pole).empty());
  SearchQuery fiji;
  fiji.near = LatLon{-16.8, -179.95};  // the other side of 180, about 11 km away
  fiji.radius_km = 15;
  EXPECT_EQ(f.Names(fiji), std::vector<std::string>{"Fay Antimeridian"});
}

TEST(Directory, RanksAttachmentInformedApproachesHigherAndSaysWhy) {
  Fixture f;
  f.Load(Csv());
  SearchQuery q;
  q.near = LatLon{51.5074, -0.1278};
  q.radius_km = 300;
  q.therapy_types = {"eft", "cbt", "aedp"};
  auto page = f.dir->Search(q, 10, "");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->items[0].provider.name, "Ben Eft");  // EFT, accepting
  // Cy offers AEDP (attachment-informed, 4 points) but is far and not taking clients.
  for (const auto& r : page->items) {
    if (r.provider.name == "Ada Near") {
      EXPECT_LT(r.score, page->items[0].score);
    }
  }
  bool said = false;
  for (const auto& r : page->items[0].reasons)
    said |= r.find("attachment-informed") != std::string::npos;
  EXPECT_TRUE(said);
  EXPECT_NE(page->items[0].reasons.back().find("km away"), std::string::npos);
  // Without asking, the nearer one with no special fit comes first.
  SearchQuery plain;
  plain.near = LatLon{51.51, -0.12};
  plain.radius_km = 10;
  auto names = f.Names(plain);
  EXPECT_EQ(names[0], "Ada Near");
  plain.prefer_attachment = true;
  EXPECT_EQ(f.Names(plain)[0], "Ben Eft");
}

TEST(Directory, PostcodesResolveSearchesAndProviders) {
  Fixture f;
  f.Load(std::string(kHeader) +
         "p,Pat Postcode,therapist,London,SW1A 1AA,GB,,,no,yes,,,,,,,,,,,,\n");
  EXPECT_FALSE(f.store->Get(1)->lat.has_value());
  auto pcs = ParsePostcodeFile(
      "country,postcode,latitude,longitude,place\nGB,SW1A 1AA,51.501,-0.1416,Westminster\n"
      "US,10001,40.75,-73.99,New York\nXX,1,100,0,bad\n");
  ASSERT_TRUE(pcs.ok());
  EXPECT_EQ(pcs->errors.size(), 1u);  // the latitude of row 3
  EXPECT_EQ(pcs->errors[0].field, "latitude");
  auto r = f.dir->ImportPostcodes(*pcs);
  EXPECT_EQ(r->located, 1);
  auto p = f.store->Get(1);
  ASSERT_TRUE(p->lat.has_value());
  EXPECT_EQ(p->coords_from, "postcode");
  SearchQuery q;
  q.postcode = "sw1a1aa";  // any spacing, any case
  q.radius_km = 1;
  auto page = f.dir->Search(q, 10, "");
  ASSERT_TRUE(page.ok()) << page.status().message();
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->resolved->place, "Westminster");
  EXPECT_NEAR(*page->items[0].distance_km, 0, 0.01);
  q.postcode = "ZZ9 9ZZ";
  EXPECT_EQ(f.dir->Search(q, 10, "").status().code(), ErrorCode::kNotFound);
}

TEST(Directory, PagesWithACursor) {
  Fixture f;
  f.Load(Csv());
  auto first = f.dir->Search({}, 4, "");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->items.size(), 4u);
  EXPECT_EQ(first->total, 6);
  auto second = f.dir->Search({}, 4, first->next_cursor);
  EXPECT_EQ(second->items.size(), 2u);
  EXPECT_TRUE(second->next_cursor.empty());
  EXPECT_EQ(f.dir->Search({}, 4, "abc").status().fields()[0].field, "cursor");
}

TEST(Directory, TheSampleLoadsCleanly) {
  Fixture f;
  auto r = f.dir->ImportSample(Content(), 1);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->errors.empty()) << r->errors[0].row << " " << r->errors[0].field << " "
                                 << r->errors[0].message;
  EXPECT_EQ(r->added, 40);
  EXPECT_EQ(r->without_coordinates, 0);
}

}  // namespace
}  // namespace securebase::support
