// Runs the real binary: securebase assess score on temporary CSV files.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "platform/content.h"
#include "platform/embedded_file.h"
#include "understand/catalog.h"
#include "understand/scoring.h"
#include "understand/style.h"

namespace securebase {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Ran {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class AssessScoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/securebase-score-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return dir_ + "/" + name; }

  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name), std::ios::binary) << text;
  }
  std::string Read(const std::string& name) const {
    std::ifstream in(Path(name), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  // Runs `securebase assess score <args>` with the data and config folders in the temp dir.
  Ran Score(const std::string& args, const std::string& stdin_file = "") const {
    std::string cmd = fmt::format(
        "cd {0} && SECUREBASE_DB={0}/data/sb.db XDG_DATA_HOME={0}/data XDG_CONFIG_HOME={0}/config "
        "HOME={0} {1} assess score {2} <{3} >{0}/stdout.txt 2>{0}/stderr.txt",
        dir_, SECUREBASE_BINARY, args, stdin_file.empty() ? "/dev/null" : Path(stdin_file));
    int status = std::system(cmd.c_str());
    Ran r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Read("stdout.txt");
    r.err = Read("stderr.txt");
    return r;
  }

  std::string dir_;
};

std::string EcrHeader(const std::string& pattern = "ecrr_{:02d}") {
  std::string h = "id";
  for (int n = 1; n <= 36; ++n) h += "," + fmt::format(fmt::runtime(pattern), n);
  return h + "\n";
}

// A row of 36 answers, all `value` except where `changes` says otherwise (item number, text).
std::string EcrRow(const std::string& id, int value,
                   std::vector<std::pair<int, std::string>> changes = {}) {
  std::string row = id;
  for (int n = 1; n <= 36; ++n) {
    std::string cell = std::to_string(value);
    for (auto& [item, text] : changes) {
      if (item == n) cell = text;
    }
    row += "," + cell;
  }
  return row + "\n";
}

constexpr const char* kOutHeader = "id,anxiety,avoidance,style,error\n";

TEST_F(AssessScoreTest, ScoresAFileToStandardOutput) {
  Write("in.csv", EcrHeader() + EcrRow("a", 4) + EcrRow("b", 1) + EcrRow("c", 4, {{5, ""}}));
  Ran r = Score("--instrument ecr-r --input in.csv");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, std::string(kOutHeader) +
                       "a,4.0000,4.0000,secure,\n"
                       "b,1.6667,5.0000,dismissing,\n"
                       "c,4.0000,4.0000,secure,\n");
}

TEST_F(AssessScoreTest, ReportsBadCellsAndExitsWithOne) {
  Write("in.csv", EcrHeader() + EcrRow("a", 4) + EcrRow("b", 4, {{5, "9"}}) + EcrRow("c", 7));
  Ran r = Score("--instrument ecr-r --input in.csv --output out.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("row 2, column ecrr_05: '9' is not a whole number from 1 to 7\n"));
  EXPECT_THAT(r.err, HasSubstr("1 of 3 rows could not be scored"));
  EXPECT_EQ(r.out, "");
  // All sevens: anxiety (16*7 + 2*1)/18 = 6.3333, avoidance (6*7 + 12*1)/18 = 3.
  EXPECT_EQ(Read("out.csv"), std::string(kOutHeader) +
                                 "a,4.0000,4.0000,secure,\n"
                                 "b,,,,column ecrr_05: '9' is not a whole number from 1 to 7\n"
                                 "c,6.3333,3.0000,preoccupied,\n");
}

TEST_F(AssessScoreTest, WritesJsonWithAPatternAndACut) {
  Write("in.csv", EcrHeader("Q{}") + EcrRow("a", 4));
  Ran r = Score(
      "--instrument ecr-r --input in.csv --output out.json --format json "
      "--column-pattern 'Q{n}' --cut 3.5");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Read("out.json"),
            "[\n{\"id\":\"a\",\"anxiety\":4.0000,\"avoidance\":4.0000,\"style\":\"fearful\","
            "\"error\":null}\n]\n");
}

TEST_F(AssessScoreTest, ScoresTheRqAndReadsStandardInput) {
  Write("rq.csv", "rq_secure,rq_preoccupied,rq_dismissing,rq_fearful\n7,1,1,1\n");
  Ran r = Score("--instrument rq --input -", "rq.csv");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "id,model_of_self,model_of_other,style,error\n1,6.0000,6.0000,secure,\n");
}

TEST_F(AssessScoreTest, ExplainsBadFlags) {
  Write("in.csv", EcrHeader() + EcrRow("a", 4));
  Ran r = Score("--instrument ecr-r --input in.csv --format xml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--format: 'xml' is not csv or json"));

  r = Score("--instrument ecr-r --input in.csv --column-pattern 'item'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--column-pattern: 'item' needs {n}"));

  r = Score("--instrument ecr-r --input nowhere.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("--input: cannot open 'nowhere.csv'"));

  r = Score("--instrument ecr-r --input in.csv --cut 9");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("--cut: 9 is outside ecr-r's scale, 1 to 7"));

  r = Score("--instrument nope --input in.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("--instrument: no questionnaire called 'nope'"));

  r = Score("--instrument ecr-r --input in.csv --output in.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("--output: is the input file"));
  EXPECT_EQ(Read("in.csv"), EcrHeader() + EcrRow("a", 4));

  r = Score("--input in.csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--instrument is required"));
}

TEST_F(AssessScoreTest, NamesTheMissingColumns) {
  Write("in.csv", EcrHeader("ecrr_{}") + EcrRow("a", 4));
  Ran r = Score("--instrument ecr-r --input in.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("the header has no column for 9 of the 36 items (ecrr_01, "));
  EXPECT_THAT(r.err, HasSubstr("expected one column per item: ecrr_01, ecrr_02"));
  EXPECT_THAT(r.err, HasSubstr("--column-pattern"));

  r = Score("--instrument ecr-r --input in.csv --output out.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(Path("out.csv")));  // no half-written result

  r = Score("--instrument ecr-r --input in.csv --column-pattern 'ecrr_{n}'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kOutHeader) + "a,4.0000,4.0000,secure,\n");

  r = Score("--instrument ecr-r --input in.csv --column-pattern 'ecrr_{n}' --id-column pid");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("no id column 'pid'"));
}

// Many random rows with blanks: every score must equal ScoringKey's, formatted by fmt.
TEST_F(AssessScoreTest, AgreesWithTheScoringKeyOnManyRows) {
  ContentLibrary content(embedded::ContentFiles(), "");
  auto catalog = understand::Catalog::Load(content);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  auto ecr = catalog->Find("ecr-r");
  ASSERT_TRUE(ecr.ok());
  understand::ScoringKey key(**ecr);

  std::mt19937 rng(11);
  std::string csv = EcrHeader();
  std::string expected = kOutHeader;
  for (int r = 0; r < 20000; ++r) {
    std::vector<int> answers(36);
    std::string row = fmt::format("r{}", r);
    for (int i = 0; i < 36; ++i) {
      bool blank = rng() % 100 < 8;
      answers[static_cast<size_t>(i)] =
          blank ? understand::kMissing : static_cast<int>(rng() % 7) + 1;
      row += blank ? "," : fmt::format(",{}", answers[static_cast<size_t>(i)]);
    }
    csv += row + (r % 3 == 0 ? "\r\n" : "\n");
    understand::Scores s = key.Score(answers);
    auto place = understand::Place(s, understand::ScoringRule::kMean, 4.0);
    expected +=
        fmt::format("r{},{},{},{},\n", r, s.anxiety ? fmt::format("{:.4f}", *s.anxiety) : "",
                    s.avoidance ? fmt::format("{:.4f}", *s.avoidance) : "",
                    place ? std::string(understand::StyleId(place->style)) : "");
  }
  Write("in.csv", csv);
  Ran r = Score("--instrument ecr-r --input in.csv --output out.csv");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Read("out.csv"), expected);
  EXPECT_THAT(r.err, Not(HasSubstr("scoring [")));  // no progress bar when stderr is a file
}

}  // namespace
}  // namespace securebase
