// Step 3 in the terminal: the guided player under a pseudo-terminal with a fast clock
// (the hidden --speed flag), and the line-by-line commands.
#include <gtest/gtest.h>

#include "run_binary.h"

namespace securebase::testing {
namespace {

TEST(RegulatePty, CtrlCEndsCleanlyAndStillAsksTheAfterRating) {
  TempDir home;
  {
    // 32 s of box breathing at 5x: 800 ms a phase.
    PtySession s(home.path(),
                 {"regulate", "start", "box-breathing", "--minutes", "0.5", "--speed", "5"});
    ASSERT_TRUE(s.WaitFor("How strong is the distress right now?")) << s.transcript();
    s.Type("6\r");
    ASSERT_TRUE(s.WaitFor("How much energy")) << s.transcript();
    s.Type("h\r");
    ASSERT_TRUE(s.WaitFor("Breathe in")) << s.transcript();
    ASSERT_TRUE(s.WaitFor("breath 1 of 2")) << s.transcript();
    ASSERT_TRUE(s.WaitFor("Hold")) << s.transcript();
    s.Type(" ");  // pause
    ASSERT_TRUE(s.WaitFor("(paused)")) << s.transcript();
    s.Type(" ");  // resume
    ASSERT_TRUE(s.WaitFor("Breathe out")) << s.transcript();
    s.Type("\x03");  // Ctrl-C in raw mode: a key, not a signal
    ASSERT_TRUE(s.WaitFor("Stopped after")) << s.transcript();
    ASSERT_TRUE(s.WaitFor("And now, how strong is the distress?")) << s.transcript();
    s.Type("3\r");
    ASSERT_TRUE(s.WaitFor("Did it help?")) << s.transcript();
    s.Type("a\r");
    ASSERT_TRUE(s.WaitFor("Saved. Distress 6 -> 3, down 3.")) << s.transcript();
    ASSERT_TRUE(s.WaitFor("stopped early")) << s.transcript();
    EXPECT_EQ(s.Wait(), 0);
    // The cursor is shown again and the terminal is back to normal.
    EXPECT_NE(s.transcript().find("\x1b[?25h"), std::string::npos);
  }
  auto stats = RunSecurebase(home.path(), {"regulate", "stats"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("Box breathing"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("100%"), std::string::npos) << stats.out;  // stopped early
}

TEST(RegulatePty, AFullRunDrawsEveryPhaseInPlaceAndFinishes) {
  TempDir home;
  PtySession s(home.path(), {"regulate", "start", "breathing-478", "--minutes", "0.5", "--speed",
                             "20", "--distress", "8", "--energy", "high"});
  ASSERT_TRUE(s.WaitFor("Breathe in")) << s.transcript();
  ASSERT_TRUE(s.WaitFor("Hold")) << s.transcript();
  ASSERT_TRUE(s.WaitFor("Breathe out")) << s.transcript();
  ASSERT_TRUE(s.WaitFor("breath 2 of 2")) << s.transcript();
  ASSERT_TRUE(s.WaitFor("Done.", 10000)) << s.transcript();
  // Typed keys wait until the prompt shows (leaving raw mode flushes pending input).
  ASSERT_TRUE(s.WaitFor("And now, how strong is the distress?")) << s.transcript();
  s.Type("5\r");
  ASSERT_TRUE(s.WaitFor("Did it help?")) << s.transcript();
  s.Type("y\r");
  ASSERT_TRUE(s.WaitFor("Saved. Distress 8 -> 5")) << s.transcript();
  EXPECT_EQ(s.Wait(), 0);
  EXPECT_EQ(s.transcript().find("stopped early"), std::string::npos);
  // Drawn in place: the block is redrawn by moving the cursor up, not by scrolling.
  EXPECT_NE(s.transcript().find("\x1b[2A"), std::string::npos);
}

TEST(RegulateLines, NowOffersADefaultThenWhatHelpedOnceThereIsHistory) {
  TempDir home;
  auto first = RunSecurebase(home.path(), {"regulate", "now", "--speed", "5000"}, "8\nh\nn\n");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("Try this: Cyclic sighing"), std::string::npos) << first.out;
  auto low = RunSecurebase(home.path(), {"regulate", "now"}, "4\nl\nn\n");
  EXPECT_NE(low.out.find("Try this: 5-4-3-2-1 grounding"), std::string::npos) << low.out;
  // Three sessions of box breathing that helped, when keyed up.
  for (int i = 0; i < 3; ++i) {
    auto r = RunSecurebase(
        home.path(), {"regulate", "start", "box-breathing", "--minutes", "0.5", "--speed", "5000"},
        "8\nh\n3\ny\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Saved. Distress 8 -> 3"), std::string::npos) << r.out;
  }
  auto now =
      RunSecurebase(home.path(), {"regulate", "now", "--distress", "7", "--energy", "high"}, "n\n");
  EXPECT_NE(now.out.find("Try this: Box breathing"), std::string::npos) << now.out;
  EXPECT_NE(now.out.find("helped you most"), std::string::npos) << now.out;
  auto stats = RunSecurebase(home.path(), {"regulate", "stats"});
  EXPECT_NE(stats.out.find("Box breathing helped most"), std::string::npos) << stats.out;
}

TEST(RegulateLines, OwnPracticesAndTimingsWithClearErrors) {
  TempDir home;
  std::string bad = home.path() + "/bad.json";
  WriteFile(bad, R"({"format": "securebase-practice/1", "id": "long-out", "name": "Long out",
    "kind": "breathing", "duration_seconds": 60,
    "phases": [{"phase": "inhale", "seconds": 4}, {"phase": "exhale", "seconds": -8}]})");
  auto r = RunSecurebase(home.path(), {"regulate", "add", bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bad + ": phases[1].seconds"), std::string::npos) << r.err;

  std::string good = home.path() + "/good.json";
  WriteFile(good, R"({"format": "securebase-practice/1", "id": "long-out", "name": "Long out",
    "kind": "breathing", "duration_seconds": 60,
    "phases": [{"phase": "inhale", "seconds": 4}, {"phase": "exhale", "seconds": 8}]})");
  r = RunSecurebase(home.path(), {"regulate", "add", good});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto list = RunSecurebase(home.path(), {"regulate", "list"});
  EXPECT_NE(list.out.find("long-out"), std::string::npos);
  EXPECT_NE(list.out.find("(yours)"), std::string::npos);

  r = RunSecurebase(home.path(),
                    {"regulate", "tune", "box-breathing", "--phase", "3=6", "--minutes", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("exhale 6"), std::string::npos) << r.out;
  r = RunSecurebase(home.path(), {"regulate", "tune", "box-breathing", "--phase", "2=-1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("phases[1].seconds"), std::string::npos) << r.err;
  r = RunSecurebase(home.path(), {"regulate", "remove", "box-breathing"});
  EXPECT_NE(r.out.find("back to how it came"), std::string::npos) << r.out;

  // A practice file in the config folder joins the list.
  std::filesystem::create_directories(home.path() + "/config/securebase/content/practices");
  WriteFile(home.path() + "/config/securebase/content/practices/walk.json",
            R"({"format": "securebase-practice/1", "id": "walk", "name": "A short walk",
                "kind": "pause", "steps": [{"text": "Walk slowly around the room.", "seconds": 120}]})");
  list = RunSecurebase(home.path(), {"regulate", "list"});
  EXPECT_NE(list.out.find("A short walk"), std::string::npos) << list.out << list.err;
}

}  // namespace
}  // namespace securebase::testing
