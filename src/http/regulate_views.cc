#include "http/regulate_views.h"

#include "platform/clock.h"

namespace securebase::http {
namespace json = boost::json;
using namespace regulate;

namespace {
template <typename T>
json::value Opt(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object PracticeStatsJson(const PracticeStats& p) {
  return {{"practice", p.practice_id},
          {"name", p.practice_name},
          {"sessions", p.sessions},
          {"rated", p.rated},
          {"mean_change", Opt(p.mean_change)},
          {"ci_low", Opt(p.ci_low)},
          {"ci_high", Opt(p.ci_high)},
          {"stopped_early", p.stopped_early},
          {"stopped_early_rate", p.stopped_early_rate()},
          {"helped", p.helped_yes},
          {"ranked", p.ranked},
          {"rank", p.ranked ? json::value(p.rank) : json::value(nullptr)}};
}

json::object GroupJson(const StatsGroup& g) {
  json::array practices;
  for (const auto& p : g.practices) practices.push_back(PracticeStatsJson(p));
  return {{"energy", g.energy ? json::value(EnergyName(*g.energy)) : json::value(nullptr)},
          {"sessions", g.sessions},
          {"summary", SummarizeGroup(g)},
          {"practices", std::move(practices)}};
}
}  // namespace

json::object PracticeJson(const Practice& p, bool built_in) {
  json::object o{{"id", p.id},
                 {"name", p.name},
                 {"kind", PracticeKindName(p.kind)},
                 {"suits", SuitsName(p.suits)},
                 {"summary", p.summary},
                 {"intro", p.intro},
                 {"source", p.source},
                 {"duration_seconds", p.duration_seconds},
                 {"rounds", p.Rounds()},
                 {"total_ms", p.TotalMs()},
                 {"own", p.own},
                 {"built_in", built_in}};
  json::array phases;
  for (const auto& ph : p.phases) {
    phases.push_back({{"phase", PhaseKindName(ph.kind)}, {"seconds", ph.seconds}});
  }
  json::array steps;
  for (const auto& s : p.steps) steps.push_back({{"text", s.text}, {"seconds", s.seconds}});
  o["phases"] = std::move(phases);
  o["steps"] = std::move(steps);
  return o;
}

json::object SessionJson(const Session& s) {
  return {{"id", s.id},
          {"practice", s.practice_id},
          {"practice_name", s.practice_name},
          {"distress_before", s.distress_before},
          {"distress_after", Opt(s.distress_after)},
          {"change", Opt(s.Change())},
          {"energy", EnergyName(s.energy)},
          {"helped", s.helped ? json::value(HelpedName(*s.helped)) : json::value(nullptr)},
          {"stopped_early", s.stopped_early},
          {"planned_ms", s.planned_ms},
          {"practiced_ms", s.practiced_ms},
          {"person", Opt(s.person_id)},
          {"reflection", Opt(s.reflection_id)},
          {"started_at", Iso8601(s.started)},
          {"ended_at", Iso8601(s.ended)}};
}

json::object StatsJson(const Stats& stats) {
  return {{"min_sessions_to_rank", kMinSessionsToRank},
          {"all", GroupJson(stats.all)},
          {"high", GroupJson(stats.high)},
          {"low", GroupJson(stats.low)}};
}

json::object RecommendationJson(const Recommendation& r, bool built_in) {
  return {
      {"practice",
       r.practice ? json::value(PracticeJson(*r.practice, built_in)) : json::value(nullptr)},
      {"from_history", r.from_history},
      {"reason", r.reason},
      {"figures", r.figures ? json::value(PracticeStatsJson(*r.figures)) : json::value(nullptr)}};
}

}  // namespace securebase::http
