#include "regulate/stats.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace securebase::regulate {

double TCritical95(int df) {
  // Two-sided 95% (0.975 quantile) for df 1..30, from the t table.
  static constexpr std::array<double, 30> kTable = {
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
      2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df < 1) df = 1;
  if (df <= 30) return kTable[static_cast<size_t>(df - 1)];
  // Cornish-Fisher expansion around the normal quantile; within 0.001 of the table beyond 30.
  const double z = 1.959964, n = df;
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n);
}

namespace {

struct Acc {
  PracticeStats stats;
  std::vector<double> changes;
};

void Finish(Acc& a) {
  PracticeStats& s = a.stats;
  s.rated = static_cast<int>(a.changes.size());
  if (a.changes.empty()) return;
  double sum = 0;
  for (double c : a.changes) sum += c;
  const double n = static_cast<double>(a.changes.size());
  const double mean = sum / n;
  s.mean_change = mean;
  if (a.changes.size() >= 2) {
    double ss = 0;
    for (double c : a.changes) ss += (c - mean) * (c - mean);
    const double sd = std::sqrt(ss / (n - 1));
    const double half = TCritical95(s.rated - 1) * sd / std::sqrt(n);
    s.ci_low = mean - half;
    s.ci_high = mean + half;
  }
  s.ranked = s.rated >= kMinSessionsToRank;
}

StatsGroup Group(const std::vector<Session>& sessions, std::optional<Energy> energy,
                 const std::map<std::string, std::string>& names) {
  StatsGroup g;
  g.energy = energy;
  std::map<std::string, Acc> by_practice;
  for (const auto& s : sessions) {
    if (energy && s.energy != *energy) continue;
    ++g.sessions;
    Acc& a = by_practice[s.practice_id];
    a.stats.practice_id = s.practice_id;
    auto name = names.find(s.practice_id);
    a.stats.practice_name = name != names.end() ? name->second : s.practice_name;
    ++a.stats.sessions;
    if (s.stopped_early) ++a.stats.stopped_early;
    if (s.helped && *s.helped != Helped::kNo) ++a.stats.helped_yes;
    if (auto c = s.Change()) a.changes.push_back(*c);
  }
  for (auto& [id, a] : by_practice) {
    Finish(a);
    g.practices.push_back(a.stats);
  }
  // Ranked first, most helpful (lowest mean change) first; then the rest by sessions.
  std::stable_sort(g.practices.begin(), g.practices.end(),
                   [](const PracticeStats& a, const PracticeStats& b) {
                     if (a.ranked != b.ranked) return a.ranked;
                     if (a.ranked) return *a.mean_change < *b.mean_change;
                     return a.sessions > b.sessions;
                   });
  int rank = 0;
  for (auto& p : g.practices) {
    if (p.ranked) p.rank = ++rank;
  }
  return g;
}

const Practice* FindPractice(const std::vector<Practice>& practices, const std::string& id) {
  for (const auto& p : practices) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::string Drop(double mean_change) {
  if (mean_change < 0) return fmt::format("went down by {:.1f} points on average", -mean_change);
  if (mean_change > 0) return fmt::format("went up by {:.1f} points on average", mean_change);
  return "stayed about the same on average";
}

}  // namespace

Stats ComputeStats(const std::vector<Session>& sessions, const std::vector<Practice>& practices) {
  std::map<std::string, std::string> names;
  for (const auto& p : practices) names[p.id] = p.name;
  Stats s;
  s.all = Group(sessions, std::nullopt, names);
  s.high = Group(sessions, Energy::kHigh, names);
  s.low = Group(sessions, Energy::kLow, names);
  return s;
}

std::string SummarizeGroup(const StatsGroup& group) {
  if (group.sessions == 0) return "No practices done yet.";
  const PracticeStats* best =
      group.practices.empty() || !group.practices[0].ranked ? nullptr : &group.practices[0];
  if (!best) {
    return fmt::format(
        "{} session{} so far. A practice is compared once it has {} sessions rated before and "
        "after.",
        group.sessions, group.sessions == 1 ? "" : "s", kMinSessionsToRank);
  }
  std::string text = fmt::format("{} helped most: over {} sessions your distress {}",
                                 best->practice_name, best->rated, Drop(*best->mean_change));
  if (best->ci_low && best->ci_high) {
    text += fmt::format(" (95% interval {:+.1f} to {:+.1f})", *best->ci_low, *best->ci_high);
  }
  text += ".";
  if (best->ci_high && *best->ci_high >= 0) {
    text += " The interval still includes no change, so more sessions will make this clearer.";
  }
  return text;
}

Recommendation Recommend(const Stats& stats, const std::vector<Practice>& practices, int distress,
                         Energy energy) {
  Recommendation r;
  const StatsGroup& g = energy == Energy::kHigh ? stats.high : stats.low;
  for (const auto& p : g.practices) {
    if (!p.ranked || *p.mean_change >= 0) continue;
    const Practice* found = FindPractice(practices, p.practice_id);
    if (!found) continue;
    r.practice = *found;
    r.from_history = true;
    r.figures = p;
    r.reason = fmt::format(
        "When your energy was {}, {} helped you most: over {} sessions your distress {}.",
        energy == Energy::kHigh ? "high" : "low", found->name, p.rated, Drop(*p.mean_change));
    return r;
  }
  const char* fallback = energy == Energy::kHigh ? "cyclic-sighing" : "grounding-54321";
  const Practice* pick = FindPractice(practices, fallback);
  for (size_t i = 0; !pick && i < practices.size(); ++i) {
    Suits want = energy == Energy::kHigh ? Suits::kHigh : Suits::kLow;
    if (practices[i].suits == want || practices[i].suits == Suits::kAny) pick = &practices[i];
  }
  if (!pick && !practices.empty()) pick = &practices[0];
  if (pick) r.practice = *pick;
  if (energy == Energy::kHigh) {
    r.reason = distress >= 7
                   ? "When the body is revved up, long slow breaths out are one of the quickest "
                     "ways to settle it."
                   : "Long slow breaths out help a keyed-up body settle.";
  } else {
    r.reason =
        "When things feel flat or far away, noticing what is around you through your "
        "senses helps you come back to the present.";
  }
  r.reason += fmt::format(
      " Once a practice has {} sessions in this state, SecureBase offers what has helped you "
      "most.",
      kMinSessionsToRank);
  return r;
}

}  // namespace securebase::regulate
