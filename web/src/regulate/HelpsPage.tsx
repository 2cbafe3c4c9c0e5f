// "What helps me": for each practice, how much the distress went down on average with a
// 95% interval, how often it was stopped early, ranked once it has three rated sessions;
// all sessions or split by the energy at the start. An SVG chart with a text summary and
// the same figures as a table.
import { useState } from 'preact/hooks';
import { useLoad, useTitle } from '../hooks';
import { Link } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { regulateApi, type PracticeStats, type StatsGroup } from './api';
import { RegulateNav } from './parts';

type Which = 'all' | 'high' | 'low';
const TITLES: Record<Which, string> = { all: 'All sessions', high: 'When keyed up', low: 'When flat or numb' };

const signed = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}`);

export function HelpsPage() {
  useTitle('What helps me');
  const state = useLoad(() => regulateApi.stats(), []);
  const [which, setWhich] = useState<Which>('all');
  return (
    <div class="page">
      <RegulateNav current="helps" />
      <h1>
        <span class="eyebrow">Step 3</span>What helps me
      </h1>
      {state.loading && <Loading />}
      {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
      {state.data && state.data.all.sessions === 0 && (
        <div class="notice">
          <p>No practices done yet. After a few, this page shows which ones calm you most.</p>
          <Link class="button primary" href="/regulate/now">
            Try one now
          </Link>
        </div>
      )}
      {state.data && state.data.all.sessions > 0 && (
        <>
          <div class="segmented" role="group" aria-label="Which sessions">
            {(['all', 'high', 'low'] as Which[]).map((w) => (
              <button type="button" class="button small-button" aria-pressed={which === w} key={w} onClick={() => setWhich(w)}>
                {TITLES[w]} ({state.data![w].sessions})
              </button>
            ))}
          </div>
          <Group group={state.data[which]} title={TITLES[which]} min={state.data.min_sessions_to_rank} />
        </>
      )}
    </div>
  );
}

function Group({ group, title, min }: { group: StatsGroup; title: string; min: number }) {
  const ranked = group.practices.filter((p) => p.ranked);
  const waiting = group.practices.filter((p) => !p.ranked);
  return (
    <section aria-labelledby="group-title">
      <h2 id="group-title">{title}</h2>
      <p class="lead helps-summary">{group.summary}</p>
      {ranked.length > 0 && <Chart practices={ranked} />}
      {waiting.length > 0 && (
        <p class="muted">
          Not ranked yet (a practice needs {min} sessions rated before and after):{' '}
          {waiting.map((p) => `${p.name} (${p.rated} rated)`).join(', ')}.
        </p>
      )}
      {group.practices.length > 0 && (
        <table class="data-table helps-table">
          <caption class="sr-only">Figures for {title.toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Practice</th>
              <th scope="col">Sessions</th>
              <th scope="col">Average change</th>
              <th scope="col">95% interval</th>
              <th scope="col">Stopped early</th>
            </tr>
          </thead>
          <tbody>
            {group.practices.map((p) => (
              <tr key={p.practice}>
                <td>{p.rank ?? '–'}</td>
                <th scope="row">{p.name}</th>
                <td>{p.sessions}</td>
                <td>{signed(p.mean_change)}</td>
                <td>{p.ci_low !== null && p.ci_high !== null ? `${signed(p.ci_low)} to ${signed(p.ci_high)}` : '–'}</td>
                <td>{Math.round(p.stopped_early_rate * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="muted small">
        Change is the distress after minus before, on the 0 to 10 scale: below zero means it went
        down. The interval shows how sure the average is; with few sessions it is wide.
      </p>
    </section>
  );
}

// Horizontal bars: how far the distress went down on average (to the right = helped more),
// with the 95% interval as a line.
function Chart({ practices }: { practices: PracticeStats[] }) {
  const row = 44;
  const left = 190;
  const width = 640;
  const plot = width - left - 20;
  const height = practices.length * row + 40;
  const drops = practices.flatMap((p) => [-(p.mean_change ?? 0), -(p.ci_low ?? p.mean_change ?? 0), -(p.ci_high ?? p.mean_change ?? 0)]);
  const lo = Math.max(-10, Math.min(0, Math.floor(Math.min(...drops))));
  const hi = Math.min(10, Math.max(1, Math.ceil(Math.max(...drops))));
  const x = (v: number) => left + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * plot;
  const ticks: number[] = [];
  const step = hi - lo > 8 ? 2 : 1;
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  const desc = practices
    .map((p) => `${p.name}: down ${signed(-(p.mean_change ?? 0))} on average over ${p.rated} sessions`)
    .join('; ');
  return (
    <figure class="helps-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="helps-chart-title helps-chart-desc">
        <title id="helps-chart-title">How much each practice lowered your distress</title>
        <desc id="helps-chart-desc">{desc}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line class={t === 0 ? 'chart-zero' : 'chart-grid'} x1={x(t)} x2={x(t)} y1={8} y2={height - 26} />
            <text class="chart-tick" x={x(t)} y={height - 8} text-anchor="middle">
              {t}
            </text>
          </g>
        ))}
        {practices.map((p, i) => {
          const y = 12 + i * row;
          const drop = -(p.mean_change ?? 0);
          const a = x(Math.min(0, drop));
          const b = x(Math.max(0, drop));
          return (
            <g key={p.practice} class="chart-row">
              <text class="chart-label" x={left - 10} y={y + 17} text-anchor="end">
                {p.rank}. {p.name.length > 24 ? `${p.name.slice(0, 23)}…` : p.name}
              </text>
              <rect class={drop >= 0 ? 'chart-bar' : 'chart-bar worse'} x={a} y={y + 4} width={Math.max(1, b - a)} height={20} rx={4} />
              {p.ci_low !== null && p.ci_high !== null && (
                <line class="chart-ci" x1={x(-p.ci_high)} x2={x(-p.ci_low)} y1={y + 14} y2={y + 14} />
              )}
              <text class="chart-n" x={x(hi) } y={y + 36} text-anchor="end">
                n = {p.rated}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        Points the distress went down on average (right is better), with the 95% interval as a line.
      </figcaption>
    </figure>
  );
}
