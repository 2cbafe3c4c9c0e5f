// The commitment, bid and check-in commands (steps 5 and 6), run through the real binary as
// a person would type them.
#include <gtest/gtest.h>

#include <ctime>

#include "run_binary.h"

namespace securebase::testing {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string LocalDate(int days_from_now) {
  std::time_t t = std::time(nullptr) + days_from_now * 86400;
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
  return buf;
}

TEST(CommitCli, AddListDoneRenegotiateBroke) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Sam"}).exit_code, 0);
  auto r = RunSecurebase(home.path(), {"commit", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "No commitments yet. Add one with")) << r.out;

  r = RunSecurebase(home.path(), {"commit", "add", "Walk after dinner", "--to", "Sam", "--due",
                                  LocalDate(-2), "--time", "19:30", "--repeat", "daily"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Saved commitment 1:")) << r.out;
  r = RunSecurebase(home.path(),
                    {"commit", "add", "Fix the bike", "--from", "Sam", "--due", LocalDate(0)});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  // Bad input names the field and saves nothing.
  r = RunSecurebase(home.path(), {"commit", "add", "Oops", "--due", "2027-02-30"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "due")) << r.err;
  r = RunSecurebase(home.path(),
                    {"commit", "add", "Oops", "--repeat", "yearly", "--due", LocalDate(0)});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "repeat")) << r.err;

  r = RunSecurebase(home.path(), {"commit", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Due now:")) << r.out;
  EXPECT_TRUE(Has(r.out, "overdue, due " + LocalDate(-2))) << r.out;
  EXPECT_TRUE(Has(r.out, "Walk after dinner")) << r.out;
  EXPECT_FALSE(Has(r.out, "Oops")) << r.out;

  r = RunSecurebase(home.path(), {"commit", "done", "1", "--day", LocalDate(-2)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Kept: Walk after dinner (" + LocalDate(-2) + ")")) << r.out;
  r = RunSecurebase(home.path(), {"commit", "renegotiate", "1", "--day", LocalDate(-1)});
  EXPECT_NE(r.exit_code, 0) << "--terms is required";
  r = RunSecurebase(home.path(), {"commit", "renegotiate", "1", "--day", LocalDate(-1), "--terms",
                                  "A short walk at lunch instead", "--due", LocalDate(1)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Renegotiated: Walk after dinner")) << r.out;
  EXPECT_TRUE(Has(r.out, "Saved the new terms as commitment 3")) << r.out;
  r = RunSecurebase(home.path(), {"commit", "broke", "1", "--repair", "Said sorry, walked twice"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Noted as broken: Walk after dinner (" + LocalDate(0) + ")")) << r.out;
  EXPECT_TRUE(Has(r.out, "Thank you for repairing it.")) << r.out;
  r = RunSecurebase(home.path(), {"commit", "done", "99"});
  EXPECT_EQ(r.exit_code, 1);

  r = RunSecurebase(home.path(), {"commit", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(Has(r.out, "overdue, due " + LocalDate(-2))) << r.out;
  // Two of three settled were kept or renegotiated.
  EXPECT_TRUE(Has(r.out, "How reliable your promises have been")) << r.out;
  EXPECT_TRUE(Has(r.out, "67%")) << r.out;
  EXPECT_TRUE(Has(r.out, "Promises made to you:")) << r.out;
}

TEST(CommitCli, ExportIcsAndCalendarLink) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"commit", "add", "Water the plants", "--due", LocalDate(1),
                                        "--repeat", "weekly:mon,thu"})
                .exit_code,
            0);
  auto r = RunSecurebase(home.path(), {"commit", "export"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "--ics")) << r.err;
  r = RunSecurebase(home.path(), {"commit", "export", "--ics"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("BEGIN:VCALENDAR\r\n", 0), 0u) << r.out;
  EXPECT_TRUE(Has(r.out, "SUMMARY:Water the plants")) << r.out;
  std::string file = home.path() + "/c.ics";
  r = RunSecurebase(home.path(), {"commit", "export", "--ics", "-o", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string first = ReadFile(file);
  EXPECT_TRUE(Has(first, "END:VCALENDAR\r\n"));
  // Stable UIDs: a second export names the same events.
  r = RunSecurebase(home.path(), {"commit", "export", "--ics"});
  auto uid = first.find("UID:");
  ASSERT_NE(uid, std::string::npos);
  EXPECT_TRUE(Has(r.out, first.substr(uid, first.find("\r\n", uid) - uid)));

  r = RunSecurebase(home.path(), {"commit", "calendar-link"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "No calendar link yet")) << r.out;
  r = RunSecurebase(home.path(), {"commit", "calendar-link", "--new"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "/api/v1/commitments.ics?key=")) << r.out;
  EXPECT_TRUE(Has(r.out, "Anyone who has this link")) << r.out;
  r = RunSecurebase(home.path(), {"commit", "calendar-link"});
  EXPECT_TRUE(Has(r.out, "A calendar link is on")) << r.out;
  r = RunSecurebase(home.path(), {"commit", "calendar-link", "--off"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "turned off")) << r.out;
  r = RunSecurebase(home.path(), {"commit", "calendar-link", "--off"});
  EXPECT_EQ(r.exit_code, 1);
}

TEST(BidCli, AddListStats) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Ana"}).exit_code, 0);
  auto r = RunSecurebase(home.path(), {"bid", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "No bids logged yet")) << r.out;
  for (const char* resp : {"toward", "toward", "toward", "away"}) {
    r = RunSecurebase(home.path(), {"bid", "add", resp, "--kind", "humour", "--with", "Ana",
                                    "--feeling", "warm"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  r = RunSecurebase(home.path(), {"bid", "add", "toward", "--made", "--kind", "help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunSecurebase(home.path(), {"bid", "add", "maybe"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "response")) << r.err;

  r = RunSecurebase(home.path(), {"bid", "list", "--with", "Ana", "--limit", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "from Ana humour")) << r.out;
  EXPECT_TRUE(Has(r.out, "(warm)")) << r.out;
  r = RunSecurebase(home.path(), {"bid", "stats"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "75% turned toward (3 of 4")) << r.out;
  EXPECT_TRUE(Has(r.out, "100% turned toward (1 of 1")) << r.out;
  EXPECT_TRUE(Has(r.out, "86%")) << r.out;
  EXPECT_TRUE(Has(r.out, "33%")) << r.out;
}

TEST(CheckinCli, PromptsNoteAndHowOften) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Kim"}).exit_code, 0);
  auto r = RunSecurebase(home.path(), {"checkin", "--with", "Kim"}, "We laughed about the cat\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "How are you, really?")) << r.out;
  EXPECT_TRUE(Has(r.out, "What do you need from me today?")) << r.out;
  EXPECT_TRUE(Has(r.out, "Check-in logged.")) << r.out;
  r = RunSecurebase(home.path(), {"checkin", "--with", "Kim", "--every", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "every 3 days")) << r.out;
  r = RunSecurebase(home.path(), {"checkin", "--every", "40"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "every")) << r.err;
  // Closing the input without a line logs nothing, and says so.
  r = RunSecurebase(home.path(), {"checkin"}, "");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Not logged")) << r.out;
}

}  // namespace
}  // namespace securebase::testing
