#include "boundaries/boundary.h"

#include <gtest/gtest.h>

#include "boundaries/boundary_store.h"
#include "platform/db/test_db.h"

namespace securebase::boundaries {
namespace {

constexpr int64_t kDay = 86'400'000;
const Instant kNow{100 * kDay, 0};

TEST(ScriptTest, BuildsWhenIWill) {
  EXPECT_EQ(Script("you call after ten", "let it ring and call back in the morning"),
            "When you call after ten, I will let it ring and call back in the morning.");
  EXPECT_EQ(Script("When you raise your voice,", "I will step outside for ten minutes."),
            "When you raise your voice, I will step outside for ten minutes.");
  EXPECT_EQ(Script("", "leave"), "");
}

TEST(BoundaryInputTest, NamesBadFieldsAndBuildsScript) {
  BoundaryInput in;
  in.area = "feelings";
  in.person = 0;
  auto r = BoundaryFromInput(in, kNow);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.status().fields().size(), 3u);
  EXPECT_EQ(r.status().fields()[0].field, "area");
  EXPECT_EQ(r.status().fields()[1].field, "person");
  EXPECT_EQ(r.status().fields()[2].field, "limit");
  in = {};
  in.area = "digital";
  in.limit = "No work messages after 8pm";
  in.when = "work messages come after 8pm";
  in.will = "answer them the next morning";
  auto b = BoundaryFromInput(in, kNow);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->script, "When work messages come after 8pm, I will answer them the next morning.");
  EXPECT_FALSE(ValidateSteadiness(11).ok());
  EXPECT_TRUE(ValidateSteadiness(0).ok());
}

TEST(BoundaryStatsTest, HeldCrossedPressureAndConfidence) {
  Boundary a;
  a.id = 1;
  a.person_id = 7;
  a.incidents = {{0, IncidentKind::kHeld, "", {kNow.utc_ms - 2 * kDay, 0}},
                 {0, IncidentKind::kCrossedByThem, "", {kNow.utc_ms - 40 * kDay, 0}}};
  a.practices = {{0, 3, {}}, {0, 5, {}}, {0, 8, {}}};
  Boundary b;
  b.id = 2;
  b.incidents = {{0, IncidentKind::kCrossedByMe, "", {kNow.utc_ms - kDay, 0}},
                 {0, IncidentKind::kCrossedByThem, "", {kNow.utc_ms - kDay, 0}}};
  Stats s = ComputeStats({a, b}, kNow);
  ASSERT_EQ(s.boundaries.size(), 2u);
  EXPECT_EQ(s.boundaries[0].boundary_id, 2);  // under most pressure lately
  EXPECT_EQ(s.boundaries[0].crossed_lately, 2);
  EXPECT_EQ(s.boundaries[1].held, 1);
  EXPECT_EQ(s.boundaries[1].crossed_by_them, 1);
  EXPECT_EQ(s.boundaries[1].crossed_lately, 0);
  EXPECT_EQ(s.boundaries[1].first_steadiness, 3);
  EXPECT_EQ(s.boundaries[1].last_steadiness, 8);
  ASSERT_EQ(s.people.size(), 2u);
  EXPECT_FALSE(s.people[0].person_id);  // everyone
  EXPECT_EQ(s.people[0].crossed_by_me, 1);
  EXPECT_EQ(s.people[1].person_id, 7);
}

TEST(BoundaryStoreTest, PracticeAndIncidentsBelongToTheUser) {
  db::testing::TestDb db;
  ASSERT_TRUE(db.status().ok()) << db.status().message();
  auto store = MakeSqliteBoundaryStore(*db.get());
  BoundaryInput in;
  in.area = "time";
  in.limit = "Sundays are for rest";
  auto b = store->Add(1, *BoundaryFromInput(in, kNow));
  ASSERT_TRUE(b.ok()) << b.status().message();
  ASSERT_TRUE(store->AddPractice(1, b->id, {0, 4, kNow}).ok());
  ASSERT_TRUE(store->AddIncident(1, b->id, {0, IncidentKind::kHeld, "said no", kNow}).ok());
  EXPECT_EQ(store->AddPractice(1, b->id, {0, 12, kNow}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(store->AddIncident(2, b->id, {0, IncidentKind::kHeld, "", kNow}).status().code(),
            ErrorCode::kNotFound);
  auto got = store->Get(1, b->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->practices.size(), 1u);
  ASSERT_EQ(got->incidents.size(), 1u);
  EXPECT_EQ(got->incidents[0].note, "said no");
  EXPECT_EQ(store->Get(2, b->id).status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace securebase::boundaries
