#include "trust/calendar_feed.h"

#include <gtest/gtest.h>

#include "trust/test_db.h"

namespace securebase::trust {
namespace {

TEST(CalendarFeedKeys, IssueVerifyRotateRevoke) {
  testing::TestDb db;
  ASSERT_TRUE(db.status().ok()) << db.status().message();
  auto keys = MakeSqliteCalendarFeedKeys(*db.get());
  EXPECT_FALSE(keys->Info(1)->has_value());
  auto first = keys->Issue(1, Instant{1000, 60});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->size(), 64u);
  EXPECT_EQ(keys->Verify(*first).value(), std::optional<int64_t>(1));
  EXPECT_EQ(keys->Info(1).value()->created.utc_ms, 1000);

  // The key itself is never stored.
  EXPECT_NE(HashFeedKey(*first), *first);

  auto second = keys->Issue(1, Instant{2000, 60});
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*first, *second);
  EXPECT_FALSE(keys->Verify(*first)->has_value()) << "a rotated key must stop working";
  EXPECT_TRUE(keys->Verify(*second)->has_value());
  EXPECT_FALSE(keys->Verify("")->has_value());
  EXPECT_FALSE(keys->Verify(std::string(64, 'g'))->has_value());

  ASSERT_TRUE(keys->Revoke(1).ok());
  EXPECT_FALSE(keys->Verify(*second)->has_value());
  EXPECT_EQ(keys->Revoke(1).code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace securebase::trust
