// Editing, deleting, restoring and paging boundaries.
#include <gtest/gtest.h>

#include <set>

#include "boundaries/boundary.h"
#include "boundaries/boundary_store.h"
#include "platform/db/test_db.h"

namespace securebase::boundaries {
namespace {

constexpr int64_t kDay = 86'400'000;

Boundary Made() {
  BoundaryInput in;
  in.area = "time";
  in.limit = "No calls after ten";
  in.when = "you call after ten";
  in.will = "call back in the morning";
  return *BoundaryFromInput(in, Instant{kDay, 60});
}

TEST(BoundaryEditTest, ChangesOnlyWhatIsSetAndKeepsHistory) {
  Boundary b = Made();
  b.id = 5;
  b.practices = {{1, 4, Instant{2 * kDay, 0}}};
  b.incidents = {{1, IncidentKind::kHeld, "", Instant{2 * kDay, 0}}};
  BoundaryEdit e;
  e.area = "digital";
  e.why = "sleep";
  auto out = ApplyEdit(b, e);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->area, Area::kDigital);
  EXPECT_EQ(out->why, "sleep");
  EXPECT_EQ(out->limit, "No calls after ten");
  EXPECT_EQ(out->script, "When you call after ten, I will call back in the morning.");
  EXPECT_EQ(out->id, 5);
  EXPECT_EQ(out->created.utc_ms, kDay);
  EXPECT_EQ(out->practices.size(), 1u);
  EXPECT_EQ(out->incidents.size(), 1u);

  BoundaryEdit rebuild;
  rebuild.script = "";
  rebuild.when = "texts arrive late";
  rebuild.will = "answer tomorrow";
  EXPECT_EQ(ApplyEdit(b, rebuild)->script, "When texts arrive late, I will answer tomorrow.");

  BoundaryEdit everyone;
  b.person_id = 3;
  everyone.person = std::optional<int64_t>();
  EXPECT_FALSE(ApplyEdit(b, everyone)->person_id.has_value());
}

TEST(BoundaryEditTest, NamesBadFields) {
  BoundaryEdit e;
  e.area = "feelings";
  e.limit = "   ";
  auto out = ApplyEdit(Made(), e);
  ASSERT_FALSE(out.ok());
  std::set<std::string> fields;
  for (const auto& f : out.status().fields()) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"area", "limit"}));
}

TEST(BoundaryStoreTest, PagesEditsDeletesAndRestores) {
  db::testing::TestDb db;
  ASSERT_TRUE(db.status().ok()) << db.status().message();
  auto store = MakeSqliteBoundaryStore(*db.get());
  std::vector<int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    auto b = store->Add(1, Made());
    ASSERT_TRUE(b.ok());
    ids.push_back(b->id);
  }
  ASSERT_TRUE(store->AddPractice(1, ids[0], {0, 6, Instant{2 * kDay, 0}}).ok());
  auto page = store->Page(1, 2, "");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].id, ids[0]);  // oldest first
  EXPECT_EQ(page->items[0].practices.size(), 1u);
  auto rest = store->Page(1, 2, page->next_cursor);
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_EQ(rest->items[0].id, ids[2]);
  EXPECT_TRUE(rest->next_cursor.empty());
  EXPECT_EQ(store->Page(1, 2, "x").status().code(), ErrorCode::kInvalidArgument);

  BoundaryEdit e;
  e.limit = "No calls after nine";
  auto changed = ApplyEdit(*store->Get(1, ids[0]), e);
  auto saved = store->Update(1, *changed, Instant{3 * kDay, 0});
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved->limit, "No calls after nine");
  EXPECT_EQ(saved->updated_ms, 3 * kDay);
  EXPECT_EQ(saved->practices.size(), 1u);

  Instant now{4 * kDay, 0};
  ASSERT_TRUE(store->Delete(1, ids[0], now).ok());
  EXPECT_EQ(store->List(1)->size(), 2u);
  EXPECT_EQ(store->AddIncident(1, ids[0], {0, IncidentKind::kHeld, "", now}).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(store->Restore(2, ids[0], now).status().code(), ErrorCode::kNotFound);
  auto back = store->Restore(1, ids[0], now);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->practices.size(), 1u);

  // Past the window it is purged with its practice on the next delete.
  ASSERT_TRUE(store->Delete(1, ids[0], now).ok());
  Instant later{now.utc_ms + kRestoreWindowMs + 1, 0};
  ASSERT_TRUE(store->Delete(1, ids[1], later).ok());
  EXPECT_EQ(store->Restore(1, ids[0], now).status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace securebase::boundaries
