// One boundary (/boundaries/:id): its words, practice (read it aloud, then rate how steady
// it felt, with a chart of steadiness over time), incidents (held, crossed by someone,
// crossed by me) with the counts, and changing or deleting it (with undo).
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { LineChart, SplitBarChart } from '../communicate/charts';
import { dateWords, usePeople } from '../communicate/parts';
import { KINDS, areaLabel, boundaryApi, counts, kindLabel, type Boundary, type IncidentKind } from './api';
import { BoundariesNav } from './parts';

export function BoundaryPage({ id }: { id: number }) {
  useTitle('Boundary');
  const state = useLoad(() => boundaryApi.get(id), [id]);
  const { name } = usePeople();
  const toast = useToast();
  if (state.loading && !state.data) return <Loading />;
  if (state.error || !state.data) return <ErrorNote error={state.error} retry={state.reload} />;
  const b = state.data;
  const n = counts(b);

  const remove = async () => {
    try {
      await boundaryApi.remove(b.id);
      navigate('/boundaries');
      toast({
        message: 'Boundary deleted.',
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await boundaryApi.restore(b.id);
              navigate(`/boundaries/${b.id}`);
            } catch (e) {
              toast({ message: `Could not undo: ${errorMessage(e)}` });
            }
          },
        },
      });
    } catch (e) {
      toast({ message: `Could not delete: ${errorMessage(e)}` });
    }
  };

  const total = n.held + n.them + n.me;
  const summary =
    total === 0
      ? 'Nothing noted yet.'
      : `Held ${n.held} ${n.held === 1 ? 'time' : 'times'}, crossed by someone ${n.them}, crossed by me ${n.me}.`;
  return (
    <div class="page boundaries-page">
      <BoundariesNav current={null} />
      <p class="muted">
        <Link href="/boundaries">All boundaries</Link>
      </p>
      <h1>{b.limit}</h1>
      <p>
        <span class="pill">{areaLabel(b.area)}</span> <span class="muted">{b.person === null ? 'With everyone' : `With ${name(b.person)}`}</span>
      </p>
      {b.script && <blockquote class="script-quote">{b.script}</blockquote>}
      {b.why && (
        <p>
          <strong>Why it matters:</strong> {b.why}
        </p>
      )}
      {b.if_crossed && (
        <p>
          <strong>If it is crossed, I will:</strong> {b.if_crossed}
        </p>
      )}
      <div class="boundary-layout">
        <PracticePanel b={b} onSaved={(x) => state.setData(x)} />
        <section class="card" aria-labelledby="incidents-title">
          <h2 id="incidents-title">What happened</h2>
          <p>{summary}</p>
          {total > 0 && (
            <SplitBarChart
              summary={summary}
              legend={['held', 'crossed by someone', 'crossed by me']}
              rows={[{ label: 'This boundary', a: n.held, b: n.them, c: n.me }]}
            />
          )}
          <IncidentForm b={b} onSaved={(x) => state.setData(x)} />
          {b.incidents.length > 0 && (
            <ol class="incident-list" reversed>
              {[...b.incidents].reverse().map((i) => (
                <li key={i.id} class={`incident incident-${i.kind}`}>
                  <span class="incident-kind">{kindLabel(i.kind)}</span> <span class="muted small">{dateWords(i.at)}</span>
                  {i.note && <p class="incident-note">{i.note}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      <div class="actions">
        <Link class="button" href={`/boundaries/${b.id}/edit`}>
          Change it
        </Link>
        <button type="button" class="button quiet" onClick={remove}>
          Delete
        </button>
      </div>
    </div>
  );
}

function PracticePanel({ b, onSaved }: { b: Boundary; onSaved: (b: Boundary) => void }) {
  const toast = useToast();
  const [stage, setStage] = useState<'idle' | 'read' | 'rate'>('idle');
  const [rating, setRating] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const words = b.script || b.limit;
  const pts = b.practices.map((p) => ({ at: p.at, value: p.steadiness }));
  const first = pts[0]?.value;
  const last = pts[pts.length - 1]?.value;
  const summary =
    pts.length === 0
      ? 'Not practised yet.'
      : pts.length === 1
        ? `Practised once, steadiness ${last} of 10.`
        : `Practised ${pts.length} times; steadiness went from ${first} to ${last} of 10.`;
  const save = async () => {
    if (rating === null) return;
    setSaving(true);
    try {
      onSaved(await boundaryApi.practise(b.id, rating));
      toast({ message: `Saved: ${rating} of 10. Steadiness grows with repetition.` });
      setStage('idle');
      setRating(null);
    } catch (e) {
      toast({ message: `Could not save: ${errorMessage(e)}` });
    } finally {
      setSaving(false);
    }
  };
  return (
    <section class="card practice-panel" aria-labelledby="practice-title">
      <h2 id="practice-title">Practice</h2>
      <p>{summary}</p>
      {pts.length > 0 && <LineChart points={pts} summary={`Steadiness over time, 0 to 10. ${summary}`} />}
      {stage === 'idle' && (
        <button type="button" class="button primary" onClick={() => setStage('read')}>
          Practise now
        </button>
      )}
      {stage === 'read' && (
        <div class="stack read-aloud">
          <p>Say this out loud, slowly, as if to them. Breathe out before you start.</p>
          <p class="script-big">{words}</p>
          <button type="button" class="button primary" onClick={() => setStage('rate')}>
            I said it
          </button>
        </div>
      )}
      {stage === 'rate' && (
        <div class="stack">
          <fieldset class="rating">
            <legend>How steady did that feel?</legend>
            <div class="rating-row">
              {Array.from({ length: 11 }, (_, v) => (
                <label class={`rating-option${rating === v ? ' chosen' : ''}`} key={v}>
                  <input type="radio" name="steadiness" value={v} checked={rating === v} onChange={() => setRating(v)} />
                  <span>{v}</span>
                </label>
              ))}
            </div>
            <p class="rating-ends" aria-hidden="true">
              <span>0 shaky</span>
              <span>10 steady</span>
            </p>
          </fieldset>
          <div class="actions">
            <button type="button" class="button primary" disabled={rating === null || saving} onClick={save}>
              {saving ? 'Saving…' : 'Save rating'}
            </button>
            <button type="button" class="button quiet" onClick={() => setStage('idle')}>
              Not now
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function IncidentForm({ b, onSaved }: { b: Boundary; onSaved: (b: Boundary) => void }) {
  const toast = useToast();
  const [kind, setKind] = useState<IncidentKind | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!kind) {
      setError('Choose what happened.');
      document.getElementById('incident-held')?.focus();
      return;
    }
    setSaving(true);
    setError('');
    try {
      onSaved(await boundaryApi.incident(b.id, kind, note));
      toast({ message: kind === 'held' ? 'Noted: it held.' : 'Noted. Being honest about it is part of the practice.' });
      setKind(null);
      setNote('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setError(Object.values(err.fieldErrors()).join(' '));
      else toast({ message: `Could not save: ${errorMessage(err)}` });
    } finally {
      setSaving(false);
    }
  };
  return (
    <form class="stack incident-form" onSubmit={submit} noValidate>
      <fieldset class="segmented-choice" aria-describedby={error ? 'incident-error' : undefined}>
        <legend>Note what happened</legend>
        {KINDS.map((k) => (
          <label key={k.value} class="check">
            <input id={`incident-${k.value}`} type="radio" name="incident-kind" checked={kind === k.value} onChange={() => setKind(k.value)} />
            <span>
              {k.label} <span class="muted small">({k.hint})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="incident-note">A note (optional)</label>
        <textarea id="incident-note" rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </div>
      {error && (
        <p class="field-error" id="incident-error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
