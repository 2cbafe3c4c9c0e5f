// Step 8 in the terminal: importing a directory with a bad row, re-importing, searching,
// the shortlist with undo, and the self-check from piped answers.
#include <gtest/gtest.h>

#include "run_binary.h"

namespace securebase::testing {
namespace {

TEST(TherapistsCli, ImportReportsTheBadRowAndReimportUpdates) {
  TempDir home;
  std::string file = home.path() + "/dir.csv";
  WriteFile(file,
            "id,name,type,city,latitude,longitude,telehealth,therapy_types,fee_min\n"
            "t1,Tess One,therapist,London,51.50,-0.12,yes,EFT,60\n"
            "t2,Theo Two,wizard,London,151.5,-0.1,yes,cbt,60\n"
            "t3,Tia Three,counsellor,London,51.52,-0.10,no,gottman,40\n");
  auto r = RunSecurebase(home.path(), {"therapists", "import", file});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("Imported 2 providers (2 new, 0 updated)"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("row 2, type: 'wizard' is not one of"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("row 2, latitude: must be a number from -90 to 90"), std::string::npos)
      << r.err;

  auto again = RunSecurebase(home.path(), {"therapists", "import", file});
  EXPECT_NE(again.out.find("(0 new, 2 updated)"), std::string::npos) << again.out;

  auto search =
      RunSecurebase(home.path(), {"therapists", "search", "--lat", "51.5", "--lon", "-0.12",
                                  "--radius", "10", "--therapy", "eft", "--therapy", "gottman"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("2 matches"), std::string::npos) << search.out;
  EXPECT_NE(search.out.find("attachment-informed"), std::string::npos) << search.out;
  EXPECT_NE(search.out.find("km away"), std::string::npos) << search.out;
  auto bad = RunSecurebase(home.path(), {"therapists", "search", "--age", "toddlers"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--age"), std::string::npos) << bad.err;

  auto add = RunSecurebase(home.path(), {"shortlist", "add", "1", "--note", "ask about evenings"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.out.find("Saved Tess One"), std::string::npos) << add.out;
  auto status = RunSecurebase(
      home.path(), {"shortlist", "status", "1", "consult-booked", "--date", "2026-12-03"});
  EXPECT_EQ(status.exit_code, 0) << status.err;
  auto list = RunSecurebase(home.path(), {"shortlist", "list"});
  EXPECT_NE(list.out.find("Consult booked"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("2026-12-03"), std::string::npos) << list.out;
  auto removed = RunSecurebase(home.path(), {"shortlist", "remove", "1"});
  EXPECT_NE(removed.out.find("securebase shortlist restore 1"), std::string::npos) << removed.out;
  EXPECT_NE(RunSecurebase(home.path(), {"shortlist", "list"}).out.find("empty"), std::string::npos);
  EXPECT_EQ(RunSecurebase(home.path(), {"shortlist", "restore", "1"}).exit_code, 0);
  EXPECT_NE(RunSecurebase(home.path(), {"shortlist", "list"}).out.find("Tess One"),
            std::string::npos);
}

TEST(TherapistsCli, SampleAndPostcodeSearch) {
  TempDir home;
  auto r = RunSecurebase(home.path(), {"therapists", "import", "--sample"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Imported 40 providers"), std::string::npos) << r.out;
  auto s =
      RunSecurebase(home.path(), {"therapists", "search", "--near", "M1 1AE", "--radius", "20"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.out.find("Near M1 1AE GB (Manchester)"), std::string::npos) << s.out;
}

TEST(SupportCli, SelfCheckFromPipedAnswersShowsCrisisHelpOnASafetyAnswer) {
  TempDir home;
  // Nine answers; the eighth (thoughts of self-harm) is "now and then".
  auto r = RunSecurebase(home.path(), {"checkup"}, "1\n2\n1\n0\n1\n2\n0\n1\n0\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t crisis = r.out.find("Thank you for telling us");
  size_t guidance = r.out.find("Talking to someone could help");
  ASSERT_NE(crisis, std::string::npos) << r.out;
  ASSERT_NE(guidance, std::string::npos) << r.out;
  EXPECT_LT(crisis, r.out.find("(9 of 9)"));  // shown at once, before the last question
  auto off = RunSecurebase(home.path(), {"support", "suggestions", "off"});
  EXPECT_EQ(off.exit_code, 0);
  auto signals = RunSecurebase(home.path(), {"support", "signals"});
  EXPECT_NE(signals.out.find("turned off"), std::string::npos) << signals.out;
  auto bad = RunSecurebase(home.path(), {"checkup", "--answers", "heavy=x"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--answers"), std::string::npos);
}

}  // namespace
}  // namespace securebase::testing
