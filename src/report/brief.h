#pragma once
// The brief for a first session with a therapist: what the person chose to bring, as plain
// data. Built from figures the features already compute (BuildBrief is pure, so tests feed
// it hand-made inputs); drawn to PDF by pdf_writer.h and to charts by chart.h.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.h"
#include "platform/result.h"
#include "reflect/patterns.h"
#include "regulate/stats.h"
#include "understand/change.h"

namespace securebase::report {

enum class Section { kScores, kPatterns, kRegulation, kCommitments, kBoundaries };
inline constexpr Section kAllSections[] = {Section::kScores, Section::kPatterns,
                                           Section::kRegulation, Section::kCommitments,
                                           Section::kBoundaries};

// "scores", "patterns", "regulation", "commitments", "boundaries": as typed on the command
// line and in ?sections=.
std::string_view SectionId(Section s);
std::optional<Section> ParseSection(std::string_view id);
// The heading printed in the PDF ("Attachment over time", ...).
std::string_view SectionHeading(Section s);
// One sentence: what the section contains (for the chooser on the web and in --help).
std::string_view SectionDescription(Section s);
// "scores, patterns, ..." for help and error messages.
std::string SectionChoices();

// How the person named the people in their life.
enum class Names { kFull, kInitials };

struct BriefOptions {
  // Empty: every section that has data (the others are listed in a note).
  std::vector<Section> sections;
  std::optional<int64_t> since_ms;  // empty: everything so far
  Names names = Names::kFull;
};

// Parses "scores,patterns" (spaces allowed, no repeats, at least one) for `field`;
// errors name the field and list the choices.
Result<std::vector<Section>> ParseSections(std::string_view text, const char* field);
// Parses "2026-09-01" (local midnight of that day at `offset_minutes`) for `field`;
// a date after `now` is an error too.
Result<int64_t> ParseSince(std::string_view text, const char* field, Instant now);

// "Alex Morgan" -> "A. M."; one word -> "A.".
std::string Initials(std::string_view name);

// One complete assessment with both dimensions, for the plane and the line chart.
struct ScorePoint {
  int64_t id = 0;
  Instant completed;
  std::string instrument;  // short name ("CRR")
  double anxiety = 0, avoidance = 0;
};

struct ScoreSeries {
  std::vector<ScorePoint> points;  // oldest first
  double cut = 4;
  double min = 1, max = 7;
};

// A small table; every row has header.size() cells. `numeric[i]`: right-align column i.
struct Table {
  std::vector<std::string> header;
  std::vector<bool> numeric;
  std::vector<std::vector<std::string>> rows;
};

struct BriefSection {
  Section id = Section::kScores;
  std::string heading;
  bool has_data = false;
  std::vector<std::string> lines;  // plain sentences, in order
  std::optional<Table> table;
  bool charts = false;  // the scores section draws the plane and the line chart
};

struct Brief {
  std::string title;
  std::string period;                  // "1 September 2026 to 27 November 2026"
  std::string made;                    // "Made on 27 November 2026"
  std::vector<std::string> about;      // what the numbers are and are not
  std::vector<BriefSection> sections;  // in the order of kAllSections
  std::string left_out;                // sections left out for lack of data (default choice only)
  ScoreSeries scores;
};

// Everything BuildBrief reads, already filtered to the period.
struct BriefInputs {
  Instant now;
  std::optional<int64_t> since_ms;
  ScoreSeries scores;
  std::optional<understand::Change> change;  // first vs last of one instrument, when comparable
  std::string change_instrument;             // its short name
  reflect::Patterns patterns;                // names already as the person chose
  regulate::Stats regulation;
  struct Promises {
    std::string person;  // "" = to myself / no one in particular
    int kept = 0, renegotiated = 0, broken = 0;
  };
  std::vector<Promises> commitments;  // per person, mine only; first = most settled
  struct BoundaryLine {
    std::string limit;
    std::string person;  // "" = everyone
    int held = 0, crossed_by_them = 0, crossed_by_me = 0;
  };
  std::vector<BoundaryLine> boundaries;  // most crossed first
};

Brief BuildBrief(const BriefInputs& in, const BriefOptions& options);

// "27 November 2026" in the instant's local time.
std::string LongDate(Instant t);

}  // namespace securebase::report
