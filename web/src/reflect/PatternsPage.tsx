// Patterns in the reflections: charts (SVG, drawn with classes so both themes work) and the
// same facts as plain sentences for screen readers and for anyone who prefers words.
import { useTitle, useLoad } from '../hooks';
import { Link } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { reflectApi, type Counts, type Patterns } from './api';

function Bars({ title, items, max, id }: { title: string; items: { label: string; value: number }[]; max?: number; id: string }) {
  const top = Math.max(1, max ?? Math.max(...items.map((i) => i.value)));
  const row = 26;
  const h = items.length * row + 4;
  return (
    <figure class="chart">
      <figcaption id={id}>{title}</figcaption>
      <svg viewBox={`0 0 320 ${h}`} role="img" aria-labelledby={id} class="bars">
        {items.map((it, i) => {
          const w = Math.round((it.value / top) * 170);
          return (
            <g key={it.label} transform={`translate(0 ${i * row + 2})`}>
              <text x="0" y="16" class="chart-label">
                {it.label.length > 18 ? `${it.label.slice(0, 17)}…` : it.label}
              </text>
              <rect x="130" y="4" width={Math.max(w, 1)} height="16" rx="3" class="bar" />
              <text x={136 + w} y="16" class="chart-value">
                {it.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function MoodLine({ p }: { p: Patterns }) {
  const items = (p.over_time?.items ?? []).filter((b) => b.pleasantness !== null);
  if (items.length < 2) return null;
  const W = 320;
  const H = 160;
  const x = (i: number) => 24 + (i * (W - 40)) / (items.length - 1);
  const y = (v: number) => H / 2 - v * (H / 2 - 14);
  const path = (k: 'pleasantness' | 'energy') => items.map((b, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(b[k] ?? 0).toFixed(1)}`).join(' ');
  return (
    <figure class="chart">
      <figcaption id="mood-title">
        Pleasantness and energy by {p.over_time?.bucket} (<span class="key-pleasant">pleasantness</span>, <span class="key-energy">energy</span>)
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="mood-title" class="mood">
        <line x1="20" x2={W - 10} y1={H / 2} y2={H / 2} class="axis" />
        <text x="0" y="14" class="chart-label">+1</text>
        <text x="0" y={H - 4} class="chart-label">−1</text>
        <path d={path('pleasantness')} class="line-pleasant" />
        <path d={path('energy')} class="line-energy" />
      </svg>
      <p class="muted small">
        From {items[0].start} to {items[items.length - 1].start}; {items.reduce((n, b) => n + b.rated, 0)} reflections with feelings from the word list.
      </p>
    </figure>
  );
}

function Moves({ title, counts, id }: { title: string; counts: Counts; id: string }) {
  const total = counts.toward + counts.away + counts.neither;
  if (total < 3) return null; // too few to say anything
  let at = 0;
  const parts = (['toward', 'away', 'neither'] as const).map((k) => {
    const w = (counts[k] / total) * 300;
    const seg = { k, x: at, w };
    at += w;
    return seg;
  });
  return (
    <figure class="chart">
      <figcaption id={id}>{title}</figcaption>
      <svg viewBox="0 0 300 28" role="img" aria-labelledby={id} class="moves-bar">
        {parts.map((s) => (
          <rect key={s.k} x={s.x} y="2" width={Math.max(0, s.w)} height="24" class={`move-${s.k}`} />
        ))}
      </svg>
      <p class="small">
        <span class="key-toward">toward {counts.toward}</span> · <span class="key-away">away {counts.away}</span> ·{' '}
        <span class="key-neither">neither {counts.neither}</span>
      </p>
    </figure>
  );
}

function Calendar({ p }: { p: Patterns }) {
  const days = new Map((p.calendar ?? []).map((d) => [d.date, d]));
  const today = new Date();
  const cells: { date: string; col: number; row: number; level: number; n: number }[] = [];
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 364);
  const startDow = (start.getDay() + 6) % 7;
  for (let i = 0; i < 365; i++) {
    const d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i);
    const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const c = days.get(key);
    const level = c ? Math.min(4, 1 + Math.floor(c.intensity / 3)) : 0;
    cells.push({ date: key, col: Math.floor((i + startDow) / 7), row: (i + startDow) % 7, level, n: c?.entries ?? 0 });
  }
  const cols = Math.max(...cells.map((c) => c.col)) + 1;
  return (
    <figure class="chart calendar">
      <figcaption id="cal-title">The last year: darker days had stronger feelings</figcaption>
      <svg viewBox={`0 0 ${cols * 12} ${7 * 12}`} role="img" aria-labelledby="cal-title">
        {cells.map((c) => (
          <rect key={c.date} x={c.col * 12} y={c.row * 12} width="10" height="10" rx="2" class={`cal-${c.level}`}>
            <title>
              {c.date}: {c.n} {c.n === 1 ? 'reflection' : 'reflections'}
            </title>
          </rect>
        ))}
      </svg>
    </figure>
  );
}

export function PatternsPage() {
  useTitle('Your patterns');
  const state = useLoad(() => reflectApi.patterns(), []);
  return (
    <div class="page reflect-page">
      <h1>Your patterns</h1>
      <p class="lead">What your reflections show when they are put side by side. Each figure says how many reflections it rests on.</p>
      {state.loading && <Loading />}
      {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
      {state.data && !state.data.enough && (
        <div class="card empty">
          <p>{state.data.summary[0]}</p>
          <p>
            <Link class="button primary" href="/reflect/check-in">
              Do a quick check-in
            </Link>
          </p>
        </div>
      )}
      {state.data && state.data.enough && <PatternCharts p={state.data} />}
    </div>
  );
}

function PatternCharts({ p }: { p: Patterns }) {
  const t = p.time!;
  return (
    <>
      <section class="card" aria-labelledby="summary-title">
        <h2 id="summary-title">In words</h2>
        <ul class="summary-list">
          {p.summary.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
      <div class="chart-grid">
        {(p.triggers?.items.length ?? 0) > 0 && (
          <Bars id="trig-title" title="What set things off (reflections)" items={p.triggers!.items.map((x) => ({ label: x.tag, value: x.entries }))} />
        )}
        {(p.emotions?.length ?? 0) > 0 && (
          <Bars id="emo-title" title="Feelings named most often" items={p.emotions!.map((x) => ({ label: x.word, value: x.entries }))} />
        )}
        <MoodLine p={p} />
        {p.activation && <Moves id="moves-all" title="Moving toward or away, all reflections" counts={p.activation} />}
        {(p.people ?? []).map((person) => (
          <section key={person.person.id} class="person-pattern" aria-labelledby={`pp-${person.person.id}`}>
            <h2 id={`pp-${person.person.id}`}>
              With {person.person.name} <span class="muted small">({person.entries} reflections)</span>
            </h2>
            {person.emotions.length > 0 && (
              <Bars id={`pp-emo-${person.person.id}`} title={`Feelings with ${person.person.name}`} items={person.emotions.map((x) => ({ label: x.word, value: x.entries }))} />
            )}
            {person.triggers.length > 0 && (
              <p class="small">Usual trigger: {person.triggers.map((x) => `${x.tag} (${x.entries})`).join(', ')}</p>
            )}
            <Moves id={`pp-moves-${person.person.id}`} title={`Toward or away with ${person.person.name}`} counts={person.activation} />
            {person.emotions.length === 0 && person.activation.toward + person.activation.away + person.activation.neither < 3 && (
              <p class="muted small">No feeling has come up more than once with {person.person.name} yet.</p>
            )}
          </section>
        ))}
        <Bars id="part-title" title="Time of day" items={Object.entries(t.by_part_of_day).map(([k, v]) => ({ label: k, value: v }))} />
        <Bars id="day-title" title="Day of the week" items={t.by_weekday.map((d) => ({ label: d.day, value: d.entries }))} />
        <Calendar p={p} />
      </div>
    </>
  );
}
