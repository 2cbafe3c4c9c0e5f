#include "understand/batch_scorer.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <random>

#include "platform/content.h"
#include "platform/embedded_file.h"
#include "understand/catalog.h"

namespace securebase::understand {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Six items on 1-7: anxiety q1 q2 q3 (q3 reversed), avoidance q4 q5 q6 (q6 reversed). With
// three items a subscale allows one missing answer (floor(3 * 0.34) = 1).
Instrument SmallInstrument() {
  Instrument ins;
  ins.id = "small";
  ins.name = "Small";
  ins.scale = {1, 7, {}};
  for (int n = 1; n <= 6; ++n) ins.items.push_back({fmt::format("q{}", n), n, ""});
  ins.subscales = {{"anxiety", {"q1", "q2", "q3"}, {"q3"}},
                   {"avoidance", {"q4", "q5", "q6"}, {"q6"}}};
  ins.rule = ScoringRule::kMean;
  ins.max_missing_fraction = 0.34;
  return ins;
}

Instrument RqInstrument() {
  Instrument ins;
  ins.id = "rq";
  ins.name = "RQ";
  ins.scale = {1, 7, {}};
  const char* dims[] = {"secure", "preoccupied", "dismissing", "fearful"};
  for (int n = 1; n <= 4; ++n) {
    std::string id = fmt::format("rq_{}", dims[n - 1]);
    ins.items.push_back({id, n, ""});
    ins.subscales.push_back({dims[n - 1], {id}, {}});
  }
  ins.rule = ScoringRule::kRq;
  return ins;
}

struct Outcome {
  Status status;
  std::string out;
  std::vector<std::string> problems;
  BatchSummary summary;
};

Outcome Score(const Instrument& ins, std::string_view csv, BatchOptions options = {},
              size_t max_read = SIZE_MAX) {
  Outcome o;
  auto scorer = BatchScorer::Create(ins, std::move(options));
  if (!scorer.ok()) {
    o.status = scorer.status();
    return o;
  }
  StringSource in(csv, max_read);
  StringSink sink(o.out);
  auto summary =
      scorer->Run(in, sink, [&](std::string_view line) { o.problems.emplace_back(line); });
  if (summary.ok()) {
    o.summary = *summary;
  } else {
    o.status = summary.status();
  }
  return o;
}

constexpr std::string_view kHeader = "id,q1,q2,q3,q4,q5,q6\n";
constexpr std::string_view kOutHeader = "id,anxiety,avoidance,style,error\n";

TEST(BatchScorer, ScoresAGoodFile) {
  std::string csv = std::string(kHeader) +
                    "p1,1,2,3,4,5,6\n"   // anxiety (1+2+5)/3, avoidance (4+5+2)/3
                    "p2,7,7,1,7,7,1\n"   // 7, 7
                    "p3,4,4,4,4,4,4\n"   // on the cut: low on both
                    "p4,7,6,2,1,1,7\n";  // anxiety 19/3 (6.3333), avoidance 1
  Outcome o = Score(SmallInstrument(), csv);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, std::string(kOutHeader) +
                       "p1,2.6667,3.6667,secure,\n"
                       "p2,7.0000,7.0000,fearful,\n"
                       "p3,4.0000,4.0000,secure,\n"
                       "p4,6.3333,1.0000,preoccupied,\n");
  EXPECT_EQ(o.summary.rows, 4u);
  EXPECT_EQ(o.summary.bad_rows, 0u);
  EXPECT_EQ(o.summary.bytes_read, csv.size());
  EXPECT_TRUE(o.problems.empty());
}

TEST(BatchScorer, CutPointMovesTheStyle) {
  std::string csv = std::string(kHeader) + "p1,1,2,3,4,5,6\n";
  BatchOptions options;
  options.cut = 3;
  Outcome o = Score(SmallInstrument(), csv, options);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, std::string(kOutHeader) + "p1,2.6667,3.6667,dismissing,\n");

  options.cut = 8;
  EXPECT_THAT(Score(SmallInstrument(), csv, options).status.message(),
              HasSubstr("the cut point 8 is outside the scale 1 to 7"));
}

TEST(BatchScorer, BadCellsAreReportedAndTheOtherRowsScored) {
  std::string csv = std::string(kHeader) +
                    "p1,1,2,3,4,5,6\n"
                    "p2,9,2,3,4,5,6\n"
                    "p3,1,x,3,4.5,5,6\n"
                    "p4,1,2,3,4,5,6\n"
                    "p5,0,2,3,4,5,-1\n";
  Outcome o = Score(SmallInstrument(), csv);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, std::string(kOutHeader) +
                       "p1,2.6667,3.6667,secure,\n"
                       "p2,,,,column q1: '9' is not a whole number from 1 to 7\n"
                       "p3,,,,column q2: 'x' is not a whole number from 1 to 7; column q4: "
                       "'4.5' is not a whole number from 1 to 7\n"
                       "p4,2.6667,3.6667,secure,\n"
                       "p5,,,,column q1: '0' is not a whole number from 1 to 7; column q6: "
                       "'-1' is not a whole number from 1 to 7\n");
  EXPECT_THAT(o.problems, ElementsAre("row 2, column q1: '9' is not a whole number from 1 to 7",
                                      "row 3, column q2: 'x' is not a whole number from 1 to 7",
                                      "row 3, column q4: '4.5' is not a whole number from 1 to 7",
                                      "row 5, column q1: '0' is not a whole number from 1 to 7",
                                      "row 5, column q6: '-1' is not a whole number from 1 to 7"));
  EXPECT_EQ(o.summary.rows, 5u);
  EXPECT_EQ(o.summary.bad_rows, 3u);
}

TEST(BatchScorer, ToleratesSpacesAndSignsAroundWholeNumbers) {
  std::string csv = std::string(kHeader) + "p1, 1,+2,3 ,04,5,6\n";
  Outcome o = Score(SmallInstrument(), csv);
  EXPECT_EQ(o.out, std::string(kOutHeader) + "p1,2.6667,3.6667,secure,\n");
}

TEST(BatchScorer, ShortensLongBadValuesInMessages) {
  std::string csv = std::string(kHeader) + "p1," + std::string(100, 'z') + ",2,3,4,5,6\n";
  Outcome o = Score(SmallInstrument(), csv);
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_EQ(o.problems[0], "row 1, column q1: '" + std::string(40, 'z') +
                               "...' is not a whole number from 1 to 7");
}

TEST(BatchScorer, BlankCellsAreMissingAndProrated) {
  std::string csv = std::string(kHeader) +
                    "p1,,2,3,4,5,6\n"       // anxiety prorated: (2+5)/2
                    "p2,,,3,4,5,6\n"        // anxiety has too few answers
                    "p3, ,2,3,,,\n"         // blank with a space; avoidance all missing
                    "p4,\"\",2,3,4,5,6\n";  // a quoted empty cell is blank too
  Outcome o = Score(SmallInstrument(), csv);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, std::string(kOutHeader) +
                       "p1,3.5000,3.6667,secure,\n"
                       "p2,,3.6667,,\n"
                       "p3,3.5000,,,\n"
                       "p4,3.5000,3.6667,secure,\n");
  EXPECT_EQ(o.summary.bad_rows, 0u);
  EXPECT_TRUE(o.problems.empty());
}

TEST(BatchScorer, HandlesQuotedFields) {
  std::string csv =
      "\"id\",\"q1\",q2,q3,q4,q5,\"q6\"\n"
      "\"Smith, J.\",\"1\",2,3,4,5,6\n"
      "\"say \"\"hi\"\"\",1,2,3,4,5,6\n"
      "\"two\nlines\",1,2,3,4,5,6\n"
      "plain,1,2,3,4,5,\"6\"\n";
  Outcome o = Score(SmallInstrument(), csv);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, std::string(kOutHeader) +
                       "\"Smith, J.\",2.6667,3.6667,secure,\n"
                       "\"say \"\"hi\"\"\",2.6667,3.6667,secure,\n"
                       "\"two\nlines\",2.6667,3.6667,secure,\n"
                       "plain,2.6667,3.6667,secure,\n");
  EXPECT_EQ(o.summary.rows, 4u);
}

TEST(BatchScorer, ReportsBrokenQuoting) {
  std::string csv = std::string(kHeader) +
                    "p1,\"1\"x,2,3,4,5,6\n"
                    "p2,1,2,3,4,5,6\n"
                    "p3,\"1,2,3,4,5,6\n";
  Outcome o = Score(SmallInstrument(), csv);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_THAT(o.problems, ElementsAre("row 1: field 2 has text after its closing quote",
                                      "row 3: a quote is never closed"));
  EXPECT_EQ(o.out, std::string(kOutHeader) +
                       "p1,,,,field 2 has text after its closing quote\n"
                       "p2,2.6667,3.6667,secure,\n"
                       "p3,,,,a quote is never closed\n");
  EXPECT_EQ(o.summary.bad_rows, 2u);
}

TEST(BatchScorer, AcceptsCrlfAndAMissingFinalLineEnd) {
  std::string csv =
      "id,q1,q2,q3,q4,q5,q6\r\n"
      "p1,1,2,3,4,5,6\r\n"
      "\"p\r\n2\",1,2,3,4,5,6\r\n"
      "p3,7,7,1,7,7,1";
  Outcome o = Score(SmallInstrument(), csv);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, std::string(kOutHeader) +
                       "p1,2.6667,3.6667,secure,\n"
                       "\"p\r\n2\",2.6667,3.6667,secure,\n"
                       "p3,7.0000,7.0000,fearful,\n");
}

TEST(BatchScorer, SkipsBlankLinesAndAByteOrderMark) {
  std::string csv = "\xEF\xBB\xBFid,q1,q2,q3,q4,q5,q6\n\np1,1,2,3,4,5,6\n\r\n\np2,1,2,3,4,5,6\n\n";
  Outcome o = Score(SmallInstrument(), csv);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, std::string(kOutHeader) +
                       "p1,2.6667,3.6667,secure,\n"
                       "p2,2.6667,3.6667,secure,\n");
  EXPECT_EQ(o.summary.rows, 2u);
}

TEST(BatchScorer, MapsColumnsWithAPattern) {
  Instrument ins = SmallInstrument();
  BatchOptions options;
  options.column_pattern = "Item_{n}";
  Outcome o =
      Score(ins, "Item_3,Item_1,Item_2,id,Item_4,Item_5,Item_6,extra\n3,1,2,p1,4,5,6,z\n", options);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, std::string(kOutHeader) + "p1,2.6667,3.6667,secure,\n");

  options.column_pattern = "ecr{nn}";
  o = Score(ins, "id,ecr01,ecr02,ecr03,ecr04,ecr05,ecr06\np1,1,2,3,4,5,6\n", options);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, std::string(kOutHeader) + "p1,2.6667,3.6667,secure,\n");

  auto columns = ColumnsFromPattern(ins, "x_{nn}_{n}");
  ASSERT_TRUE(columns.ok());
  EXPECT_EQ((*columns)[0], "x_01_1");
  EXPECT_THAT(ColumnsFromPattern(ins, "q").status().message(), HasSubstr("has no {n} or {nn}"));
  options.column_pattern = "same";
  EXPECT_FALSE(Score(ins, "", options).status.ok());
  options.column_pattern = "{n}x";
  options.id_column = "1x";
  EXPECT_THAT(Score(ins, "", options).status.message(),
              HasSubstr("the id column '1x' is also the column of item q1"));
}

TEST(BatchScorer, NamesTheMissingColumns) {
  Outcome o = Score(SmallInstrument(), "id,q1,q2,q4,q5\np1,1,2,4,5\n");
  EXPECT_EQ(o.status.code(), ErrorCode::kNotFound);
  EXPECT_THAT(o.status.message(),
              HasSubstr("the header has no column for 2 of the 6 items (q3, q6); expected one "
                        "column per item: q1, q2, q3, q4, q5, q6"));
  EXPECT_TRUE(o.out.empty());

  o = Score(SmallInstrument(), "id,q1,q2,q3,q4,q5,q6,q1\n");
  EXPECT_THAT(o.status.message(), HasSubstr("the header names column 'q1' twice"));

  o = Score(SmallInstrument(), "");
  EXPECT_THAT(o.status.message(), HasSubstr("the input is empty"));
}

TEST(BatchScorer, NumbersRowsWithoutAnIdColumn) {
  Outcome o = Score(SmallInstrument(), "q1,q2,q3,q4,q5,q6\n1,2,3,4,5,6\n7,7,1,7,7,1\n");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, std::string(kOutHeader) +
                       "1,2.6667,3.6667,secure,\n"
                       "2,7.0000,7.0000,fearful,\n");

  BatchOptions options;
  options.id_column = "pid";
  options.id_column_rule = IdColumn::kRequired;
  o = Score(SmallInstrument(), "q1,q2,q3,q4,q5,q6\n1,2,3,4,5,6\n", options);
  EXPECT_THAT(o.status.message(), HasSubstr("the header has no id column 'pid'"));

  options.id_column = "";  // no id column at all: rows are numbered even if "id" exists
  o = Score(SmallInstrument(), std::string(kHeader) + "p1,1,2,3,4,5,6\n", options);
  EXPECT_EQ(o.out, std::string(kOutHeader) + "1,2.6667,3.6667,secure,\n");
}

TEST(BatchScorer, ReportsRowsWithTheWrongNumberOfFields) {
  std::string csv = std::string(kHeader) +
                    "p1,1,2,3,4,5\n"
                    "p2,1,2,3,4,5,6,7\n"
                    "p3,1,2,3,4,5,6\n"
                    "\"\"\n";
  Outcome o = Score(SmallInstrument(), csv);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_THAT(o.problems, ElementsAre("row 1: has 6 fields, the header has 7",
                                      "row 2: has 8 fields, the header has 7",
                                      "row 4: has 1 fields, the header has 7"));
  EXPECT_EQ(o.out, std::string(kOutHeader) +
                       "p1,,,,\"has 6 fields, the header has 7\"\n"
                       "p2,,,,\"has 8 fields, the header has 7\"\n"
                       "p3,2.6667,3.6667,secure,\n"
                       ",,,,\"has 1 fields, the header has 7\"\n");
  EXPECT_EQ(o.summary.bad_rows, 3u);
}

TEST(BatchScorer, WritesJson) {
  BatchOptions options;
  options.format = OutputFormat::kJson;
  std::string csv = std::string(kHeader) +
                    "p1,1,2,3,4,5,6\n"
                    "\"a \"\"b\"\"\\c\",,,3,4,5,6\n"
                    "p3,9,2,3,4,5,6\n";
  Outcome o = Score(SmallInstrument(), csv, options);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out,
            "[\n"
            "{\"id\":\"p1\",\"anxiety\":2.6667,\"avoidance\":3.6667,\"style\":\"secure\","
            "\"error\":null},\n"
            "{\"id\":\"a \\\"b\\\"\\\\c\",\"anxiety\":null,\"avoidance\":3.6667,\"style\":null,"
            "\"error\":null},\n"
            "{\"id\":\"p3\",\"anxiety\":null,\"avoidance\":null,\"style\":null,\"error\":"
            "\"column q1: '9' is not a whole number from 1 to 7\"}\n"
            "]\n");
  boost::system::error_code ec;
  auto doc = boost::json::parse(o.out, ec);
  ASSERT_FALSE(ec) << ec.message();
  ASSERT_EQ(doc.as_array().size(), 3u);
  EXPECT_DOUBLE_EQ(doc.as_array()[0].at("anxiety").as_double(), 2.6667);

  o = Score(SmallInstrument(), "q1,q2,q3,q4,q5,q6\n1,2,3,4,5,6\n", options);
  EXPECT_EQ(o.out,
            "[\n{\"id\":1,\"anxiety\":2.6667,\"avoidance\":3.6667,\"style\":\"secure\","
            "\"error\":null}\n]\n");

  o = Score(SmallInstrument(), kHeader, options);
  EXPECT_EQ(o.out, "[]\n");
}

TEST(BatchScorer, JsonStaysValidForAnyBytes) {
  BatchOptions options;
  options.format = OutputFormat::kJson;
  std::string csv = std::string(kHeader) + "caf\xE9\x01,1,2,3,4,5,6\n";
  Outcome o = Score(SmallInstrument(), csv, options);
  boost::system::error_code ec;
  auto doc = boost::json::parse(o.out, ec);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(doc.as_array()[0].at("id").as_string(), "caf\xC3\xA9\x01");
}

TEST(BatchScorer, ScoresTheRelationshipQuestionnaire) {
  std::string csv =
      "id,rq_secure,rq_preoccupied,rq_dismissing,rq_fearful\n"
      "a,7,1,1,1\n"   // self (7+1)-(1+1) = 6, other (7+1)-(1+1) = 6: secure
      "b,1,6,1,7\n"   // self (1+1)-(6+7) = -11, other (1+6)-(1+7) = -1: fearful
      "c,1,1,7,1\n";  // self (1+7)-(1+1) = 6, other (1+1)-(7+1) = -6: dismissing
  Outcome o = Score(RqInstrument(), csv);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out,
            "id,model_of_self,model_of_other,style,error\n"
            "a,6.0000,6.0000,secure,\n"
            "b,-11.0000,-1.0000,fearful,\n"
            "c,6.0000,-6.0000,dismissing,\n");
}

TEST(BatchScorer, ScoresTheShippedEcrRKey) {
  ContentLibrary content(embedded::ContentFiles(), "");
  auto catalog = Catalog::Load(content);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  auto ecr = catalog->Find("ecr-r");
  if (!ecr.ok()) GTEST_SKIP() << "ecr-r is not in content/instruments yet";
  std::string header = "id";
  for (int n = 1; n <= 36; ++n) header += fmt::format(",ecrr_{:02d}", n);
  std::string fours = "a", ones = "b";
  for (int n = 1; n <= 36; ++n) {
    fours += ",4";
    ones += ",1";
  }
  Outcome o = Score(**ecr, header + "\n" + fours + "\n" + ones + "\n");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  // All ones: anxiety has 2 reversed items of 18 -> (16 + 2*7)/18 = 1.6667; avoidance has
  // 12 of 18 reversed -> (6 + 12*7)/18 = 5.
  EXPECT_EQ(o.out, std::string(kOutHeader) +
                       "a,4.0000,4.0000,secure,\n"
                       "b,1.6667,5.0000,dismissing,\n");

  BatchOptions options;
  options.column_pattern = "Q{n}";
  std::string plain = "Q1";
  for (int n = 2; n <= 36; ++n) plain += fmt::format(",Q{}", n);
  o = Score(**ecr, plain + "\n" + fours.substr(2) + "\n", options);
  EXPECT_EQ(o.out, std::string(kOutHeader) + "1,4.0000,4.0000,secure,\n");
}

// A file with every kind of row, scored whole and through tiny reads: the output must not
// depend on where the reads cut the rows.
TEST(BatchScorer, RowsThatStraddleReadsScoreTheSame) {
  std::mt19937 rng(7);
  std::string csv = "\"id\",q1,q2,q3,q4,q5,q6\r\n";
  const char* cells[] = {"1", "2", "3", "4", "5", "6", "7", "", "\"5\"", "9", "x", " 4 "};
  for (int r = 0; r < 300; ++r) {
    switch (rng() % 6) {
      case 0:
        csv += fmt::format("\"id \"\"{}\"\",\r\nx\"", r);
        break;
      case 1:
        csv += fmt::format("p{}", r);
        break;
      default:
        csv += fmt::format("\"{}\"", r);
    }
    int fields = rng() % 20 == 0 ? 5 : 6;
    for (int c = 0; c < fields; ++c) csv += std::string(",") + cells[rng() % 12];
    csv += rng() % 2 ? "\r\n" : "\n";
  }
  Outcome whole = Score(SmallInstrument(), csv);
  ASSERT_TRUE(whole.status.ok()) << whole.status.message();
  EXPECT_EQ(whole.summary.rows, 300u);
  for (size_t read : {1, 2, 3, 5, 7, 13, 64}) {
    for (size_t write : {1, 7, 100}) {
      BatchOptions options;
      options.read_size = read;
      options.write_size = write;
      Outcome pieces = Score(SmallInstrument(), csv, options, read);
      ASSERT_TRUE(pieces.status.ok()) << pieces.status.message();
      EXPECT_EQ(pieces.out, whole.out) << "read " << read << ", write " << write;
      EXPECT_EQ(pieces.problems, whole.problems);
    }
  }
}

// Random bytes from the characters that matter to CSV: whatever the reads, the same output
// and the same problems, and never a crash.
TEST(BatchScorer, RandomBytesGiveTheSameResultWhateverTheReads) {
  std::mt19937 rng(3);
  const char alphabet[] = {',', '"', '\r', '\n', '1', '4', '9', 'a', ' ', '\0'};
  for (int round = 0; round < 50; ++round) {
    std::string csv = std::string(kHeader);
    size_t size = rng() % 400;
    for (size_t i = 0; i < size; ++i) csv += alphabet[rng() % sizeof(alphabet)];
    Outcome whole = Score(SmallInstrument(), csv);
    ASSERT_TRUE(whole.status.ok()) << whole.status.message();
    for (size_t read : {1, 2, 5}) {
      BatchOptions options;
      options.read_size = read;
      options.write_size = 3;
      Outcome pieces = Score(SmallInstrument(), csv, options, read);
      ASSERT_TRUE(pieces.status.ok()) << pieces.status.message();
      EXPECT_EQ(pieces.out, whole.out) << "round " << round << ", read " << read;
      EXPECT_EQ(pieces.problems, whole.problems);
    }
  }
}

TEST(BatchScorer, KeepsTheInputOrder) {
  std::string csv(kHeader);
  std::string expected(kOutHeader);
  for (int r = 0; r < 5000; ++r) {
    int a = r % 7 + 1;
    csv += fmt::format("id{},{},{},{},4,4,4\n", r, a, a, 8 - a);
    expected += fmt::format("id{},{}.0000,4.0000,{},\n", r, a, a > 4 ? "preoccupied" : "secure");
  }
  BatchOptions options;
  options.read_size = 4096;
  Outcome o = Score(SmallInstrument(), csv, options);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.out, expected);
}

TEST(BatchScorer, StopsOnARowLongerThanTheLimit) {
  BatchOptions options;
  options.read_size = 16;
  options.max_row_size = 100;
  std::string csv = std::string(kHeader) + "p1,1,2,3,4,5,6\n\"" + std::string(500, 'a');
  Outcome o = Score(SmallInstrument(), csv, options);
  EXPECT_THAT(o.status.message(),
              HasSubstr("row 2: a row is longer than 100 bytes; is a quote left open?"));
}

TEST(BatchScorer, ReportsProgressAndWriteFailures) {
  std::string csv = std::string(kHeader) + "p1,1,2,3,4,5,6\n";
  auto scorer = BatchScorer::Create(SmallInstrument(), {});
  ASSERT_TRUE(scorer.ok());
  StringSource in(csv, 10);
  std::string out;
  StringSink sink(out);
  std::vector<uint64_t> progress;
  auto summary = scorer->Run(in, sink, {}, [&](uint64_t bytes) { progress.push_back(bytes); });
  ASSERT_TRUE(summary.ok());
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), csv.size());
  EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));

  struct FailingSink : ByteSink {
    Status Write(std::string_view) override { return Status::Io("disk full"); }
  } failing;
  StringSource again(csv);
  EXPECT_EQ(scorer->Run(again, failing).status().message(), "disk full");
}

}  // namespace
}  // namespace securebase::understand
