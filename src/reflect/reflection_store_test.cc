// The SQLite store on a real, migrated database: search (ranking, Unicode, phrases),
// filters, and undoing deletes.
#include "reflect/reflection_store.h"

#include <gtest/gtest.h>

#include "reflect/search_text.h"
#include "reflect/test_db.h"

namespace securebase::reflect {
namespace {

constexpr int64_t kDay = 86'400'000;
const Instant kNow{1'795'000'000'000, 60};

class ReflectionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(db_.status().ok()) << db_.status().message();
    store_ = MakeSqliteReflectionStore(*db_.get());
  }
  int64_t Add(const std::string& situation, const std::string& thoughts = "",
              std::vector<std::string> tags = {}, int64_t days_ago = 0,
              std::vector<int64_t> people = {}) {
    Reflection r;
    r.happened = Instant{kNow.utc_ms - days_ago * kDay, 60};
    r.written = kNow;
    r.text(TextField::kSituation) = situation;
    r.text(TextField::kThoughts) = thoughts;
    r.tags = std::move(tags);
    r.people = std::move(people);
    r.emotions = {{"anxious", 6}};
    auto saved = store_->Insert(1, r);
    EXPECT_TRUE(saved.ok()) << saved.status().message();
    return saved.ok() ? saved->id : 0;
  }
  std::vector<int64_t> Find(const std::string& text) {
    std::string q = MakeFtsQuery(text);
    auto hits = store_->Search(1, q, q.empty() ? text : "", 50);
    EXPECT_TRUE(hits.ok()) << hits.status().message();
    std::vector<int64_t> ids;
    if (hits.ok()) {
      for (auto& h : *hits) ids.push_back(h.reflection.id);
    }
    return ids;
  }

  testing::TestDb db_;
  std::unique_ptr<ReflectionStore> store_;
};

TEST_F(ReflectionStoreTest, RoundTripsEveryField) {
  Reflection r;
  r.happened = Instant{kNow.utc_ms - kDay, -300};
  r.written = kNow;
  r.updated_ms = kNow.utc_ms;
  r.people = {3, 5};
  r.emotions = {{"hurt", 8}, {"my own word", 2}};
  r.tags = {"late reply", "silence"};
  r.activation = Activation::kToward;
  for (TextField f : kTextFields) r.text(f) = std::string(TextFieldName(f)) + " 🌱 שלום";
  auto saved = store_->Insert(1, r);
  ASSERT_TRUE(saved.ok());
  auto got = store_->Get(1, saved->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->happened.utc_ms, r.happened.utc_ms);
  EXPECT_EQ(got->happened.offset_minutes, -300);
  EXPECT_EQ(got->people, r.people);
  EXPECT_EQ(got->emotions, r.emotions);
  EXPECT_EQ(got->tags, r.tags);
  EXPECT_EQ(got->activation, Activation::kToward);
  EXPECT_EQ(got->texts, r.texts);
  EXPECT_FALSE(store_->Get(2, saved->id).ok()) << "another user's reflection is not found";
}

TEST_F(ReflectionStoreTest, SearchRanksTheBetterMatchFirst) {
  int64_t once = Add("We talked about the weekend", "maybe the silence meant nothing");
  int64_t many = Add("Silence again after I asked", "the silence felt like a verdict; silence");
  Add("A calm evening together");
  auto ids = Find("silence");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], many);
  EXPECT_EQ(ids[1], once);
}

TEST_F(ReflectionStoreTest, SearchMatchesPhrasesPrefixesAndTags) {
  int64_t phrase = Add("They did not reply to my message");
  int64_t apart = Add("My reply was late, and they did not mind");
  int64_t tagged = Add("Dinner", "", {"criticism"});
  auto both = Find("did not reply");
  EXPECT_EQ(both.size(), 2u);
  EXPECT_EQ(Find("\"not reply\""), std::vector<int64_t>{phrase});
  EXPECT_EQ(Find("critic"), std::vector<int64_t>{tagged}) << "the last word is a prefix";
  (void)apart;
}

TEST_F(ReflectionStoreTest, SearchHandlesUnicodeAndEmoji) {
  int64_t hebrew = Add("הוא לא ענה להודעה שלי", "אני מרגישה בודדה");
  int64_t accents = Add("Un café avec Zoë");
  int64_t emoji = Add("Rain all day 🌧 and no call");
  EXPECT_EQ(Find("בודדה"), std::vector<int64_t>{hebrew});
  EXPECT_EQ(Find("cafe"), std::vector<int64_t>{accents}) << "diacritics fold";
  EXPECT_EQ(Find("ZOË"), std::vector<int64_t>{accents});
  EXPECT_EQ(Find("🌧"), std::vector<int64_t>{emoji}) << "symbols fall back to a substring scan";
  std::string q = MakeFtsQuery("🌧");
  auto hits = store_->Search(1, q, "🌧", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_NE(hits->at(0).snippet.find(std::string(1, kHitStart) + "🌧" + kHitEnd),
            std::string::npos);
}

TEST_F(ReflectionStoreTest, SearchTreatsQuerySyntaxAsText) {
  Add("near the door AND the window");
  for (const char* text : {"NEAR(", "AND", "\"unclosed", "a*b", "-x", "col:thing", "'", "^"}) {
    std::string q = MakeFtsQuery(text);
    auto hits = store_->Search(1, q, q.empty() ? text : "", 10);
    EXPECT_TRUE(hits.ok()) << text << ": " << hits.status().message();
  }
}

TEST_F(ReflectionStoreTest, SnippetsMarkTheHits) {
  Add("A long day. Then the silence at dinner, and I went quiet.");
  std::string q = MakeFtsQuery("silence");
  auto hits = store_->Search(1, q, "", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_NE(hits->at(0).snippet.find(std::string(1, kHitStart) + "silence" + kHitEnd),
            std::string::npos)
      << hits->at(0).snippet;
}

TEST_F(ReflectionStoreTest, EditsAreSearchedAndOldWordsAreNot) {
  int64_t id = Add("apples");
  auto r = store_->Get(1, id);
  r->text(TextField::kSituation) = "oranges";
  ASSERT_TRUE(store_->Update(1, *r).ok());
  EXPECT_TRUE(Find("apples").empty());
  EXPECT_EQ(Find("oranges"), std::vector<int64_t>{id});
}

TEST_F(ReflectionStoreTest, DeleteHidesAndRestoreWithinThirtyDaysBringsBack) {
  int64_t id = Add("something private");
  ASSERT_TRUE(store_->Delete(1, id, kNow).ok());
  EXPECT_FALSE(store_->Get(1, id).ok());
  EXPECT_TRUE(Find("private").empty());
  EXPECT_FALSE(store_->Delete(1, id, kNow).ok()) << "already deleted";
  auto back = store_->Restore(1, id, Instant{kNow.utc_ms + 29 * kDay, 60});
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->text(TextField::kSituation), "something private");
  EXPECT_EQ(Find("private"), std::vector<int64_t>{id});
}

TEST_F(ReflectionStoreTest, RestoreAfterThirtyDaysIsRefusedAndOldDeletesArePurged) {
  int64_t old_one = Add("old");
  int64_t other = Add("other");
  ASSERT_TRUE(store_->Delete(1, old_one, kNow).ok());
  auto late = store_->Restore(1, old_one, Instant{kNow.utc_ms + 31 * kDay, 60});
  EXPECT_EQ(late.status().code(), ErrorCode::kNotFound);
  // A later delete purges the expired one for good.
  ASSERT_TRUE(store_->Delete(1, other, Instant{kNow.utc_ms + 31 * kDay, 60}).ok());
  EXPECT_FALSE(store_->Restore(1, old_one, kNow).ok());
  EXPECT_TRUE(store_->Restore(1, other, Instant{kNow.utc_ms + 31 * kDay, 60}).ok());
}

TEST_F(ReflectionStoreTest, ListFiltersAndPages) {
  int64_t a = Add("a", "", {"work"}, 5, {1});
  int64_t b = Add("b", "", {"work", "home"}, 3, {2});
  int64_t c = Add("c", "", {"home"}, 1, {1, 2});
  auto ids = [&](const ReflectionFilter& f) {
    std::vector<int64_t> out;
    std::string cursor;
    do {
      auto page = store_->List(1, f, 2, cursor);
      EXPECT_TRUE(page.ok());
      for (auto& r : page->items) out.push_back(r.id);
      cursor = page->next_cursor;
    } while (!cursor.empty());
    return out;
  };
  ReflectionFilter all, about, tag, since, emotion;
  about.about = 1;
  tag.tag = "work";
  since.since_ms = kNow.utc_ms - 4 * kDay;
  emotion.emotion = "anxious";
  EXPECT_EQ(ids(all), (std::vector<int64_t>{c, b, a}));
  EXPECT_EQ(ids(about), (std::vector<int64_t>{c, a}));
  EXPECT_EQ(ids(tag), (std::vector<int64_t>{b, a}));
  EXPECT_EQ(ids(since), (std::vector<int64_t>{c, b}));
  EXPECT_EQ(ids(emotion).size(), 3u);
  EXPECT_EQ(store_->List(1, {}, 10, "garbage").status().fields().at(0).field, "cursor");
  auto tags = store_->Tags(1, 10);
  ASSERT_TRUE(tags.ok());
  ASSERT_EQ(tags->size(), 2u);
  EXPECT_EQ(tags->at(0).count, 2);
}

TEST(MakeFtsQuery, QuotesWordsAndKeepsPhrases) {
  EXPECT_EQ(MakeFtsQuery("did not reply"), "\"did\" \"not\" \"reply\"*");
  EXPECT_EQ(MakeFtsQuery("\"not reply\" again"), "\"not reply\" \"again\"*");
  EXPECT_EQ(MakeFtsQuery("say \"hi\""), "\"say\" \"hi\"");
  EXPECT_EQ(MakeFtsQuery("🌧 ☔"), "");
  EXPECT_EQ(MakeFtsQuery("a\"b"), "\"a\" \"b\"");
}

}  // namespace
}  // namespace securebase::reflect
