#pragma once
// What helps this person: per practice, how much the distress changed on average (with a
// 95% confidence interval from the t-distribution), how often it was stopped early, split
// by the energy they started with. And the practice to offer right now.
#include <optional>
#include <string>
#include <vector>

#include "regulate/practice.h"
#include "regulate/session.h"

namespace securebase::regulate {

// A practice is ranked only once it has this many sessions rated before and after.
inline constexpr int kMinSessionsToRank = 3;

// The two-sided 95% critical value of Student's t with `df` degrees of freedom (df >= 1).
double TCritical95(int df);

struct PracticeStats {
  std::string practice_id;
  std::string practice_name;
  int sessions = 0;  // every session of this practice in the group
  int rated = 0;     // with a rating after (the ones the mean uses)
  int stopped_early = 0;
  int helped_yes = 0;  // "yes" or "a little"
  // Mean of (after - before) over rated sessions: negative means the distress went down.
  std::optional<double> mean_change;
  std::optional<double> ci_low, ci_high;  // 95% interval of the mean (needs rated >= 2)
  bool ranked = false;                    // rated >= kMinSessionsToRank
  int rank = 0;                           // 1 = helped most; 0 when not ranked
  double stopped_early_rate() const { return sessions ? double(stopped_early) / sessions : 0; }
};

struct StatsGroup {
  std::optional<Energy> energy;  // empty: all sessions
  int sessions = 0;
  std::vector<PracticeStats> practices;  // ranked first (by rank), then by sessions
};

struct Stats {
  StatsGroup all;
  StatsGroup high, low;  // by the energy at the start
};

// Groups `sessions` by practice and energy. Names come from `practices` (a session's own
// name is used for practices that no longer exist).
Stats ComputeStats(const std::vector<Session>& sessions, const std::vector<Practice>& practices);

// A plain summary of a group for the person: the best practice with its figures, or what
// is still needed before anything can be said.
std::string SummarizeGroup(const StatsGroup& group);

struct Recommendation {
  std::optional<Practice> practice;      // empty only when there are no practices at all
  bool from_history = false;             // false: the default for this state
  std::string reason;                    // one or two plain sentences
  std::optional<PracticeStats> figures;  // when from history
};

// The practice that has helped most (largest drop in distress, ranked, a drop at all) in
// this energy state; otherwise a default: cyclic sighing for high energy, 5-4-3-2-1
// grounding for low.
Recommendation Recommend(const Stats& stats, const std::vector<Practice>& practices, int distress,
                         Energy energy);

}  // namespace securebase::regulate
