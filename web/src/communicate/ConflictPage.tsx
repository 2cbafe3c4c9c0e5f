// One conflict (/talk/conflicts/:id): what happened, the repair timeline, adding a repair,
// changing where it stands, and deleting it (with undo).
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { HORSEMAN_INFO, OUTCOMES, durationWords, outcomeLabel, talkApi, type Conflict, type Horseman, type Outcome } from './api';
import { TalkNav, dateWords, usePeople } from './parts';

const timeFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const when = (iso: string) => timeFmt.format(new Date(iso));

function Horsemen({ list }: { list: Horseman[] }) {
  if (list.length === 0) return <span class="muted">none noted</span>;
  return <>{list.map((h) => HORSEMAN_INFO[h].label).join(', ')}</>;
}

export function ConflictPage({ id }: { id: number }) {
  useTitle('Conflict');
  const state = useLoad(() => talkApi.conflict(id), [id]);
  const { name } = usePeople();
  const toast = useToast();
  if (state.loading && !state.data) return <Loading />;
  if (state.error || !state.data) return <ErrorNote error={state.error} retry={state.reload} />;
  const c = state.data;

  const setOutcome = async (o: Outcome) => {
    try {
      state.setData(await talkApi.updateConflict(c.id, { outcome: o }));
      toast({ message: `Marked: ${outcomeLabel(o).toLowerCase()}.` });
    } catch (e) {
      toast({ message: `Could not change it: ${errorMessage(e)}` });
    }
  };

  const remove = async () => {
    try {
      await talkApi.removeConflict(c.id);
      navigate('/talk/conflicts');
      toast({
        message: `Deleted “${c.topic}”.`,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await talkApi.restoreConflict(c.id);
              navigate(`/talk/conflicts/${c.id}`);
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

  return (
    <div class="page talk-page">
      <TalkNav current="conflicts" />
      <p class="muted">
        <Link href="/talk/conflicts">All conflicts</Link>
      </p>
      <h1>{c.topic}</h1>
      <dl class="facts conflict-facts">
        <dt>With</dt>
        <dd>{name(c.person)}</dd>
        <dt>When</dt>
        <dd>{dateWords(c.happened)}</dd>
        <dt>From me</dt>
        <dd>
          <Horsemen list={c.horsemen_me} />
        </dd>
        <dt>From them</dt>
        <dd>
          <Horsemen list={c.horsemen_them} />
        </dd>
        <dt>Flooded</dt>
        <dd>
          {c.flooded_me && c.flooded_them ? 'Both of us' : c.flooded_me ? 'Me' : c.flooded_them ? 'Them' : 'Neither'}
        </dd>
      </dl>
      {c.notes && <p class="conflict-notes">{c.notes}</p>}
      <div class="field inline-field">
        <label for="conflict-outcome-now">Where it stands</label>
        <select id="conflict-outcome-now" value={c.outcome} onChange={(e) => setOutcome((e.target as HTMLSelectElement).value as Outcome)}>
          {OUTCOMES.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Repair timeline</h2>
        <ol class="timeline">
          <li class="timeline-start">
            <span class="timeline-when">{when(c.happened)}</span>
            <span>The conflict</span>
          </li>
          {c.repairs.map((r) => (
            <li key={r.id} class={`timeline-repair by-${r.by}`}>
              <span class="timeline-when">{when(r.at)}</span>
              <span>
                <strong>{r.by === 'me' ? 'I reached out' : 'They reached out'}:</strong> {r.what}
              </span>
            </li>
          ))}
          {c.outcome === 'repaired' && c.repaired_at && (
            <li class="timeline-end">
              <span class="timeline-when">{when(c.repaired_at)}</span>
              <span>
                Repaired, {durationWords(Math.max(0, Date.parse(c.repaired_at) - Date.parse(c.happened)))} after it began
              </span>
            </li>
          )}
        </ol>
        {c.repairs.length === 0 && (
          <p class="muted">No repair attempts yet. Any small step toward each other counts: note it below.</p>
        )}
      </section>
      <RepairForm conflict={c} onSaved={(updated) => state.setData(updated)} />
      <div class="actions">
        <Link class="button" href={`/talk/conflicts/${c.id}/edit`}>
          Change details
        </Link>
        <button type="button" class="button quiet" onClick={remove}>
          Delete
        </button>
      </div>
    </div>
  );
}

function RepairForm({ conflict, onSaved }: { conflict: Conflict; onSaved: (c: Conflict) => void }) {
  const toast = useToast();
  const [by, setBy] = useState<'me' | 'them'>('me');
  const [what, setWhat] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!what.trim()) {
      setError('Say what was said or done, even in a few words.');
      document.getElementById('repair-what')?.focus();
      return;
    }
    setSaving(true);
    setError('');
    try {
      const c = await talkApi.addRepair(conflict.id, { by, what, ...(outcome ? { outcome } : {}) });
      onSaved(c);
      setWhat('');
      setOutcome('');
      toast({ message: 'Repair added to the timeline.' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setError(Object.values(err.fieldErrors()).join(' '));
      else toast({ message: `Could not save: ${errorMessage(err)}` });
    } finally {
      setSaving(false);
    }
  };
  return (
    <form class="card stack repair-form" onSubmit={submit} noValidate aria-labelledby="repair-title">
      <h2 id="repair-title">Add a repair attempt</h2>
      <fieldset class="segmented-choice">
        <legend>Who reached out</legend>
        <label class="check">
          <input type="radio" name="repair-by" checked={by === 'me'} onChange={() => setBy('me')} />
          <span>I did</span>
        </label>
        <label class="check">
          <input type="radio" name="repair-by" checked={by === 'them'} onChange={() => setBy('them')} />
          <span>They did</span>
        </label>
      </fieldset>
      <div class="field">
        <label for="repair-what">What was said or done</label>
        <textarea
          id="repair-what"
          rows={2}
          value={what}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'repair-what-error' : undefined}
          onInput={(e) => setWhat((e.target as HTMLTextAreaElement).value)}
        />
        {error && (
          <p class="field-error" id="repair-what-error">
            {error}
          </p>
        )}
      </div>
      <div class="field">
        <label for="repair-outcome">And now it is</label>
        <select id="repair-outcome" value={outcome} onChange={(e) => setOutcome((e.target as HTMLSelectElement).value as Outcome | '')}>
          <option value="">Unchanged ({outcomeLabel(conflict.outcome).toLowerCase()})</option>
          {OUTCOMES.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="button primary" disabled={saving}>
          {saving ? 'Saving…' : 'Add repair'}
        </button>
      </div>
    </form>
  );
}
