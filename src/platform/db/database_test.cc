#include "platform/db/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

namespace securebase::db {
namespace {

const char* kSchema =
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, writer INTEGER, n INTEGER) STRICT;";

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sb_db_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::vector<Migration> Migrations(int n) {
    static const std::string sqls[] = {kSchema, "ALTER TABLE notes ADD COLUMN tag TEXT;",
                                       "CREATE INDEX notes_tag ON notes(tag);"};
    std::vector<Migration> m;
    for (int i = 0; i < n; ++i) m.push_back({i + 1, "m" + std::to_string(i + 1), sqls[i]});
    return m;
  }

  int64_t Count(Database& db) {
    int64_t n = -1;
    EXPECT_TRUE(db.Read([&](Connection& c) -> Status {
                    TRY_ASSIGN(n, c.QueryInt("SELECT count(*) FROM notes"));
                    return Status::Ok();
                  }).ok());
    return n;
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(DatabaseTest, NewFileIsPrivateAndMigrated) {
  auto db = Database::Open({path_}, Migrations(2));
  ASSERT_TRUE(db.ok()) << db.status().message();
  auto perms = std::filesystem::status(path_).permissions();
  EXPECT_EQ(perms & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  int64_t version = 0;
  ASSERT_TRUE((*db)
                  ->Read([&](Connection& c) -> Status {
                    TRY_ASSIGN(version, c.QueryInt("PRAGMA user_version"));
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(version, 2);
}

TEST_F(DatabaseTest, MigratesOldToNewKeepingDataAndBackingUp) {
  {
    auto db = Database::Open({path_}, Migrations(1));
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Write([](Connection& c) {
                      return c.Exec("INSERT INTO notes(writer, n) VALUES (1, 42)");
                    })
                    .ok());
  }
  auto db = Database::Open({path_}, Migrations(3));
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Count(**db), 1);
  EXPECT_TRUE(
      (*db)->Write([](Connection& c) { return c.Exec("UPDATE notes SET tag = 'x'"); }).ok());
  // The copy taken before migrating is at schema 1 and holds the row.
  auto backup = Database::Open({path_ + ".before-migration"}, Migrations(1));
  ASSERT_TRUE(backup.ok()) << backup.status().message();
  EXPECT_EQ(Count(**backup), 1);
}

TEST_F(DatabaseTest, RefusesDatabaseNewerThanProgram) {
  { ASSERT_TRUE(Database::Open({path_}, Migrations(3)).ok()); }
  auto db = Database::Open({path_}, Migrations(2));
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(db.status().message().find("newer SecureBase"), std::string::npos);
  EXPECT_NE(db.status().message().find("schema version 3"), std::string::npos);
}

TEST_F(DatabaseTest, FailingJobDoesNotUndoOthersInItsBatch) {
  auto db = Database::Open({path_}, Migrations(1));
  ASSERT_TRUE(db.ok());
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&, i] {
      Status s = (*db)->Write([i](Connection& c) -> Status {
        TRY(c.Exec("INSERT INTO notes(writer, n) VALUES (" + std::to_string(i) + ", 0)"));
        if (i % 2 == 1) return Status::Invalid("odd jobs fail after inserting");
        return Status::Ok();
      });
      if (!s.ok()) ++failures;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 10);
  EXPECT_EQ(Count(**db), 10);
}

TEST_F(DatabaseTest, EveryAcknowledgedWriteFromManyWritersSurvivesReopen) {
  constexpr int kThreads = 16, kWritesEach = 200;
  std::atomic<int> acknowledged = 0;
  {
    auto db = Database::Open({path_}, Migrations(1));
    ASSERT_TRUE(db.ok());
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int k = 0; k < kWritesEach; ++k) {
          Status s = (*db)->Write([t, k](Connection& c) -> Status {
            TRY_ASSIGN(auto* st, c.Prepare("INSERT INTO notes(writer, n) VALUES (?, ?)"));
            st->BindAll(t, k);
            return st->Run();
          });
          if (s.ok()) ++acknowledged;
        }
      });
    }
    for (auto& th : threads) th.join();
  }
  EXPECT_EQ(acknowledged, kThreads * kWritesEach);
  auto db = Database::Open({path_}, Migrations(1));
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(Count(**db), kThreads * kWritesEach);
  // Each writer's rows are all there, in order.
  int64_t distinct = 0;
  ASSERT_TRUE((*db)
                  ->Read([&](Connection& c) -> Status {
                    TRY_ASSIGN(distinct,
                               c.QueryInt("SELECT count(DISTINCT writer * 1000 + n) FROM notes"));
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(distinct, kThreads * kWritesEach);
}

TEST_F(DatabaseTest, WritesQueuedBeforeCloseAllCommit) {
  std::atomic<int> done = 0;
  {
    auto db = Database::Open({path_}, Migrations(1));
    ASSERT_TRUE(db.ok());
    for (int i = 0; i < 100; ++i) {
      (*db)->WriteAsync(
          [](Connection& c) { return c.Exec("INSERT INTO notes(writer, n) VALUES (0, 0)"); },
          [&](Status s) { done += s.ok(); });
    }
  }  // destructor drains the queue
  EXPECT_EQ(done, 100);
  auto db = Database::Open({path_}, Migrations(1));
  EXPECT_EQ(Count(**db), 100);
}

}  // namespace
}  // namespace securebase::db
