#include <gtest/gtest.h>

#include "people/people_store.h"
#include "platform/db/test_db.h"

namespace securebase::people {
namespace {

Instant At(int64_t ms) { return Instant{ms, 0}; }

class PeopleStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(db_.status().ok()) << db_.status().message(); }
  int64_t AddPerson(const std::string& name) {
    auto p = store_->Add(1, PersonEdit{name, "friend", std::nullopt}, At(1000));
    EXPECT_TRUE(p.ok()) << p.status().message();
    return p.ok() ? p->id : 0;
  }
  void Exec(const std::string& sql) {
    Status s = db_.get()->Write([&](db::Connection& c) { return c.Exec(sql); });
    ASSERT_TRUE(s.ok()) << s.message();
  }
  db::testing::TestDb db_;
  std::unique_ptr<PeopleStore> store_ = MakeSqlitePeopleStore(*db_.get());
};

TEST_F(PeopleStoreTest, NobodyElseRefersToANewPerson) {
  int64_t id = AddPerson("Sam");
  auto refs = store_->ReferencesTo(1, id);
  ASSERT_TRUE(refs.ok());
  EXPECT_TRUE(refs->empty());
  EXPECT_EQ(refs->Describe(), "nothing else");
}

TEST_F(PeopleStoreTest, CountsEveryKindOfRecordThatNamesThePerson) {
  int64_t sam = AddPerson("Sam");
  int64_t kim = AddPerson("Kim");
  auto bid = [&](int64_t person) {
    Exec(
        "INSERT INTO bids (user_id, person_id, direction, kind, response, at_ms, at_offset) "
        "VALUES (1, " +
        std::to_string(person) + ", 'received', 'humour', 'toward', 5, 0)");
  };
  bid(sam);
  bid(sam);
  bid(kim);
  // Reflections name people in a JSON list rather than a foreign key.
  auto reflection = [&](const std::string& people) {
    Exec(
        "INSERT INTO reflections (user_id, happened_ms, happened_offset, written_ms, "
        "written_offset, updated_ms, people) VALUES (1, 1, 0, 1, 0, 1, '" +
        people + "')");
  };
  reflection("[" + std::to_string(kim) + "," + std::to_string(sam) + "]");
  reflection("[" + std::to_string(kim) + "]");

  auto refs = store_->ReferencesTo(1, sam);
  ASSERT_TRUE(refs.ok()) << refs.status().message();
  EXPECT_EQ(refs->Count("bids"), 2);
  EXPECT_EQ(refs->Count("reflections"), 1);
  EXPECT_EQ(refs->Count("assessments"), 0);
  EXPECT_EQ(refs->Describe(), "2 bids, 1 reflection");

  refs = store_->ReferencesTo(1, kim);
  ASSERT_TRUE(refs.ok());
  EXPECT_EQ(refs->Describe(), "1 bid, 2 reflections");
}

TEST_F(PeopleStoreTest, AnotherUsersRecordsAreNotCounted) {
  int64_t sam = AddPerson("Sam");
  Exec("INSERT INTO users (id, name, created_ms) VALUES (2, 'other', 0)");
  Exec(
      "INSERT INTO bids (user_id, person_id, direction, kind, response, at_ms, at_offset) "
      "VALUES (2, " +
      std::to_string(sam) + ", 'made', 'help', 'away', 5, 0)");
  auto refs = store_->ReferencesTo(1, sam);
  ASSERT_TRUE(refs.ok());
  EXPECT_TRUE(refs->empty()) << refs->Describe();
}

}  // namespace
}  // namespace securebase::people
