// The brief over HTTP: the JSON preview, the PDF download with its headers, the charts,
// and validation of ?sections=, ?since= and ?names= naming the parameter.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server_process.h"

namespace securebase::testing {
namespace {
namespace json = boost::json;

class ReportApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess();
    // One person, two results of the general questionnaire, a reflection and a commitment.
    auto alex = server_->Call("POST", "/api/v1/people",
                              R"({"name":"Alex Morgan","relationship":"partner"})");
    ASSERT_EQ(alex.status, 201) << alex.body;
    for (int value : {6, 3}) {
      json::object answers;
      for (int i = 1; i <= 30; ++i)
        answers[std::string("crr_g_") + (i < 10 ? "0" : "") + std::to_string(i)] = value;
      auto a = server_->Call("POST", "/api/v1/assessments",
                             R"({"instrument":"crr-general","answers":)" +
                                 json::serialize(answers) + R"(,"complete":true})");
      ASSERT_EQ(a.status, 201) << a.body;
    }
    auto c = server_->Call("POST", "/api/v1/commitments",
                           R"({"what":"Call back after work","person":1})");
    ASSERT_EQ(c.status, 201) << c.body;
    auto kept = server_->Call("POST", "/api/v1/commitments/1/outcomes", R"({"outcome":"kept"})");
    ASSERT_EQ(kept.status, 200) << kept.body;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_->port(), 0) << server_->Output(); }
  static ServerProcess* server_;
};
ServerProcess* ReportApiTest::server_ = nullptr;

std::string Fields(const std::string& body) {
  std::string out;
  auto v = ServerProcess::Parse(body);
  for (const auto& e : v.at("errors").as_array())
    out += std::string(e.at("field").as_string()) + ";";
  return out;
}

TEST_F(ReportApiTest, PreviewSaysWhichSectionsHaveData) {
  auto r = server_->Call("GET", "/api/v1/report/brief");
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = ServerProcess::Parse(r.body);
  std::string with_data;
  for (const auto& a : v.at("available").as_array()) {
    if (a.at("has_data").as_bool()) with_data += std::string(a.at("id").as_string()) + ",";
  }
  EXPECT_EQ(with_data, "scores,commitments,");
  ASSERT_EQ(v.at("sections").as_array().size(), 2u);
  EXPECT_EQ(v.at("sections").as_array()[0].at("heading"), "Attachment over time");
  EXPECT_EQ(v.at("results").as_int64(), 2);
  EXPECT_NE(std::string(v.at("left_out").as_string()).find("reflections"), std::string::npos);
}

TEST_F(ReportApiTest, PdfIsAnAttachment) {
  auto r = server_->Call("GET", "/api/v1/report/brief.pdf?sections=commitments&names=initials");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(r.Header("Content-Disposition").rfind("attachment; filename=\"securebase-brief-", 0),
            0u)
      << r.Header("Content-Disposition");
  ASSERT_EQ(r.body.rfind("%PDF-", 0), 0u);
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "poppler-utils (pdftotext) is not installed";
  auto dir = std::filesystem::temp_directory_path() / "sb_report_api";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "b.pdf", std::ios::binary) << r.body;
  ASSERT_EQ(std::system(
                ("pdftotext " + (dir / "b.pdf").string() + " " + (dir / "b.txt").string()).c_str()),
            0);
  std::ifstream in(dir / "b.txt");
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove_all(dir);
  EXPECT_NE(text.str().find("Commitments kept"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("A. M."), std::string::npos) << "initials, as asked";
  EXPECT_EQ(text.str().find("Alex"), std::string::npos);
  EXPECT_EQ(text.str().find("Attachment over time"), std::string::npos);
}

TEST_F(ReportApiTest, ChartsAsSvgAndPng) {
  auto svg = server_->Call("GET", "/api/v1/report/charts/plane.svg");
  ASSERT_EQ(svg.status, 200) << svg.body;
  EXPECT_EQ(svg.Header("Content-Type"), "image/svg+xml");
  EXPECT_NE(svg.body.find("<svg"), std::string::npos);
  auto png = server_->Call("GET", "/api/v1/report/charts/scores.png?since=2020-01-01");
  ASSERT_EQ(png.status, 200) << png.body;
  EXPECT_EQ(png.Header("Content-Type"), "image/png");
  EXPECT_EQ(png.body.substr(0, 8), "\x89PNG\r\n\x1a\n");
  auto missing = server_->Call("GET", "/api/v1/report/charts/moods.svg");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(server_->Call("GET", "/api/v1/report/charts/plane.gif").status, 404);
}

TEST_F(ReportApiTest, BadParametersAreNamed) {
  auto r = server_->Call(
      "GET", "/api/v1/report/brief.pdf?sections=scores,moods&since=2026-02-30&names=nick");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.Header("Content-Type").rfind("application/problem+json", 0), 0u);
  EXPECT_EQ(Fields(r.body), "sections;since;names;");
  auto future = server_->Call("GET", "/api/v1/report/brief?since=2999-01-01");
  ASSERT_EQ(future.status, 422);
  EXPECT_EQ(Fields(future.body), "since;");
  EXPECT_EQ(server_->Call("GET", "/api/v1/report/charts/plane.svg?since=soon").status, 422);
}

}  // namespace
}  // namespace securebase::testing
