// The brief's model on hand-built inputs: which sections appear, what they say, and the
// parsing of ?sections= and ?since=.
#include "report/brief.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/test_inputs.h"

namespace securebase::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

using fixtures::Full;
using fixtures::kDay;
using fixtures::kNow;

std::vector<std::string> Headings(const Brief& b) {
  std::vector<std::string> out;
  for (const auto& s : b.sections) out.push_back(s.heading);
  return out;
}

std::string AllText(const BriefSection& s) {
  std::string out;
  for (const auto& l : s.lines) out += l + "\n";
  if (s.table) {
    for (const auto& row : s.table->rows)
      for (const auto& cell : row) out += cell + "|";
  }
  return out;
}

TEST(Brief, DefaultIncludesEverySectionWithData) {
  Brief b = BuildBrief(Full(), {});
  EXPECT_THAT(Headings(b), ElementsAre("Attachment over time", "Triggers and feelings",
                                       "What has helped me calm down", "Commitments kept",
                                       "Boundaries under pressure"));
  EXPECT_TRUE(b.left_out.empty());
  EXPECT_EQ(b.period, "Everything recorded up to 27 November 2026");
  ASSERT_FALSE(b.about.empty());
  EXPECT_THAT(b.about[0], HasSubstr("not a diagnosis"));
}

TEST(Brief, DefaultLeavesOutEmptySectionsWithANote) {
  BriefInputs in = Full();
  in.boundaries.clear();
  in.commitments = {{"Sam", 0, 0, 0}};
  Brief b = BuildBrief(in, {});
  EXPECT_THAT(Headings(b), ElementsAre("Attachment over time", "Triggers and feelings",
                                       "What has helped me calm down"));
  EXPECT_EQ(b.left_out,
            "Not included, because nothing was recorded in this period: commitments and boundary "
            "incidents.");
}

TEST(Brief, ChosenSectionsOnlyInTheBriefsOrder) {
  BriefOptions o;
  o.sections = {Section::kBoundaries, Section::kScores};
  Brief b = BuildBrief(Full(), o);
  EXPECT_THAT(Headings(b), ElementsAre("Attachment over time", "Boundaries under pressure"));
  EXPECT_TRUE(b.left_out.empty()) << "unchosen sections are not mentioned at all";
}

TEST(Brief, AChosenSectionWithoutDataSaysSo) {
  BriefInputs in = Full();
  in.scores.points.clear();
  in.change.reset();
  BriefOptions o;
  o.sections = {Section::kScores};
  Brief b = BuildBrief(in, o);
  ASSERT_EQ(b.sections.size(), 1u);
  EXPECT_FALSE(b.sections[0].has_data);
  EXPECT_FALSE(b.sections[0].charts);
  EXPECT_THAT(b.sections[0].lines, ElementsAre("No questionnaire was completed in this period."));
}

TEST(Brief, ScoresSayTheLatestRegionAndTheChange) {
  Brief b = BuildBrief(Full(), {});
  const auto& s = b.sections[0];
  EXPECT_TRUE(s.charts);
  std::string text = AllText(s);
  EXPECT_THAT(text, HasSubstr("3 questionnaire results (CRR), from 8 September 2026 to 25 "
                              "November 2026."));
  EXPECT_THAT(text, HasSubstr("anxiety 3.6 and avoidance 3.4 on a 1 to 7 scale"));
  EXPECT_THAT(text, HasSubstr("usually called Secure"));
  EXPECT_THAT(text, HasSubstr("First to latest on the CRR: Anxiety went down"));
  ASSERT_TRUE(s.table);
  EXPECT_EQ(s.table->rows.size(), 3u);
  EXPECT_THAT(s.table->rows[2], ElementsAre("25 November 2026", "CRR", "3.6", "3.4"));
}

TEST(Brief, ScoresTableKeepsTheNewestEight) {
  BriefInputs in = Full();
  in.scores.points.clear();
  for (int i = 0; i < 12; ++i)
    in.scores.points.push_back({i + 1, {kNow.utc_ms - (12 - i) * 7 * kDay, 0}, "CRR", 4, 4});
  Brief b = BuildBrief(in, {});
  EXPECT_EQ(b.sections[0].table->rows.size(), 8u);
  EXPECT_EQ(b.scores.points.size(), 12u) << "the charts still get every point";
}

TEST(Brief, PatternsListTriggersFeelingsAndPeople) {
  Brief b = BuildBrief(Full(), {});
  std::string text = AllText(b.sections[1]);
  EXPECT_THAT(text,
              HasSubstr("6 reflections written, from 10 September 2026 to 25 November 2026."));
  EXPECT_THAT(text, HasSubstr("late reply (4) and criticism (2)"));
  EXPECT_THAT(text, HasSubstr("anxious (5, strength 6.4 of 10)"));
  EXPECT_THAT(text, HasSubstr("toward the other person (reach out, seek reassurance) 3 times"));
  EXPECT_THAT(b.sections[1].table->rows[0],
              ElementsAre("Alex Morgan", "4", "late reply (3)", "anxious (3)"));
}

TEST(Brief, TooFewReflectionsSayNoPatternsYet) {
  BriefInputs in = Full();
  in.patterns = {};
  in.patterns.entries = 2;
  in.patterns.first_date = "2026-11-01";
  in.patterns.last_date = "2026-11-02";
  Brief b = BuildBrief(in, {});
  EXPECT_THAT(AllText(b.sections[1]), HasSubstr("Patterns need at least 3 reflections"));
  EXPECT_FALSE(b.sections[1].table);
}

TEST(Brief, RegulationShowsTheChangeWithItsRange) {
  Brief b = BuildBrief(Full(), {});
  const auto& s = b.sections[2];
  EXPECT_THAT(AllText(s), HasSubstr("4 calming practices recorded."));
  EXPECT_THAT(AllText(s), HasSubstr("Most helpful so far: Cyclic sighing. Over 4 rated times my "
                                    "distress changed by -2.5 points on average (likely between "
                                    "-3.4 and -1.6)."));
  EXPECT_THAT(s.table->rows[0],
              ElementsAre("Cyclic sighing", "4", "-2.5 (-3.4 to -1.6)", "75%", "0%"));
}

TEST(Brief, CommitmentsCountRenegotiatedAsReliable) {
  Brief b = BuildBrief(Full(), {});
  const auto& s = b.sections[3];
  EXPECT_THAT(s.lines[0], HasSubstr("Of 9 promises I made that came due and were marked, 7 were "
                                    "kept and 1 renegotiated ahead of time (89% reliable); 1 was "
                                    "broken."));
  EXPECT_THAT(s.table->rows[0], ElementsAre("Alex Morgan", "5", "1", "1", "86%"));
  EXPECT_THAT(s.table->rows[1],
              ElementsAre("Myself / no one in particular", "2", "0", "0", "100%"));
}

TEST(Brief, BoundariesNameTheOneUnderMostPressure) {
  Brief b = BuildBrief(Full(), {});
  const auto& s = b.sections[4];
  EXPECT_THAT(AllText(s), HasSubstr("Under most pressure: \u201cNo calls after ten\u201d (with "
                                    "Alex Morgan)."));
  EXPECT_THAT(s.table->rows[0], ElementsAre("No calls after ten", "Alex Morgan", "1", "2", "0"));
}

TEST(Brief, PeriodNamesTheStart) {
  BriefInputs in = Full();
  in.since_ms = kNow.utc_ms - 87 * kDay - 12 * 3'600'000;  // 2026-09-01 00:00
  Brief b = BuildBrief(in, {});
  EXPECT_EQ(b.period, "From 1 September 2026 to 27 November 2026");
}

TEST(BriefOptions, ParsesSections) {
  auto s = ParseSections(" boundaries, scores ", "sections");
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(*s, ElementsAre(Section::kScores, Section::kBoundaries));
}

TEST(BriefOptions, RejectsUnknownRepeatedAndEmptySections) {
  for (const char* bad : {"scores,moods", "scores,scores", "", " , "}) {
    auto s = ParseSections(bad, "sections");
    ASSERT_FALSE(s.ok()) << bad;
    ASSERT_EQ(s.status().fields().size(), 1u);
    EXPECT_EQ(s.status().fields()[0].field, "sections");
  }
  EXPECT_THAT(ParseSections("moods", "sections").status().fields()[0].message,
              HasSubstr("choose from scores, patterns, regulation, commitments, boundaries"));
}

TEST(BriefOptions, ParsesSinceAsLocalMidnight) {
  Instant now{kNow.utc_ms, 60};
  auto ms = ParseSince("2026-09-01", "since", now);
  ASSERT_TRUE(ms.ok());
  EXPECT_EQ(*ms, 1'788'217'200'000);  // 2026-08-31 23:00 UTC
  EXPECT_FALSE(ParseSince("2026-02-30", "since", now).ok());
  EXPECT_FALSE(ParseSince("yesterday", "since", now).ok());
  auto future = ParseSince("2027-01-01", "since", now);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.status().fields()[0].field, "since");
}

TEST(BriefOptions, Initials) {
  EXPECT_EQ(Initials("Alex Morgan"), "A. M.");
  EXPECT_EQ(Initials("sam"), "S.");
  EXPECT_EQ(Initials("  Émile  Zola "), "É. Z.");
  EXPECT_EQ(Initials(""), "");
}

}  // namespace
}  // namespace securebase::report
