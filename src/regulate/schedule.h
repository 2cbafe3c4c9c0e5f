#pragma once
// The player's timeline: a practice turned into timed phases, and where a run is at a given
// moment, with pauses and an early stop. Pure functions of times in milliseconds, so the
// terminal player, tests with a fake clock, and the web player (web/src/schedule.ts mirrors
// this file) all agree. Positions are computed from the absolute start time, never by
// adding up waits, so a late wake-up never shifts the phases that follow.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "regulate/practice.h"

namespace securebase::regulate {

struct TimedPhase {
  int round = 0;        // 0-based breathing cycle (0 for step practices)
  int index = 0;        // position within the cycle (phase) or the step number
  std::string label;    // "Breathe in", or the step's text
  bool breath = false;  // a breathing phase (the shape moves) rather than a written step
  PhaseKind kind = PhaseKind::kInhale;  // for breath phases
  int64_t start_ms = 0;                 // from the start of the practice
  int64_t duration_ms = 0;
  int64_t end_ms() const { return start_ms + duration_ms; }
};

struct Schedule {
  std::vector<TimedPhase> phases;
  int64_t total_ms = 0;
};

// Every phase of every round (breathing) or every step, back to back from 0.
Schedule BuildSchedule(const Practice& practice);

// Where a run is after `elapsed_ms` of practice time.
struct Position {
  int phase = -1;               // index into Schedule::phases; -1 once finished
  int64_t into_ms = 0;          // time spent in this phase
  int64_t left_ms = 0;          // time left in this phase
  int count = 0;                // whole seconds left in the phase, counted down (3, 2, 1)
  double phase_fraction = 0;    // 0..1 through this phase
  double overall_fraction = 0;  // 0..1 through the whole practice
  bool finished = false;
};
// REQUIRES: elapsed_ms >= 0.
Position PositionAt(const Schedule& schedule, int64_t elapsed_ms);

// The practice time of the next phase change after `elapsed_ms`, or total_ms.
int64_t NextChangeMs(const Schedule& schedule, int64_t elapsed_ms);

// The run's clock: practice time is wall time since start minus paused time, frozen while
// paused and after an early stop. All arguments are wall-clock milliseconds.
class Playback {
 public:
  explicit Playback(int64_t start_ms) : start_ms_(start_ms) {}
  void Pause(int64_t now_ms);   // no-op when paused or stopped
  void Resume(int64_t now_ms);  // no-op unless paused
  void Stop(int64_t now_ms);    // ends the run early (no-op once stopped)
  bool paused() const { return paused_at_.has_value(); }
  bool stopped() const { return stopped_at_.has_value(); }
  // Practice time so far, at least 0.
  int64_t Elapsed(int64_t now_ms) const;
  // The wall time at which practice time reaches `practice_ms`, if the run goes on unpaused.
  int64_t WallTimeOf(int64_t practice_ms) const {
    return start_ms_ + paused_total_ms_ + practice_ms;
  }

 private:
  int64_t start_ms_;
  int64_t paused_total_ms_ = 0;
  std::optional<int64_t> paused_at_;
  std::optional<int64_t> stopped_at_;
};

// How long a player should wait (wall ms) before it looks again: until the next phase change
// or `tick_ms`, whichever is sooner; at least 1. The wait is computed from the run's absolute
// start each time, so oversleeping one wait does not delay later phase changes.
int64_t WaitMs(const Schedule& schedule, const Playback& run, int64_t now_ms, int64_t tick_ms);

}  // namespace securebase::regulate
