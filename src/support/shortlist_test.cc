#include "support/shortlist.h"

#include <gtest/gtest.h>

#include "platform/db/test_db.h"
#include "support/directory_store.h"

namespace securebase::support {
namespace {

TEST(Shortlist, AddsChangesRemovesAndRestores) {
  db::testing::TestDb db;
  ASSERT_TRUE(db.status().ok());
  auto dir = MakeSqliteDirectoryStore(*db.get());
  Provider p;
  p.key = "k1";
  p.name = "Sam Sample";
  p.provider_type = "therapist";
  ASSERT_TRUE(dir->Upsert({p}, 1).ok());
  auto store = MakeSqliteShortlistStore(*db.get());
  auto e =
      store->Add(1, 1, ShortlistStatus::kToContact, "ask about evenings", std::nullopt, {1000, 60});
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->provider_name, "Sam Sample");
  EXPECT_EQ(e->history.size(), 1u);
  EXPECT_EQ(store->Add(1, 1, ShortlistStatus::kToContact, "", std::nullopt, {1, 0}).status().code(),
            ErrorCode::kConflict);
  EXPECT_EQ(
      store->Add(1, 99, ShortlistStatus::kToContact, "", std::nullopt, {1, 0}).status().code(),
      ErrorCode::kInvalidArgument);

  ShortlistStore::Change c;
  c.status = ShortlistStatus::kConsultBooked;
  c.next_date = ParseDate("2026-12-03");
  auto u = store->Update(1, e->id, c, {2000, 60});
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->status, ShortlistStatus::kConsultBooked);
  EXPECT_EQ(FormatDate(*u->next_date), "2026-12-03");
  EXPECT_EQ(u->notes, "ask about evenings");  // untouched
  EXPECT_EQ(u->status_since.utc_ms, 2000);
  ASSERT_EQ(u->history.size(), 2u);
  ShortlistStore::Change clear;
  clear.clear_date = true;
  EXPECT_FALSE(store->Update(1, e->id, clear, {3000, 60})->next_date.has_value());

  auto only = store->List(1, ShortlistStatus::kWaitlisted, 10, "");
  EXPECT_TRUE(only->items.empty());
  EXPECT_EQ(store->List(1, std::nullopt, 10, "")->items.size(), 1u);
  EXPECT_TRUE(store->List(2, std::nullopt, 10, "")->items.empty());  // another user's

  ASSERT_TRUE(store->Remove(1, e->id, {4000, 60}).ok());
  EXPECT_TRUE(store->List(1, std::nullopt, 10, "")->items.empty());
  EXPECT_EQ(store->Get(1, e->id).status().code(), ErrorCode::kNotFound);
  auto back = store->Restore(1, e->id, {5000, 60});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->status, ShortlistStatus::kConsultBooked);
  // Too late to restore after 30 days.
  ASSERT_TRUE(store->Remove(1, e->id, {6000, 60}).ok());
  EXPECT_FALSE(store->Restore(1, e->id, {6000 + kShortlistRestoreMs + 1, 60}).ok());
}

TEST(Shortlist, StatusesAndDatesParse) {
  EXPECT_EQ(ParseStatus("Consult booked"), ShortlistStatus::kConsultBooked);
  EXPECT_EQ(ParseStatus("not-a-fit"), ShortlistStatus::kNotAFit);
  EXPECT_FALSE(ParseStatus("maybe").has_value());
  EXPECT_FALSE(ParseDate("2026-02-30").has_value());
  EXPECT_EQ(FormatDate(*ParseDate("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(ValidateShortlistNotes(std::string("a\x01")).ok());
}

}  // namespace
}  // namespace securebase::support
