// What an import would do (or did): a bar of created / already here / rejected with the
// same numbers in words, a table per kind, and the rows that need a look.
import { useState } from 'preact/hooks';
import type { ImportCounts, ImportReport } from './api';

const KIND_NAMES: Record<string, string> = {
  unreadable: 'Could not be read',
  people: 'People',
  assessments: 'Questionnaires',
  reflections: 'Reflections',
  checkins: 'Check-ins',
  regulation_sessions: 'Regulation practices done',
  practices: 'Your practices',
  messages: 'Messages',
  conflicts: 'Conflicts',
  repairs: 'Repairs',
  boundaries: 'Boundaries',
  boundary_practices: 'Boundary practice',
  boundary_incidents: 'Boundary moments',
  commitments: 'Commitments',
  commitment_outcomes: 'Commitment outcomes',
  bids: 'Bids for connection',
  checkin_plans: 'Check-in plans',
  settings: 'Settings',
  checkups: 'Self-checks',
  shortlist: 'Therapist shortlist',
  shortlist_history: 'Shortlist history',
};

export const kindName = (k: string | null) => KIND_NAMES[k ?? 'unreadable'] ?? k ?? '';

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export function countsSentence(t: ImportCounts, applied: boolean): string {
  const create = applied ? `${plural(t.create, 'record', 'records')} imported` : `${plural(t.create, 'record', 'records')} to add`;
  return `${create}, ${t.duplicate} already here, ${t.reject} that cannot be imported.`;
}

function CountsBar({ t }: { t: ImportCounts }) {
  const all = t.create + t.duplicate + t.reject || 1;
  const w = (n: number) => (n / all) * 300;
  let x = 0;
  const parts = [
    { n: t.create, cls: 'bar-create' },
    { n: t.duplicate, cls: 'bar-duplicate' },
    { n: t.reject, cls: 'bar-reject' },
  ].map((p) => {
    const r = <rect key={p.cls} class={p.cls} x={x} y={0} width={w(p.n)} height={18} />;
    x += w(p.n);
    return r;
  });
  return (
    <svg class="import-bar" viewBox="0 0 300 18" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {parts}
    </svg>
  );
}

export function ImportPreview({ report }: { report: ImportReport }) {
  const [all, setAll] = useState(false);
  const notable = report.rows.filter((r) => r.outcome === 'reject' || r.reason);
  const rows = all ? report.rows : notable;
  const shown = rows.slice(0, all ? 500 : 100);
  return (
    <div class="stack import-preview">
      <div class="import-summary">
        <CountsBar t={report.total} />
        <p class="import-legend">
          <span class="legend-item">
            <span class="legend-swatch bar-create" aria-hidden="true" /> to add
          </span>
          <span class="legend-item">
            <span class="legend-swatch bar-duplicate" aria-hidden="true" /> already here
          </span>
          <span class="legend-item">
            <span class="legend-swatch bar-reject" aria-hidden="true" /> cannot be imported
          </span>
        </p>
        <p>
          <strong>{countsSentence(report.total, report.applied)}</strong>
        </p>
      </div>
      <div class="table-wrap">
        <table class="import-table">
          <caption class="sr-only">Records by kind</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">{report.applied ? 'Added' : 'To add'}</th>
              <th scope="col">Already here</th>
              <th scope="col">Cannot import</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(report.counts).map(([k, c]) => (
              <tr key={k}>
                <th scope="row">{kindName(k)}</th>
                <td>{c.create}</td>
                <td>{c.duplicate}</td>
                <td>{c.reject}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > 0 && (
        <div class="stack">
          <h3>{all ? 'Every record' : 'Records that need a look'}</h3>
          <ul class="import-rows">
            {shown.map((r, i) => (
              <li key={i} class={`import-row import-${r.outcome}`}>
                <span class="badge">{r.outcome === 'create' ? 'add' : r.outcome === 'duplicate' ? 'already here' : 'cannot import'}</span>{' '}
                <span class="muted">
                  {kindName(r.kind)}, {r.where}:
                </span>{' '}
                {r.reason || r.summary}
              </li>
            ))}
          </ul>
          {rows.length > shown.length && <p class="muted small">…and {rows.length - shown.length} more.</p>}
        </div>
      )}
      {report.rows_total > report.rows_listed && (
        <p class="muted small">
          Only the first {report.rows_listed} of {report.rows_total} records are listed here; the counts above cover all of
          them.
        </p>
      )}
      <button type="button" class="button" onClick={() => setAll(!all)} aria-pressed={all}>
        {all ? 'Show only those that need a look' : 'Show every record'}
      </button>
    </div>
  );
}
