// The message, conflict and boundary commands (steps 4 and 7), run as a person would.
#include <gtest/gtest.h>

#include "run_binary.h"

namespace securebase::testing {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(MessageCli, GuidedMessagePrintsHintsAndSaves) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Alex"}).exit_code, 0);
  auto r = RunSecurebase(home.path(), {"message", "new", "--to", "Alex"},
                         "you never call back\nI feel ignored\nto be seen\ncall me tonight\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "When you never call back, I felt ignored, because I need to be seen."))
      << r.out;
  EXPECT_TRUE(Has(r.out, "Always or never")) << r.out;
  EXPECT_TRUE(Has(r.out, "I feel hurt, because I need to be seen.")) << r.out;
  EXPECT_TRUE(Has(r.out, "Saved as message 1 for Alex")) << r.out;
  r = RunSecurebase(home.path(), {"message", "list"});
  EXPECT_TRUE(Has(r.out, "call me tonight")) << r.out;
  r = RunSecurebase(home.path(), {"message", "listen"});
  EXPECT_TRUE(Has(r.out, "1. Reflect back")) << r.out;
}

TEST(ConflictCli, AddRepairListWithInsights) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Jo"}).exit_code, 0);
  auto r = RunSecurebase(home.path(), {"conflict", "add", "Jo", "--topic", "dishes",
                                       "--horseman-me", "criticism", "--flooded-them"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunSecurebase(home.path(), {"conflict", "repair", "1", "--what", "hug", "--by", "them",
                                  "--outcome", "repaired"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "now: repaired")) << r.out;
  r = RunSecurebase(home.path(), {"conflict", "list"});
  EXPECT_TRUE(Has(r.out, "Jo: 1 of 1 repaired (100%)")) << r.out;
  EXPECT_TRUE(Has(r.out, "Seen: criticism (once)")) << r.out;
  r = RunSecurebase(home.path(),
                    {"conflict", "add", "Jo", "--topic", "x", "--horseman-me", "sulking"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "horsemen_me[0]")) << r.err;
}

TEST(BoundaryCli, AddPracticeIncidentList) {
  TempDir home;
  auto r = RunSecurebase(home.path(), {"boundary", "add", "--area", "time", "--limit",
                                       "Sundays are for rest", "--when",
                                       "I am asked to work on a "
                                       "Sunday",
                                       "--will", "offer Monday instead"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "When I am asked to work on a Sunday, I will offer Monday instead."))
      << r.out;
  r = RunSecurebase(home.path(), {"boundary", "practice", "1"}, "7\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunSecurebase(home.path(), {"boundary", "incident", "1", "--kind", "held"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunSecurebase(home.path(), {"boundary", "list"});
  EXPECT_TRUE(Has(r.out, "held 1, crossed by others 0, crossed by me 0")) << r.out;
  EXPECT_TRUE(Has(r.out, "practised once, steadiness 7 -> 7")) << r.out;
  EXPECT_EQ(
      RunSecurebase(home.path(), {"boundary", "practice", "1", "--steadiness", "12"}).exit_code, 1);
}

TEST(MessageCli, EditDeleteAndRestore) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"message", "new", "--text", "First words."}).exit_code, 0);
  auto r = RunSecurebase(home.path(), {"message", "edit", "1", "--text", "You always forget."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Saved message 1")) << r.out;
  EXPECT_TRUE(Has(r.out, "Always or never")) << r.out;
  r = RunSecurebase(home.path(), {"message", "delete", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "securebase message restore 1")) << r.out;
  EXPECT_TRUE(Has(RunSecurebase(home.path(), {"message", "list"}).out, "No messages yet"));
  ASSERT_EQ(RunSecurebase(home.path(), {"message", "restore", "1"}).exit_code, 0);
  EXPECT_TRUE(Has(RunSecurebase(home.path(), {"message", "list"}).out, "You always forget."));
  r = RunSecurebase(home.path(), {"message", "restore", "1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "no deleted message with id 1")) << r.err;
}

TEST(ConflictCli, EditOutcomeDeleteAndRestore) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Jo"}).exit_code, 0);
  ASSERT_EQ(RunSecurebase(home.path(), {"conflict", "add", "Jo", "--topic", "dishes"}).exit_code,
            0);
  auto r = RunSecurebase(home.path(),
                         {"conflict", "edit", "1", "--topic", "chores", "--outcome", "partly"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Conflict 1 (chores) is now: partly")) << r.out;
  r = RunSecurebase(home.path(), {"conflict", "edit", "1", "--outcome", "fine"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "outcome")) << r.err;
  ASSERT_EQ(RunSecurebase(home.path(), {"conflict", "delete", "1"}).exit_code, 0);
  EXPECT_TRUE(Has(RunSecurebase(home.path(), {"conflict", "list"}).out, "No conflicts logged"));
  ASSERT_EQ(RunSecurebase(home.path(), {"conflict", "restore", "1"}).exit_code, 0);
  EXPECT_TRUE(Has(RunSecurebase(home.path(), {"conflict", "list"}).out, "chores (partly)"));
}

TEST(BoundaryCli, EditDeleteAndRestore) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"boundary", "add", "--area", "time", "--limit", "Rest"})
                .exit_code,
            0);
  auto r = RunSecurebase(home.path(), {"boundary", "edit", "1", "--limit", "Sundays are for rest"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Saved boundary 1: Sundays are for rest")) << r.out;
  EXPECT_EQ(RunSecurebase(home.path(), {"boundary", "edit", "1", "--area", "cosmic"}).exit_code, 1);
  ASSERT_EQ(RunSecurebase(home.path(), {"boundary", "delete", "1"}).exit_code, 0);
  EXPECT_TRUE(Has(RunSecurebase(home.path(), {"boundary", "list"}).out, "No boundaries yet"));
  r = RunSecurebase(home.path(), {"boundary", "restore", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Boundary 1 is back: Sundays are for rest")) << r.out;
}

}  // namespace
}  // namespace securebase::testing
