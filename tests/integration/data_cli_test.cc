// securebase export / import, run as a person would run them.
#include <gtest/gtest.h>

#include <cstdlib>

#include "run_binary.h"

namespace securebase::testing {
namespace {

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

void AddPeople(const std::string& home) {
  ASSERT_EQ(
      RunSecurebase(home, {"people", "add", "Alex", "-r", "partner", "--notes", "tea, no sugar"})
          .exit_code,
      0);
  ASSERT_EQ(RunSecurebase(home, {"people", "add", "Mum", "-r", "parent"}).exit_code, 0);
}

TEST(DataCli, ExportOpensWithUnzipAndPythonAndImportsIntoAnEmptyDatabase) {
  TempDir a, b;
  AddPeople(a.path());
  std::string zip = a.path() + "/out.zip";
  auto r = RunSecurebase(a.path(), {"export", "--out", zip});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Exported everything to " + zip)) << r.out;
  EXPECT_EQ(std::system(("unzip -tq " + zip + " >/dev/null").c_str()), 0);
  EXPECT_EQ(std::system(("python3 -c \"import zipfile,sys; z=zipfile.ZipFile('" + zip +
                         "'); sys.exit(z.testzip() is not None or 'data/people.json' not in "
                         "z.namelist())\"")
                            .c_str()),
            0);
  // Writing over an existing file is refused.
  r = RunSecurebase(a.path(), {"export", "--out", zip});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "already exists")) << r.err;

  // Dry run: says what would happen, writes nothing.
  r = RunSecurebase(b.path(), {"import", zip});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Dry run: nothing was written. 2 to create")) << r.out;
  EXPECT_TRUE(Has(RunSecurebase(b.path(), {"people", "list"}).out, "Nobody added yet"));

  r = RunSecurebase(b.path(), {"import", zip, "--apply"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Imported 2 records")) << r.out;
  r = RunSecurebase(b.path(), {"people", "list"});
  EXPECT_TRUE(Has(r.out, "Alex (partner)")) << r.out;
  EXPECT_TRUE(Has(r.out, "tea, no sugar"));

  // Again: every record is already there.
  r = RunSecurebase(b.path(), {"import", zip, "--apply"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Imported 0 records (2 already here were skipped)")) << r.out;
}

TEST(DataCli, EncryptedExportNeedsTheRightPassphrase) {
  TempDir a, b;
  AddPeople(a.path());
  std::string file = a.path() + "/out.sealed", pass = a.path() + "/pass",
              wrong = a.path() + "/wrong";
  WriteFile(pass, "correct horse battery\n");
  WriteFile(wrong, "incorrect horse\n");
  auto r =
      RunSecurebase(a.path(), {"export", "--out", file, "--encrypt", "--passphrase-file", pass});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "If it is lost, nobody")) << r.out;
  EXPECT_FALSE(Has(ReadFile(file), "Alex"));
  EXPECT_NE(std::system(("unzip -tq " + file + " >/dev/null 2>&1").c_str()), 0);

  r = RunSecurebase(b.path(), {"import", file, "--apply"});  // no passphrase, no terminal
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "SECUREBASE_PASSPHRASE")) << r.err;
  r = RunSecurebase(b.path(), {"import", file, "--apply", "--passphrase-file", wrong});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "wrong passphrase")) << r.err;
  EXPECT_TRUE(Has(RunSecurebase(b.path(), {"people", "list"}).out, "Nobody added yet"));
  r = RunSecurebase(b.path(), {"import", file, "--apply", "--passphrase-file", pass});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(RunSecurebase(b.path(), {"people", "list"}).out, "Mum (parent)"));
}

TEST(DataCli, PassphraseIsAskedTwiceWithoutEchoOnATerminal) {
  TempDir a;
  AddPeople(a.path());
  std::string file = a.path() + "/typed.sealed";
  PtySession s(a.path(), {"export", "--encrypt", "--out", file});
  ASSERT_TRUE(s.WaitFor("Choose a passphrase:"));
  s.Type("blue lantern 42\n");
  ASSERT_TRUE(s.WaitFor("Type it again:"));
  s.Type("blue lantern 42\n");
  ASSERT_TRUE(s.WaitFor("Exported everything", 20000));
  EXPECT_EQ(s.Wait(), 0);
  EXPECT_FALSE(Has(s.transcript(), "blue lantern")) << s.transcript();
}

TEST(DataCli, DaylioRowsAreCheckedAndAFailedApplyChangesNothing) {
  TempDir home;
  std::string csv = home.path() + "/daylio_export.csv";
  WriteFile(csv,
            "full_date,date,weekday,time,mood,activities,note_title,note\n"
            "2024-03-02,March 2,Saturday,8:30 pm,good,friends | walk,Park,Long talk\n"
            "2024-03-01,March 1,Friday,07:05,meh,,,\n"
            "someday,x,y,z,rad,,,\n");
  auto r = RunSecurebase(home.path(), {"import", csv});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "(daylio)")) << r.out;
  EXPECT_TRUE(Has(r.out, "reject")) << r.out;
  EXPECT_TRUE(Has(r.out, "line 4: full_date/time \"someday z\" is not a date and time")) << r.out;
  EXPECT_TRUE(Has(r.out, "2 to create, 0 already here, 1 rejected")) << r.out;

  r = RunSecurebase(home.path(), {"import", csv, "--apply"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "nothing was imported")) << r.err;
  r = RunSecurebase(home.path(), {"import", csv});  // still all new
  EXPECT_TRUE(Has(r.out, "2 to create")) << r.out;

  r = RunSecurebase(home.path(), {"import", csv, "--apply", "--skip-rejected"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(
      Has(r.out, "Imported 2 records (0 already here were skipped, 1 rejected were left out)"))
      << r.out;
  r = RunSecurebase(home.path(), {"import", csv, "--apply", "--skip-rejected"});
  EXPECT_TRUE(Has(r.out, "Imported 0 records (2 already here")) << r.out;
}

TEST(DataCli, JrnlAndMappedCsvBecomeReflections) {
  TempDir home;
  std::string jrnl = home.path() + "/journal.json", csv = home.path() + "/diary.csv";
  WriteFile(
      jrnl,
      R"({"tags":{},"entries":[{"date":"2021-01-31","time":"09:00","title":"Hard meeting.","body":"I went quiet.","tags":["@work"],"starred":false}]})");
  WriteFile(csv, "When,Entry\n2024-01-01,Felt calm after the walk\n");
  auto r = RunSecurebase(home.path(), {"import", jrnl, "--apply"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "(jrnl)")) << r.out;
  EXPECT_TRUE(Has(r.out, "Imported 1 records")) << r.out;

  r = RunSecurebase(home.path(), {"import", csv, "--map", "date=Day,text=Entry"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "no column \"Day\"")) << r.err;
  r = RunSecurebase(home.path(), {"import", csv});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "needs a column mapping")) << r.err;
  r = RunSecurebase(home.path(), {"import", csv, "--map", "date=When,text=Entry", "--apply"});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  std::string zip = home.path() + "/all.zip";
  ASSERT_EQ(RunSecurebase(home.path(), {"export", "--out", zip}).exit_code, 0);
  ASSERT_EQ(
      std::system(
          ("unzip -p " + zip + " data/reflections.json > " + home.path() + "/r.json").c_str()),
      0);
  std::string refl = ReadFile(home.path() + "/r.json");
  EXPECT_TRUE(Has(refl, "Hard meeting.\\n\\nI went quiet.")) << refl;
  EXPECT_TRUE(Has(refl, "Felt calm after the walk"));
}

TEST(DataCli, LargeImportsShowProgressOnATerminalAndDangerShowsHelp) {
  TempDir home;
  std::string csv = home.path() + "/big.csv", text = "When,Entry\n";
  for (int i = 0; i < 600; ++i) text += "2024-01-01," + std::to_string(i) + " walked by the sea\n";
  text += "2024-01-02,I want to kill myself\n";
  WriteFile(csv, text);
  PtySession s(home.path(), {"import", csv, "--map", "date=When,text=Entry"});
  ASSERT_TRUE(s.WaitFor("Checking [", 10000)) << s.transcript();
  ASSERT_TRUE(s.WaitFor("601/601", 10000)) << s.transcript();
  ASSERT_TRUE(s.WaitFor("601 to create", 10000)) << s.transcript();
  EXPECT_EQ(s.Wait(), 0);
  EXPECT_TRUE(Has(s.transcript(), "988") || Has(s.transcript(), "116 123")) << s.transcript();
}

}  // namespace
}  // namespace securebase::testing
