// Rendering: the PDF opens, pdftotext finds the chosen headings and not the others,
// pdftoppm draws its pages; charts are valid PNG and SVG. The poppler checks skip (saying
// so) only where poppler-utils is not installed; scripts/install-deps installs it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/brief.h"
#include "report/chart.h"
#include "report/pdf_writer.h"
#include "report/test_inputs.h"

namespace securebase::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

bool Have(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    char tmpl[] = "/tmp/securebase-report-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

std::string PdfText(const std::string& pdf, const TempDir& dir) {
  auto file = dir.path / "brief.pdf";
  std::ofstream(file, std::ios::binary) << pdf;
  std::string cmd = "pdftotext -layout " + file.string() + " " + (dir.path / "brief.txt").string();
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  return ReadFile(dir.path / "brief.txt");
}

TEST(RenderPdf, IsAPdfOfOneOrTwoA4Pages) {
  auto pdf = WriteBriefPdf(BuildBrief(fixtures::Full(), {}));
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  EXPECT_THAT(*pdf, StartsWith("%PDF-"));
  EXPECT_THAT(*pdf, HasSubstr("/MediaBox [ 0 0 595.28 841.89 ]"));
  if (!Have("pdfinfo")) GTEST_SKIP() << "poppler-utils (pdfinfo) is not installed";
  TempDir dir;
  std::ofstream(dir.path / "b.pdf", std::ios::binary) << *pdf;
  std::string cmd =
      "pdfinfo " + (dir.path / "b.pdf").string() + " > " + (dir.path / "info").string();
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string info = ReadFile(dir.path / "info");
  EXPECT_THAT(info, ::testing::ContainsRegex("Title: +A brief for my first session"));
  EXPECT_THAT(info, ::testing::ContainsRegex("Pages: +[12]\n"));
}

TEST(RenderPdf, PdftotextFindsChosenHeadingsOnly) {
  if (!Have("pdftotext")) GTEST_SKIP() << "poppler-utils (pdftotext) is not installed";
  BriefOptions o;
  o.sections = {Section::kPatterns, Section::kCommitments};
  auto pdf = WriteBriefPdf(BuildBrief(fixtures::Full(), o));
  ASSERT_TRUE(pdf.ok());
  TempDir dir;
  std::string text = PdfText(*pdf, dir);
  EXPECT_THAT(text, HasSubstr("A brief for my first session"));
  EXPECT_THAT(text, HasSubstr("Triggers and feelings"));
  EXPECT_THAT(text, HasSubstr("Commitments kept"));
  EXPECT_THAT(text, HasSubstr("not a diagnosis"));
  EXPECT_THAT(text, HasSubstr("Alex Morgan"));
  EXPECT_THAT(text, Not(HasSubstr("Attachment over time")));
  EXPECT_THAT(text, Not(HasSubstr("What has helped me calm down")));
  EXPECT_THAT(text, Not(HasSubstr("Boundaries under pressure")));
  EXPECT_THAT(text, Not(HasSubstr("No calls after ten")));
}

TEST(RenderPdf, EverySectionAndLongTextFitOnNumberedPages) {
  if (!Have("pdftotext")) GTEST_SKIP() << "poppler-utils (pdftotext) is not installed";
  BriefInputs in = fixtures::Full();
  // A long boundary text must wrap inside its cell, not run off the page.
  in.boundaries[0].limit =
      "When I am tired after work I will not take calls about plans for the weekend, and I "
      "will say so kindly and offer a time the next morning instead";
  auto pdf = WriteBriefPdf(BuildBrief(in, {}));
  ASSERT_TRUE(pdf.ok());
  TempDir dir;
  std::string text = PdfText(*pdf, dir);
  for (Section s : kAllSections) EXPECT_THAT(text, HasSubstr(std::string(SectionHeading(s))));
  EXPECT_THAT(text, HasSubstr("Page 1 of "));
  EXPECT_THAT(text, HasSubstr("offer a time the next"));
}

TEST(RenderPdf, PdftoppmDrawsEachPage) {
  if (!Have("pdftoppm")) GTEST_SKIP() << "poppler-utils (pdftoppm) is not installed";
  auto pdf = WriteBriefPdf(BuildBrief(fixtures::Full(), {}));
  ASSERT_TRUE(pdf.ok());
  TempDir dir;
  std::ofstream(dir.path / "b.pdf", std::ios::binary) << *pdf;
  std::string cmd =
      "pdftoppm -r 60 -png " + (dir.path / "b.pdf").string() + " " + (dir.path / "page").string();
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  int pages = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) {
    if (e.path().extension() != ".png") continue;
    ++pages;
    EXPECT_THAT(ReadFile(e.path()), StartsWith("\x89PNG\r\n\x1a\n"));
    EXPECT_GT(std::filesystem::file_size(e.path()), 5000u) << "a page with something on it";
  }
  EXPECT_GE(pages, 1);
  EXPECT_LE(pages, 2);
  // Keep a copy to look at when SECUREBASE_ARTIFACTS names a folder.
  if (const char* out = std::getenv("SECUREBASE_ARTIFACTS")) {
    std::ofstream(std::filesystem::path(out) / "brief-sample.pdf", std::ios::binary) << *pdf;
  }
}

TEST(RenderChart, PngHasTheSignatureAndSize) {
  for (Chart c : {Chart::kPlane, Chart::kScores}) {
    auto png = RenderChart(c, ChartFormat::kPng, fixtures::Full().scores);
    ASSERT_TRUE(png.ok());
    ASSERT_GT(png->size(), 24u);
    EXPECT_EQ(png->substr(0, 8), "\x89PNG\r\n\x1a\n");
    // IHDR width, big-endian at byte 16: twice the chart's size in points.
    auto be32 = [&](size_t at) {
      return (uint32_t(uint8_t((*png)[at])) << 24) | (uint32_t(uint8_t((*png)[at + 1])) << 16) |
             (uint32_t(uint8_t((*png)[at + 2])) << 8) | uint32_t(uint8_t((*png)[at + 3]));
    };
    EXPECT_EQ(be32(16), uint32_t(ChartSize(c).w * 2));
    EXPECT_EQ(be32(20), uint32_t(ChartSize(c).h * 2));
  }
}

TEST(RenderChart, SvgIsAnSvgDocument) {
  for (Chart c : {Chart::kPlane, Chart::kScores}) {
    auto svg = RenderChart(c, ChartFormat::kSvg, fixtures::Full().scores);
    ASSERT_TRUE(svg.ok());
    EXPECT_THAT(*svg, StartsWith("<?xml"));
    EXPECT_THAT(*svg, HasSubstr("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    EXPECT_THAT(*svg, HasSubstr("</svg>"));
  }
  // With no results the chart still draws, saying so.
  auto empty = RenderChart(Chart::kPlane, ChartFormat::kSvg, ScoreSeries{});
  ASSERT_TRUE(empty.ok());
  EXPECT_THAT(*empty, HasSubstr("</svg>"));
}

}  // namespace
}  // namespace securebase::report
