// A quick check-in: a feeling or two from the grid, how strong, who, and one line.
import { useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api';
import { useLoad, useTitle } from '../hooks';
import { navigate } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { markCrisis, reflectApi } from './api';
import { EmotionGrid, Intensity, PeoplePicker } from './parts';

export function CheckInPage() {
  useTitle('Quick check-in');
  const emotions = useLoad(() => reflectApi.emotions(), []);
  const people = useLoad(() => api.people(), []);
  const [chosen, setChosen] = useState<string[]>([]);
  const [intensity, setIntensity] = useState(5);
  const [who, setWho] = useState<number[]>([]);
  const [line, setLine] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (w: string) => setChosen(chosen.includes(w) ? chosen.filter((x) => x !== w) : [...chosen, w]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!chosen.length && !line.trim()) {
      setError('Choose a feeling or write a line about what happened.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await reflectApi.add({
        emotions: chosen.map((word) => ({ word, intensity })),
        people: who,
        situation: line,
      });
      if (r.crisis) markCrisis(r.id);
      navigate(`/reflect/${r.id}?saved=1`);
    } catch (err) {
      setError(err instanceof ApiError ? Object.values(err.fieldErrors())[0] ?? errorMessage(err) : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="page reflect-page">
      <h1>Quick check-in</h1>
      <p class="lead">How are you feeling right now? Pick what fits, say how strong, and add a line if you like.</p>
      {(emotions.loading || people.loading) && <Loading />}
      {!!emotions.error && <ErrorNote error={emotions.error} retry={emotions.reload} />}
      {emotions.data && (
        <form class="stack" onSubmit={save} noValidate>
          {error && (
            <p class="notice notice-error" role="alert">
              {error}
            </p>
          )}
          <section aria-labelledby="feel-title">
            <h2 id="feel-title">What are you feeling?</h2>
            <EmotionGrid emotions={emotions.data.items} selected={chosen} onToggle={toggle} idPrefix="checkin" />
            <p class="muted small" aria-live="polite">
              {chosen.length ? `Chosen: ${chosen.join(', ')}` : 'Nothing chosen yet.'}
            </p>
          </section>
          <Intensity id="checkin-intensity" label="How strong is it, from 0 to 10?" value={intensity} onChange={setIntensity} />
          <PeoplePicker people={people.data?.items ?? []} chosen={who} onChange={setWho} legend="Is it about someone?" />
          <div class="field">
            <label for="checkin-line">
              What happened? <span class="muted">(one line, optional)</span>
            </label>
            <input id="checkin-line" type="text" autoComplete="off" value={line} onInput={(e) => setLine((e.target as HTMLInputElement).value)} />
          </div>
          <div class="actions">
            <button type="submit" class="button primary" disabled={busy}>
              Save check-in
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
