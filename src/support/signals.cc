#include "support/signals.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "understand/change.h"

namespace securebase::support {
namespace {

constexpr int64_t kDayMs = 24LL * 60 * 60 * 1000;

std::string OneDecimal(double v) { return fmt::format("{:.1f}", v); }

}  // namespace

Signal DistressSignal(const std::vector<regulate::Session>& sessions, Instant now) {
  Signal s;
  s.id = "distress";
  s.title = "Distress before practices";
  s.link = "/regulate/helps";
  int64_t start = now.utc_ms - kSignalWindowDays * kDayMs;
  int64_t mid = now.utc_ms - 7 * kDayMs;
  int n = 0, high = 0, high_first = 0, high_second = 0;
  double total = 0;
  for (const auto& x : sessions) {
    int64_t at = x.started.utc_ms;
    if (at < start || at > now.utc_ms) continue;
    ++n;
    total += x.distress_before;
    if (x.distress_before >= kHighDistress) {
      ++high;
      ++(at < mid ? high_first : high_second);
    }
  }
  double mean = n ? total / n : 0;
  s.numbers = {{"practices", n},
               {"high_distress", high},
               {"average_before", std::round(mean * 10) / 10},
               {"high_week_1", high_first},
               {"high_week_2", high_second},
               {"threshold", kHighDistress},
               {"days", kSignalWindowDays}};
  s.enough_data = n >= 3;
  if (n == 0) {
    s.text = "No regulation practices in the last 14 days, so nothing to read here.";
    return s;
  }
  s.fired = n >= 3 && high * 2 >= n && high_first > 0 && high_second > 0;
  if (s.fired) {
    s.text = fmt::format(
        "In the last 14 days you rated your distress {} or more out of 10 before {} of your {} "
        "practices (average {} before), in both weeks. Feeling this stirred up for this long is "
        "a good reason to have someone on your side.",
        kHighDistress, high, n, OneDecimal(mean));
  } else {
    s.text = fmt::format(
        "In the last 14 days: {} {}, average distress {} out of 10 before, {} of them at {} or "
        "more.",
        n, n == 1 ? "practice" : "practices", OneDecimal(mean), high, kHighDistress);
  }
  return s;
}

Signal IntenseReflectionSignal(const std::vector<reflect::PatternRow>& rows, Instant now) {
  Signal s;
  s.id = "intense-reflections";
  s.title = "Intense reflections";
  s.link = "/reflect/patterns";
  int64_t start = now.utc_ms - kSignalWindowDays * kDayMs;
  int n = 0, intense = 0, strongest = 0;
  for (const auto& r : rows) {
    if (r.happened.utc_ms < start || r.happened.utc_ms > now.utc_ms) continue;
    ++n;
    int top = 0;
    for (const auto& e : r.emotions) top = std::max(top, e.intensity);
    strongest = std::max(strongest, top);
    if (top >= kIntenseEmotion) ++intense;
  }
  s.numbers = {{"reflections", n},
               {"intense", intense},
               {"strongest", strongest},
               {"threshold", kIntenseEmotion},
               {"days", kSignalWindowDays}};
  s.enough_data = n >= kMinIntenseReflections;
  if (n == 0) {
    s.text = "No reflections in the last 14 days, so nothing to read here.";
    return s;
  }
  s.fired = intense >= kMinIntenseReflections;
  s.text = fmt::format(
      "{} of your {} {} in the last 14 days had a feeling at {} or more out of 10{}", intense, n,
      n == 1 ? "reflection" : "reflections", kIntenseEmotion,
      s.fired ? ". That is a lot to feel, often; a therapist can help you hold it." : ".");
  return s;
}

Signal NoImprovementSignal(const std::vector<understand::Assessment>& complete_general,
                           const understand::Catalog& catalog) {
  Signal s;
  s.id = "no-improvement";
  s.title = "Change in your questionnaire results";
  s.link = "/history";
  std::map<std::string, std::vector<const understand::Assessment*>> by_instrument;
  for (const auto& a : complete_general) {
    if (a.about || a.status != understand::AssessmentStatus::kComplete || !a.completed) continue;
    if (!a.anxiety || !a.avoidance) continue;
    by_instrument[a.instrument].push_back(&a);
  }
  const std::vector<const understand::Assessment*>* most = nullptr;
  for (const auto& [id, list] : by_instrument) {
    if (!most || list.size() > most->size()) most = &list;
  }
  if (!most) {
    s.numbers = {{"assessments", 0}, {"needed", kMinAssessments}};
    s.text = fmt::format(
        "Take the questionnaire {} times, some weeks apart, to see whether things are moving.",
        kMinAssessments);
    return s;
  }
  auto list = *most;
  std::sort(list.begin(), list.end(),
            [](auto* a, auto* b) { return a->completed->utc_ms < b->completed->utc_ms; });
  const auto* first = list.front();
  const auto* last = list.back();
  int64_t span_days = (last->completed->utc_ms - first->completed->utc_ms) / kDayMs;
  auto instrument = catalog.Find(first->instrument);
  std::string name = instrument.ok() ? (*instrument)->short_name : first->instrument;
  s.numbers = {{"assessments", static_cast<double>(list.size())},
               {"weeks", static_cast<double>(span_days / 7)},
               {"anxiety_first", *first->anxiety},
               {"anxiety_latest", *last->anxiety},
               {"avoidance_first", *first->avoidance},
               {"avoidance_latest", *last->avoidance},
               {"needed", kMinAssessments}};
  s.enough_data =
      static_cast<int>(list.size()) >= kMinAssessments && span_days >= kMinAssessmentSpanDays;
  if (!s.enough_data || !instrument.ok()) {
    s.text = fmt::format(
        "{} {} result{} over {} weeks so far; {} or more over at least 6 weeks are "
        "needed to judge change.",
        list.size(), name, list.size() == 1 ? "" : "s", span_days / 7, kMinAssessments);
    s.enough_data = false;
    return s;
  }
  understand::Scores before{first->anxiety, first->avoidance, std::nullopt, std::nullopt};
  understand::Scores after{last->anxiety, last->avoidance, std::nullopt, std::nullopt};
  understand::Change change = understand::CompareScores(**instrument, before, after);
  std::string dims;
  for (const auto& d : change.dimensions) {
    if (d.threshold)
      s.numbers[d.dimension + "_reliable_change"] = std::round(*d.threshold * 100) / 100;
    if (d.rci) s.numbers[d.dimension + "_rci"] = std::round(*d.rci * 100) / 100;
    dims += fmt::format("{}{} {:.2f} → {:.2f}", dims.empty() ? "" : ", ", d.dimension, d.before,
                        d.after);
    if (d.threshold) dims += fmt::format(" (reliable from {:.2f})", *d.threshold);
  }
  using understand::Direction;
  switch (change.direction) {
    case Direction::kNoReliableChange:
      s.fired = true;
      s.text = fmt::format(
          "Your {} {} results over {} weeks show no reliable change yet: {}. "
          "Patterns that stay put on your own often move with a therapist's help.",
          list.size(), name, span_days / 7, dims);
      break;
    case Direction::kAwayFromSecurity:
      s.fired = true;
      s.text = fmt::format(
          "Your {} {} results over {} weeks moved away from security: {}. "
          "It could help to talk this through with a professional.",
          list.size(), name, span_days / 7, dims);
      break;
    case Direction::kTowardSecurity:
      s.text = fmt::format("Your {} {} results over {} weeks moved reliably toward security: {}.",
                           list.size(), name, span_days / 7, dims);
      break;
    default:
      s.text = fmt::format("Your {} {} results over {} weeks: {}. {}", list.size(), name,
                           span_days / 7, dims, change.summary);
  }
  return s;
}

Result<bool> SuggestionsEnabled(SettingsStore& settings, int64_t user_id) {
  TRY_ASSIGN(auto v, settings.Get(user_id, kSuggestionsSetting));
  return !(v && *v == "off");
}

Status SetSuggestionsEnabled(SettingsStore& settings, int64_t user_id, bool on) {
  return settings.Set(user_id, kSuggestionsSetting, on ? "on" : "off");
}

Result<SignalsView> GatherSignals(int64_t user_id, Instant now, SettingsStore& settings,
                                  regulate::SessionStore& sessions,
                                  reflect::ReflectionStore& reflections,
                                  understand::AssessmentStore& assessments,
                                  const understand::Catalog& catalog) {
  SignalsView view;
  TRY_ASSIGN(view.enabled, SuggestionsEnabled(settings, user_id));
  if (!view.enabled) return view;
  TRY_ASSIGN(auto all_sessions, sessions.All(user_id));
  TRY_ASSIGN(auto rows, reflections.PatternRows(user_id));
  understand::AssessmentFilter filter;
  filter.about = std::optional<int64_t>();
  filter.status = understand::AssessmentStatus::kComplete;
  std::vector<understand::Assessment> complete;
  understand::Page page;
  page.limit = 500;
  for (int guard = 0; guard < 20; ++guard) {
    TRY_ASSIGN(auto p, assessments.List(user_id, filter, page));
    for (auto& a : p.items) complete.push_back(std::move(a));
    if (p.next_cursor.empty()) break;
    page.cursor = p.next_cursor;
  }
  view.signals.push_back(DistressSignal(all_sessions, now));
  view.signals.push_back(IntenseReflectionSignal(rows, now));
  view.signals.push_back(NoImprovementSignal(complete, catalog));
  for (const auto& s : view.signals) view.fired += s.fired ? 1 : 0;
  return view;
}

}  // namespace securebase::support
