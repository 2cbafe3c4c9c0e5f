// The player's timeline, mirroring src/regulate/schedule.h (and BreathFill from
// src/cli/regulate_player.cc): a practice as timed phases, where a run is at a moment, and
// pauses and early stops. Positions come from the absolute start time, never from adding
// up timeouts, so a late timer does not shift the phases after it.
import type { Practice, PhaseKind } from './api';

export interface TimedPhase {
  round: number;
  index: number;
  label: string;
  breath: boolean;
  kind: PhaseKind | null;
  startMs: number;
  durationMs: number;
}

export interface Schedule {
  phases: TimedPhase[];
  totalMs: number;
}

export const PHASE_LABELS: Record<PhaseKind, string> = {
  inhale: 'Breathe in',
  'inhale-more': 'A little more in',
  hold: 'Hold',
  exhale: 'Breathe out',
};

export function cycleSeconds(p: Pick<Practice, 'phases'>): number {
  return p.phases.reduce((s, ph) => s + ph.seconds, 0);
}

export function rounds(p: Pick<Practice, 'kind' | 'phases' | 'duration_seconds'>): number {
  const cycle = cycleSeconds(p);
  if (p.kind !== 'breathing' || cycle <= 0) return 1;
  // C++ std::lround: halves away from zero (Math.round rounds them up; same for positives).
  return Math.max(1, Math.round(p.duration_seconds / cycle));
}

export function buildSchedule(p: Pick<Practice, 'kind' | 'phases' | 'steps' | 'duration_seconds'>): Schedule {
  const phases: TimedPhase[] = [];
  let t = 0;
  if (p.kind === 'breathing') {
    const n = rounds(p);
    for (let round = 0; round < n; round++) {
      p.phases.forEach((ph, index) => {
        const durationMs = Math.round(ph.seconds * 1000);
        phases.push({ round, index, label: PHASE_LABELS[ph.phase], breath: true, kind: ph.phase, startMs: t, durationMs });
        t += durationMs;
      });
    }
  } else {
    p.steps.forEach((s, index) => {
      const durationMs = Math.round(s.seconds * 1000);
      phases.push({ round: 0, index, label: s.text, breath: false, kind: null, startMs: t, durationMs });
      t += durationMs;
    });
  }
  return { phases, totalMs: t };
}

export interface Position {
  phase: number; // -1 once finished
  intoMs: number;
  leftMs: number;
  count: number; // whole seconds left in the phase
  phaseFraction: number;
  overallFraction: number;
  finished: boolean;
}

export function positionAt(s: Schedule, elapsedMs: number): Position {
  const e = Math.max(0, elapsedMs);
  const overallFraction = s.totalMs > 0 ? Math.min(1, e / s.totalMs) : 1;
  if (e >= s.totalMs) {
    return { phase: -1, intoMs: 0, leftMs: 0, count: 0, phaseFraction: 0, overallFraction, finished: true };
  }
  // The last phase starting at or before e (binary search).
  let lo = 0;
  let hi = s.phases.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.phases[mid].startMs <= e) lo = mid;
    else hi = mid - 1;
  }
  const ph = s.phases[lo];
  const intoMs = e - ph.startMs;
  const leftMs = ph.durationMs - intoMs;
  return {
    phase: lo,
    intoMs,
    leftMs,
    count: Math.ceil(leftMs / 1000),
    phaseFraction: intoMs / ph.durationMs,
    overallFraction,
    finished: false,
  };
}

export function nextChangeMs(s: Schedule, elapsedMs: number): number {
  const p = positionAt(s, elapsedMs);
  return p.finished ? s.totalMs : s.phases[p.phase].startMs + s.phases[p.phase].durationMs;
}

// The run's clock: practice time = time since start minus paused time.
export class Playback {
  private pausedTotal = 0;
  private pausedAt: number | null = null;
  private stoppedAt: number | null = null;

  constructor(private readonly startMs: number) {}

  get paused(): boolean {
    return this.pausedAt !== null;
  }
  get stopped(): boolean {
    return this.stoppedAt !== null;
  }
  pause(now: number): void {
    if (this.pausedAt === null && this.stoppedAt === null) this.pausedAt = now;
  }
  resume(now: number): void {
    if (this.pausedAt === null || this.stoppedAt !== null) return;
    this.pausedTotal += Math.max(0, now - this.pausedAt);
    this.pausedAt = null;
  }
  stop(now: number): void {
    if (this.stoppedAt === null) this.stoppedAt = this.pausedAt ?? now;
  }
  elapsed(now: number): number {
    const at = this.stoppedAt ?? this.pausedAt ?? now;
    return Math.max(0, at - this.startMs - this.pausedTotal);
  }
  wallTimeOf(practiceMs: number): number {
    return this.startMs + this.pausedTotal + practiceMs;
  }
}

// How long to wait before looking again: until the next phase change or tickMs.
export function waitMs(s: Schedule, run: Playback, now: number, tickMs: number): number {
  if (run.paused || run.stopped) return Math.max(1, tickMs);
  const until = run.wallTimeOf(nextChangeMs(s, run.elapsed(now))) - now;
  return Math.min(Math.max(until, 1), Math.max(1, tickMs));
}

// How full the breathing shape is (0..1) `fraction` of the way through phase `index` of
// the cycle: grows breathing in, stays on a hold, shrinks breathing out.
export function breathFill(phases: { phase: PhaseKind }[], index: number, fraction: number): number {
  let level = 0;
  for (let i = 0; i <= index && i < phases.length; i++) {
    const kind = phases[i].phase;
    let start = level;
    let end = level;
    if (kind === 'inhale') {
      start = 0;
      end = phases[i + 1]?.phase === 'inhale-more' ? 0.8 : 1;
    } else if (kind === 'inhale-more') {
      end = 1;
    } else if (kind === 'exhale') {
      end = 0;
    }
    if (i === index) return start + (end - start) * fraction;
    level = end;
  }
  return level;
}
