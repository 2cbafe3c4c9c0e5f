// /support/brief: choose what goes into the brief for a first session, see it (charts as
// SVG from the API, with the same facts in words beside them), and download the PDF.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage, query, request } from '../api';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { Link } from '../router';
import './brief.css';

type SectionId = 'scores' | 'patterns' | 'regulation' | 'commitments' | 'boundaries';

interface BriefSection {
  id: SectionId;
  heading: string;
  has_data: boolean;
  lines: string[];
  table: { header: string[]; rows: string[][] } | null;
  charts: boolean;
}

interface BriefPreview {
  title: string;
  period: string;
  made: string;
  about: string[];
  sections: BriefSection[];
  left_out: string;
  available: { id: SectionId; heading: string; description: string; has_data: boolean }[];
  results: number;
}

// Where to add what a section needs, for the empty ones.
const ADD_HINT: Record<SectionId, { href: string; text: string }> = {
  scores: { href: '/questionnaire', text: 'take a questionnaire' },
  patterns: { href: '/reflect/new', text: 'write a reflection' },
  regulation: { href: '/regulate', text: 'try a calming practice' },
  commitments: { href: '/trust', text: 'make a commitment' },
  boundaries: { href: '/boundaries', text: 'write down a boundary' },
};

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function BriefPage() {
  useTitle('A brief for a first session');
  const [since, setSince] = useState('');
  const [initials, setInitials] = useState(false);
  const [chosen, setChosen] = useState<Set<SectionId> | null>(null); // null: not set yet
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);

  const sectionsParam = chosen ? [...chosen].join(',') : null;
  const params = { sections: sectionsParam, since, names: initials ? 'initials' : null };
  const preview = useLoad(
    () =>
      chosen && chosen.size === 0
        ? Promise.resolve(null)
        : request<BriefPreview>('GET', `/report/brief${query(params)}`),
    [sectionsParam, since, initials],
  );

  // The first answer says which sections have data: choose those to start with.
  useEffect(() => {
    if (!chosen && preview.data) {
      setChosen(new Set(preview.data.available.filter((a) => a.has_data).map((a) => a.id)));
    }
  }, [preview.data, chosen]);

  const [available, setAvailable] = useState<BriefPreview['available']>([]);
  useEffect(() => {
    if (preview.data) setAvailable(preview.data.available);
  }, [preview.data]);

  useEffect(() => {
    if (preview.error instanceof ApiError && preview.error.status === 422) {
      const f: Record<string, string> = {};
      for (const e of preview.error.problem.errors ?? []) f[e.field] = e.message;
      setFieldErrors(f);
    } else if (!preview.loading) {
      setFieldErrors({});
    }
  }, [preview.error, preview.loading]);

  const toggle = (id: SectionId, on: boolean) => {
    const next = new Set(chosen ?? []);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
    setSaved(null);
  };

  const noneChosen = chosen !== null && chosen.size === 0;

  const download = async () => {
    setDownloadError(null);
    setSaved(null);
    if (noneChosen) {
      setDownloadError('Choose at least one section to include.');
      return;
    }
    setDownloading(true);
    try {
      const res = await fetch(`/api/v1/report/brief.pdf${query(params)}`, { credentials: 'same-origin' });
      if (!res.ok) {
        let detail = 'The brief could not be made.';
        try {
          const p = await res.json();
          detail = (p.errors ?? []).map((e: { field: string; message: string }) => `${e.field}: ${e.message}`).join('; ') || p.title || detail;
        } catch {
          /* not JSON: keep the plain message */
        }
        setDownloadError(detail);
        return;
      }
      const blob = await res.blob();
      const disposition = res.headers.get('Content-Disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'securebase-brief.pdf';
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setSaved(name);
    } catch (e) {
      setDownloadError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const chartQuery = query({ since, names: initials ? 'initials' : null });
  const scores = preview.data?.sections.find((s) => s.id === 'scores' && s.has_data);

  return (
    <div class="page brief-page">
      <h1>A brief for a first session</h1>
      <p class="lead">
        A first session goes further when you do not have to remember everything on the spot. This makes a one- or
        two-page PDF from what you have recorded here, to print or to show on your phone.
      </p>
      <section class="card brief-howto" aria-labelledby="howto-title">
        <h2 id="howto-title">How to use it</h2>
        <ul>
          <li>Bring it as a starting point. You decide what to share, and you can leave anything out.</li>
          <li>Circle what matters most to you, and add a question or two on the lines at the end.</li>
          <li>
            The numbers are your own notes, counted up. They are not a diagnosis; a therapist will want to hear your
            story in your words.
          </li>
        </ul>
      </section>

      <form
        class="brief-form"
        onSubmit={(e) => {
          e.preventDefault();
          void download();
        }}
      >
        <fieldset class="card brief-sections" aria-describedby={fieldErrors.sections ? 'sections-error' : undefined}>
          <legend>What to include</legend>
          {available.length === 0 && preview.loading && <Loading what="Looking at what you have recorded" />}
          {available.map((a) => {
            const id = `brief-section-${a.id}`;
            return (
              <div key={a.id} class="brief-check">
                <input
                  type="checkbox"
                  id={id}
                  name="sections"
                  value={a.id}
                  checked={chosen?.has(a.id) ?? false}
                  onChange={(e) => toggle(a.id, (e.target as HTMLInputElement).checked)}
                />
                <label for={id}>
                  <span class="brief-check-title">{a.heading}</span>
                  <span class="brief-check-desc">{a.description}</span>
                  {!a.has_data && (
                    <span class="brief-check-empty">
                      Nothing recorded {since ? 'in this period' : 'yet'}; it would say so.
                    </span>
                  )}
                </label>
              </div>
            );
          })}
          {!noChoices(available) && !anyData(available) && (
            <p class="muted">
              There is nothing recorded yet. You could <Link href={ADD_HINT.scores.href}>{ADD_HINT.scores.text}</Link> or{' '}
              <Link href={ADD_HINT.patterns.href}>{ADD_HINT.patterns.text}</Link> first; the brief fills in as you go.
            </p>
          )}
          {fieldErrors.sections && (
            <p class="field-error" id="sections-error">
              {fieldErrors.sections}
            </p>
          )}
        </fieldset>

        <div class="card brief-options">
          <div class="field">
            <label for="brief-since">From</label>
            <input
              type="date"
              id="brief-since"
              value={since}
              max={today()}
              aria-invalid={fieldErrors.since ? 'true' : undefined}
              aria-describedby={fieldErrors.since ? 'since-error brief-since-help' : 'brief-since-help'}
              onChange={(e) => {
                setSince((e.target as HTMLInputElement).value);
                setSaved(null);
              }}
            />
            <p class="muted small" id="brief-since-help">
              Leave it empty to include everything so far.
            </p>
            {fieldErrors.since && (
              <p class="field-error" id="since-error">
                {fieldErrors.since}
              </p>
            )}
          </div>
          <div class="brief-check">
            <input
              type="checkbox"
              id="brief-initials"
              checked={initials}
              onChange={(e) => setInitials((e.target as HTMLInputElement).checked)}
            />
            <label for="brief-initials">
              <span class="brief-check-title">Initials only</span>
              <span class="brief-check-desc">Show the people in your life as initials (A. M.) instead of names.</span>
            </label>
          </div>
          <div class="brief-actions">
            <button type="submit" class="button primary big" disabled={downloading} aria-describedby="download-status">
              {downloading ? 'Making the PDF…' : 'Download PDF'}
            </button>
            <p id="download-status" class="small" role="status">
              {saved ? `Saved ${saved}. Your browser keeps it in your downloads.` : ''}
            </p>
          </div>
          {downloadError && (
            <p class="field-error" role="alert">
              {downloadError}
            </p>
          )}
        </div>
      </form>

      <section aria-labelledby="preview-title" class="brief-preview">
        <h2 id="preview-title">Preview</h2>
        {noneChosen && <p class="muted">Choose at least one section to see it here.</p>}
        {preview.error && !(preview.error instanceof ApiError && preview.error.status === 422) ? (
          <ErrorNote error={preview.error} retry={preview.reload} />
        ) : null}
        {preview.data && (
          <div class="brief-sheet">
            <p class="brief-period">{preview.data.period}</p>
            {scores && (
              <div class="brief-charts">
                <figure>
                  <img
                    src={`/api/v1/report/charts/plane.svg${chartQuery}`}
                    alt="Your results on the anxiety and avoidance plane, oldest to latest; the sentences beside it say the same."
                    width={340}
                    height={340}
                  />
                </figure>
                <figure>
                  <img
                    src={`/api/v1/report/charts/scores.svg${chartQuery}`}
                    alt="Anxiety and avoidance over time; the sentences beside it say the same."
                    width={480}
                    height={300}
                  />
                </figure>
              </div>
            )}
            {preview.data.sections.map((s) => (
              <section key={s.id} class="brief-sheet-section" aria-labelledby={`sheet-${s.id}`}>
                <h3 id={`sheet-${s.id}`}>{s.heading}</h3>
                {s.lines.map((l, i) => (
                  <p key={i}>{l}</p>
                ))}
                {!s.has_data && (
                  <p class="small">
                    To add some, <Link href={ADD_HINT[s.id].href}>{ADD_HINT[s.id].text}</Link>.
                  </p>
                )}
              </section>
            ))}
            {preview.data.left_out && <p class="muted small">{preview.data.left_out}</p>}
            <p class="muted small">{preview.data.about[0]}</p>
          </div>
        )}
      </section>
    </div>
  );
}

function noChoices(a: BriefPreview['available']): boolean {
  return a.length === 0;
}

function anyData(a: BriefPreview['available']): boolean {
  return a.some((x) => x.has_data);
}
