// backup, restore and doctor, as a person would use them.
#include <gtest/gtest.h>

#include <filesystem>

#include "run_binary.h"

namespace securebase::testing {
namespace {

TEST(BackupCli, BackupThenRestoreBringsBackTheOldStateAndKeepsTheNewAside) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Before"}).exit_code, 0);
  std::string copy = home.path() + "/copy.db";
  auto backup = RunSecurebase(home.path(), {"backup", "--out", copy});
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  EXPECT_NE(backup.out.find("securebase restore " + copy), std::string::npos);
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "After"}).exit_code, 0);

  auto no = RunSecurebase(home.path(), {"restore", copy}, "n\n");
  EXPECT_NE(no.out.find("Nothing changed"), std::string::npos) << no.out;
  auto yes = RunSecurebase(home.path(), {"restore", copy}, "y\n");
  ASSERT_EQ(yes.exit_code, 0) << yes.err;
  EXPECT_NE(yes.out.find("kept at"), std::string::npos) << yes.out;
  auto list = RunSecurebase(home.path(), {"people", "list"});
  EXPECT_NE(list.out.find("Before"), std::string::npos);
  EXPECT_EQ(list.out.find("After"), std::string::npos);
}

TEST(BackupCli, RestoreOfANonDatabaseChangesNothing) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Stays"}).exit_code, 0);
  WriteFile(home.path() + "/notes.txt",
            "just some notes, not a database, long enough to look like a file");
  auto r = RunSecurebase(home.path(), {"restore", home.path() + "/notes.txt", "--yes"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a SecureBase database"), std::string::npos) << r.err;
  EXPECT_NE(RunSecurebase(home.path(), {"people", "list"}).out.find("Stays"), std::string::npos);
}

TEST(BackupCli, DoctorSaysWhatToDo) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Someone"}).exit_code, 0);
  auto first = RunSecurebase(home.path(), {"doctor"});
  EXPECT_EQ(first.exit_code, 1);
  EXPECT_NE(first.out.find("no backups yet"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("securebase backup"), std::string::npos);
  ASSERT_EQ(RunSecurebase(home.path(), {"backup"}).exit_code, 0);
  std::filesystem::permissions(home.path() + "/db/securebase.db",
                               std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  auto second = RunSecurebase(home.path(), {"doctor"});
  EXPECT_NE(second.out.find("chmod 600"), std::string::npos) << second.out;
  std::filesystem::permissions(home.path() + "/db/securebase.db",
                               std::filesystem::perms::others_read,
                               std::filesystem::perm_options::remove);
  auto third = RunSecurebase(home.path(), {"doctor"});
  EXPECT_EQ(third.exit_code, 0) << third.out;
  EXPECT_NE(third.out.find("All good"), std::string::npos);
}

}  // namespace
}  // namespace securebase::testing
