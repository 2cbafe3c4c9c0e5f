// Log a conflict (/talk/conflicts/new, ?with=PERSON) or change one (/talk/conflicts/:id/edit):
// when, with whom, what it was about, which of the four horsemen showed up on either side,
// whether either of you was flooded, and where it stands now.
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate, type Location } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { HORSEMAN_INFO, HORSEMEN, OUTCOMES, talkApi, type Conflict, type Horseman, type Outcome } from './api';
import { TalkNav, isoFromLocalInput, localInputValue, usePeople } from './parts';

export function ConflictFormPage({ loc, id }: { loc?: Location; id?: number }) {
  useTitle(id ? 'Change a conflict' : 'Log a conflict');
  const existing = useLoad(() => (id ? talkApi.conflict(id) : Promise.resolve(null)), [id]);
  if (id && existing.loading) return <Loading />;
  if (id && (existing.error || !existing.data)) return <ErrorNote error={existing.error} retry={existing.reload} />;
  const w = loc?.query.get('with');
  return <ConflictForm key={id ?? 'new'} saved={existing.data} initialPerson={w && /^\d+$/.test(w) ? Number(w) : null} />;
}

function HorsemenChoice({ side, value, onChange }: { side: 'me' | 'them'; value: Horseman[]; onChange: (v: Horseman[]) => void }) {
  return (
    <fieldset class="horsemen-choice">
      <legend>{side === 'me' ? 'From me' : 'From them'}</legend>
      <ul class="check-list">
        {HORSEMEN.map((h) => (
          <li key={h}>
            <label class="check">
              <input
                type="checkbox"
                name={`horsemen-${side}`}
                value={h}
                checked={value.includes(h)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  onChange(on ? [...value, h] : value.filter((x) => x !== h));
                }}
              />
              <span>
                <strong>{HORSEMAN_INFO[h].label}</strong>
                <span class="muted small"> {HORSEMAN_INFO[h].looks}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function ConflictForm({ saved, initialPerson }: { saved: Conflict | null; initialPerson: number | null }) {
  const toast = useToast();
  const { people, loaded } = usePeople();
  const [person, setPerson] = useState<string>(saved ? String(saved.person) : initialPerson ? String(initialPerson) : '');
  const [when, setWhen] = useState(localInputValue(saved?.happened));
  const [topic, setTopic] = useState(saved?.topic ?? '');
  const [notes, setNotes] = useState(saved?.notes ?? '');
  const [me, setMe] = useState<Horseman[]>(saved?.horsemen_me ?? []);
  const [them, setThem] = useState<Horseman[]>(saved?.horsemen_them ?? []);
  const [floodedMe, setFloodedMe] = useState(saved?.flooded_me ?? false);
  const [floodedThem, setFloodedThem] = useState(saved?.flooded_them ?? false);
  const [outcome, setOutcome] = useState<Outcome>(saved?.outcome ?? 'not-yet');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  // A field's error goes as soon as the person changes that field.
  const clear = (f: string) =>
    setErrors((e) => {
      if (!(f in e)) return e;
      const n = { ...e };
      delete n[f];
      return n;
    });

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!person) local.person = 'Choose who it was with.';
    if (!topic.trim()) local.topic = 'Say in a few words what it was about.';
    if (!when) local.happened = 'Say when it happened.';
    setErrors(local);
    if (Object.keys(local).length) {
      document.getElementById(local.person ? 'conflict-person' : local.topic ? 'conflict-topic' : 'conflict-when')?.focus();
      return;
    }
    setSaving(true);
    try {
      const body = {
        person: Number(person),
        happened: isoFromLocalInput(when),
        topic,
        notes,
        horsemen_me: me,
        horsemen_them: them,
        flooded_me: floodedMe,
        flooded_them: floodedThem,
        outcome,
      };
      const c = saved ? await talkApi.updateConflict(saved.id, body) : await talkApi.addConflict(body);
      toast({ message: saved ? 'Saved your changes.' : 'Logged. When someone reaches out, add it as a repair.' });
      navigate(`/talk/conflicts/${c.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setErrors(err.fieldErrors());
      else toast({ message: `Could not save: ${errorMessage(err)}` });
    } finally {
      setSaving(false);
    }
  };

  const err = (f: string) =>
    errors[f] ? (
      <p class="field-error" id={`conflict-${f}-error`}>
        {errors[f]}
      </p>
    ) : null;
  return (
    <div class="page talk-page">
      <TalkNav current="conflicts" />
      <h1>{saved ? 'Change this conflict' : 'Log a conflict'}</h1>
      <p class="lead">
        Write it down without judging yourself or them. The point is to see, over time, what helps the two of you find
        your way back.
      </p>
      <form class="stack conflict-form" onSubmit={submit} noValidate>
        <div class="two-col">
          <div class="field">
            <label for="conflict-person">With whom</label>
            <select
              id="conflict-person"
              value={person}
              aria-invalid={errors.person ? 'true' : undefined}
              aria-describedby={errors.person ? 'conflict-person-error' : undefined}
              onChange={(e) => (clear('person'), setPerson((e.target as HTMLSelectElement).value))}
            >
              <option value="">Choose someone</option>
              {people.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
            </select>
            {err('person')}
            {loaded && people.length === 0 && (
              <p class="small">
                First <Link href="/people?then=/talk/conflicts/new">add the person</Link> it was with.
              </p>
            )}
          </div>
          <div class="field">
            <label for="conflict-when">When</label>
            <input
              id="conflict-when"
              type="datetime-local"
              value={when}
              aria-invalid={errors.happened ? 'true' : undefined}
              onInput={(e) => (clear('happened'), setWhen((e.target as HTMLInputElement).value))}
            />
            {err('happened')}
          </div>
        </div>
        <div class="field">
          <label for="conflict-topic">What it was about</label>
          <input
            id="conflict-topic"
            type="text"
            maxLength={200}
            value={topic}
            placeholder="chores, money, time together…"
            aria-invalid={errors.topic ? 'true' : undefined}
            aria-describedby={errors.topic ? 'conflict-topic-error' : undefined}
            onInput={(e) => (clear('topic'), setTopic((e.target as HTMLInputElement).value))}
          />
          {err('topic')}
          <p class="muted small">A word or two you would use again, so recurring topics show up.</p>
        </div>
        <div class="field">
          <label for="conflict-notes">How it went (optional)</label>
          <textarea id="conflict-notes" rows={3} value={notes} onInput={(e) => setNotes((e.target as HTMLTextAreaElement).value)} />
          {err('notes')}
        </div>
        <section aria-labelledby="horsemen-title" class="card horsemen">
          <h2 id="horsemen-title">Which of these showed up?</h2>
          <p class="muted small">
            Four habits that make conflict harder. Almost everyone slips into them sometimes; noticing is the first step.
          </p>
          <div class="two-col">
            <HorsemenChoice side="me" value={me} onChange={setMe} />
            <HorsemenChoice side="them" value={them} onChange={setThem} />
          </div>
        </section>
        <fieldset class="flooded">
          <legend>Was anyone flooded?</legend>
          <p class="muted small">
            Flooded: heart racing, mind blank, wanting to flee or fight. A break of at least twenty minutes helps before
            trying again.
          </p>
          <label class="check">
            <input type="checkbox" checked={floodedMe} onChange={(e) => setFloodedMe((e.target as HTMLInputElement).checked)} />
            <span>I was</span>
          </label>
          <label class="check">
            <input type="checkbox" checked={floodedThem} onChange={(e) => setFloodedThem((e.target as HTMLInputElement).checked)} />
            <span>They were</span>
          </label>
        </fieldset>
        <div class="field">
          <label for="conflict-outcome">Where it stands</label>
          <select id="conflict-outcome" value={outcome} onChange={(e) => setOutcome((e.target as HTMLSelectElement).value as Outcome)}>
            {OUTCOMES.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button primary" disabled={saving}>
            {saving ? 'Saving…' : saved ? 'Save changes' : 'Log it'}
          </button>
          <Link class="button quiet" href={saved ? `/talk/conflicts/${saved.id}` : '/talk/conflicts'}>
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
