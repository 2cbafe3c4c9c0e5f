#include "portability/parsers.h"

#include <gtest/gtest.h>

#include "portability/csv.h"

namespace securebase::portability {
namespace {

TEST(Csv, QuotedFieldsSpanLinesAndFormulasAreGuarded) {
  auto r = ParseCsv(
      "\xEF\xBB\xBF"
      "a,b\r\n\"x, \"\"y\"\"\nz\",2\n\n3,\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1].fields[0], "x, \"y\"\nz");
  EXPECT_EQ((*r)[2].line, 5);
  EXPECT_EQ((*r)[2].fields[1], "");
  EXPECT_FALSE(ParseCsv("a,\"b\n").ok());
  EXPECT_FALSE(ParseCsv("\"a\"b\n").ok());
  std::string out;
  AppendCsvField(out, "=SUM(A1)");
  AppendCsvField(out, "-12.5");
  EXPECT_EQ(out, "\"'=SUM(A1)\"-12.5");
}

TEST(DateTime, FormsPeopleWrite) {
  int64_t ms;
  int off;
  ASSERT_TRUE(ParseLocalDateTime("2024-03-01", "20:15", 60, &ms, &off));
  EXPECT_EQ(ms, 1709320500000);  // 19:15 UTC
  EXPECT_EQ(off, 60);
  ASSERT_TRUE(ParseLocalDateTime("2024-03-01", "8:15 pm", 0, &ms, &off));
  EXPECT_EQ(ms, 1709324100000);
  ASSERT_TRUE(ParseLocalDateTime("2024-03-01T20:15:00+02:00", "", 0, &ms, &off));
  EXPECT_EQ(off, 120);
  EXPECT_EQ(ms, 1709324100000 - 7200000);
  ASSERT_TRUE(ParseLocalDateTime("2024-03-01", "", 0, &ms, &off));  // midday
  EXPECT_EQ(ms, 1709294400000);
  EXPECT_FALSE(ParseLocalDateTime("2023-02-29", "", 0, &ms, &off));
  EXPECT_FALSE(ParseLocalDateTime("01/03/2024", "", 0, &ms, &off));
  EXPECT_FALSE(ParseLocalDateTime("2024-03-01", "25:00", 0, &ms, &off));
}

constexpr char kDaylio[] =
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2024-03-02,March 2,Saturday,8:30 pm,good,friends | walk,Park,\"Long talk<br>with Sam\"\n"
    "2024-03-01,March 1,Friday,07:05,meh,,,\n"
    "not a date,x,y,z,rad,,,\n"
    "2024-03-03,March 3,Sunday,10:00,,,,\n";

TEST(Daylio, EntriesBecomeCheckinsAndBadLinesAreNamed) {
  auto in = ParseDaylioCsv(kDaylio, 0);
  ASSERT_TRUE(in.ok()) << in.status().message();
  ASSERT_EQ(in->rows.size(), 2u);
  EXPECT_EQ(in->rows[0].kind->name, "checkins");
  EXPECT_EQ(in->rows[0].values.at("note").as_string(),
            "Mood: good\nActivities: friends, walk\nPark\nLong talk\nwith Sam");
  EXPECT_EQ(in->rows[1].values.at("note").as_string(), "Mood: meh");
  ASSERT_EQ(in->unreadable.size(), 2u);
  EXPECT_EQ(in->unreadable[0].where, "line 4");
  EXPECT_EQ(in->unreadable[1].reason, "mood is empty");
  EXPECT_NE(in->rows[0].source_key, in->rows[1].source_key);
  EXPECT_FALSE(ParseDaylioCsv("a,b\n1,2\n", 0).ok());
}

TEST(Jrnl, EntriesBecomeReflections) {
  auto in = ParseJrnlJson(R"({"tags":{"@work":1},"entries":[
    {"date":"2021-01-31","time":"09:00","title":"Hard meeting.","body":"I went quiet.","tags":["@work"],"starred":false},
    {"date":"yesterday","time":"","title":"x","body":""},
    {"date":"2021-02-01","time":"10:00","title":"","body":""}]})",
                          0);
  ASSERT_TRUE(in.ok());
  ASSERT_EQ(in->rows.size(), 1u);
  EXPECT_EQ(in->rows[0].values.at("situation").as_string(), "Hard meeting.\n\nI went quiet.");
  EXPECT_EQ(in->rows[0].values.at("tags").as_string(), "work");
  EXPECT_EQ(in->unreadable.size(), 2u);
  EXPECT_FALSE(ParseJrnlJson("[]", 0).ok());
  EXPECT_FALSE(ParseJrnlJson("{", 0).ok());
}

TEST(MappedCsv, MappingIsCheckedAndFollowed) {
  EXPECT_FALSE(ParseCsvMapping("date=When", "reflections").ok());                // no text
  EXPECT_FALSE(ParseCsvMapping("date=When,text=T,mood=M", "reflections").ok());  // unknown
  EXPECT_FALSE(ParseCsvMapping("date=When,text=T,tags=X", "checkins").ok());
  EXPECT_FALSE(ParseCsvMapping("date=When,text=T", "bids").ok());
  auto m = ParseCsvMapping("date=When,text=Entry,tags=Tags", "reflections");
  ASSERT_TRUE(m.ok());
  auto missing = ParseMappedCsv("Day,Entry\n2024-01-01,hi\n", *m, 0);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no column \"When\""), std::string::npos);
  auto in =
      ParseMappedCsv("When,Entry,Tags\n2024-01-01 09:30,Felt calm,a;b\n2024-13-01,x,\n", *m, 0);
  ASSERT_TRUE(in.ok());
  ASSERT_EQ(in->rows.size(), 1u);
  EXPECT_EQ(in->rows[0].values.at("tags").as_string(), "a\nb");
  ASSERT_EQ(in->unreadable.size(), 1u);
  EXPECT_EQ(in->unreadable[0].where, "line 3");
}

}  // namespace
}  // namespace securebase::portability
