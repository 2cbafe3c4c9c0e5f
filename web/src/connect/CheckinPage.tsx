// /connect/check-in: a few questions to offer someone each day (or as often as the person
// chooses), logged as done with a note.
import { useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api';
import { useToast } from '../components/Toast';
import { fmtDate } from '../format';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { connectApi } from './api';
import { ConnectNav } from './parts';

export function CheckinPage() {
  useTitle('Daily check-in');
  const toast = useToast();
  const people = useLoad(() => api.people(), []);
  const [person, setPerson] = useState<number | null>(null);
  const state = useLoad(() => connectApi.checkins(person), [person]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = person === null ? 'someone you love' : people.data?.items.find((p) => p.id === person)?.name ?? 'them';

  const log = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await connectApi.addCheckin({ person, note: note.trim() });
      setNote('');
      toast({ message: 'Check-in logged. Thank you for making the time.' });
      state.reload();
    } catch (err) {
      setError(err instanceof ApiError ? Object.values(err.fieldErrors())[0] ?? errorMessage(err) : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const setEvery = async (days: number) => {
    setError(null);
    try {
      await connectApi.setPlan({ person, every_days: days });
      toast({ message: days === 1 ? 'A check-in will be suggested every day.' : `A check-in will be suggested every ${days} days.` });
      state.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const d = state.data;
  return (
    <div class="page trust-page">
      <ConnectNav current="checkin" />
      <h1>Daily check-in</h1>
      <p class="lead">A few minutes of full attention, offered on purpose. Ask one question, then mostly listen.</p>
      <div class="field inline-field">
        <label for="ci-person">With</label>
        <select
          id="ci-person"
          value={person === null ? '' : String(person)}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            setPerson(v ? Number(v) : null);
          }}
        >
          <option value="">Anyone</option>
          {(people.data?.items ?? []).map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {state.loading && !d && <Loading />}
      {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {d && (
        <>
          <section class="card" aria-labelledby="ci-prompts">
            <h2 id="ci-prompts">Questions to offer {name}</h2>
            <ul class="tb-prompts">
              {d.prompts.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            <form class="stack" onSubmit={log} noValidate>
              <div class="field">
                <label for="ci-note">
                  A line about how it went <span class="muted">(optional)</span>
                </label>
                <textarea id="ci-note" rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
              </div>
              <div class="actions">
                <button type="submit" class="button primary" disabled={busy}>
                  Log as done
                </button>
                <span class="muted small" aria-live="polite">
                  {d.last ? `Last one: ${fmtDate(d.last)}` : 'None logged yet.'}
                  {d.due ? ' One is due.' : ''}
                </span>
              </div>
            </form>
          </section>
          <section class="card" aria-labelledby="ci-often">
            <h2 id="ci-often">How often?</h2>
            <p>Choose how often SecureBase should suggest a check-in with {name}.</p>
            <div class="field inline-field">
              <label for="ci-every">Every</label>
              <select id="ci-every" value={String(d.every_days ?? '')} onChange={(e) => setEvery(Number((e.target as HTMLSelectElement).value))}>
                {d.every_days === null && <option value="">Not set</option>}
                {[1, 2, 3, 7, 14, 30].map((n) => (
                  <option key={n} value={String(n)}>
                    {n === 1 ? 'day' : `${n} days`}
                  </option>
                ))}
              </select>
            </div>
          </section>
          <section class="card" aria-labelledby="ci-recent">
            <h2 id="ci-recent">Recent check-ins</h2>
            {d.items.length === 0 ? (
              <p>None yet. After your first one, log it above; a line is enough.</p>
            ) : (
              <ul class="bid-list">
                {d.items.map((c) => (
                  <li key={c.id}>
                    <div>
                      <strong>{fmtDate(c.at)}</strong>
                      <span class="muted small">{c.note || 'No note'}</span>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
