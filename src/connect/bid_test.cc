#include "connect/bid.h"

#include <gtest/gtest.h>

#include "connect/bid_store.h"
#include "connect/test_db.h"

namespace securebase::connect {
namespace {

constexpr int64_t kDay = 86400000;
const int64_t kJan1 = 1798761600000;  // 2027-01-01T00:00Z

Bid Make(BidDirection d, std::optional<int64_t> person, Response r, int64_t at_ms) {
  Bid b;
  b.direction = d;
  b.person_id = person;
  b.response = r;
  b.at = {at_ms, 60};
  return b;
}

TEST(BidStats, TurningTowardRatiosOnHandBuiltData) {
  // Received from Sam (2): 6 toward, 1 away, 1 against; from Kim (3): 1 toward, 1 missed.
  // Made to Sam: 2 toward, 2 away. One received bid in February.
  std::vector<Bid> bids;
  for (int i = 0; i < 6; ++i)
    bids.push_back(Make(BidDirection::kReceived, 2, Response::kToward, kJan1 + i * kDay));
  bids.push_back(Make(BidDirection::kReceived, 2, Response::kAway, kJan1 + 7 * kDay));
  bids.push_back(Make(BidDirection::kReceived, 2, Response::kAgainst, kJan1 + 8 * kDay));
  bids.push_back(Make(BidDirection::kReceived, 3, Response::kToward, kJan1 + 9 * kDay));
  bids.push_back(Make(BidDirection::kReceived, 3, Response::kMissed, kJan1 + 40 * kDay));
  for (auto r : {Response::kToward, Response::kToward, Response::kAway, Response::kAway})
    bids.push_back(Make(BidDirection::kMade, 2, r, kJan1 + 10 * kDay));
  BidStats s = ComputeBidStats(bids);
  EXPECT_EQ(s.received.all.total(), 10);
  EXPECT_DOUBLE_EQ(*s.received.all.TowardRatio(), 0.7);
  EXPECT_DOUBLE_EQ(*s.received.by_person.at(2).TowardRatio(), 0.75);
  EXPECT_DOUBLE_EQ(*s.received.by_person.at(3).TowardRatio(), 0.5);
  EXPECT_EQ(s.received.by_month.at("2027-01").total(), 9);
  EXPECT_EQ(s.received.by_month.at("2027-02").missed, 1);
  EXPECT_DOUBLE_EQ(*s.made.all.TowardRatio(), 0.5);
  EXPECT_FALSE(BidTally{}.TowardRatio());
  // Only the last 5 days before 2027-02-12: the February bid.
  BidStats recent = ComputeBidStats(bids, kJan1 + 42 * kDay, 5);
  EXPECT_EQ(recent.received.all.total(), 1);
  EXPECT_NE(ReferenceNote().find("86%"), std::string::npos);
}

TEST(BidStats, BuildNamesEveryBadField) {
  auto bad = BuildBid({std::nullopt, "sideways", "poke", "maybe", ""}, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().fields().size(), 3u);
  auto good = BuildBid({std::nullopt, "made", "humor", "toward", " warm "}, {5, 0});
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->kind, BidKind::kHumour);
  EXPECT_EQ(good->feeling, "warm");
}

TEST(BidStore, AddsListsAndPlansCheckins) {
  testing::TestDb db;
  ASSERT_TRUE(db.status().ok()) << db.status().message();
  auto store = MakeSqliteBidStore(*db.get());
  for (int i = 0; i < 3; ++i) {
    auto b = store->Add(1, Make(BidDirection::kReceived, std::nullopt, Response::kToward, i));
    ASSERT_TRUE(b.ok()) << b.status().message();
  }
  EXPECT_EQ(store->Add(1, Make(BidDirection::kMade, 77, Response::kAway, 9)).status().code(),
            ErrorCode::kInvalidArgument);
  auto list = store->List(1, std::nullopt, 2);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].at.utc_ms, 2);  // newest first
  EXPECT_EQ(store->All(1)->size(), 3u);
  EXPECT_TRUE(store->All(2)->empty());

  ASSERT_TRUE(store->AddCheckin(1, {0, std::nullopt, "talked about work", {5, 0}}).ok());
  EXPECT_EQ(store->Checkins(1, 10)->at(0).note, "talked about work");
  EXPECT_FALSE(store->CheckinEvery(1, std::nullopt)->has_value());
  ASSERT_TRUE(store->SetCheckinEvery(1, std::nullopt, 2).ok());
  EXPECT_EQ(store->CheckinEvery(1, std::nullopt)->value(), 2);
  EXPECT_FALSE(store->SetCheckinEvery(1, std::nullopt, 0).ok());
}

TEST(BidStore, PagesByKeyAndDeletesWithUndo) {
  testing::TestDb db;
  ASSERT_TRUE(db.status().ok()) << db.status().message();
  auto store = MakeSqliteBidStore(*db.get());
  // Five bids, two of them at the same instant: paging must neither skip nor repeat.
  for (int at : {1, 2, 2, 3, 4}) {
    ASSERT_TRUE(
        store->Add(1, Make(BidDirection::kReceived, std::nullopt, Response::kToward, at)).ok());
  }
  std::vector<int64_t> seen;
  std::optional<BidKey> key;
  for (int page = 0; page < 10; ++page) {
    auto list = store->List(1, std::nullopt, 2, key);
    ASSERT_TRUE(list.ok()) << list.status().message();
    if (list->empty()) break;
    for (const auto& b : *list) seen.push_back(b.id);
    key = BidKey{list->back().at.utc_ms, list->back().id};
  }
  EXPECT_EQ(seen, (std::vector<int64_t>{5, 4, 3, 2, 1}));

  ASSERT_TRUE(store->Delete(1, 3, {9, 0}).ok());
  EXPECT_EQ(store->All(1)->size(), 4u);
  EXPECT_EQ(store->List(1, std::nullopt, 10)->size(), 4u);
  EXPECT_EQ(store->Delete(2, 1, {9, 0}).code(), ErrorCode::kNotFound) << "another user's bid";
  ASSERT_TRUE(store->Restore(1, 3).ok());
  EXPECT_EQ(store->All(1)->size(), 5u);
  EXPECT_EQ(store->Restore(1, 99).code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace securebase::connect
