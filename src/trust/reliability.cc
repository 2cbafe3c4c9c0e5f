#include "trust/reliability.h"

#include <algorithm>
#include <set>

namespace securebase::trust {
namespace {

// Outcomes by (commitment, day): a sorted vector searched by binary search. Building it is
// a copy (the store already returns outcomes in this order), far cheaper than a tree of
// nodes; each route builds several of these per request.
class OutcomeLookup {
 public:
  explicit OutcomeLookup(const std::vector<OccurrenceOutcome>& outcomes) {
    rows_.reserve(outcomes.size());
    for (const auto& o : outcomes) rows_.push_back({o.commitment_id, o.day, o.outcome});
    auto less = [](const Row& a, const Row& b) {
      return a.id != b.id ? a.id < b.id : a.day < b.day;
    };
    if (!std::is_sorted(rows_.begin(), rows_.end(), less)) {
      std::stable_sort(rows_.begin(), rows_.end(), less);
    }
  }
  // kOpen when nothing was recorded (the last one recorded wins for duplicates).
  Outcome Get(int64_t id, int64_t day) const {
    auto it = std::upper_bound(rows_.begin(), rows_.end(), std::pair(id, day),
                               [](const std::pair<int64_t, int64_t>& k, const Row& r) {
                                 return k.first != r.id ? k.first < r.id : k.second < r.day;
                               });
    if (it == rows_.begin()) return Outcome::kOpen;
    --it;
    return it->id == id && it->day == day ? it->outcome : Outcome::kOpen;
  }
  bool Has(int64_t id, int64_t day) const { return Get(id, day) != Outcome::kOpen; }

 private:
  struct Row {
    int64_t id, day;
    Outcome outcome;
  };
  std::vector<Row> rows_;
};

OutcomeLookup Index(const std::vector<OccurrenceOutcome>& outcomes) {
  return OutcomeLookup(outcomes);
}

// Due days of `c` in [from, to]; an undated commitment falls on its creation day.
std::vector<int64_t> Days(const Commitment& c, int64_t from, int64_t to) {
  if (!c.due_day) {
    int64_t d = UndatedDay(c);
    return d >= from && d <= to ? std::vector<int64_t>{d} : std::vector<int64_t>{};
  }
  return DueDays(*c.due_day, c.repeat, c.until_day, from, to);
}

void Count(Tally& t, Outcome o, bool past) {
  switch (o) {
    case Outcome::kKept:
      ++t.kept;
      break;
    case Outcome::kRenegotiated:
      ++t.renegotiated;
      break;
    case Outcome::kBroken:
      ++t.broken;
      break;
    case Outcome::kOpen:
      if (past) ++t.open_past;
      break;
  }
}

void Finish(Windows& w, const Tally& previous30) {
  auto now = w.last30.Reliability();
  auto before = previous30.Reliability();
  if (now && before) w.trend = *now - *before;
}

}  // namespace

ReliabilityReport ComputeReliability(const std::vector<Commitment>& commitments,
                                     const std::vector<OccurrenceOutcome>& outcomes,
                                     Direction direction, int64_t today) {
  auto index = Index(outcomes);
  ReliabilityReport report;
  Tally prev_all;
  std::map<std::optional<int64_t>, Tally> prev_by;
  for (const auto& c : commitments) {
    if (c.direction != direction) continue;
    Windows& per = report.by_person[c.person_id];
    Tally& prev = prev_by[c.person_id];
    for (int64_t d : Days(c, today - 364, today)) {
      Outcome o = index.Get(c.id, d);
      bool past = d < today;
      int64_t age = today - d;
      for (Windows* w : {&report.overall, &per}) {
        Count(w->last365, o, past);
        if (age < 90) Count(w->last90, o, past);
        if (age < 30) Count(w->last30, o, past);
      }
      if (age >= 30 && age < 60) {
        Count(prev_all, o, past);
        Count(prev, o, past);
      }
    }
  }
  Finish(report.overall, prev_all);
  for (auto& [person, w] : report.by_person) Finish(w, prev_by[person]);
  return report;
}

std::vector<TrendPoint> ReliabilityTrend(const std::vector<Commitment>& commitments,
                                         const std::vector<OccurrenceOutcome>& outcomes,
                                         Direction direction,
                                         std::optional<std::optional<int64_t>> person,
                                         int64_t today, int buckets, int days_per_bucket) {
  std::vector<TrendPoint> points(std::max(buckets, 0));
  if (points.empty() || days_per_bucket < 1) return {};
  int64_t first = today - int64_t(buckets) * days_per_bucket + 1;
  for (int i = 0; i < buckets; ++i) {
    points[i].first_day = first + int64_t(i) * days_per_bucket;
    points[i].last_day = points[i].first_day + days_per_bucket - 1;
  }
  auto index = Index(outcomes);
  for (const auto& c : commitments) {
    if (c.direction != direction) continue;
    if (person && *person != c.person_id) continue;
    for (int64_t d : Days(c, first, today)) {
      Outcome o = index.Get(c.id, d);
      Count(points[(d - first) / days_per_bucket].tally, o, d < today);
    }
  }
  return points;
}

int Streak(const Commitment& c, const std::vector<OccurrenceOutcome>& outcomes, int64_t today) {
  if (!c.due_day || c.repeat.kind == RepeatKind::kNone) return 0;
  auto index = Index(outcomes);
  auto days = DueDays(*c.due_day, c.repeat, c.until_day, *c.due_day, today);
  int streak = 0;
  for (auto it = days.rbegin(); it != days.rend(); ++it) {
    Outcome o = index.Get(c.id, *it);
    if (o == Outcome::kOpen && *it == today) continue;
    if (o != Outcome::kKept && o != Outcome::kRenegotiated) break;
    ++streak;
  }
  return streak;
}

std::vector<DueItem> DueAndOverdue(const std::vector<Commitment>& commitments,
                                   const std::vector<OccurrenceOutcome>& outcomes, int64_t today,
                                   int lookback_days, Direction direction) {
  auto index = Index(outcomes);
  std::vector<DueItem> out;
  for (const auto& c : commitments) {
    if (c.archived || c.direction != direction || !c.due_day) continue;
    for (int64_t d : DueDays(*c.due_day, c.repeat, c.until_day, today - lookback_days, today)) {
      if (index.Has(c.id, d)) continue;
      out.push_back({&c, d, d < today});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) {
    if (a.day != b.day) return a.day < b.day;
    return a.commitment->due_minutes.value_or(-1) < b.commitment->due_minutes.value_or(-1);
  });
  return out;
}

Result<int64_t> OccurrenceFor(const Commitment& c, std::optional<int64_t> day, int64_t today) {
  if (!c.due_day) {
    if (day && *day != UndatedDay(c))
      return Status::InvalidField("day", "this commitment has no date");
    return UndatedDay(c);
  }
  if (day) {
    if (DueDays(*c.due_day, c.repeat, c.until_day, *day, *day).empty())
      return Status::InvalidField("day", "is not a day this commitment falls due");
    return *day;
  }
  auto past = DueDays(*c.due_day, c.repeat, c.until_day, std::max(*c.due_day, today - 400), today);
  if (!past.empty()) return past.back();
  return *c.due_day;
}

}  // namespace securebase::trust
