// Taking the questionnaire in the terminal: raw keys under a pseudo-terminal, and
// line-by-line input from a pipe.
#include <gtest/gtest.h>

#include "run_binary.h"

namespace securebase::testing {
namespace {

// Answers for all 30 items of crr-general, one per line.
std::string Lines(int count, char answer) {
  std::string s;
  for (int i = 0; i < count; ++i) s += std::string(1, answer) + "\n";
  return s;
}

TEST(AssessTakePty, KeysBackQuitAndResume) {
  TempDir home;
  {
    PtySession s(home.path(), {"assess", "take"});
    ASSERT_TRUE(s.WaitFor("question 1 of 30")) << s.transcript();
    s.Type("6");  // raw mode: no Enter needed
    ASSERT_TRUE(s.WaitFor("question 2 of 30")) << s.transcript();
    s.Type("b");
    ASSERT_TRUE(s.WaitFor("question 1 of 30")) << s.transcript();
    ASSERT_TRUE(s.WaitFor("Your answer: 6")) << s.transcript();
    s.Type("\x1b[C");  // right arrow moves on, keeping the answer
    ASSERT_TRUE(s.WaitFor("question 2 of 30")) << s.transcript();
    s.Type("9");  // outside the scale
    ASSERT_TRUE(s.WaitFor("Please choose a number from 1 to 7")) << s.transcript();
    s.Type("q");
    ASSERT_TRUE(s.WaitFor("Saved 1 of 30 answers")) << s.transcript();
    EXPECT_EQ(s.Wait(), 0);
  }
  {
    PtySession s(home.path(), {"assess", "take"});
    ASSERT_TRUE(s.WaitFor("question 2 of 30")) << s.transcript();
    ASSERT_TRUE(s.WaitFor("1 of 30 answers were kept")) << s.transcript();
    for (int i = 0; i < 29; ++i) {
      s.Type("2");
      if (i < 28) {
        ASSERT_TRUE(s.WaitFor("question " + std::to_string(i + 3) + " of 30"));
      }
    }
    ASSERT_TRUE(s.WaitFor("Your result")) << s.transcript();
    ASSERT_TRUE(s.WaitFor("Region:")) << s.transcript();
    EXPECT_EQ(s.Wait(), 0);
  }
  auto r = RunSecurebase(home.path(), {"assess", "history", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"instrument\":\"crr-general\""), std::string::npos) << r.out;
}

TEST(AssessTakePty, CtrlCSavesAndExitsCleanly) {
  TempDir home;
  PtySession s(home.path(), {"assess", "take"});
  ASSERT_TRUE(s.WaitFor("question 1 of 30"));
  s.Type("3");
  ASSERT_TRUE(s.WaitFor("question 2 of 30"));
  s.Type("\x03");
  ASSERT_TRUE(s.WaitFor("Saved 1 of 30 answers")) << s.transcript();
  EXPECT_EQ(s.Wait(), 0);
}

TEST(AssessTakeLines, TwoResultsShowTheTrailAndAChangeVerdict) {
  TempDir home;
  auto first = RunSecurebase(home.path(), {"assess", "take"}, Lines(30, '6'));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("This is your first result"), std::string::npos) << first.out;
  auto second = RunSecurebase(home.path(), {"assess", "take"}, Lines(30, '4'));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("Since last time"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("@ is this result"), std::string::npos) << second.out;

  auto history = RunSecurebase(home.path(), {"assess", "history"});
  ASSERT_EQ(history.exit_code, 0);
  EXPECT_NE(history.out.find("oldest first"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("first"), std::string::npos);
  EXPECT_NE(history.out.find("avoidance"), std::string::npos);
}

TEST(AssessTakeLines, DeleteAsksAndCanBeUndone) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"assess", "take"}, Lines(30, '5')).exit_code, 0);
  auto no = RunSecurebase(home.path(), {"assess", "delete", "1"}, "n\n");
  EXPECT_NE(no.out.find("Nothing deleted"), std::string::npos) << no.out;
  auto yes = RunSecurebase(home.path(), {"assess", "delete", "1"}, "y\n");
  EXPECT_NE(yes.out.find("securebase assess restore 1"), std::string::npos) << yes.out;
  EXPECT_EQ(RunSecurebase(home.path(), {"assess", "history", "--json"}).out, "[]\n");
  EXPECT_EQ(RunSecurebase(home.path(), {"assess", "restore", "1"}).exit_code, 0);
  EXPECT_NE(RunSecurebase(home.path(), {"assess", "history", "--json"}).out.find("\"id\":1"),
            std::string::npos);
}

TEST(AssessTakeLines, TooManySkipsAsksForMoreInsteadOfScoring) {
  TempDir home;
  // Skip everything: the run ends at the last question and asks for answers, then quits.
  auto r = RunSecurebase(home.path(), {"assess", "take"}, Lines(30, 's') + "q\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Your result"), std::string::npos);
  EXPECT_NE(r.out.find("Nothing answered"), std::string::npos) << r.out;
}

TEST(AssessTakeLines, AboutAPersonUsesTheirName) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Robin", "-r", "friend"}).exit_code, 0);
  auto r = RunSecurebase(home.path(), {"assess", "take", "--about", "Robin"}, Lines(30, '3'));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Robin"), std::string::npos);
  EXPECT_EQ(r.out.find("{person}"), std::string::npos);
  EXPECT_NE(r.out.find("about Robin"), std::string::npos) << r.out;
  auto h = RunSecurebase(home.path(), {"assess", "history", "--about", "Robin", "--json"});
  EXPECT_NE(h.out.find("crr-person"), std::string::npos) << h.out;
  // The general history does not include it.
  EXPECT_EQ(RunSecurebase(home.path(), {"assess", "history", "--json"}).out, "[]\n");
}

TEST(AssessTakeLines, KeyOnlyInstrumentExplainsHowToLoadWording) {
  TempDir home;
  auto r = RunSecurebase(home.path(), {"assess", "take", "ecr-r"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("scoring key only"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace securebase::testing
