#include "communicate/conflict.h"

#include <gtest/gtest.h>

#include "communicate/conflict_store.h"
#include "communicate/message_store.h"
#include "people/people_store.h"
#include "platform/db/test_db.h"

namespace securebase::communicate {
namespace {

constexpr int64_t kHour = 3'600'000;

Conflict Made(int64_t person, std::string topic, Outcome o, int64_t repaired_after_ms,
              std::vector<Horseman> me = {}, std::vector<Horseman> them = {}) {
  Conflict c;
  c.person_id = person;
  c.topic = std::move(topic);
  c.happened = Instant{1'000 * kHour, 0};
  c.outcome = o;
  if (o == Outcome::kRepaired) c.repaired_ms = c.happened.utc_ms + repaired_after_ms;
  c.horsemen_me = std::move(me);
  c.horsemen_them = std::move(them);
  return c;
}

TEST(ConflictInputTest, NamesBadFields) {
  ConflictInput in;
  in.horsemen_me = {"contempt", "sulking"};
  in.outcome = "fine";
  auto r = ConflictFromInput(in, {});
  ASSERT_FALSE(r.ok());
  std::vector<std::string> fields;
  for (const auto& f : r.status().fields()) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"person", "topic", "horsemen_me[1]", "outcome"}));
  in = {};
  in.person = 3;
  in.topic = " chores ";
  in.horsemen_them = {"stonewalling", "stonewalling"};
  in.outcome = "repaired";
  auto ok = ConflictFromInput(in, Instant{5, 0});
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->topic, "chores");
  EXPECT_EQ(ok->horsemen_them.size(), 1u);
  EXPECT_EQ(ok->repaired_ms, 5);
}

TEST(ConflictInsightsTest, RepairRateTimeTopicsAndHorsemen) {
  std::vector<Conflict> all = {
      Made(1, "Chores", Outcome::kRepaired, 2 * kHour, {Horseman::kCriticism},
           {Horseman::kDefensiveness}),
      Made(1, "chores", Outcome::kRepaired, 4 * kHour, {Horseman::kCriticism}),
      Made(1, "money", Outcome::kNotYet, 0, {}, {Horseman::kStonewalling}),
      Made(2, "plans", Outcome::kPartly, 0),
  };
  all[3].flooded_them = true;
  ConflictInsights in = Insights(all);
  EXPECT_EQ(in.conflicts, 4);
  ASSERT_EQ(in.people.size(), 2u);
  EXPECT_EQ(in.people[0].conflicts, 3);
  EXPECT_EQ(in.people[0].repaired, 2);
  EXPECT_NEAR(in.people[0].repair_rate, 2.0 / 3, 1e-9);
  EXPECT_EQ(in.people[0].median_ms_to_repair, 3 * kHour);
  EXPECT_EQ(in.people[1].partly, 1);
  EXPECT_FALSE(in.people[1].median_ms_to_repair);
  ASSERT_EQ(in.topics.size(), 1u);
  EXPECT_EQ(in.topics[0].name, "chores");
  EXPECT_EQ(in.topics[0].count, 2);
  ASSERT_EQ(in.horsemen.size(), 3u);
  EXPECT_EQ(in.horsemen[0].name, "criticism");
  EXPECT_EQ(in.horsemen[0].count, 2);
  EXPECT_EQ(in.flooded, 1);
  EXPECT_EQ(Insights({}).conflicts, 0);
}

TEST(ConflictStoreTest, AddRepairAndListPerUserAndPerson) {
  db::testing::TestDb db;
  ASSERT_TRUE(db.status().ok()) << db.status().message();
  auto people = people::MakeSqlitePeopleStore(*db.get());
  auto alex = people->Add(1, {std::string("Alex"), std::nullopt, std::nullopt}, {});
  ASSERT_TRUE(alex.ok()) << alex.status().message();
  auto store = MakeSqliteConflictStore(*db.get());
  Conflict c = Made(alex->id, "chores", Outcome::kNotYet, 0, {Horseman::kContempt});
  auto added = store->Add(1, c);
  ASSERT_TRUE(added.ok()) << added.status().message();
  auto repaired = store->AddRepair(1, added->id,
                                   {0, false, "said sorry", Instant{c.happened.utc_ms + kHour, 60}},
                                   Outcome::kRepaired);
  ASSERT_TRUE(repaired.ok()) << repaired.status().message();
  EXPECT_EQ(repaired->outcome, Outcome::kRepaired);
  EXPECT_EQ(repaired->repaired_ms, c.happened.utc_ms + kHour);
  ASSERT_EQ(repaired->repairs.size(), 1u);
  EXPECT_FALSE(repaired->repairs[0].by_me);
  EXPECT_EQ(repaired->horsemen_me, std::vector<Horseman>{Horseman::kContempt});
  EXPECT_EQ(store->List(1, alex->id)->size(), 1u);
  EXPECT_EQ(store->List(1, alex->id + 1)->size(), 0u);
  EXPECT_EQ(store->AddRepair(2, added->id, {0, true, "hug", {}}, std::nullopt).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(store->AddRepair(1, added->id, {0, true, " ", {}}, std::nullopt).status().code(),
            ErrorCode::kInvalidArgument);
}

TEST(MessageStoreTest, AddsAndListsNewestFirst) {
  db::testing::TestDb db;
  ASSERT_TRUE(db.status().ok());
  auto store = MakeSqliteMessageStore(*db.get());
  Message m;
  m.text = "first";
  m.created = Instant{1, 0};
  ASSERT_TRUE(store->Add(1, m).ok());
  m.text = "second";
  m.created = Instant{2, 0};
  ASSERT_TRUE(store->Add(1, m).ok());
  m.text = "";
  EXPECT_EQ(store->Add(1, m).status().code(), ErrorCode::kInvalidArgument);
  auto list = store->List(1, std::nullopt);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].text, "second");
}

}  // namespace
}  // namespace securebase::communicate
