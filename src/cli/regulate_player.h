#pragma once
// The terminal player for a practice: phase words, a count and a paced bar drawn in place
// (raw keys: space pauses, q or Ctrl-C stops early), or, without a terminal, one line per
// phase. Time comes from the steady clock scaled by `speed` (tests run fast with a large
// speed); phase changes follow the schedule from the absolute start (regulate/schedule.h).
#include <cstdint>

#include "cli/context.h"
#include "regulate/practice.h"

namespace securebase::cli {

struct PlayResult {
  int64_t practiced_ms = 0;  // practice time done (pauses not counted)
  bool stopped_early = false;
};

// Plays `practice` on ctx's streams. REQUIRES: speed > 0.
PlayResult PlayPractice(Context& ctx, const regulate::Practice& practice, double speed);

// The paced bar's fill (0..1) for a breathing phase `fraction` of the way through: it grows
// while breathing in, stays full on a hold after breathing in, shrinks while breathing out,
// and stays empty on a hold after breathing out.
double BreathFill(const regulate::Practice& practice, int phase_index, double fraction);

}  // namespace securebase::cli
