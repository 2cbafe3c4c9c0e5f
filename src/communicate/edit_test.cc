// Editing, deleting, restoring and paging messages and conflicts.
#include <gtest/gtest.h>

#include <set>

#include "communicate/conflict.h"
#include "communicate/conflict_store.h"
#include "communicate/message.h"
#include "communicate/message_store.h"
#include "people/people_store.h"
#include "platform/db/test_db.h"

namespace securebase::communicate {
namespace {

constexpr int64_t kHour = 3'600'000;
constexpr int64_t kDay = 24 * kHour;

TEST(MessageEditTest, ChangesOnlyWhatIsSetAndKeepsTheText) {
  Message m;
  m.person_id = 4;
  m.parts = {"you were late", "worried", "safety", "text me"};
  m.text = "My own words.";
  MessageEdit e;
  e.feeling = "scared";
  auto out = ApplyEdit(m, e);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->parts.feeling, "scared");
  EXPECT_EQ(out->parts.need, "safety");
  EXPECT_EQ(out->text, "My own words.");
  EXPECT_EQ(out->person_id, 4);
  e.person = std::optional<int64_t>();  // for no one in particular
  EXPECT_FALSE(ApplyEdit(m, e)->person_id.has_value());
}

TEST(MessageEditTest, NamesBadFields) {
  Message m;
  m.text = "hello";
  MessageEdit e;
  e.text = "  ";
  e.need = std::string(kMaxPartLength + 1, 'x');
  auto out = ApplyEdit(m, e);
  ASSERT_FALSE(out.ok());
  std::set<std::string> fields;
  for (const auto& f : out.status().fields()) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"text", "need"}));
}

Conflict Logged() {
  Conflict c;
  c.id = 9;
  c.person_id = 3;
  c.topic = "chores";
  c.happened = Instant{100 * kDay, 60};
  c.horsemen_me = {Horseman::kCriticism};
  c.repairs = {{1, true, "sorry", Instant{100 * kDay + kHour, 60}}};
  return c;
}

TEST(ConflictEditTest, MarkingRepairedRecordsNowAndKeepsRepairs) {
  Conflict c = Logged();
  ConflictEdit e;
  e.outcome = "repaired";
  e.horsemen_them = std::vector<std::string>{"stonewalling"};
  auto out = ApplyEdit(c, e, Instant{100 * kDay + 5 * kHour, 60});
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->outcome, Outcome::kRepaired);
  EXPECT_EQ(out->repaired_ms, 100 * kDay + 5 * kHour);
  EXPECT_EQ(out->id, 9);
  EXPECT_EQ(out->repairs.size(), 1u);
  EXPECT_EQ(out->horsemen_me, std::vector<Horseman>{Horseman::kCriticism});
  EXPECT_EQ(out->horsemen_them, std::vector<Horseman>{Horseman::kStonewalling});
  EXPECT_EQ(out->topic, "chores");

  // Staying repaired keeps the first time; moving it back clears it.
  ConflictEdit topic;
  topic.topic = "dishes";
  auto again = ApplyEdit(*out, topic, Instant{200 * kDay, 0});
  EXPECT_EQ(again->repaired_ms, 100 * kDay + 5 * kHour);
  ConflictEdit back;
  back.outcome = "partly";
  EXPECT_FALSE(ApplyEdit(*out, back, Instant{200 * kDay, 0})->repaired_ms.has_value());
}

TEST(ConflictEditTest, RepairTimeIsNeverBeforeItHappened) {
  Conflict c = Logged();
  ConflictEdit e;
  e.outcome = "repaired";
  e.happened = Instant{300 * kDay, 0};  // moved later than "now"
  auto out = ApplyEdit(c, e, Instant{150 * kDay, 0});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->repaired_ms, 300 * kDay);
}

TEST(ConflictEditTest, NamesBadFields) {
  ConflictEdit e;
  e.topic = " ";
  e.horsemen_me = std::vector<std::string>{"contempt", "sulking"};
  e.outcome = "fine";
  auto out = ApplyEdit(Logged(), e, Instant{});
  ASSERT_FALSE(out.ok());
  std::set<std::string> fields;
  for (const auto& f : out.status().fields()) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"topic", "horsemen_me[1]", "outcome"}));
}

TEST(MessageStoreTest, PagesEditsDeletesAndRestores) {
  db::testing::TestDb db;
  ASSERT_TRUE(db.status().ok()) << db.status().message();
  auto store = MakeSqliteMessageStore(*db.get());
  for (int i = 1; i <= 5; ++i) {
    Message m;
    m.text = "draft " + std::to_string(i);
    m.created = Instant{i * kHour, 0};
    ASSERT_TRUE(store->Add(1, m).ok());
  }
  auto first = store->Page(1, std::nullopt, 2, "");
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].text, "draft 5");
  ASSERT_FALSE(first->next_cursor.empty());
  auto second = store->Page(1, std::nullopt, 2, first->next_cursor);
  EXPECT_EQ(second->items[0].text, "draft 3");
  auto third = store->Page(1, std::nullopt, 2, second->next_cursor);
  ASSERT_EQ(third->items.size(), 1u);
  EXPECT_TRUE(third->next_cursor.empty());
  EXPECT_EQ(store->Page(1, std::nullopt, 2, "nonsense").status().code(),
            ErrorCode::kInvalidArgument);

  Message m = first->items[0];
  m.text = "changed";
  auto updated = store->Update(1, m, Instant{10 * kHour, 0});
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->text, "changed");
  EXPECT_EQ(updated->updated_ms, 10 * kHour);
  EXPECT_EQ(updated->created.utc_ms, 5 * kHour);

  Instant now{20 * kHour, 0};
  ASSERT_TRUE(store->Delete(1, m.id, now).ok());
  EXPECT_EQ(store->Get(1, m.id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store->List(1, std::nullopt)->size(), 4u);
  EXPECT_EQ(store->Delete(1, m.id, now).code(), ErrorCode::kNotFound);
  EXPECT_EQ(store->Update(1, m, now).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store->Restore(2, m.id, now).status().code(), ErrorCode::kNotFound);
  auto back = store->Restore(1, m.id, now);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->text, "changed");
  EXPECT_EQ(store->Restore(1, m.id, now).status().code(), ErrorCode::kNotFound);

  // Past the window, a deleted message cannot come back (and is purged on the next delete).
  ASSERT_TRUE(store->Delete(1, m.id, now).ok());
  Instant later{now.utc_ms + kRestoreWindowMs + 1, 0};
  EXPECT_EQ(store->Restore(1, m.id, later).status().code(), ErrorCode::kNotFound);
  ASSERT_TRUE(store->Delete(1, first->items[1].id, later).ok());
  EXPECT_EQ(store->Restore(1, m.id, now).status().code(), ErrorCode::kNotFound);
}

TEST(ConflictStoreTest, PagesEditsDeletesAndRestoresWithRepairs) {
  db::testing::TestDb db;
  ASSERT_TRUE(db.status().ok()) << db.status().message();
  auto people = people::MakeSqlitePeopleStore(*db.get());
  auto alex = people->Add(1, {std::string("Alex"), std::nullopt, std::nullopt}, {});
  ASSERT_TRUE(alex.ok());
  auto store = MakeSqliteConflictStore(*db.get());
  std::vector<int64_t> ids;
  for (int i = 1; i <= 3; ++i) {
    Conflict c = Logged();
    c.person_id = alex->id;
    c.repairs.clear();
    c.happened = Instant{i * kDay, 0};
    auto added = store->Add(1, c);
    ASSERT_TRUE(added.ok()) << added.status().message();
    ids.push_back(added->id);
  }
  ASSERT_TRUE(store
                  ->AddRepair(1, ids[0], {0, true, "walked and talked", Instant{kDay + kHour, 0}},
                              std::nullopt)
                  .ok());
  auto page = store->Page(1, alex->id, 2, "");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].id, ids[2]);
  auto rest = store->Page(1, alex->id, 2, page->next_cursor);
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_EQ(rest->items[0].repairs.size(), 1u);
  EXPECT_TRUE(rest->next_cursor.empty());

  ConflictEdit e;
  e.outcome = "repaired";
  auto changed = ApplyEdit(*store->Get(1, ids[0]), e, Instant{2 * kDay, 0});
  auto saved = store->Update(1, *changed, Instant{2 * kDay, 0});
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  EXPECT_EQ(saved->outcome, Outcome::kRepaired);
  EXPECT_EQ(saved->repaired_ms, 2 * kDay);
  EXPECT_EQ(saved->repairs.size(), 1u);
  EXPECT_EQ(saved->updated_ms, 2 * kDay);

  ASSERT_TRUE(store->Delete(1, ids[0], Instant{3 * kDay, 0}).ok());
  EXPECT_EQ(store->List(1, std::nullopt)->size(), 2u);
  EXPECT_EQ(store->AddRepair(1, ids[0], {0, true, "x", {}}, std::nullopt).status().code(),
            ErrorCode::kNotFound);
  auto back = store->Restore(1, ids[0], Instant{3 * kDay, 0});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->repairs.size(), 1u);

  // Purging a conflict past the window takes its repairs with it.
  ASSERT_TRUE(store->Delete(1, ids[0], Instant{3 * kDay, 0}).ok());
  Instant later{3 * kDay + kRestoreWindowMs + 1, 0};
  ASSERT_TRUE(store->Delete(1, ids[1], later).ok());
  EXPECT_EQ(store->Restore(1, ids[0], Instant{3 * kDay, 0}).status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace securebase::communicate
