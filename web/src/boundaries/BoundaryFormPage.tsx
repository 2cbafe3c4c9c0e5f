// Add a boundary (/boundaries/new) or change one (/boundaries/:id/edit): the area, who it
// concerns, the limit in one sentence, why it matters, the words to say it (built from
// "When …" and "I will …", with the message builder's suggestions) and the plan if it is
// crossed.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate, type Location } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { composeScript } from '../communicate/compose';
import { HintList, useFeedback } from '../communicate/Hints';
import { usePeople } from '../communicate/parts';
import { AREAS, boundaryApi, type Area, type Boundary } from './api';
import { BoundariesNav } from './parts';

export function BoundaryFormPage({ loc, id }: { loc?: Location; id?: number }) {
  useTitle(id ? 'Change a boundary' : 'Add a boundary');
  const existing = useLoad(() => (id ? boundaryApi.get(id) : Promise.resolve(null)), [id]);
  if (id && existing.loading) return <Loading />;
  if (id && (existing.error || !existing.data)) return <ErrorNote error={existing.error} retry={existing.reload} />;
  const w = loc?.query.get('with');
  return <BoundaryForm key={id ?? 'new'} saved={existing.data} initialPerson={w && /^\d+$/.test(w) ? Number(w) : null} />;
}

function BoundaryForm({ saved, initialPerson }: { saved: Boundary | null; initialPerson: number | null }) {
  const toast = useToast();
  const { people } = usePeople();
  const [area, setArea] = useState<Area | ''>(saved?.area ?? '');
  const [person, setPerson] = useState<string>(saved?.person ? String(saved.person) : initialPerson ? String(initialPerson) : '');
  const [limit, setLimit] = useState(saved?.limit ?? '');
  const [why, setWhy] = useState(saved?.why ?? '');
  const [when, setWhen] = useState('');
  const [will, setWill] = useState('');
  const [script, setScript] = useState(saved?.script ?? '');
  const [ownScript, setOwnScript] = useState(!!saved?.script);
  const [ifCrossed, setIfCrossed] = useState(saved?.if_crossed ?? '');
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
  const feedback = useFeedback(script);

  useEffect(() => {
    if (!ownScript) setScript(composeScript(when, will));
  }, [when, will, ownScript]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!area) local.area = 'Choose the area it belongs to.';
    if (!limit.trim()) local.limit = 'Say the limit in one sentence.';
    setErrors(local);
    if (Object.keys(local).length) {
      document.getElementById(local.area ? `area-${AREAS[0].value}` : 'boundary-limit')?.focus();
      return;
    }
    setSaving(true);
    try {
      const body = {
        area: area as Area,
        person: person ? Number(person) : null,
        limit,
        why,
        script,
        if_crossed: ifCrossed,
      };
      const b = saved ? await boundaryApi.update(saved.id, body) : await boundaryApi.add(body);
      toast({ message: saved ? 'Saved your changes.' : 'Added. Practise saying it a few times; it gets steadier.' });
      navigate(`/boundaries/${b.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setErrors(err.fieldErrors());
      else toast({ message: `Could not save: ${errorMessage(err)}` });
    } finally {
      setSaving(false);
    }
  };
  const err = (f: string) =>
    errors[f] ? (
      <p class="field-error" id={`boundary-${f}-error`}>
        {errors[f]}
      </p>
    ) : null;
  const described = (f: string, hint?: string) =>
    [hint, errors[f] ? `boundary-${f}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div class="page boundaries-page">
      <BoundariesNav current={saved ? null : 'new'} />
      <h1>{saved ? 'Change this boundary' : 'Add a boundary'}</h1>
      <p class="lead">
        A boundary says what you will do, not what someone else must do. It protects something that matters to you, and
        it can be said kindly.
      </p>
      <form class="stack boundary-form" onSubmit={submit} noValidate>
        <fieldset class="area-choice" aria-describedby={errors.area ? 'boundary-area-error' : undefined}>
          <legend>Area</legend>
          <div class="area-grid">
            {AREAS.map((a) => (
              <label key={a.value} class={`area-option${area === a.value ? ' chosen' : ''}`}>
                <input id={`area-${a.value}`} type="radio" name="area" value={a.value} checked={area === a.value} onChange={() => (clear('area'), setArea(a.value))} />
                <span class="area-name">{a.label}</span>
                <span class="area-example">{a.example}</span>
              </label>
            ))}
          </div>
          {err('area')}
        </fieldset>
        <div class="field">
          <label for="boundary-person">Who it concerns</label>
          <select id="boundary-person" value={person} onChange={(e) => setPerson((e.target as HTMLSelectElement).value)}>
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
          {err('person')}
        </div>
        <div class="field">
          <label for="boundary-limit">The limit, in one sentence</label>
          <input
            id="boundary-limit"
            type="text"
            maxLength={500}
            value={limit}
            placeholder="I don't answer work messages after eight"
            aria-invalid={errors.limit ? 'true' : undefined}
            aria-describedby={described('limit')}
            onInput={(e) => (clear('limit'), setLimit((e.target as HTMLInputElement).value))}
          />
          {err('limit')}
        </div>
        <div class="field">
          <label for="boundary-why">Why it matters to you (optional)</label>
          <textarea id="boundary-why" rows={2} value={why} onInput={(e) => setWhy((e.target as HTMLTextAreaElement).value)} />
          {err('why')}
        </div>
        <section class="card script-builder" aria-labelledby="script-title">
          <h2 id="script-title">The words you will say</h2>
          <p class="muted small">
            Name the situation, then what you will do. Keep it short enough to say in one breath.
          </p>
          {!ownScript && (
            <div class="two-col">
              <div class="field">
                <label for="boundary-when">When…</label>
                <input id="boundary-when" type="text" value={when} placeholder="work messages come after eight" onInput={(e) => setWhen((e.target as HTMLInputElement).value)} />
              </div>
              <div class="field">
                <label for="boundary-will">I will…</label>
                <input id="boundary-will" type="text" value={will} placeholder="answer them in the morning" onInput={(e) => setWill((e.target as HTMLInputElement).value)} />
              </div>
            </div>
          )}
          <div class="field">
            <label for="boundary-script">Script</label>
            <textarea
              id="boundary-script"
              rows={3}
              value={script}
              aria-invalid={errors.script ? 'true' : undefined}
              aria-describedby={described('script')}
              onInput={(e) => {
                setOwnScript(true);
                setScript((e.target as HTMLTextAreaElement).value);
              }}
            />
            {err('script')}
            {ownScript && (
              <p class="small">
                <button
                  type="button"
                  class="link-button"
                  onClick={() => {
                    setOwnScript(false);
                    setScript(composeScript(when, will));
                  }}
                >
                  Build it from “When…” and “I will…” instead
                </button>
              </p>
            )}
          </div>
          <HintList id="script-hints" hints={feedback.hints} checking={feedback.checking} failed={feedback.failed} />
        </section>
        <div class="field">
          <label for="boundary-if-crossed">If it is crossed, I will… (optional)</label>
          <textarea id="boundary-if-crossed" rows={2} value={ifCrossed} onInput={(e) => setIfCrossed((e.target as HTMLTextAreaElement).value)} />
          {err('if_crossed')}
        </div>
        <div class="actions">
          <button type="submit" class="button primary" disabled={saving}>
            {saving ? 'Saving…' : saved ? 'Save changes' : 'Add boundary'}
          </button>
          <Link class="button quiet" href={saved ? `/boundaries/${saved.id}` : '/boundaries'}>
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
