#include <gtest/gtest.h>

#include "trust/civil.h"
#include "trust/commitment_store.h"
#include "trust/test_db.h"

namespace securebase::trust {
namespace {

TEST(CommitmentStore, AddsListsAndRecordsOutcomes) {
  testing::TestDb db;
  ASSERT_TRUE(db.status().ok()) << db.status().message();
  auto store = MakeSqliteCommitmentStore(*db.get());
  CommitmentInput in{"Walk together", std::nullopt,    "mine",    "2027-01-31",
                     "08:00",         "Europe/Berlin", "monthly", ""};
  auto built = BuildCommitment(in, "UTC");
  ASSERT_TRUE(built.ok()) << built.status().message();
  auto added = store->Add(1, *built, Instant{1000, 60});
  ASSERT_TRUE(added.ok()) << added.status().message();
  auto got = store->Get(1, added->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->what, "Walk together");
  EXPECT_EQ(got->repeat.kind, RepeatKind::kMonthly);
  EXPECT_EQ(got->repeat.month_day, 31);
  EXPECT_EQ(got->due_minutes, 480);
  EXPECT_EQ(got->zone, "Europe/Berlin");
  EXPECT_EQ(got->created.offset_minutes, 60);
  EXPECT_EQ(store->Get(2, added->id).status().code(), ErrorCode::kNotFound);

  int64_t feb = *ParseDay("2027-02-28");
  ASSERT_TRUE(store->SetOutcome(1, {added->id, feb, Outcome::kBroken, "", {2000, 60}}).ok());
  ASSERT_TRUE(
      store->SetOutcome(1, {added->id, feb, Outcome::kRenegotiated, "Sunday", {3000, 60}}).ok());
  auto outcomes = store->Outcomes(1);
  ASSERT_TRUE(outcomes.ok());
  ASSERT_EQ(outcomes->size(), 1u);
  EXPECT_EQ((*outcomes)[0].outcome, Outcome::kRenegotiated);
  EXPECT_EQ((*outcomes)[0].note, "Sunday");
  EXPECT_EQ(store->SetOutcome(1, {999, feb, Outcome::kKept, "", {}}).code(), ErrorCode::kNotFound);

  Commitment to_nobody = *built;
  to_nobody.person_id = 42;
  EXPECT_EQ(store->Add(1, to_nobody, {}).status().code(), ErrorCode::kInvalidArgument);

  ASSERT_TRUE(store->Archive(1, added->id, {4000, 60}).ok());
  EXPECT_TRUE(store->List(1, false)->empty());
  EXPECT_EQ(store->List(1, true)->size(), 1u);
  // Undo brings it back; another user's id is not found.
  ASSERT_TRUE(store->Restore(1, added->id, {5000, 60}).ok());
  EXPECT_EQ(store->List(1, false)->size(), 1u);
  EXPECT_EQ(store->Restore(2, added->id, {5000, 60}).code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace securebase::trust
