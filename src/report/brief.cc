#include "report/brief.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "trust/civil.h"
#include "understand/style.h"

namespace securebase::report {
namespace {

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

// A short noun for the "left out" note; never the heading, so pdftotext checks for
// headings stay meaningful.
std::string_view SectionNoun(Section s) {
  switch (s) {
    case Section::kScores:
      return "questionnaire results";
    case Section::kPatterns:
      return "reflections";
    case Section::kRegulation:
      return "calming practices";
    case Section::kCommitments:
      return "commitments";
    case Section::kBoundaries:
      return "boundary incidents";
  }
  return "";
}

std::string_view EmptyHint(Section s) {
  switch (s) {
    case Section::kScores:
      return "No questionnaire was completed in this period.";
    case Section::kPatterns:
      return "No reflections were written in this period.";
    case Section::kRegulation:
      return "No calming practices were recorded in this period.";
    case Section::kCommitments:
      return "No commitments came due and were marked in this period.";
    case Section::kBoundaries:
      return "No boundary was recorded as held or crossed in this period.";
  }
  return "";
}

// "2026-09-10" -> "10 September 2026" (as it was, when it is not a date).
std::string DayText(const std::string& ymd) {
  auto day = trust::ParseDay(ymd);
  if (!day) return ymd;
  auto d = trust::FromDayNumber(*day);
  return fmt::format("{} {} {}", d.day, kMonths[d.month - 1], d.year);
}

std::string Score(double v) { return fmt::format("{:.1f}", v); }

std::string Signed(double v) {
  if (std::fabs(v) < 0.05) return "0.0";
  return fmt::format("{:+.1f}", v);
}

std::string Percent(int part, int whole) {
  if (whole == 0) return "-";
  return fmt::format("{:.0f}%", 100.0 * part / whole);
}

// "a, b and c".
std::string JoinAnd(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += (i + 1 == parts.size()) ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

std::string Plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

understand::Style StyleOf(double anxiety, double avoidance, double cut) {
  bool high_anx = anxiety > cut, high_avo = avoidance > cut;
  if (high_anx && high_avo) return understand::Style::kFearful;
  if (high_anx) return understand::Style::kPreoccupied;
  if (high_avo) return understand::Style::kDismissing;
  return understand::Style::kSecure;
}

BriefSection Scores(const BriefInputs& in) {
  BriefSection s;
  const auto& pts = in.scores.points;
  s.has_data = !pts.empty();
  if (!s.has_data) return s;
  s.charts = true;
  std::vector<std::string> names;
  for (const auto& p : pts) {
    if (std::find(names.begin(), names.end(), p.instrument) == names.end())
      names.push_back(p.instrument);
  }
  if (pts.size() == 1) {
    s.lines.push_back(fmt::format("One questionnaire result ({}), from {}.", JoinAnd(names),
                                  LongDate(pts.front().completed)));
  } else if (LongDate(pts.front().completed) == LongDate(pts.back().completed)) {
    s.lines.push_back(fmt::format("{} questionnaire results ({}), all on {}.", pts.size(),
                                  JoinAnd(names), LongDate(pts.back().completed)));
  } else {
    s.lines.push_back(fmt::format("{} questionnaire results ({}), from {} to {}.", pts.size(),
                                  JoinAnd(names), LongDate(pts.front().completed),
                                  LongDate(pts.back().completed)));
  }
  const ScorePoint& last = pts.back();
  s.lines.push_back(fmt::format(
      "Latest: anxiety {} and avoidance {} on a {:g} to {:g} scale. With the cut point at {:g}, "
      "that falls in the region usually called {}; the name is a label for an area of the "
      "plane, not a type of person.",
      Score(last.anxiety), Score(last.avoidance), in.scores.min, in.scores.max, in.scores.cut,
      understand::StyleName(StyleOf(last.anxiety, last.avoidance, in.scores.cut))));
  if (in.change) {
    s.lines.push_back(
        fmt::format("First to latest on the {}: {}", in.change_instrument, in.change->summary));
  } else if (pts.size() > 1) {
    s.lines.push_back(
        "Whether the change is more than measurement noise cannot be judged here (the results "
        "come from different questionnaires, or one has no reliability figures).");
  }
  Table t;
  t.header = {"Date", "Questionnaire", "Anxiety", "Avoidance"};
  t.numeric = {false, false, true, true};
  // The newest eight: a session needs the shape, the charts show the rest.
  size_t from = pts.size() > 8 ? pts.size() - 8 : 0;
  for (size_t i = from; i < pts.size(); ++i) {
    t.rows.push_back({LongDate(pts[i].completed), pts[i].instrument, Score(pts[i].anxiety),
                      Score(pts[i].avoidance)});
  }
  s.table = std::move(t);
  return s;
}

std::string CountList(const std::vector<reflect::TriggerStat>& v, size_t n) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < v.size() && i < n; ++i)
    parts.push_back(fmt::format("{} ({})", v[i].tag, v[i].entries));
  return parts.empty() ? "-" : JoinAnd(parts);
}

std::string CountList(const std::vector<reflect::EmotionStat>& v, size_t n) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < v.size() && i < n; ++i)
    parts.push_back(fmt::format("{} ({})", v[i].word, v[i].entries));
  return parts.empty() ? "-" : JoinAnd(parts);
}

BriefSection Patterns(const BriefInputs& in) {
  BriefSection s;
  const auto& p = in.patterns;
  s.has_data = p.entries > 0;
  if (!s.has_data) return s;
  s.lines.push_back(fmt::format("{} written, from {} to {}.",
                                Plural(p.entries, "reflection", "reflections"),
                                DayText(p.first_date), DayText(p.last_date)));
  if (!p.enough()) {
    s.lines.push_back(
        fmt::format("Patterns need at least {} reflections, so none are drawn from these yet.",
                    reflect::kMinEntries));
    return s;
  }
  if (!p.triggers.empty())
    s.lines.push_back("What set things off most often: " + CountList(p.triggers, 5) + ".");
  if (!p.emotions.empty()) {
    std::vector<std::string> parts;
    for (size_t i = 0; i < p.emotions.size() && i < 5; ++i) {
      parts.push_back(fmt::format("{} ({}, strength {:.1f} of 10)", p.emotions[i].word,
                                  p.emotions[i].entries, p.emotions[i].mean_intensity));
    }
    s.lines.push_back("Feelings named most: " + JoinAnd(parts) + ".");
  }
  const auto& a = p.activation;
  if (a.toward + a.away > 0) {
    s.lines.push_back(fmt::format(
        "The urge was to move toward the other person (reach out, seek reassurance) {}, and "
        "away (withdraw, go it alone) {}.",
        Plural(a.toward, "time", "times"), Plural(a.away, "time", "times")));
  }
  if (!p.people.empty()) {
    Table t;
    t.header = {"Person", "Reflections", "Triggers", "Feelings"};
    t.numeric = {false, true, false, false};
    for (const auto& pp : p.people) {
      t.rows.push_back({pp.name, std::to_string(pp.entries), CountList(pp.triggers, 3),
                        CountList(pp.emotions, 3)});
    }
    s.table = std::move(t);
  }
  return s;
}

std::string ChangeCell(const regulate::PracticeStats& ps) {
  if (!ps.mean_change) return "not rated";
  if (ps.ci_low && ps.ci_high)
    return fmt::format("{} ({} to {})", Signed(*ps.mean_change), Signed(*ps.ci_low),
                       Signed(*ps.ci_high));
  return Signed(*ps.mean_change);
}

BriefSection Regulation(const BriefInputs& in) {
  BriefSection s;
  const auto& all = in.regulation.all;
  s.has_data = all.sessions > 0;
  if (!s.has_data) return s;
  s.lines.push_back(fmt::format(
      "{} recorded. Distress was rated from 0 to 10 before and after; a negative change means "
      "it went down. The range in brackets is where the true average likely lies (95%).",
      Plural(all.sessions, "calming practice", "calming practices")));
  const regulate::PracticeStats* best = nullptr;
  for (const auto& ps : all.practices) {
    if (ps.ranked && ps.rank == 1 && ps.mean_change && *ps.mean_change < 0) best = &ps;
  }
  if (best) {
    std::string range;
    if (best->ci_low && best->ci_high)
      range =
          fmt::format(" (likely between {} and {})", Signed(*best->ci_low), Signed(*best->ci_high));
    s.lines.push_back(
        fmt::format("Most helpful so far: {}. Over {} rated times my distress changed by {} points "
                    "on average{}.",
                    best->practice_name, best->rated, Signed(*best->mean_change), range));
  } else {
    s.lines.push_back(fmt::format(
        "No practice has been rated before and after often enough to compare yet (each needs {}).",
        regulate::kMinSessionsToRank));
  }
  for (const auto* g : {&in.regulation.high, &in.regulation.low}) {
    if (g->sessions == 0 || g->practices.empty() || !g->practices.front().ranked) continue;
    const auto& best = g->practices.front();
    if (!best.mean_change || *best.mean_change >= 0) continue;
    s.lines.push_back(
        fmt::format("When starting {}: {} helped most (average change {}).",
                    *g->energy == regulate::Energy::kHigh ? "keyed up" : "flat or numb",
                    best.practice_name, Signed(*best.mean_change)));
  }
  Table t;
  t.header = {"Practice", "Times", "Average change", "Felt it helped", "Stopped early"};
  t.numeric = {false, true, true, true, true};
  for (const auto& ps : all.practices) {
    t.rows.push_back({ps.practice_name, std::to_string(ps.sessions), ChangeCell(ps),
                      Percent(ps.helped_yes, ps.sessions), Percent(ps.stopped_early, ps.sessions)});
  }
  s.table = std::move(t);
  return s;
}

BriefSection Commitments(const BriefInputs& in) {
  BriefSection s;
  int kept = 0, reneg = 0, broken = 0;
  for (const auto& c : in.commitments) {
    kept += c.kept;
    reneg += c.renegotiated;
    broken += c.broken;
  }
  int settled = kept + reneg + broken;
  s.has_data = settled > 0;
  if (!s.has_data) return s;
  auto were = [](int n) { return fmt::format("{} {}", n, n == 1 ? "was" : "were"); };
  s.lines.push_back(fmt::format(
      "Of {} I made that came due and were marked, {} kept and {} renegotiated ahead of time "
      "({} reliable); {} broken. Renegotiating counts as reliable: agreeing new terms in time "
      "keeps trust.",
      Plural(settled, "promise", "promises"), were(kept), reneg, Percent(kept + reneg, settled),
      were(broken)));
  Table t;
  t.header = {"With", "Kept", "Renegotiated", "Broken", "Reliable"};
  t.numeric = {false, true, true, true, true};
  for (const auto& c : in.commitments) {
    int n = c.kept + c.renegotiated + c.broken;
    if (n == 0) continue;
    t.rows.push_back({c.person.empty() ? "Myself / no one in particular" : c.person,
                      std::to_string(c.kept), std::to_string(c.renegotiated),
                      std::to_string(c.broken), Percent(c.kept + c.renegotiated, n)});
  }
  s.table = std::move(t);
  return s;
}

BriefSection Boundaries(const BriefInputs& in) {
  BriefSection s;
  int held = 0, them = 0, me = 0;
  for (const auto& b : in.boundaries) {
    held += b.held;
    them += b.crossed_by_them;
    me += b.crossed_by_me;
  }
  s.has_data = held + them + me > 0;
  if (!s.has_data) return s;
  s.lines.push_back(fmt::format("Boundaries were held {}; crossed by someone else {} and by me {}.",
                                Plural(held, "time", "times"), Plural(them, "time", "times"),
                                Plural(me, "time", "times")));
  const auto& top = in.boundaries.front();
  if (top.crossed_by_them + top.crossed_by_me > 0) {
    s.lines.push_back(fmt::format("Under most pressure: \u201c{}\u201d{}.", top.limit,
                                  top.person.empty() ? "" : " (with " + top.person + ")"));
  }
  Table t;
  t.header = {"Boundary", "With", "Held", "Crossed by them", "Crossed by me"};
  t.numeric = {false, false, true, true, true};
  for (const auto& b : in.boundaries) {
    if (b.held + b.crossed_by_them + b.crossed_by_me == 0) continue;
    t.rows.push_back({b.limit, b.person.empty() ? "Everyone" : b.person, std::to_string(b.held),
                      std::to_string(b.crossed_by_them), std::to_string(b.crossed_by_me)});
  }
  s.table = std::move(t);
  return s;
}

}  // namespace

std::string_view SectionId(Section s) {
  switch (s) {
    case Section::kScores:
      return "scores";
    case Section::kPatterns:
      return "patterns";
    case Section::kRegulation:
      return "regulation";
    case Section::kCommitments:
      return "commitments";
    case Section::kBoundaries:
      return "boundaries";
  }
  return "scores";
}

std::optional<Section> ParseSection(std::string_view id) {
  for (Section s : kAllSections) {
    if (SectionId(s) == id) return s;
  }
  return std::nullopt;
}

std::string_view SectionHeading(Section s) {
  switch (s) {
    case Section::kScores:
      return "Attachment over time";
    case Section::kPatterns:
      return "Triggers and feelings";
    case Section::kRegulation:
      return "What has helped me calm down";
    case Section::kCommitments:
      return "Commitments kept";
    case Section::kBoundaries:
      return "Boundaries under pressure";
  }
  return "";
}

std::string_view SectionDescription(Section s) {
  switch (s) {
    case Section::kScores:
      return "Questionnaire results on the anxiety and avoidance plane, with the dated trail "
             "and a line chart of both.";
    case Section::kPatterns:
      return "From reflections: what set things off most often, the feelings named, and with "
             "whom.";
    case Section::kRegulation:
      return "Calming practices: how much distress changed, on average, for each one.";
    case Section::kCommitments:
      return "Promises made that came due: kept, renegotiated or broken, per person.";
    case Section::kBoundaries:
      return "Boundaries held or crossed, most pressed first.";
  }
  return "";
}

std::string SectionChoices() {
  std::string out;
  for (Section s : kAllSections) {
    if (!out.empty()) out += ", ";
    out += SectionId(s);
  }
  return out;
}

Result<std::vector<Section>> ParseSections(std::string_view text, const char* field) {
  std::vector<Section> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view part = text.substr(pos, comma - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    pos = comma + 1;
    if (part.empty()) continue;
    auto s = ParseSection(part);
    if (!s) {
      return Status::InvalidField(field,
                                  fmt::format("unknown section \"{}\"; choose from {}",
                                              std::string(part.substr(0, 40)), SectionChoices()));
    }
    if (std::find(out.begin(), out.end(), *s) != out.end())
      return Status::InvalidField(field, fmt::format("\"{}\" is listed twice", SectionId(*s)));
    out.push_back(*s);
  }
  if (out.empty()) return Status::InvalidField(field, "choose at least one of " + SectionChoices());
  // Print in the brief's own order, whatever order they were typed in.
  std::sort(out.begin(), out.end());
  return out;
}

Result<int64_t> ParseSince(std::string_view text, const char* field, Instant now) {
  auto day = trust::ParseDay(std::string(text));
  if (!day) return Status::InvalidField(field, "must be a date like 2026-09-01");
  int64_t ms = *day * 86'400'000LL - int64_t(now.offset_minutes) * 60'000;
  if (ms > now.utc_ms) return Status::InvalidField(field, "must not be in the future");
  return ms;
}

std::string Initials(std::string_view name) {
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    if (i >= name.size()) break;
    // Keep a whole UTF-8 character.
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    if (!out.empty()) out += ' ';
    std::string first(name.substr(i, len));
    if (len == 1) first[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(first[0])));
    out += first + ".";
    while (i < name.size() && name[i] != ' ') ++i;
  }
  return out;
}

std::string LongDate(Instant t) {
  auto d = trust::FromDayNumber(trust::LocalDay(t.utc_ms, t.offset_minutes));
  return fmt::format("{} {} {}", d.day, kMonths[d.month - 1], d.year);
}

Brief BuildBrief(const BriefInputs& in, const BriefOptions& options) {
  Brief b;
  b.title = "A brief for my first session";
  b.made = "Made with SecureBase on " + LongDate(in.now);
  if (in.since_ms) {
    b.period = fmt::format("From {} to {}", LongDate(Instant{*in.since_ms, in.now.offset_minutes}),
                           LongDate(in.now));
  } else {
    b.period = "Everything recorded up to " + LongDate(in.now);
  }
  b.about = {
      "What these numbers are: my own entries in SecureBase, counted and averaged. They are "
      "notes to talk from, a companion to what I say in the session, not a diagnosis and not "
      "an assessment by a professional.",
      "Questionnaire scores are self-reports on two dimensions, anxiety and avoidance; people "
      "move on both over time. Small counts can change quickly, so please read them as "
      "starting points for conversation."};
  b.scores = in.scores;

  bool chosen_explicitly = !options.sections.empty();
  std::vector<std::string> left_out;
  for (Section id : kAllSections) {
    bool wanted = !chosen_explicitly || std::find(options.sections.begin(), options.sections.end(),
                                                  id) != options.sections.end();
    if (!wanted) continue;
    BriefSection s;
    switch (id) {
      case Section::kScores:
        s = Scores(in);
        break;
      case Section::kPatterns:
        s = Patterns(in);
        break;
      case Section::kRegulation:
        s = Regulation(in);
        break;
      case Section::kCommitments:
        s = Commitments(in);
        break;
      case Section::kBoundaries:
        s = Boundaries(in);
        break;
    }
    s.id = id;
    s.heading = std::string(SectionHeading(id));
    if (!s.has_data) {
      if (!chosen_explicitly) {
        left_out.emplace_back(SectionNoun(id));
        continue;
      }
      s.lines = {std::string(EmptyHint(id))};
      s.table.reset();
      s.charts = false;
    }
    b.sections.push_back(std::move(s));
  }
  if (!left_out.empty()) {
    b.left_out =
        "Not included, because nothing was recorded in this period: " + JoinAnd(left_out) + ".";
  }
  return b;
}

}  // namespace securebase::report
