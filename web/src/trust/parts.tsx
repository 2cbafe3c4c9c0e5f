// Pieces shared by the step 5 pages (and the Today card on the home page).
import { useState } from 'preact/hooks';
import { ApiError, errorMessage, type Person } from '../api';
import { SubNav } from '../components/SubNav';
import { useToast } from '../components/Toast';
import { Link } from '../router';
import { dayLabel, pct, trustApi, type DueItem, type Tally, type TrendPoint, type Windows } from './api';

export function TrustNav({ current }: { current: 'today' | 'new' | 'people' | 'calendar' | null }) {
  return (
    <SubNav
      label="Trust"
      current={current}
      items={[
        ['today', '/trust', 'Today'],
        ['new', '/trust/new', 'Add a commitment'],
        ['people', '/trust/reliability', 'Reliability'],
        ['calendar', '/trust/calendar', 'Calendar link'],
      ]}
    />
  );
}

export function personName(people: Person[] | undefined, id: number | null, direction = 'mine'): string {
  if (id === null) return direction === 'mine' ? 'yourself' : 'someone';
  return people?.find((p) => p.id === id)?.name ?? 'someone';
}

// One due (or overdue) commitment with its three outcomes. Kept is one tap; renegotiate
// asks for the new terms; broken asks (optionally) what was done to repair it.
export function DueRow({
  item,
  today,
  people,
  onDone,
}: {
  item: DueItem;
  today: string;
  people: Person[];
  onDone: (message: string) => void;
}) {
  const c = item.commitment;
  const [mode, setMode] = useState<'none' | 'renegotiate' | 'broken'>('none');
  const [note, setNote] = useState('');
  const [newDue, setNewDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `due-${c.id}-${item.day}`;

  const send = async (outcome: 'kept' | 'renegotiated' | 'broken') => {
    if (outcome === 'renegotiated' && !note.trim()) {
      setError('Write the new terms you agreed, so you both know what stands now.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await trustApi.outcome(c.id, { outcome, note: note.trim(), day: item.day });
      if (outcome === 'renegotiated' && newDue) {
        await trustApi.add({ what: note.trim(), person: c.person, direction: c.direction, due: newDue });
      }
      onDone(
        outcome === 'kept'
          ? `Marked kept: ${c.what}`
          : outcome === 'renegotiated'
            ? `New terms saved: ${c.what}`
            : `Marked broken, with your repair noted: ${c.what}`,
      );
    } catch (e) {
      setError(e instanceof ApiError ? Object.values(e.fieldErrors())[0] ?? errorMessage(e) : errorMessage(e));
      setBusy(false);
    }
  };

  const who = personName(people, c.person, c.direction);
  return (
    <li class={`due-row${item.overdue ? ' overdue' : ''}`}>
      <div class="due-text">
        <strong>{c.what}</strong>
        <span class="muted small">
          {c.direction === 'mine' ? `to ${who}` : `from ${who}`} · {item.overdue ? 'overdue since ' : ''}
          {dayLabel(item.day, today)}
          {c.time ? ` at ${c.time}` : ''}
          {c.repeat !== 'none' ? ` · ${c.repeat_text}` : ''}
          {c.streak > 1 ? ` · streak ${c.streak}` : ''}
        </span>
      </div>
      {mode === 'none' && (
        <div class="due-actions" role="group" aria-label={`What happened with: ${c.what}`}>
          <button type="button" class="button primary small-button" disabled={busy} onClick={() => send('kept')}>
            Kept
          </button>
          <button type="button" class="button small-button" disabled={busy} onClick={() => setMode('renegotiate')}>
            Renegotiate
          </button>
          <button type="button" class="button small-button" disabled={busy} onClick={() => setMode('broken')}>
            Broken
          </button>
        </div>
      )}
      {mode !== 'none' && (
        <form
          class="due-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send(mode === 'renegotiate' ? 'renegotiated' : 'broken');
          }}
        >
          <div class="field">
            <label for={`${base}-note`}>
              {mode === 'renegotiate'
                ? 'The new terms you agreed'
                : c.direction === 'mine'
                  ? 'What you did, or will do, to repair it'
                  : 'What was done to repair it'}
              {mode === 'broken' && <span class="muted"> (optional)</span>}
            </label>
            <textarea
              id={`${base}-note`}
              rows={2}
              value={note}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${base}-error` : undefined}
              onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
            />
          </div>
          {mode === 'renegotiate' && (
            <div class="field">
              <label for={`${base}-due`}>
                New date <span class="muted">(optional: adds the new terms as a commitment)</span>
              </label>
              <input id={`${base}-due`} type="date" value={newDue} onInput={(e) => setNewDue((e.target as HTMLInputElement).value)} />
            </div>
          )}
          {error && (
            <p class="field-error" id={`${base}-error`} role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="button primary small-button" disabled={busy}>
              {mode === 'renegotiate' ? 'Save new terms' : 'Mark broken'}
            </button>
            <button type="button" class="button quiet small-button" onClick={() => (setMode('none'), setError(null))}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

// The due list itself; `compact` shows at most a few (the home card).
export function DueList({
  items,
  today,
  people,
  reload,
  limit,
}: {
  items: DueItem[];
  today: string;
  people: Person[];
  reload: () => void;
  limit?: number;
}) {
  const toast = useToast();
  const shown = limit ? items.slice(0, limit) : items;
  return (
    <ul class="due-list">
      {shown.map((it) => (
        <DueRow
          key={`${it.commitment.id}-${it.day}`}
          item={it}
          today={today}
          people={people}
          onDone={(m) => {
            toast({ message: m });
            reload();
          }}
        />
      ))}
    </ul>
  );
}

function tallyWords(t: Tally): string {
  const settled = t.kept + t.renegotiated + t.broken;
  if (!settled) return t.not_marked ? `${t.not_marked} not marked yet` : 'nothing due';
  return `${t.kept} kept, ${t.renegotiated} renegotiated, ${t.broken} broken${t.not_marked ? `, ${t.not_marked} not marked` : ''}`;
}

// Reliability over 30, 90 and 365 days for one direction.
export function WindowsTable({ w, caption }: { w: Windows; caption: string }) {
  return (
    <table class="reliability-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Last</th>
          <th scope="col">Reliable</th>
          <th scope="col">Counts</th>
        </tr>
      </thead>
      <tbody>
        {(
          [
            ['30 days', w.days_30],
            ['90 days', w.days_90],
            ['365 days', w.days_365],
          ] as const
        ).map(([label, t]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td class="num">{pct(t.reliability)}</td>
            <td>{tallyWords(t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// A sentence on where things stand and which way they moved.
export function trendSentence(w: Windows, mine: boolean): string {
  const t = w.days_30;
  const settled = t.kept + t.renegotiated + t.broken;
  const whose = mine ? 'your promises' : 'promises made to you';
  if (!settled) return `No ${whose} were settled in the last 30 days.`;
  let s = `In the last 30 days, ${t.kept + t.renegotiated} of ${settled} of ${whose} were kept or renegotiated (${pct(t.reliability)}).`;
  if (w.trend !== null) {
    const pts = Math.round(w.trend * 100);
    s += pts === 0 ? ' That is the same as the 30 days before.' : ` That is ${Math.abs(pts)} points ${pts > 0 ? 'up' : 'down'} on the 30 days before.`;
  }
  return s;
}

// Reliability over time: one line per direction, 30-day steps, gaps where nothing settled.
export function TrendChart({ mine, toMe, id }: { mine: TrendPoint[]; toMe: TrendPoint[]; id: string }) {
  const W = 360,
    H = 180,
    L = 36,
    R = 10,
    T = 10,
    B = 28;
  const n = Math.max(mine.length, toMe.length);
  const x = (i: number) => L + (n <= 1 ? 0 : (i * (W - L - R)) / (n - 1));
  const y = (r: number) => T + (1 - r) * (H - T - B);
  const path = (pts: TrendPoint[]) => {
    let d = '';
    let pen = false;
    pts.forEach((p, i) => {
      if (p.reliability === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.reliability).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const dots = (pts: TrendPoint[], cls: string) =>
    pts.map((p, i) => (p.reliability === null ? null : <circle key={`${cls}${i}`} cx={x(i)} cy={y(p.reliability)} r="3" class={cls} />));
  const month = (p: TrendPoint | undefined) =>
    p ? new Date(`${p.to}T12:00:00`).toLocaleDateString(undefined, { month: 'short' }) : '';
  const pts = mine.length ? mine : toMe;
  return (
    <figure class="trust-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>Reliability over the last year, in 30-day steps</title>
        {[0, 0.5, 1].map((r) => (
          <g key={r}>
            <line x1={L} x2={W - R} y1={y(r)} y2={y(r)} class="tc-grid" />
            <text x={L - 6} y={y(r) + 4} class="tc-axis" text-anchor="end">
              {Math.round(r * 100)}%
            </text>
          </g>
        ))}
        {[0, Math.floor((n - 1) / 2), n - 1].map((i) => (
          <text key={i} x={x(i)} y={H - 8} class="tc-axis" text-anchor="middle">
            {month(pts[i])}
          </text>
        ))}
        <path d={path(toMe)} class="line-to-me" />
        <path d={path(mine)} class="line-mine" />
        {dots(toMe, 'dot-to-me')}
        {dots(mine, 'dot-mine')}
      </svg>
      <figcaption class="legend">
        <span class="legend-item">
          <span class="key key-mine" aria-hidden="true" /> Promises you made
        </span>
        <span class="legend-item">
          <span class="key key-to-me" aria-hidden="true" /> Promises made to you
        </span>
      </figcaption>
    </figure>
  );
}

export function Empty({ title, children }: { title: string; children: preact.ComponentChildren }) {
  return (
    <div class="empty card">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export { Link };
