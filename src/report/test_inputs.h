#pragma once
// A full set of hand-built brief inputs for the model and rendering tests.
#include "report/brief.h"

namespace securebase::report::fixtures {

inline constexpr int64_t kDay = 86'400'000;
// 2026-11-27 12:00 UTC.
inline const Instant kNow{1'795'780'800'000, 0};

inline BriefInputs Full() {
  BriefInputs in;
  in.now = kNow;
  in.scores.points = {{1, {kNow.utc_ms - 80 * kDay, 0}, "CRR", 5.2, 4.6},
                      {2, {kNow.utc_ms - 40 * kDay, 0}, "CRR", 4.8, 4.1},
                      {3, {kNow.utc_ms - 2 * kDay, 0}, "CRR", 3.6, 3.4}};
  understand::Change c;
  c.direction = understand::Direction::kTowardSecurity;
  c.summary = "Anxiety went down by more than measurement noise.";
  in.change = c;
  in.change_instrument = "CRR";
  auto& p = in.patterns;
  p.entries = 6;
  p.first_date = "2026-09-10";
  p.last_date = "2026-11-25";
  p.triggers = {{"late reply", 4, 2, 4}, {"criticism", 2, 0, 1}};
  p.emotions = {{"anxious", 5, 6.4}, {"hurt", 2, 4.0}};
  p.activation = {3, 2, 1};
  reflect::PersonPatterns alex;
  alex.name = "Alex Morgan";
  alex.entries = 4;
  alex.triggers = {{"late reply", 3, 0, 0}};
  alex.emotions = {{"anxious", 3, 7}};
  p.people = {alex};
  regulate::PracticeStats sigh;
  sigh.practice_name = "Cyclic sighing";
  sigh.sessions = 4;
  sigh.rated = 4;
  sigh.helped_yes = 3;
  sigh.mean_change = -2.5;
  sigh.ci_low = -3.4;
  sigh.ci_high = -1.6;
  sigh.ranked = true;
  sigh.rank = 1;
  in.regulation.all.sessions = 4;
  in.regulation.all.practices = {sigh};
  in.commitments = {{"Alex Morgan", 5, 1, 1}, {"", 2, 0, 0}};
  in.boundaries = {{"No calls after ten", "Alex Morgan", 1, 2, 0}};
  return in;
}

}  // namespace securebase::report::fixtures
