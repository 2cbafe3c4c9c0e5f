// /trust/calendar: the private link a calendar app subscribes to, to show due commitments.
import { useState } from 'preact/hooks';
import { errorMessage } from '../api';
import { fmtDate } from '../format';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { trustApi, type CalendarFeed } from './api';
import { TrustNav } from './parts';

export function CalendarPage() {
  useTitle('Calendar link');
  const feed = useLoad(() => trustApi.feed(), []);
  const [fresh, setFresh] = useState<CalendarFeed | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const state = fresh ?? feed.data;
  const url = fresh?.path ? `${window.location.origin}${fresh.path}` : null;

  const run = async (f: () => Promise<CalendarFeed>, keep: boolean) => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const r = await f();
      setFresh(keep ? r : null);
      if (!keep) feed.setData(r);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      (document.getElementById('feed-url') as HTMLInputElement | null)?.select();
      setError('Copying was not allowed here. The link is selected: copy it with Ctrl+C (or Cmd+C).');
    }
  };

  return (
    <div class="page trust-page">
      <TrustNav current="calendar" />
      <h1>Your commitments in your calendar</h1>
      <p class="lead">
        A calendar app can subscribe to a private link and show what is due, updating as you add
        and mark commitments.
      </p>
      {feed.loading && !state && <Loading />}
      {!!feed.error && <ErrorNote error={feed.error} retry={feed.reload} />}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {state && (
        <section class="card stack calendar-panel" aria-labelledby="feed-title">
          <h2 id="feed-title">Calendar link</h2>
          <p class="notice tb-warning">
            <strong>Keep this link private.</strong> Anyone who has it can see your commitments
            and the names of the people they are with. Give it only to your calendar app.
          </p>
          {url && (
            <>
              <div class="field">
                <label for="feed-url">Subscribe to this address in your calendar app</label>
                <div class="tb-copy-row">
                  <input id="feed-url" type="text" readOnly value={url} onFocus={(e) => (e.target as HTMLInputElement).select()} />
                  <button type="button" class="button primary" onClick={copy}>
                    Copy
                  </button>
                </div>
                <p class="muted small" role="status">
                  {copied ? 'Copied.' : 'This link is shown only now. If you lose it, make a new one.'}
                </p>
              </div>
            </>
          )}
          {!url && state.active && (
            <p>
              A link is on, made {fmtDate(state.created)}. For your safety it was shown only once.
              To see a link again, make a new one: the old one stops working.
            </p>
          )}
          {!state.active && <p>No calendar link is on. Nobody can read your commitments from outside the app.</p>}
          <div class="actions">
            <button type="button" class="button" disabled={busy} onClick={() => run(trustApi.newFeed, true)}>
              {state.active ? 'Make a new link' : 'Make a calendar link'}
            </button>
            {state.active && (
              <button type="button" class="button danger" disabled={busy} onClick={() => run(trustApi.revokeFeed, false)}>
                Turn the link off
              </button>
            )}
          </div>
          <p class="muted small">
            Prefer a file? In a terminal, <code>securebase commit export --ics -o commitments.ics</code> writes one
            you can import; importing it again updates the same events.
          </p>
        </section>
      )}
    </div>
  );
}
