#include "platform/db/backup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "platform/db/database.h"

namespace securebase::db {
namespace {
namespace fs = std::filesystem;

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sb_backup_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_path_ = (dir_ / "main.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Database> Open() {
    static const std::string sql = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT) STRICT;";
    auto db = Database::Open({db_path_}, {{1, "m1", sql}});
    EXPECT_TRUE(db.ok()) << db.status().message();
    return std::move(db).value();
  }
  static void Insert(Database& db, const std::string& text) {
    ASSERT_TRUE(db.Write([&](Connection& c) -> Status {
                    TRY_ASSIGN(auto* st, c.Prepare("INSERT INTO notes(text) VALUES (?)"));
                    st->Bind(1, text);
                    return st->Run();
                  }).ok());
  }
  static int64_t Count(const std::string& path) {
    auto c = Connection::Open(path, OpenMode::kReadOnly);
    return c.ok() ? (*c)->QueryInt("SELECT count(*) FROM notes").value() : -1;
  }

  fs::path dir_;
  std::string db_path_;
};

TEST_F(BackupTest, OnlineBackupIsConsistentAndPrivate) {
  auto db = Open();
  Insert(*db, "first");
  Insert(*db, "second");
  std::string out = (dir_ / "copy.db").string();
  ASSERT_TRUE(BackupTo(db_path_, out).ok());  // while the database is open and in WAL mode
  EXPECT_EQ(Count(out), 2);
  EXPECT_EQ(fs::status(out).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  // An existing file is never overwritten.
  Status again = BackupTo(db_path_, out);
  EXPECT_FALSE(again.ok());
  EXPECT_NE(again.message().find("already exists"), std::string::npos);
}

TEST_F(BackupTest, RestoreChecksFirstAndKeepsTheReplacedDatabase) {
  std::string copy = (dir_ / "copy.db").string();
  {
    auto db = Open();
    Insert(*db, "kept in the backup");
    ASSERT_TRUE(BackupTo(db_path_, copy).ok());
    Insert(*db, "written after the backup");
  }
  auto aside = RestoreFrom(copy, db_path_, 1, Instant{1795822200000, 0});
  ASSERT_TRUE(aside.ok()) << aside.status().message();
  EXPECT_EQ(Count(db_path_), 1);
  EXPECT_EQ(Count(*aside), 2);  // nothing is lost: the replaced one is kept aside
}

TEST_F(BackupTest, RestoreRefusesDamagedNewerOrForeignFilesAndChangesNothing) {
  { Open(); }
  std::string garbage = (dir_ / "garbage.db").string();
  std::ofstream(garbage) << "this is not a database at all, just text that goes on for a while";
  EXPECT_FALSE(RestoreFrom(garbage, db_path_, 1, {}).ok());
  std::string newer = (dir_ / "newer.db").string();
  {
    auto c = Connection::Open(newer, OpenMode::kReadWrite);
    ASSERT_TRUE((*c)->Exec("CREATE TABLE x(a); PRAGMA user_version=9").ok());
  }
  auto refused = RestoreFrom(newer, db_path_, 1, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("newer SecureBase"), std::string::npos);
  EXPECT_EQ(Count(db_path_), 0);  // the original is untouched
}

TEST_F(BackupTest, RestoreRefusesWhileTheDatabaseIsInUse) {
  std::string copy = (dir_ / "copy.db").string();
  auto db = Open();
  ASSERT_TRUE(BackupTo(db_path_, copy).ok());
  auto reader = Connection::Open(db_path_, OpenMode::kReadWrite);
  ASSERT_TRUE((*reader)->Exec("BEGIN IMMEDIATE").ok());  // someone is writing
  auto refused = RestoreFrom(copy, db_path_, 1, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("in use"), std::string::npos);
  (void)(*reader)->Exec("ROLLBACK");
}

TEST_F(BackupTest, DailyBackupsKeepTheNewestN) {
  auto db = Open();
  std::string dir = (dir_ / "backups").string();
  for (int day = 0; day < 5; ++day) {
    auto made = DailyBackup(db_path_, dir, Instant{1795822200000 + day * 86400000LL, 0}, 3);
    ASSERT_TRUE(made.ok()) << made.status().message();
  }
  auto kept = ListBackups(dir);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_NE(kept.front().find("securebase-2026-12-01.db"), std::string::npos) << kept.front();
  // A second call on the same day makes nothing new.
  ASSERT_TRUE(DailyBackup(db_path_, dir, Instant{1795822200000 + 4 * 86400000LL, 0}, 3).ok());
  EXPECT_EQ(ListBackups(dir).size(), 3u);
}

}  // namespace
}  // namespace securebase::db
