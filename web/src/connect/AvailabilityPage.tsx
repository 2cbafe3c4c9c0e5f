// /connect/availability[/:id]: the turning-toward ratio for bids received and bids made,
// month by month, beside the research reference (about 86% and 33%).
import { api, type Person } from '../api';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { Link } from '../router';
import { connectApi, type BidStats, type BidTally } from './api';
import { ConnectNav } from './parts';

const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);

export function AvailabilityPage({ person }: { person: number | null }) {
  const people = useLoad(() => api.people(), []);
  const name = person === null ? 'Everyone' : people.data?.items.find((p) => p.id === person)?.name ?? 'Someone';
  useTitle(`Availability: ${name}`);
  const stats = useLoad(() => connectApi.stats(person), [person]);
  return (
    <div class="page trust-page">
      <ConnectNav current="availability" />
      <h1>Availability{person === null ? '' : `: ${name}`}</h1>
      <Picker people={people.data?.items ?? []} person={person} />
      {stats.loading && !stats.data && <Loading />}
      {!!stats.error && <ErrorNote error={stats.error} retry={stats.reload} />}
      {stats.data && stats.data.received.all.total + stats.data.made.all.total === 0 && (
        <section class="card">
          <h2>No bids logged{person === null ? '' : ` with ${name}`} yet</h2>
          <p>Log bids as they happen, and this page will show how often they were met.</p>
          <div class="actions">
            <Link class="button primary" href="/connect">
              Log a bid
            </Link>
          </div>
        </section>
      )}
      {stats.data && stats.data.received.all.total + stats.data.made.all.total > 0 && <Figures s={stats.data} name={name} />}
    </div>
  );
}

function Picker({ people, person }: { people: Person[]; person: number | null }) {
  return (
    <nav class="tb-chips" aria-label="Whose availability">
      <Link class="tb-chip" href="/connect/availability" aria-current={person === null ? 'page' : undefined}>
        Everyone
      </Link>
      {people.map((p) => (
        <Link key={p.id} class="tb-chip" href={`/connect/availability/${p.id}`} aria-current={person === p.id ? 'page' : undefined}>
          {p.name}
        </Link>
      ))}
    </nav>
  );
}

function sentence(t: BidTally, received: boolean, name: string): string {
  if (!t.total) return received ? 'No bids received are logged yet.' : 'No bids you made are logged yet.';
  const who = name === 'Everyone' ? '' : ` ${received ? 'from' : 'to'} ${name}`;
  return received
    ? `You turned toward ${t.toward} of ${t.total} bids you received${who} (${pct(t.toward_ratio)}).`
    : `${t.toward} of ${t.total} bids you made${who} were met by turning toward you (${pct(t.toward_ratio)}).`;
}

function Figures({ s, name }: { s: BidStats; name: string }) {
  const months = Array.from(new Set([...s.received.months.map((m) => m.month), ...s.made.months.map((m) => m.month)]))
    .sort()
    .slice(-12);
  const ratio = (list: { month: string; toward_ratio: number | null }[], m: string) =>
    list.find((x) => x.month === m)?.toward_ratio ?? null;
  const received = months.map((m) => ratio(s.received.months, m));
  const made = months.map((m) => ratio(s.made.months, m));
  return (
    <>
      <section class="card" aria-labelledby="avail-title">
        <h2 id="avail-title">Turning toward, month by month</h2>
        <RatioChart months={months} received={received} made={made} together={s.reference.together} divorced={s.reference.divorced} />
        <p class="chart-summary">
          {sentence(s.received.all, true, name)} {sentence(s.made.all, false, name)}
        </p>
        <p class="muted small reference-note">{s.reference.note}</p>
      </section>
      <div class="two-col">
        <TallyCard title="Bids you received" t={s.received.all} />
        <TallyCard title="Bids you made" t={s.made.all} />
      </div>
    </>
  );
}

function TallyCard({ title, t }: { title: string; t: BidTally }) {
  return (
    <section class="card">
      <h2>{title}</h2>
      <p class="big-figure">{pct(t.toward_ratio)} turned toward</p>
      <p class="muted small">
        {t.toward} toward, {t.away} away, {t.against} against, {t.missed} missed ({t.total} in all)
      </p>
    </section>
  );
}

function RatioChart({
  months,
  received,
  made,
  together,
  divorced,
}: {
  months: string[];
  received: (number | null)[];
  made: (number | null)[];
  together: number;
  divorced: number;
}) {
  const W = 360,
    H = 190,
    L = 36,
    R = 64,
    T = 10,
    B = 28;
  const n = months.length;
  const x = (i: number) => L + (n <= 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (n - 1));
  const y = (r: number) => T + (1 - r) * (H - T - B);
  const path = (vals: (number | null)[]) => {
    let d = '';
    let pen = false;
    vals.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const label = (m: string) => new Date(`${m}-15T12:00:00`).toLocaleDateString(undefined, { month: 'short' });
  const ticks = n <= 1 ? [0] : [0, Math.floor((n - 1) / 2), n - 1];
  return (
    <figure class="trust-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="ratio-title">
        <title id="ratio-title">Share of bids met by turning toward, by month, with reference lines at {Math.round(together * 100)}% and {Math.round(divorced * 100)}%</title>
        {[0, 0.5, 1].map((r) => (
          <g key={r}>
            <line x1={L} x2={W - R} y1={y(r)} y2={y(r)} class="tc-grid" />
            <text x={L - 6} y={y(r) + 4} class="tc-axis" text-anchor="end">
              {Math.round(r * 100)}%
            </text>
          </g>
        ))}
        <line x1={L} x2={W - R} y1={y(together)} y2={y(together)} class="ref-line" />
        <text x={W - R + 4} y={y(together) + 4} class="ref-label">
          {Math.round(together * 100)}% stayed
        </text>
        <line x1={L} x2={W - R} y1={y(divorced)} y2={y(divorced)} class="ref-line" />
        <text x={W - R + 4} y={y(divorced) + 4} class="ref-label">
          {Math.round(divorced * 100)}% parted
        </text>
        {ticks.map((i) => (
          <text key={i} x={x(i)} y={H - 8} class="tc-axis" text-anchor="middle">
            {months[i] ? label(months[i]) : ''}
          </text>
        ))}
        <path d={path(made)} class="line-made" />
        <path d={path(received)} class="line-received" />
        {received.map((v, i) => (v === null ? null : <circle key={`r${i}`} cx={x(i)} cy={y(v)} r="3" class="dot-received" />))}
        {made.map((v, i) => (v === null ? null : <circle key={`m${i}`} cx={x(i)} cy={y(v)} r="3" class="dot-made" />))}
      </svg>
      <figcaption class="legend">
        <span class="legend-item">
          <span class="key" aria-hidden="true" /> Bids you received
        </span>
        <span class="legend-item">
          <span class="key key-made" aria-hidden="true" /> Bids you made
        </span>
        <span class="legend-item">
          <span class="key key-ref" aria-hidden="true" /> Research reference
        </span>
      </figcaption>
    </figure>
  );
}
