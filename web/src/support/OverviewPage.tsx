// /support: step 8 at a glance. The self-check, what the person's own data says (with the
// numbers and a switch to turn it off), the directory, the shortlist and the brief.
import { useState } from 'preact/hooks';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { Link } from '../router';
import { supportApi, type Signals } from './api';
import { HelpNowCard, SupportNav } from './parts';

function SignalsCard({ signals, onChange }: { signals: Signals; onChange: (s: Signals) => void }) {
  const [busy, setBusy] = useState(false);
  const [on, setOn] = useState(signals.enabled);
  const [error, setError] = useState('');
  const toggle = async () => {
    const next = !on;
    setOn(next);
    setBusy(true);
    setError('');
    try {
      await supportApi.setSuggestions(next);
      onChange(await supportApi.signals());
    } catch {
      setOn(!next);
      setError('That could not be saved just now. Please try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card support-signals" aria-labelledby="signals-title">
      <h2 id="signals-title">What your own entries say</h2>
      <label class="support-switch">
        <input type="checkbox" role="switch" checked={on} aria-busy={busy} onChange={toggle} />
        <span>Suggest when my data points to talking to someone</span>
      </label>
      {error && <p class="field-error">{error}</p>}
      {!signals.enabled ? (
        <p class="muted">
          Suggestions are off. Nothing is read from your entries for this. The self-check and the
          directory are still here whenever you want them.
        </p>
      ) : (
        <>
          <p class={signals.fired ? 'support-signal-summary fired' : 'support-signal-summary'}>
            {signals.fired
              ? `${signals.fired} of ${signals.items.length} signs suggest that talking to a professional could help.`
              : 'Nothing in your recent entries points to a need for extra help right now.'}
          </p>
          <ul class="support-signal-list">
            {signals.items.map((s) => (
              <li key={s.id} class={s.fired ? 'fired' : ''}>
                <span class="support-signal-mark" aria-hidden="true">
                  {s.fired ? '●' : '○'}
                </span>
                <div>
                  <h3>
                    {s.title}
                    {s.fired && <span class="support-tag">worth noticing</span>}
                  </h3>
                  <p>{s.text}</p>
                  <Link href={s.link}>See the entries behind this</Link>
                </div>
              </li>
            ))}
          </ul>
          <p class="muted small">{signals.note}</p>
        </>
      )}
    </section>
  );
}

export function OverviewPage() {
  useTitle('Professional help');
  const signals = useLoad(() => supportApi.signals(), []);
  const last = useLoad(() => supportApi.checkups(1), []);
  const shortlist = useLoad(() => supportApi.shortlist(), []);
  const latest = last.data?.items[0];
  const counts = new Map<string, number>();
  for (const e of shortlist.data?.items ?? []) counts.set(e.status_label, (counts.get(e.status_label) ?? 0) + 1);
  return (
    <div class="page support-page">
      <SupportNav current="overview" />
      <h1>Professional help</h1>
      <p class="lead">
        Some things are too heavy to work through alone, and that is not a failure. Here you can
        check in with yourself, find a therapist who fits, and keep track of who you have
        contacted. SecureBase is a companion, not a diagnosis or a treatment.
      </p>
      <HelpNowCard />
      <div class="support-grid">
        <section class="card" aria-labelledby="checkup-title">
          <h2 id="checkup-title">Is it time to talk to someone?</h2>
          <p>Nine short questions about the last two weeks, with gentle guidance at the end.</p>
          {latest && (
            <p class="muted">
              Last time ({latest.taken.slice(0, 10)}): <strong>{latest.title}</strong>
            </p>
          )}
          <div class="actions">
            <Link class="button primary" href="/support/checkup">
              {latest ? 'Check in again' : 'Start the self-check'}
            </Link>
          </div>
        </section>
        <section class="card" aria-labelledby="find-title">
          <h2 id="find-title">Find a therapist</h2>
          <p>
            Search by place, approach, price and more. Attachment-informed approaches such as EFT
            rank higher when you ask for them, and every result says why it is where it is.
          </p>
          <div class="actions">
            <Link class="button" href="/support/directory">
              Search the directory
            </Link>
          </div>
        </section>
        <section class="card" aria-labelledby="shortlist-title">
          <h2 id="shortlist-title">Your shortlist</h2>
          {shortlist.data && shortlist.data.items.length > 0 ? (
            <p>
              {shortlist.data.items.length} saved:{' '}
              {[...counts.entries()].map(([label, n]) => `${n} ${label.toLowerCase()}`).join(', ')}.
            </p>
          ) : (
            <p>Save therapists as you search, then note who you contacted and when.</p>
          )}
          <div class="actions">
            <Link class="button" href="/support/shortlist">
              Open the shortlist
            </Link>
          </div>
        </section>
        <section class="card" aria-labelledby="brief-title">
          <h2 id="brief-title">Your first session</h2>
          <p>A one- or two-page summary you can bring along, with only the parts you choose.</p>
          <div class="actions">
            <Link class="button" href="/support/brief">
              Prepare a brief for a first session
            </Link>
          </div>
        </section>
      </div>
      {signals.loading && !signals.data && <Loading what="Reading your entries" />}
      {signals.error ? <ErrorNote error={signals.error} retry={signals.reload} /> : null}
      {signals.data && <SignalsCard signals={signals.data} onChange={signals.setData} />}
    </div>
  );
}
