// The full-screen guided player: an expanding and contracting circle paced to the phases,
// the phase name and a count, optional soft sound cues, pause and stop early. With
// prefers-reduced-motion it shows progress bars and counts instead of motion.
// Timing: every wake-up recomputes the position from the absolute start (schedule.ts), and
// the next timer is set for the next phase change, so late timers never add up to drift.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { prefersReducedMotion } from '../hooks';
import type { Practice } from './api';
import { breathFill, buildSchedule, Playback, positionAt, waitMs, type Position } from './schedule';

export interface PlayResult {
  practicedMs: number;
  stoppedEarly: boolean;
}

interface Props {
  practice: Practice;
  onDone: (r: PlayResult) => void;
  now?: () => number; // injectable time source (ms)
}

const TONES: Record<string, number> = { inhale: 392, 'inhale-more': 440, hold: 330, exhale: 262, step: 349 };

// A soft, short sine tone; the context is created on the first cue after a click.
class Cues {
  private ctx: AudioContext | null = null;
  play(kind: string): void {
    try {
      this.ctx ??= new AudioContext();
      const t = this.ctx.currentTime;
      const osc = this.ctx.createOscillator();
      const gain = this.ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = TONES[kind] ?? 330;
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(0.08, t + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
      osc.connect(gain).connect(this.ctx.destination);
      osc.start(t);
      osc.stop(t + 0.65);
    } catch {
      // No audio here; the cues are optional.
    }
  }
  close(): void {
    void this.ctx?.close().catch(() => {});
  }
}

function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function Player({ practice, onDone, now = () => performance.now() }: Props) {
  const schedule = useMemo(() => buildSchedule(practice), [practice]);
  const reduced = useMemo(prefersReducedMotion, []);
  const run = useRef<Playback | null>(null);
  const [pos, setPos] = useState<Position>(() => positionAt(schedule, 0));
  const [paused, setPaused] = useState(false);
  const [sound, setSound] = useState(false);
  const soundRef = useRef(false);
  const cues = useRef(new Cues());
  const shape = useRef<HTMLDivElement>(null);
  const pauseButton = useRef<HTMLButtonElement>(null);
  const lastPhase = useRef(-2);
  const finished = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  const finish = () => {
    if (finished.current || !run.current) return;
    finished.current = true;
    window.clearTimeout(timer.current);
    const practicedMs = Math.min(run.current.elapsed(now()), schedule.totalMs);
    onDone({ practicedMs, stoppedEarly: practicedMs < schedule.totalMs });
  };

  const tick = () => {
    const r = run.current;
    if (!r || finished.current) return;
    const t = now();
    const p = positionAt(schedule, r.elapsed(t));
    if (p.finished) {
      setPos(p);
      finish();
      return;
    }
    if (p.phase !== lastPhase.current) {
      lastPhase.current = p.phase;
      const ph = schedule.phases[p.phase];
      if (soundRef.current) cues.current.play(ph.kind ?? 'step');
    }
    setPos(p);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(tick, waitMs(schedule, r, t, 250));
  };

  useEffect(() => {
    run.current = new Playback(now());
    tick();
    pauseButton.current?.focus();
    // The shape follows the breath on every frame (not with motion reduced).
    let frame = 0;
    const draw = () => {
      const r = run.current;
      if (r && shape.current && !reduced) {
        const p = positionAt(schedule, r.elapsed(now()));
        const ph = p.finished ? null : schedule.phases[p.phase];
        const fill = ph?.breath ? breathFill(practice.phases, ph.index, p.phaseFraction) : 0.5;
        shape.current.style.setProperty('--breath', fill.toFixed(4));
      }
      frame = window.requestAnimationFrame(draw);
    };
    frame = window.requestAnimationFrame(draw);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') stop();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer.current);
      window.cancelAnimationFrame(frame);
      window.removeEventListener('keydown', onKey);
      cues.current.close();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const togglePause = () => {
    const r = run.current;
    if (!r) return;
    if (r.paused) r.resume(now());
    else r.pause(now());
    setPaused(r.paused);
    tick();
  };

  const stop = () => {
    run.current?.stop(now());
    finish();
  };

  const toggleSound = () => {
    soundRef.current = !soundRef.current;
    setSound(soundRef.current);
    if (soundRef.current) cues.current.play('step');
  };

  const ph = pos.finished ? null : schedule.phases[pos.phase];
  const left = schedule.totalMs - (run.current?.elapsed(now()) ?? 0);
  const where = ph?.breath
    ? `Breath ${ph.round + 1} of ${practice.rounds}`
    : ph
      ? `Step ${ph.index + 1} of ${practice.steps.length}`
      : '';
  return (
    <section
      class={`player${reduced ? ' player-reduced' : ''}${paused ? ' player-paused' : ''}`}
      aria-label={`Practice: ${practice.name}`}
      data-phase={pos.phase}
    >
      <div class="player-top">
        <span class="player-name">{practice.name}</span>
        <span class="player-left">{clock(left)} left</span>
      </div>
      <div class="player-stage">
        {ph?.breath && !reduced && (
          <div class="breath-shape" ref={shape} aria-hidden="true">
            <div class="breath-circle" />
          </div>
        )}
        <p class={ph?.breath ? 'player-phase' : 'player-step'} aria-live="polite">
          {paused ? 'Paused' : ph?.label ?? 'Done'}
        </p>
        {ph && (
          <p class="player-count" aria-hidden="true">
            {pos.count}
          </p>
        )}
        {reduced && ph && (
          <progress class="player-progress" max={1000} value={Math.round(pos.phaseFraction * 1000)} aria-label="This phase" />
        )}
        <p class="player-where">{where}</p>
        <progress class="player-overall" max={1000} value={Math.round(pos.overallFraction * 1000)} aria-label="The whole practice" />
      </div>
      <div class="player-controls">
        <button type="button" class="button big" ref={pauseButton} onClick={togglePause}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" class="button big" onClick={stop}>
          Stop early
        </button>
        <button type="button" class="button quiet" aria-pressed={sound} onClick={toggleSound}>
          Sound cues
        </button>
      </div>
    </section>
  );
}
