// `securebase help-now` and crisis help after saving worrying notes, run as a person would.
#include <gtest/gtest.h>

#include "run_binary.h"

namespace securebase::testing {
namespace {

TEST(HelpNow, PrintsTheRegionFirstThenEmergencyNumbers) {
  TempDir home;
  auto r = RunSecurebase(home.path(), {"help-now", "--region", "uk"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t uk = r.out.find("United Kingdom: Samaritans, call 116 123");
  ASSERT_NE(uk, std::string::npos) << r.out;
  EXPECT_LT(uk, r.out.find("988"));
  EXPECT_LT(r.out.find("988"), r.out.find("In danger right now?"));
  EXPECT_NE(r.out.find("999   United Kingdom"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Numbers last checked 2026-11."), std::string::npos);
  EXPECT_EQ(r.err, "");
}

TEST(HelpNow, WorksWhenTheDatabaseCannotBeOpened) {
  TempDir home;
  // A file where the database's folder should be: nothing can be created there.
  WriteFile(home.path() + "/db", "not a folder");
  auto r = RunSecurebase(home.path(), {"help-now"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("call or text 988"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("13 11 14"), std::string::npos);
}

TEST(HelpNow, UnknownRegionShowsEverything) {
  TempDir home;
  auto r = RunSecurebase(home.path(), {"help-now", "--region", "ZZ"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("116 123"), std::string::npos);
  EXPECT_NE(r.out.find("There is no list for 'ZZ' yet"), std::string::npos) << r.out;
}

TEST(HelpNow, RemembersTheRegion) {
  TempDir home;
  auto r = RunSecurebase(home.path(), {"help-now", "--region", "AU", "--remember"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Saved AU as your region"), std::string::npos) << r.out;
  r = RunSecurebase(home.path(), {"help-now"});
  EXPECT_EQ(r.out.find("Talk to someone now:\n  Australia: Lifeline"),
            r.out.find("Talk to someone now:"))
      << r.out;
}

TEST(HelpNow, BrokenOverrideFallsBackToTheBuiltInCopy) {
  TempDir home;
  std::filesystem::create_directories(home.path() + "/config/securebase/content/safety");
  WriteFile(home.path() + "/config/securebase/content/safety/crisis_resources.json", "{");
  auto r = RunSecurebase(home.path(), {"help-now"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("call or text 988"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("crisis_resources.json: not valid JSON"), std::string::npos) << r.err;
}

TEST(HelpNow, PeopleWithWorryingNotesGetCrisisHelpAfterSaving) {
  TempDir home;
  auto r = RunSecurebase(home.path(),
                         {"people", "add", "Sam", "--notes", "I don't want to live anymore"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t added = r.out.find("Added Sam (other) as person 1.");
  ASSERT_NE(added, std::string::npos) << r.out;
  EXPECT_GT(r.out.find("Get help now"), added);
  EXPECT_NE(r.out.find("What you wrote is saved."), std::string::npos);
  EXPECT_NE(RunSecurebase(home.path(), {"people", "list"}).out.find("I don't want to live"),
            std::string::npos);

  r = RunSecurebase(home.path(), {"people", "add", "Kim", "--notes", "killed it at work today"});
  EXPECT_EQ(r.out.find("Get help now"), std::string::npos) << r.out;
  r = RunSecurebase(home.path(), {"people", "edit", "Kim", "--notes", "He threatened to kill me"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(r.out.find("Get help now"), r.out.find("Saved."));
  r = RunSecurebase(home.path(), {"people", "edit", "Kim", "--name", "Kimberley"});
  EXPECT_EQ(r.out.find("Get help now"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace securebase::testing
