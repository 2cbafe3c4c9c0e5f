#pragma once
// How reliable promises have been: per person and overall, over the last 30, 90 and 365
// days, kept, renegotiated and broken. Renegotiating counts as reliable: agreeing new
// terms before a promise lapses keeps trust. Plus streaks for repeating commitments and
// what is due today or overdue. Pure: works on commitments and outcomes already loaded.
#include <map>
#include <optional>
#include <vector>

#include "trust/commitment.h"

namespace securebase::trust {

struct Tally {
  int kept = 0, renegotiated = 0, broken = 0;
  int open_past = 0;  // fell due before today and nothing was recorded
  int settled() const { return kept + renegotiated + broken; }
  // (kept + renegotiated) / settled; empty when nothing is settled.
  std::optional<double> Reliability() const {
    if (settled() == 0) return std::nullopt;
    return double(kept + renegotiated) / settled();
  }
};

struct Windows {
  Tally last30, last90, last365;
  // Reliability in the last 30 days minus the 30 before; empty unless both have data.
  std::optional<double> trend;
};

struct ReliabilityReport {
  Windows overall;
  std::map<std::optional<int64_t>, Windows> by_person;  // nullopt: to myself
};

// Counts occurrences due in each window ending `today` (inclusive). `direction` chooses
// which promises: mine or those made to me.
ReliabilityReport ComputeReliability(const std::vector<Commitment>& commitments,
                                     const std::vector<OccurrenceOutcome>& outcomes,
                                     Direction direction, int64_t today);

// Reliability over time: `buckets` windows of `days_per_bucket` days each, oldest first,
// the last one ending `today`. `person` chooses whose promises (nullopt inside: to myself);
// an empty outer optional means everyone.
struct TrendPoint {
  int64_t first_day = 0, last_day = 0;
  Tally tally;
};
std::vector<TrendPoint> ReliabilityTrend(const std::vector<Commitment>& commitments,
                                         const std::vector<OccurrenceOutcome>& outcomes,
                                         Direction direction,
                                         std::optional<std::optional<int64_t>> person,
                                         int64_t today, int buckets = 12, int days_per_bucket = 30);

// Consecutive kept or renegotiated occurrences of `c` up to today, newest first; an open
// occurrence today does not end the streak.
int Streak(const Commitment& c, const std::vector<OccurrenceOutcome>& outcomes, int64_t today);

struct DueItem {
  const Commitment* commitment = nullptr;
  int64_t day = 0;
  bool overdue = false;
};
// Open occurrences due today, and overdue ones from the `lookback_days` before; overdue
// first (oldest first), then today's by time.
// `direction`: my promises (the default), or those made to me, to mark as they fall due.
std::vector<DueItem> DueAndOverdue(const std::vector<Commitment>& commitments,
                                   const std::vector<OccurrenceOutcome>& outcomes, int64_t today,
                                   int lookback_days = 30, Direction direction = Direction::kMine);

// The due day an outcome is for: `day` when given (NotFound-style InvalidArgument "day"
// unless it is one of c's due days); else the latest due day up to today, or the first
// one when none has come yet; an undated commitment uses UndatedDay.
Result<int64_t> OccurrenceFor(const Commitment& c, std::optional<int64_t> day, int64_t today);

}  // namespace securebase::trust
