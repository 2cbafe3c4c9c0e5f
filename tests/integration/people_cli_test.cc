// The people commands, run as a person would run them.
#include <gtest/gtest.h>

#include "run_binary.h"

namespace securebase::testing {
namespace {

TEST(PeopleCli, AddListEditRemoveRestore) {
  TempDir home;
  auto r = RunSecurebase(home.path(), {"people", "list"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Nobody added yet"), std::string::npos) << r.out;

  r = RunSecurebase(home.path(), {"people", "add", "Alex", "--relationship", "partner", "--notes",
                                  "met in 2019"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Added Alex (partner) as person 1"), std::string::npos) << r.out;
  r = RunSecurebase(home.path(), {"people", "add", "Mum", "-r", "parent"});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  r = RunSecurebase(home.path(), {"people", "list"});
  EXPECT_NE(r.out.find("Alex (partner)"), std::string::npos);
  EXPECT_NE(r.out.find("met in 2019"), std::string::npos);
  EXPECT_NE(r.out.find("Mum (parent)"), std::string::npos);

  r = RunSecurebase(home.path(), {"people", "edit", "alex", "--relationship", "ex-partner"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Alex (ex-partner)"), std::string::npos);

  // Saying no keeps them.
  r = RunSecurebase(home.path(), {"people", "remove", "Alex"}, "n\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Nothing removed"), std::string::npos);
  EXPECT_NE(RunSecurebase(home.path(), {"people", "list"}).out.find("Alex"), std::string::npos);

  r = RunSecurebase(home.path(), {"people", "remove", "Alex"}, "y\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Also hidden with them: nothing else"), std::string::npos) << r.out;
  EXPECT_EQ(RunSecurebase(home.path(), {"people", "list"}).out.find("Alex"), std::string::npos);

  r = RunSecurebase(home.path(), {"people", "restore", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(RunSecurebase(home.path(), {"people", "list"}).out.find("Alex (ex-partner)"),
            std::string::npos);
}

TEST(PeopleCli, BadInputNamesTheFieldAndChangesNothing) {
  TempDir home;
  auto r = RunSecurebase(home.path(), {"people", "add", "Sam", "--relationship", "bestie"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("relationship: 'bestie' is not one of"), std::string::npos) << r.err;
  r = RunSecurebase(home.path(), {"people", "add", "   "});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("name: is empty"), std::string::npos) << r.err;
  r = RunSecurebase(home.path(), {"people", "add", std::string(201, 'x')});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("longer than 200"), std::string::npos) << r.err;
  EXPECT_NE(RunSecurebase(home.path(), {"people", "list"}).out.find("Nobody added yet"),
            std::string::npos);

  r = RunSecurebase(home.path(), {"people", "show", "Nobody"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nobody called 'Nobody'"), std::string::npos) << r.err;
  r = RunSecurebase(home.path(), {"people", "frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(PeopleCli, RemovingSaysWhatElseRefersToThePerson) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Alex", "-r", "partner"}).exit_code, 0);
  // Three answers saved (a draft) about Alex.
  auto r = RunSecurebase(home.path(), {"assess", "take", "--about", "Alex"}, "4\n5\n3\nq\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Records of later steps count too, whichever table they live in.
  ASSERT_EQ(RunSecurebase(home.path(), {"bid", "add", "toward", "--with", "Alex"}).exit_code, 0);
  ASSERT_EQ(RunSecurebase(home.path(), {"bid", "add", "missed", "--with", "Alex"}).exit_code, 0);
  ASSERT_EQ(RunSecurebase(home.path(), {"commit", "add", "Call back", "--to", "Alex"}).exit_code,
            0);
  r = RunSecurebase(home.path(), {"people", "remove", "Alex", "--yes"});
  EXPECT_EQ(r.exit_code, 0);
  r = RunSecurebase(home.path(), {"people", "restore", "1"});
  r = RunSecurebase(home.path(), {"people", "show", "1"});
  EXPECT_NE(r.out.find("Referred to by: 1 assessment, 2 bids, 1 commitment"), std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace securebase::testing
