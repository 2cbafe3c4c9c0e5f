// The full reflection form. A new reflection's draft is kept in this browser while typing
// (localStorage), so a reload or a closed tab loses nothing; it is cleared once saved.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { navigate } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import {
  FIELD_LABELS,
  isoFromLocalInput,
  localInputValue,
  markCrisis,
  reflectApi,
  TEXT_FIELDS,
  TEXT_LIMIT,
  type Activation,
  type Reflection,
  type TextField,
} from './api';
import { EmotionGrid, Intensity, PeoplePicker, TagInput } from './parts';

interface Draft {
  when: string;
  people: number[];
  emotions: { word: string; intensity: number }[];
  tags: string;
  activation: Activation | '';
  texts: Record<TextField, string>;
}

const DRAFT_KEY = 'securebase:reflection-draft';

function emptyDraft(): Draft {
  return {
    when: localInputValue(new Date()),
    people: [],
    emotions: [],
    tags: '',
    activation: '',
    texts: Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextField, string>,
  };
}

function fromReflection(r: Reflection): Draft {
  return {
    when: r.happened_at.slice(0, 16),
    people: r.people.map((p) => p.id),
    emotions: r.emotions.map((e) => ({ word: e.word, intensity: e.intensity })),
    tags: r.tags.join(', '),
    activation: r.activation ?? '',
    texts: Object.fromEntries(TEXT_FIELDS.map((f) => [f, r[f]])) as Record<TextField, string>,
  };
}

function loadDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    return raw ? ({ ...emptyDraft(), ...JSON.parse(raw) } as Draft) : null;
  } catch {
    return null;
  }
}

const MOVES: { value: Activation; label: string; hint: string }[] = [
  { value: 'toward', label: 'Toward them', hint: 'seeking reassurance, protesting, checking, reaching out' },
  { value: 'away', label: 'Away', hint: 'going quiet, pulling back, shutting down, handling it alone' },
  { value: 'neither', label: 'Neither', hint: 'I stayed with it, or it was not about closeness' },
];

export function ReflectionFormPage({ id }: { id?: number }) {
  useTitle(id ? 'Edit reflection' : 'Write a reflection');
  const existing = useLoad(() => (id ? reflectApi.get(id) : Promise.resolve(null)), [id]);
  const emotions = useLoad(() => reflectApi.emotions(), []);
  const people = useLoad(() => api.people(), []);
  const prompts = useLoad(() => reflectApi.prompts(), []);
  const tags = useLoad(() => reflectApi.tags(), []);
  const toast = useToast();
  const [draft, setDraft] = useState<Draft | null>(id ? null : loadDraft() ?? emptyDraft());
  const [restored] = useState(!id && loadDraft() !== null);
  const [ownWord, setOwnWord] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (id && existing.data && !draft) setDraft(fromReflection(existing.data));
  }, [existing.data]);

  // Keep the draft of a new reflection as the person types.
  useEffect(() => {
    if (id || !draft) return;
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    } catch {
      /* storage full or off: the form still works */
    }
  }, [draft]);

  if (existing.loading || emotions.loading || !draft) return <Loading />;
  if (existing.error) return <ErrorNote error={existing.error} retry={existing.reload} />;
  if (emotions.error) return <ErrorNote error={emotions.error} retry={emotions.reload} />;

  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setText = (f: TextField, v: string) => set({ texts: { ...draft.texts, [f]: v } });
  const toggle = (word: string) =>
    set({
      emotions: draft.emotions.some((e) => e.word === word)
        ? draft.emotions.filter((e) => e.word !== word)
        : [...draft.emotions, { word, intensity: 5 }],
    });

  const discard = () => {
    localStorage.removeItem(DRAFT_KEY);
    setDraft(emptyDraft());
    setErrors({});
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const tooLong = TEXT_FIELDS.filter((f) => new TextEncoder().encode(draft.texts[f]).length > TEXT_LIMIT);
    if (tooLong.length) {
      setErrors(Object.fromEntries(tooLong.map((f) => [f, `${FIELD_LABELS[f]} is longer than 100,000 bytes; please shorten it.`])));
      document.getElementById(`rf-${tooLong[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    const body = {
      happened_at: draft.when ? isoFromLocalInput(draft.when) : undefined,
      people: draft.people,
      emotions: draft.emotions,
      tags: draft.tags.split(',').map((t) => t.trim()).filter(Boolean),
      activation: draft.activation || null,
      ...draft.texts,
    };
    try {
      const r = id ? await reflectApi.update(id, body) : await reflectApi.add(body);
      if (!id) localStorage.removeItem(DRAFT_KEY);
      if (r.crisis) markCrisis(r.id);
      toast({ message: id ? 'Changes saved.' : 'Reflection saved.' });
      navigate(`/reflect/${r.id}?saved=1`);
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = err.fieldErrors();
        setErrors(fields);
        setFormError(err.problem.title ?? errorMessage(err));
        const first = Object.keys(fields)[0];
        if (first) document.getElementById(`rf-${first.split(/[.[]/)[0]}`)?.focus();
      } else {
        setFormError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const words = draft.emotions.map((e) => e.word);
  const fieldError = (f: string) =>
    errors[f] && (
      <p class="field-error" id={`rf-${f}-error`}>
        {FIELD_LABELS[f as TextField] ?? f} {errors[f]}
      </p>
    );

  return (
    <div class="page reflect-page">
      <h1>{id ? 'Edit reflection' : 'Write a reflection'}</h1>
      <p class="lead">
        Take your time. Write as much or as little as you like; every part is optional except saying
        something about what happened or how you felt.
      </p>
      {restored && !id && (
        <p class="notice" role="status">
          Your unsaved draft is back.{' '}
          <button type="button" class="button quiet small-button" onClick={discard}>
            Start over
          </button>
        </p>
      )}
      <form class="stack" onSubmit={submit} noValidate>
        {formError && (
          <p class="notice notice-error" role="alert">
            {formError}
          </p>
        )}
        <div class="field">
          <label for="rf-happened_at">When did it happen?</label>
          <input id="rf-happened_at" type="datetime-local" value={draft.when} onInput={(e) => set({ when: (e.target as HTMLInputElement).value })} />
          {fieldError('happened_at')}
        </div>
        <PeoplePicker people={people.data?.items ?? []} chosen={draft.people} onChange={(p) => set({ people: p })} legend="Who was involved?" />
        <section aria-labelledby="rf-feel" class="stack">
          <h2 id="rf-feel">What did you feel?</h2>
          <EmotionGrid emotions={emotions.data?.items ?? []} selected={words} onToggle={toggle} idPrefix="rf" />
          <div class="field own-word">
            <label for="rf-own">Your own word</label>
            <div class="inline-row">
              <input id="rf-own" type="text" autoComplete="off" maxLength={40} value={ownWord} onInput={(e) => setOwnWord((e.target as HTMLInputElement).value)} />
              <button
                type="button"
                class="button quiet"
                onClick={() => {
                  const w = ownWord.trim().toLowerCase();
                  if (w && !words.includes(w)) set({ emotions: [...draft.emotions, { word: w, intensity: 5 }] });
                  setOwnWord('');
                }}
              >
                Add word
              </button>
            </div>
          </div>
          {draft.emotions.map((em, i) => (
            <div key={em.word} class="emotion-intensity">
              <Intensity
                id={`rf-intensity-${i}`}
                label={`How strong was “${em.word}”?`}
                value={em.intensity}
                onChange={(v) => set({ emotions: draft.emotions.map((x) => (x.word === em.word ? { ...x, intensity: v } : x)) })}
              />
              <button type="button" class="button quiet small-button" onClick={() => toggle(em.word)} aria-label={`Remove ${em.word}`}>
                Remove
              </button>
            </div>
          ))}
          {Object.keys(errors)
            .filter((k) => k.startsWith('emotions'))
            .map((k) => (
              <p key={k} class="field-error">
                {k}: {errors[k]}
              </p>
            ))}
        </section>
        {TEXT_FIELDS.map((f) => (
          <div key={f} class="field">
            <label for={`rf-${f}`}>{FIELD_LABELS[f]}</label>
            {prompts.data && (
              <p class="muted small" id={`rf-${f}-hint`}>
                {prompts.data.fields[f]}
              </p>
            )}
            <textarea
              id={`rf-${f}`}
              rows={f === 'situation' ? 4 : 3}
              value={draft.texts[f]}
              aria-describedby={[prompts.data ? `rf-${f}-hint` : '', errors[f] ? `rf-${f}-error` : ''].filter(Boolean).join(' ') || undefined}
              aria-invalid={errors[f] ? true : undefined}
              onInput={(e) => setText(f, (e.target as HTMLTextAreaElement).value)}
            />
            {fieldError(f)}
          </div>
        ))}
        <TagInput id="rf-tags" value={draft.tags} onChange={(v) => set({ tags: v })} suggestions={(tags.data?.items ?? []).map((t) => t.tag)} />
        <fieldset class="moves">
          <legend>Did you move toward them, away, or neither?</legend>
          {MOVES.map((m) => (
            <label key={m.value} class="radio">
              <input type="radio" name="rf-activation" value={m.value} checked={draft.activation === m.value} onChange={() => set({ activation: m.value })} />
              <span>
                <strong>{m.label}</strong> <span class="muted">— {m.hint}</span>
              </span>
            </label>
          ))}
          <label class="radio">
            <input type="radio" name="rf-activation" value="" checked={draft.activation === ''} onChange={() => set({ activation: '' })} />
            <span>Not sure / skip</span>
          </label>
        </fieldset>
        {prompts.data && prompts.data.extra.length > 0 && (
          <aside class="card quiet-card" aria-label="Something to think about">
            <h2>Something to think about</h2>
            <ul>
              {prompts.data.extra.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          </aside>
        )}
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>
            {id ? 'Save changes' : 'Save reflection'}
          </button>
          {!id && (
            <button type="button" class="button quiet" onClick={discard}>
              Clear the form
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
