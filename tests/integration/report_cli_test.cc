// securebase report brief|chart through the real binary: a questionnaire taken in line
// mode, then the PDF (only the chosen sections, per pdftotext) and the charts; bad options
// are named and write nothing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "run_binary.h"

namespace securebase::testing {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string Answers(int n, char value) {
  std::string s;
  for (int i = 0; i < n; ++i) s += std::string(1, value) + "\n";
  return s;
}

TEST(ReportCli, BriefAndCharts) {
  TempDir home;
  ASSERT_EQ(RunSecurebase(home.path(), {"people", "add", "Alex Morgan", "-r", "partner"}).exit_code,
            0);
  ASSERT_EQ(RunSecurebase(home.path(), {"assess", "take"}, Answers(30, '6')).exit_code, 0);
  ASSERT_EQ(RunSecurebase(home.path(), {"assess", "take"}, Answers(30, '3')).exit_code, 0);

  std::string pdf = home.path() + "/brief.pdf";
  auto r = RunSecurebase(home.path(), {"report", "brief", "--sections", "scores", "--out", pdf});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Sections: Attachment over time.")) << r.out;
  EXPECT_TRUE(Has(r.out, "not a diagnosis")) << r.out;
  EXPECT_EQ(ReadFile(pdf).substr(0, 5), "%PDF-");

  // Default: every section with data; the others are named in a note.
  r = RunSecurebase(home.path(), {"report", "brief", "--out", pdf});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "Not included, because nothing was recorded in this period")) << r.out;

  if (std::system("command -v pdftotext >/dev/null 2>&1") == 0) {
    RunSecurebase(home.path(), {"report", "brief", "--sections", "scores", "--out", pdf});
    ASSERT_EQ(std::system(("pdftotext " + pdf + " " + home.path() + "/brief.txt").c_str()), 0);
    std::string text = ReadFile(home.path() + "/brief.txt");
    EXPECT_TRUE(Has(text, "Attachment over time")) << text;
    EXPECT_FALSE(Has(text, "Commitments kept")) << text;
  } else {
    std::cout << "pdftotext (poppler-utils) is not installed: the text check is skipped\n";
  }

  std::string png = home.path() + "/plane.png", svg = home.path() + "/scores.svg";
  r = RunSecurebase(home.path(), {"report", "chart", "plane", "--out", png});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(png).substr(0, 8), "\x89PNG\r\n\x1a\n");
  r = RunSecurebase(home.path(), {"report", "chart", "scores", "--format", "svg", "--out", svg});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(ReadFile(svg), "<svg")) << "an SVG document";
}

TEST(ReportCli, BadOptionsAreNamedAndNothingIsWritten) {
  TempDir home;
  std::string pdf = home.path() + "/brief.pdf";
  auto r = RunSecurebase(home.path(), {"report", "brief", "--sections", "scores,moods", "--since",
                                       "2026-13-01", "--out", pdf});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "--sections")) << r.err;
  EXPECT_TRUE(Has(r.err, "unknown section \"moods\"")) << r.err;
  EXPECT_TRUE(Has(r.err, "--since")) << r.err;
  EXPECT_FALSE(std::filesystem::exists(pdf));

  r = RunSecurebase(home.path(), {"report", "chart", "pie", "--out", home.path() + "/x.gif"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.err, "chart")) << r.err;
  EXPECT_TRUE(Has(r.err, "--format")) << r.err;
}

}  // namespace
}  // namespace securebase::testing
