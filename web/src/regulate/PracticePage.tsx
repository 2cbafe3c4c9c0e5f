// Doing one practice: how strong the distress is and the energy, the full-screen player,
// then the distress again and whether it helped. Saved also when stopped early.
import { useState } from 'preact/hooks';
import { api, errorMessage, type Person } from '../api';
import { useLoad, useTitle } from '../hooks';
import { Link, type Location } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { lengthText, regulateApi, type Energy, type Helped, type Practice, type RegulationSession } from './api';
import { DistressScale, EnergyChoice, HelpedChoice, RegulateNav } from './parts';
import { Player, type PlayResult } from './Player';

type Stage = 'before' | 'playing' | 'after' | 'saved';

function num(v: string | null): number | null {
  if (v === null || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= 0 && n <= 10 ? n : null;
}

export function PracticePage({ id, loc }: { id: string; loc: Location }) {
  const state = useLoad(() => Promise.all([regulateApi.practice(id), api.people().catch(() => null)]), [id]);
  useTitle(state.data ? state.data[0].name : 'Practice');
  if (state.loading) return <Loading />;
  if (state.error || !state.data) {
    return (
      <div class="page narrow">
        <RegulateNav current={null} />
        <h1>Practice</h1>
        <ErrorNote error={state.error} retry={state.reload} />
      </div>
    );
  }
  return <Session practice={state.data[0]} people={state.data[1]?.items ?? []} loc={loc} />;
}

function Session({ practice, people, loc }: { practice: Practice; people: Person[]; loc: Location }) {
  const q = loc.query;
  const [stage, setStage] = useState<Stage>('before');
  const [before, setBefore] = useState<number | null>(num(q.get('distress')));
  const [energy, setEnergy] = useState<Energy | null>(
    q.get('energy') === 'high' || q.get('energy') === 'low' ? (q.get('energy') as Energy) : null,
  );
  const [person, setPerson] = useState<string>(q.get('person') ?? '');
  const [played, setPlayed] = useState<PlayResult | null>(null);
  const [after, setAfter] = useState<number | null>(null);
  const [helped, setHelped] = useState<Helped | null>(null);
  const [error, setError] = useState<string>('');
  const [saved, setSaved] = useState<RegulationSession | null>(null);
  const [busy, setBusy] = useState(false);
  const reflectionText = q.get('reflection');
  const reflection = reflectionText && /^\d+$/.test(reflectionText) ? Number(reflectionText) : null;

  const save = async (rate: boolean) => {
    if (!played || before === null || !energy) return;
    setBusy(true);
    setError('');
    try {
      const s = await regulateApi.record({
        practice: practice.id,
        distress_before: before,
        distress_after: rate ? after : null,
        energy,
        helped: rate ? helped : null,
        stopped_early: played.stoppedEarly,
        practiced_ms: Math.round(played.practicedMs),
        person: person ? Number(person) : null,
        reflection,
      });
      setSaved(s);
      setStage('saved');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (stage === 'playing') {
    return (
      <Player
        practice={practice}
        onDone={(r) => {
          setPlayed(r);
          setStage('after');
        }}
      />
    );
  }

  return (
    <div class="page narrow">
      <RegulateNav current={null} />
      <h1>
        <span class="eyebrow">Step 3 · {lengthText(practice.total_ms)}</span>
        {practice.name}
      </h1>
      {stage === 'before' && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (before === null || !energy) {
              setError('Choose how strong the distress is and how much energy you have, then start.');
              return;
            }
            setError('');
            setStage('playing');
          }}
        >
          {practice.intro && <p class="lead">{practice.intro}</p>}
          <DistressScale legend="How strong is the distress right now?" name="before" value={before} onChange={setBefore} />
          <EnergyChoice value={energy} onChange={setEnergy} />
          {people.length > 0 && (
            <p>
              <label for="about-person">Is this about someone? (optional)</label>
              <select id="about-person" value={person} onChange={(e) => setPerson((e.target as HTMLSelectElement).value)}>
                <option value="">No one in particular</option>
                {people.map((p) => (
                  <option value={String(p.id)} key={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </p>
          )}
          {error && (
            <p class="notice notice-error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="button primary big">
              Start
            </button>
          </div>
          {practice.source && <p class="muted small">Background: {practice.source}</p>}
        </form>
      )}
      {stage === 'after' && played && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (after === null) {
              setError('Choose a number from 0 to 10, or save without a rating.');
              return;
            }
            void save(true);
          }}
        >
          <p class="lead">
            {played.stoppedEarly
              ? 'You stopped early. That is fine; every bit counts, and it is saved as stopped early.'
              : 'Well done. Take a moment before you move on.'}
          </p>
          <DistressScale legend="And now, how strong is the distress?" name="after" value={after} onChange={setAfter} />
          <HelpedChoice value={helped} onChange={setHelped} />
          {error && (
            <p class="notice notice-error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="button primary big" disabled={busy}>
              Save
            </button>
            <button type="button" class="button quiet" disabled={busy} onClick={() => void save(false)}>
              Save without rating
            </button>
          </div>
        </form>
      )}
      {stage === 'saved' && saved && (
        <div class="stack saved-session" role="status">
          <p class="lead">
            Saved.{' '}
            {saved.distress_after !== null
              ? `Distress ${saved.distress_before} → ${saved.distress_after}${
                  saved.change !== null && saved.change < 0 ? `, down ${-saved.change}` : saved.change === 0 ? ', the same' : `, up ${saved.change}`
                }.`
              : `Distress before: ${saved.distress_before}.`}
          </p>
          <p>Over time, SecureBase learns which practices help you most.</p>
          <div class="actions">
            <Link class="button primary" href="/regulate/helps">
              What helps me
            </Link>
            <Link class="button" href="/regulate">
              Back to practices
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
