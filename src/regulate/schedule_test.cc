#include "regulate/schedule.h"

#include <gtest/gtest.h>

#include <random>

#include "platform/clock.h"

namespace securebase::regulate {
namespace {

Practice Box(int duration_seconds) {
  Practice p;
  p.id = "box";
  p.name = "Box";
  p.kind = PracticeKind::kBreathing;
  p.phases = {{PhaseKind::kInhale, 4},
              {PhaseKind::kHold, 4},
              {PhaseKind::kExhale, 4},
              {PhaseKind::kHold, 4}};
  p.duration_seconds = duration_seconds;
  return p;
}

Practice Sighing() {
  Practice p = Box(300);
  p.phases = {{PhaseKind::kInhale, 2.5}, {PhaseKind::kInhaleMore, 1}, {PhaseKind::kExhale, 6.5}};
  return p;
}

TEST(Schedule, BreathingRepeatsTheCycleBackToBack) {
  Schedule s = BuildSchedule(Box(32));
  ASSERT_EQ(s.phases.size(), 8u);
  EXPECT_EQ(s.total_ms, 32000);
  EXPECT_EQ(s.phases[0].label, "Breathe in");
  EXPECT_EQ(s.phases[1].label, "Hold");
  EXPECT_EQ(s.phases[2].label, "Breathe out");
  EXPECT_EQ(s.phases[5].round, 1);
  EXPECT_EQ(s.phases[5].index, 1);
  EXPECT_EQ(s.phases[5].start_ms, 20000);
  for (size_t i = 1; i < s.phases.size(); ++i)
    EXPECT_EQ(s.phases[i].start_ms, s.phases[i - 1].end_ms());
}

TEST(Schedule, FractionalSecondsAndRoundsFromTheLength) {
  Schedule s = BuildSchedule(Sighing());
  EXPECT_EQ(s.phases.size(), 90u);  // 300 s / 10 s = 30 rounds of 3 phases
  EXPECT_EQ(s.phases[1].label, "A little more in");
  EXPECT_EQ(s.phases[1].start_ms, 2500);
  EXPECT_EQ(s.phases[2].start_ms, 3500);
  EXPECT_EQ(s.total_ms, 300000);
}

TEST(Schedule, StepsUseTheirText) {
  Practice p;
  p.kind = PracticeKind::kGrounding;
  p.steps = {{"Look", 30}, {"Listen", 20}};
  Schedule s = BuildSchedule(p);
  ASSERT_EQ(s.phases.size(), 2u);
  EXPECT_FALSE(s.phases[0].breath);
  EXPECT_EQ(s.phases[1].label, "Listen");
  EXPECT_EQ(s.phases[1].start_ms, 30000);
  EXPECT_EQ(s.total_ms, 50000);
}

TEST(Schedule, PositionCountsDownAndFinishes) {
  Schedule s = BuildSchedule(Box(32));
  Position p = PositionAt(s, 0);
  EXPECT_EQ(p.phase, 0);
  EXPECT_EQ(p.count, 4);
  p = PositionAt(s, 4000);  // a boundary belongs to the next phase
  EXPECT_EQ(p.phase, 1);
  EXPECT_EQ(p.count, 4);
  p = PositionAt(s, 6500);
  EXPECT_EQ(p.phase, 1);
  EXPECT_EQ(p.count, 2);
  EXPECT_EQ(p.left_ms, 1500);
  EXPECT_DOUBLE_EQ(p.phase_fraction, 0.625);
  p = PositionAt(s, 31999);
  EXPECT_EQ(p.phase, 7);
  EXPECT_EQ(p.count, 1);
  p = PositionAt(s, 32000);
  EXPECT_TRUE(p.finished);
  EXPECT_EQ(p.phase, -1);
  EXPECT_DOUBLE_EQ(p.overall_fraction, 1.0);
  EXPECT_EQ(NextChangeMs(s, 6500), 8000);
}

TEST(Playback, PauseFreezesPracticeTimeAndResumeShiftsTheRest) {
  FakeClock clock({1'000'000, 60});
  Schedule s = BuildSchedule(Box(32));
  Playback run(clock.Now().utc_ms);
  clock.AdvanceMs(3000);
  EXPECT_EQ(run.Elapsed(clock.Now().utc_ms), 3000);
  run.Pause(clock.Now().utc_ms);
  clock.AdvanceMs(10'000);
  EXPECT_EQ(run.Elapsed(clock.Now().utc_ms), 3000);
  EXPECT_EQ(PositionAt(s, run.Elapsed(clock.Now().utc_ms)).phase, 0);
  run.Resume(clock.Now().utc_ms);
  clock.AdvanceMs(1000);
  EXPECT_EQ(run.Elapsed(clock.Now().utc_ms), 4000);
  EXPECT_EQ(PositionAt(s, 4000).phase, 1);
  // The next change (hold -> out at 8 s) now falls 10 s later on the wall clock.
  EXPECT_EQ(run.WallTimeOf(8000), 1'000'000 + 10'000 + 8000);
  run.Pause(clock.Now().utc_ms);
  run.Pause(clock.Now().utc_ms + 500);  // a second pause changes nothing
  clock.AdvanceMs(2000);
  run.Resume(clock.Now().utc_ms);
  EXPECT_EQ(run.Elapsed(clock.Now().utc_ms), 4000);
}

TEST(Playback, EarlyStopFreezesWhereItStopped) {
  FakeClock clock({0, 0});
  Schedule s = BuildSchedule(Box(32));
  Playback run(0);
  clock.AdvanceMs(9500);
  run.Stop(clock.Now().utc_ms);
  clock.AdvanceMs(60'000);
  EXPECT_TRUE(run.stopped());
  EXPECT_EQ(run.Elapsed(clock.Now().utc_ms), 9500);
  EXPECT_FALSE(PositionAt(s, run.Elapsed(clock.Now().utc_ms)).finished);
  run.Resume(clock.Now().utc_ms);  // cannot resume a stopped run
  EXPECT_EQ(run.Elapsed(clock.Now().utc_ms), 9500);
  // Stopping while paused keeps the paused time.
  Playback paused(0);
  paused.Pause(2000);
  paused.Stop(7000);
  EXPECT_EQ(paused.Elapsed(100'000), 2000);
}

// A player that wakes late by up to 40 ms every time still changes phase within that margin
// of the schedule over a 5-minute practice, because each wait is computed from the start.
TEST(Playback, PhaseChangesDoNotDriftOverFiveMinutesWithLateWakeUps) {
  Schedule s = BuildSchedule(Sighing());
  FakeClock clock({5'000'000, 0});
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> late(0, 40);
  Playback run(clock.Now().utc_ms);
  int shown = -1;
  int64_t worst = 0;
  int changes = 0;
  for (;;) {
    int64_t now = clock.Now().utc_ms;
    Position p = PositionAt(s, run.Elapsed(now));
    if (p.finished) {
      worst = std::max(worst, now - run.WallTimeOf(s.total_ms));
      break;
    }
    if (p.phase != shown) {
      shown = p.phase;
      ++changes;
      worst =
          std::max(worst, now - run.WallTimeOf(s.phases[static_cast<size_t>(p.phase)].start_ms));
    }
    clock.AdvanceMs(WaitMs(s, run, now, 250) + late(rng));
  }
  EXPECT_EQ(changes, 90);
  EXPECT_LE(worst, 40);
  EXPECT_LT(worst, 100);
}

TEST(Playback, WaitIsUntilTheNextChangeOrTheTick) {
  Schedule s = BuildSchedule(Box(32));
  Playback run(1000);
  EXPECT_EQ(WaitMs(s, run, 1000, 250), 250);
  EXPECT_EQ(WaitMs(s, run, 1000 + 3900, 250), 100);
  EXPECT_EQ(WaitMs(s, run, 1000 + 4000, 5000), 4000);
  run.Pause(1100);
  EXPECT_EQ(WaitMs(s, run, 2000, 250), 250);
}

}  // namespace
}  // namespace securebase::regulate
