// Taking a questionnaire: one statement per screen, the scale as big buttons, keys 1-7
// to answer and Backspace/Left to go back. Answers are autosaved to a draft (created on
// the first answer, PATCHed after that, debounced); the last answer completes it.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  api,
  ApiError,
  errorMessage,
  type Assessment,
  type InstrumentDetail,
  type Item,
  type Person,
} from '../api';
import { UnderstandNav } from '../components/SubNav';
import { useToast } from '../components/Toast';
import { fieldSentence, fmtDate } from '../format';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate, type Location } from '../router';
import { ErrorNote, Loading } from './Misc';

type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

// Serialises saves so a POST that creates the draft finishes before any PATCH.
class DraftSaver {
  id: number | null;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: number | undefined;
  private since = 0;

  constructor(
    id: number | null,
    private readonly instrument: string,
    private readonly about: number | null,
    private readonly answers: () => Record<string, number>,
    private readonly status: (s: SaveStatus) => void,
  ) {
    this.id = id;
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  // Debounced, but never holds answers back for more than maxWaitMs while typing fast.
  schedule(delayMs = 400, maxWaitMs = 2000): void {
    const now = Date.now();
    if (this.timer === undefined) this.since = now;
    window.clearTimeout(this.timer);
    if (now - this.since >= maxWaitMs) {
      this.timer = undefined;
      this.save(false).catch(() => {});
      return;
    }
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      this.save(false).catch(() => {});
    }, delayMs);
  }

  save(complete: boolean): Promise<Assessment | null> {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    const run = async (): Promise<Assessment | null> => {
      const answers = { ...this.answers() };
      if (this.id === null && Object.keys(answers).length === 0 && !complete) return null;
      this.status('saving');
      try {
        const a =
          this.id === null
            ? await api.startAssessment({ instrument: this.instrument, about: this.about, answers, complete })
            : await api.updateAssessment(this.id, { answers, complete });
        this.id = a.id;
        this.status('saved');
        return a;
      } catch (e) {
        this.status('error');
        throw e;
      }
    };
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => {});
    return p;
  }
}

interface Loaded {
  instrument: InstrumentDetail;
  person: Person | null;
  draft: Assessment | null;
}

export function TakePage({ about, loc }: { about: number | null; loc: Location }) {
  const instrumentId = loc.query.get('instrument') || (about === null ? 'crr-general' : 'crr-person');
  const state = useLoad<Loaded>(async () => {
    const [instrument, people, drafts] = await Promise.all([
      api.instrument(instrumentId),
      about === null ? Promise.resolve(null) : api.people(),
      api.assessments({ about: about ?? 'general', status: 'draft', limit: 50 }),
    ]);
    let person: Person | null = null;
    if (about !== null) {
      person = people?.items.find((p) => p.id === about) ?? null;
      if (!person) throw new ApiError(404, { detail: 'We could not find this person. They may have been removed.' });
    }
    const draft = drafts.items.find((d) => d.instrument === instrumentId) ?? null;
    return { instrument, person, draft };
  }, [instrumentId, about]);

  const whom = about === null ? 'in general' : state.data?.person ? `about ${state.data.person.name}` : 'about a person';
  useTitle(`Questionnaire ${whom}`);

  return (
    <div class="page take-page">
      <UnderstandNav current="take" />
      <h1>
        <span class="eyebrow">{state.data?.instrument.name ?? 'Questionnaire'}</span>
        Questionnaire {whom}
      </h1>
      {state.loading && <Loading />}
      {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
      {state.data && !state.data.instrument.has_wording && (
        <div class="notice">
          <p>
            Scoring key only — load your licensed wording file to take it. You can still score
            answers you already have with the command line.
          </p>
          <Link href="/understand">Back to the questionnaires</Link>
        </div>
      )}
      {state.data && state.data.instrument.has_wording && state.data.instrument.target === 'person' && !state.data.person && (
        <div class="notice">
          <p>This questionnaire is about one person. Choose who it is about first.</p>
          <Link class="button" href={`/questionnaire?instrument=${encodeURIComponent(state.data.instrument.id)}`}>
            Choose a person
          </Link>
        </div>
      )}
      {state.data && state.data.instrument.has_wording && !(state.data.instrument.target === 'person' && !state.data.person) && (
        <Taker
          instrument={state.data.instrument}
          person={state.data.person}
          draft={state.data.draft}
          about={about}
        />
      )}
    </div>
  );
}

function personalise(text: string, person: Person | null): string {
  return person ? text.split('{person}').join(person.name) : text;
}

function Taker({
  instrument,
  person,
  draft,
  about,
}: {
  instrument: InstrumentDetail;
  person: Person | null;
  draft: Assessment | null;
  about: number | null;
}) {
  const items = instrument.items;
  // State drives rendering; the refs mirror it so that key presses arriving before the
  // next render (fast typing) act on the latest values, never on a stale closure.
  const [phase, setPhaseState] = useState<'intro' | 'items' | 'finishing'>('intro');
  const [index, setIndexState] = useState(0);
  const [answers, setAnswersState] = useState<Record<string, number>>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const phaseRef = useRef(phase);
  const indexRef = useRef(0);
  const answersRef = useRef<Record<string, number>>({});
  const saverRef = useRef<DraftSaver | null>(null);
  const advanceTimer = useRef<number | undefined>(undefined);
  const questionRef = useRef<HTMLSpanElement>(null);
  const toast = useToast();

  const setPhase = (p: 'intro' | 'items' | 'finishing') => {
    phaseRef.current = p;
    setPhaseState(p);
  };
  const setIndex = (i: number) => {
    indexRef.current = i;
    setIndexState(i);
  };
  const setAnswers = (a: Record<string, number>) => {
    answersRef.current = a;
    setAnswersState(a);
  };

  const begin = (fromDraft: Assessment | null) => {
    const start = fromDraft ? { ...fromDraft.answers } : {};
    setAnswers(start);
    saverRef.current = new DraftSaver(
      fromDraft?.id ?? null,
      instrument.id,
      about,
      () => answersRef.current,
      setStatus,
    );
    const firstOpen = items.findIndex((it) => !(it.id in start));
    setIndex(firstOpen === -1 ? items.length - 1 : firstOpen);
    setStatus(fromDraft ? 'saved' : 'idle');
    setPhase('items');
  };

  // Save whatever is pending when the page goes away mid-way.
  useEffect(() => {
    return () => {
      window.clearTimeout(advanceTimer.current);
      const s = saverRef.current;
      if (s?.pending) s.save(false).catch(() => {});
    };
  }, []);

  useEffect(() => {
    if (phase === 'items') questionRef.current?.focus({ preventScroll: true });
  }, [phase, index]);

  const finish = async () => {
    const saver = saverRef.current;
    if (!saver || phaseRef.current === 'finishing') return;
    setPhase('finishing');
    setError(null);
    try {
      const a = await saver.save(true);
      if (a) navigate(`/assessments/${a.id}`, { replace: true });
    } catch (e) {
      setPhase('items');
      if (e instanceof ApiError) {
        const fields = e.fieldErrors();
        const bad = items.findIndex((it) => `answers.${it.id}` in fields || it.id in fields);
        if (bad !== -1) {
          setIndex(bad);
          setError(fieldSentence('This answer', fields[`answers.${items[bad].id}`] ?? fields[items[bad].id]));
          return;
        }
      }
      setError(`We could not finish: ${errorMessage(e)}`);
    }
  };

  const answer = (value: number, via: 'key' | 'pointer') => {
    if (phaseRef.current !== 'items' || advanceTimer.current !== undefined) return;
    const at = indexRef.current;
    const item = items[at];
    const next = { ...answersRef.current, [item.id]: value };
    setAnswers(next);
    setError(null);
    const open = items.findIndex((it) => !(it.id in next));
    if (open === -1) {
      // The last open answer completes the questionnaire (one save with complete:true).
      finish();
      return;
    }
    saverRef.current?.schedule();
    const target = at < items.length - 1 ? at + 1 : open;
    if (via === 'key') {
      setIndex(target);
    } else {
      // A short pause so the chosen button is seen before the next statement.
      advanceTimer.current = window.setTimeout(() => {
        advanceTimer.current = undefined;
        setIndex(target);
      }, 180);
    }
  };

  const back = () => {
    if (phaseRef.current !== 'items') return;
    window.clearTimeout(advanceTimer.current);
    advanceTimer.current = undefined;
    setIndex(Math.max(0, indexRef.current - 1));
  };

  const forward = () => {
    if (phaseRef.current !== 'items') return;
    const at = indexRef.current;
    const item = items[at];
    if (item && item.id in answersRef.current && at < items.length - 1) setIndex(at + 1);
  };

  const saveAndLeave = async () => {
    const saver = saverRef.current;
    try {
      if (saver) await saver.save(false);
      toast({ message: 'Saved. You can continue where you left off any time.' });
      navigate('/understand');
    } catch (e) {
      setError(`We could not save: ${errorMessage(e)}`);
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (phaseRef.current !== 'items') return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (document.querySelector('dialog[open]')) return;
    const { min, max } = instrument.scale;
    if (/^[0-9]$/.test(e.key)) {
      const v = Number(e.key);
      if (v >= min && v <= max) {
        e.preventDefault();
        answer(v, 'key');
      }
    } else if (e.key === 'Backspace' || e.key === 'ArrowLeft') {
      e.preventDefault();
      back();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      forward();
    }
  };
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyRef.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const answeredCount = useMemo(
    () => items.filter((it) => it.id in answers).length,
    [answers, items],
  );

  if (items.length === 0) {
    return <ErrorNote error={new Error('This questionnaire has no statements.')} />;
  }

  if (phase === 'intro') {
    return (
      <Intro
        instrument={instrument}
        person={person}
        draft={draft}
        onStart={() => begin(null)}
        onResume={() => begin(draft)}
      />
    );
  }

  const item: Item = items[index];
  const values: number[] = [];
  for (let v = instrument.scale.min; v <= instrument.scale.max; v++) values.push(v);
  const anchor = (v: number) => instrument.scale.anchors.find((a) => a.value === v)?.label ?? '';
  const text = personalise(item.text, person) || `Statement ${item.number} (its wording is not available)`;
  const chosen = answers[item.id];

  return (
    <div class="taker" aria-busy={phase === 'finishing'}>
      <div class="take-progress">
        <span class="take-count" id="take-count">
          {index + 1} of {items.length}
        </span>
        <progress
          max={items.length}
          value={answeredCount}
          aria-label={`${answeredCount} of ${items.length} answered`}
        />
      </div>
      <fieldset class="question" aria-describedby="take-hint">
        <legend class="question-legend">
          <span class="sr-only">Statement {index + 1} of {items.length}: </span>
          <span ref={questionRef} tabindex={-1} class="question-text">
            {text}
          </span>
        </legend>
        <div class={`scale scale-${values.length}`}>
          {values.map((v) => (
            <button
              key={v}
              type="button"
              class={`scale-button${chosen === v ? ' chosen' : ''}`}
              aria-pressed={chosen === v}
              disabled={phase === 'finishing'}
              onClick={() => answer(v, 'pointer')}
            >
              <span class="scale-num">{v}</span>
              <span class="scale-label">{anchor(v)}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <p class="key-hint" id="take-hint">
        Keys: {instrument.scale.min}–{instrument.scale.max} answer, Backspace or ← goes back.
      </p>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div class="take-nav">
        <button type="button" class="button" onClick={back} disabled={index === 0 || phase === 'finishing'}>
          ← Back
        </button>
        {chosen !== undefined && index < items.length - 1 && (
          <button type="button" class="button" onClick={forward}>
            Next →
          </button>
        )}
        {chosen !== undefined && answeredCount === items.length && (
          <button type="button" class="button primary" onClick={finish} disabled={phase === 'finishing'}>
            See my result
          </button>
        )}
        <span class="spacer" />
        <button type="button" class="button quiet" onClick={saveAndLeave} disabled={phase === 'finishing'}>
          Save and leave
        </button>
      </div>
      <p class="save-status muted small" aria-live="polite">
        {phase === 'finishing'
          ? 'Working out your result…'
          : status === 'saving'
            ? 'Saving…'
            : status === 'saved'
              ? 'Your answers are saved.'
              : status === 'error'
                ? 'Not saved yet. We will try again with your next answer.'
                : ''}
      </p>
    </div>
  );
}

function Intro({
  instrument,
  person,
  draft,
  onStart,
  onResume,
}: {
  instrument: InstrumentDetail;
  person: Person | null;
  draft: Assessment | null;
  onStart: () => void;
  onResume: () => void;
}) {
  const n = instrument.items.length;
  const minutes = Math.max(2, Math.round(n / 6));
  const answered = draft ? instrument.items.filter((it) => it.id in draft.answers).length : 0;
  return (
    <div class="card intro">
      {draft ? (
        <>
          <h2>Welcome back</h2>
          <p>
            You started this on {fmtDate(draft.started_at)} and answered {answered} of {n}.
          </p>
          <div class="actions">
            <button type="button" class="button primary big" onClick={onResume}>
              Continue where you left off
            </button>
            <button type="button" class="button quiet" onClick={onStart}>
              Start again
            </button>
          </div>
        </>
      ) : (
        <>
          <h2>Before you begin</h2>
          <ul class="ticks">
            <li>
              {n} short statements {person ? <>about you and {person.name}</> : 'about close relationships in general'}, about {minutes} minutes.
            </li>
            <li>For each one, choose how much it sounds like you{person ? ' with them' : ''}. There are no right answers.</li>
            <li>Your answers save as you go. You can stop and come back.</li>
            <li>On a keyboard, press {instrument.scale.min}–{instrument.scale.max} to answer and Backspace to go back.</li>
          </ul>
          {!instrument.validated && (
            <p class="muted small">
              This is a reflection tool written for SecureBase, not a validated clinical test.
            </p>
          )}
          <div class="actions">
            <button type="button" class="button primary big" onClick={onStart}>
              Begin
            </button>
          </div>
        </>
      )}
    </div>
  );
}
