#include "regulate/schedule.h"

#include <algorithm>
#include <cmath>

namespace securebase::regulate {

Schedule BuildSchedule(const Practice& practice) {
  Schedule s;
  int64_t t = 0;
  if (practice.breathing()) {
    const int rounds = practice.Rounds();
    for (int round = 0; round < rounds; ++round) {
      for (size_t i = 0; i < practice.phases.size(); ++i) {
        const BreathPhase& ph = practice.phases[i];
        TimedPhase tp;
        tp.round = round;
        tp.index = static_cast<int>(i);
        tp.label = std::string(PhaseLabel(ph.kind));
        tp.breath = true;
        tp.kind = ph.kind;
        tp.start_ms = t;
        tp.duration_ms = std::llround(ph.seconds * 1000);
        t += tp.duration_ms;
        s.phases.push_back(std::move(tp));
      }
    }
  } else {
    for (size_t i = 0; i < practice.steps.size(); ++i) {
      TimedPhase tp;
      tp.index = static_cast<int>(i);
      tp.label = practice.steps[i].text;
      tp.start_ms = t;
      tp.duration_ms = std::llround(practice.steps[i].seconds * 1000);
      t += tp.duration_ms;
      s.phases.push_back(std::move(tp));
    }
  }
  s.total_ms = t;
  return s;
}

Position PositionAt(const Schedule& schedule, int64_t elapsed_ms) {
  Position p;
  elapsed_ms = std::max<int64_t>(elapsed_ms, 0);
  p.overall_fraction =
      schedule.total_ms > 0
          ? std::min(1.0, static_cast<double>(elapsed_ms) / static_cast<double>(schedule.total_ms))
          : 1.0;
  if (elapsed_ms >= schedule.total_ms) {
    p.finished = true;
    return p;
  }
  // The last phase starting at or before elapsed_ms.
  auto it = std::upper_bound(schedule.phases.begin(), schedule.phases.end(), elapsed_ms,
                             [](int64_t t, const TimedPhase& ph) { return t < ph.start_ms; });
  const TimedPhase& ph = *(it - 1);
  p.phase = static_cast<int>(it - 1 - schedule.phases.begin());
  p.into_ms = elapsed_ms - ph.start_ms;
  p.left_ms = ph.duration_ms - p.into_ms;
  p.count = static_cast<int>((p.left_ms + 999) / 1000);
  p.phase_fraction = static_cast<double>(p.into_ms) / static_cast<double>(ph.duration_ms);
  return p;
}

int64_t NextChangeMs(const Schedule& schedule, int64_t elapsed_ms) {
  Position p = PositionAt(schedule, elapsed_ms);
  if (p.finished) return schedule.total_ms;
  return schedule.phases[static_cast<size_t>(p.phase)].end_ms();
}

void Playback::Pause(int64_t now_ms) {
  if (paused_at_ || stopped_at_) return;
  paused_at_ = now_ms;
}

void Playback::Resume(int64_t now_ms) {
  if (!paused_at_ || stopped_at_) return;
  paused_total_ms_ += std::max<int64_t>(0, now_ms - *paused_at_);
  paused_at_.reset();
}

void Playback::Stop(int64_t now_ms) {
  if (stopped_at_) return;
  stopped_at_ = paused_at_ ? *paused_at_ : now_ms;
}

int64_t Playback::Elapsed(int64_t now_ms) const {
  int64_t at = stopped_at_ ? *stopped_at_ : paused_at_ ? *paused_at_ : now_ms;
  return std::max<int64_t>(0, at - start_ms_ - paused_total_ms_);
}

int64_t WaitMs(const Schedule& schedule, const Playback& run, int64_t now_ms, int64_t tick_ms) {
  if (run.paused() || run.stopped()) return std::max<int64_t>(1, tick_ms);
  int64_t elapsed = run.Elapsed(now_ms);
  int64_t until = run.WallTimeOf(NextChangeMs(schedule, elapsed)) - now_ms;
  return std::clamp<int64_t>(until, 1, std::max<int64_t>(1, tick_ms));
}

}  // namespace securebase::regulate
