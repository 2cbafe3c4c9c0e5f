import { allAssessments, api, type Assessment, type Change, type Instrument } from '../api';
import { Plane, type PlanePoint } from '../components/Plane';
import { ScoreMeter } from '../components/ScoreMeter';
import { UnderstandNav } from '../components/SubNav';
import {
  aboutLabel,
  band,
  DIMENSION_MEANING,
  DIRECTIONS,
  fmtDate,
  fmtScore,
  fromCut,
  instrumentLabel,
  styleName,
  STYLES,
} from '../format';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate } from '../router';
import { useToast } from '../components/Toast';
import { errorMessage } from '../api';
import { ErrorNote, Loading } from './Misc';

// Points for a trail: complete, scored, same instrument, oldest first.
export function trailPoints(list: Assessment[], instrument: string, upTo?: Assessment): PlanePoint[] {
  return list
    .filter(
      (a) =>
        a.status === 'complete' &&
        a.instrument === instrument &&
        a.scores.anxiety !== null &&
        a.scores.avoidance !== null &&
        (!upTo || a.id === upTo.id || (a.completed_at ?? '') <= (upTo.completed_at ?? '')),
    )
    .sort((a, b) => (a.completed_at ?? '').localeCompare(b.completed_at ?? '') || a.id - b.id)
    .map((a) => ({
      id: a.id,
      anxiety: a.scores.anxiety!,
      avoidance: a.scores.avoidance!,
      date: a.completed_at,
    }));
}

export function ResultPage({ id }: { id: number }) {
  const state = useLoad(async () => {
    const a = await api.assessment(id);
    const [instruments, earlier] = await Promise.all([
      api.instruments().catch(() => ({ items: [] as Instrument[] })),
      a.status === 'complete'
        ? allAssessments({ about: a.about ? a.about.id : 'general', status: 'complete' })
        : Promise.resolve([] as Assessment[]),
    ]);
    return { a, instruments: instruments.items, earlier };
  }, [id]);
  useTitle('Your result');

  return (
    <div class="page result-page">
      <UnderstandNav current={null} />
      <h1>Your result</h1>
      {state.loading && <Loading />}
      {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
      {state.data && <Result {...state.data} />}
    </div>
  );
}

function Result({ a, instruments, earlier }: { a: Assessment; instruments: Instrument[]; earlier: Assessment[] }) {
  const instrument = instruments.find((i) => i.id === a.instrument);
  const min = instrument?.scale.min ?? 1;
  const max = instrument?.scale.max ?? 7;
  const cutIsMidpoint = Math.abs(a.cut_point - (min + max) / 2) < 1e-9;
  const continueHref = a.about
    ? `/questionnaire/person/${a.about.id}?instrument=${encodeURIComponent(a.instrument)}`
    : `/questionnaire/general?instrument=${encodeURIComponent(a.instrument)}`;
  const historyHref = `/history?about=${a.about ? a.about.id : 'general'}`;

  if (a.status !== 'complete') {
    return (
      <div class="card">
        <p>This questionnaire is not finished yet, so there is no result to show.</p>
        <Link class="button primary" href={continueHref}>
          Continue where you left off
        </Link>
      </div>
    );
  }

  const { anxiety, avoidance } = a.scores;
  const points = trailPoints([...earlier.filter((e) => e.id !== a.id), a], a.instrument, a);
  const style = a.placement?.style;
  const name = styleName(style, a.placement?.style_name);

  return (
    <>
      <p class="result-meta">
        {instrumentLabel(instruments, a.instrument)}, {aboutLabel(a)} · {fmtDate(a.completed_at)}
      </p>
      <div class="result-grid">
        <div class="result-plane">
          {anxiety !== null && avoidance !== null ? (
            <Plane
              idBase={`plane-${a.id}`}
              title={`Your result ${aboutLabel(a)} on the anxiety and avoidance map`}
              cut={a.cut_point}
              min={min}
              max={max}
              points={points}
              currentId={a.id}
            />
          ) : (
            <p class="notice">Too many statements were skipped to place this result on the map.</p>
          )}
        </div>
        <div class="result-text">
          {a.placement && (
            <section class={`card style-card style-${style}`} aria-labelledby="style-title">
              <h2 id="style-title">
                <span class="eyebrow">Your answers fall in the region</span>
                {name}
              </h2>
              {style && <p>{STYLES[style].short}</p>}
              {style && (
                <p>
                  <Link href={`/learn/${style}`}>Read about the {name.toLowerCase()} style</Link>
                </p>
              )}
            </section>
          )}
          <section aria-labelledby="scores-title">
            <h2 id="scores-title">Your two scores</h2>
            <div class="scores">
              <Score
                label="Anxiety"
                value={anxiety}
                meaning={DIMENSION_MEANING.anxiety}
                fromCutText={fromCut(a.placement?.anxiety_from_cut ?? (anxiety === null ? null : anxiety - a.cut_point), cutIsMidpoint)}
                cut={a.cut_point}
                min={min}
                max={max}
              />
              <Score
                label="Avoidance"
                value={avoidance}
                meaning={DIMENSION_MEANING.avoidance}
                fromCutText={fromCut(a.placement?.avoidance_from_cut ?? (avoidance === null ? null : avoidance - a.cut_point), cutIsMidpoint)}
                cut={a.cut_point}
                min={min}
                max={max}
              />
            </div>
          </section>
        </div>
      </div>

      <section class="card change" aria-labelledby="change-title">
        <h2 id="change-title">Since last time</h2>
        {a.change ? (
          <ChangeView change={a.change} />
        ) : (
          <p>
            This is your first result here, so there is nothing to compare with yet. Taking it
            again in a month or two will show whether things are moving.
          </p>
        )}
        <p>
          <Link href="/learn/measuring-change">What does this mean?</Link>
        </p>
      </section>

      <section class="card humble" aria-labelledby="humble-title">
        <h2 id="humble-title">Hold this lightly</h2>
        <p>
          A style is a name for a region of the map, not a diagnosis and not a fixed part of who
          you are. The two scores are the real information, and the regions blend into each
          other: a point near a line is close to both sides. People move on this map, especially
          with safe relationships and practice.
        </p>
      </section>

      <div class="actions">
        <Link class="button primary" href={historyHref}>
          See your history
        </Link>
        <Link class="button" href="/questionnaire">
          Take another questionnaire
        </Link>
        <Link class="button quiet" href="/learn">
          Learn more
        </Link>
        <DeleteResult a={a} historyHref={historyHref} />
      </div>
    </>
  );
}

function Score(props: {
  label: string;
  value: number | null;
  meaning: string;
  fromCutText: string;
  cut: number;
  min: number;
  max: number;
}) {
  return (
    <div class="score card">
      <h3>
        {props.label} <span class="score-value">{fmtScore(props.value)}</span>
        <span class="sr-only"> out of {props.max}</span>
      </h3>
      {props.value !== null && (
        <ScoreMeter value={props.value} cut={props.cut} min={props.min} max={props.max} />
      )}
      <p class="score-where">
        {props.value === null
          ? 'Not enough answers to tell.'
          : `${capital(band(props.value, props.min, props.max))}, ${props.fromCutText}.`}
      </p>
      <p class="muted">{props.meaning}</p>
    </div>
  );
}

function capital(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ChangeView({ change }: { change: Change }) {
  return (
    <>
      <p class="verdict">
        <span class={`badge badge-${change.direction}`}>{DIRECTIONS[change.direction] ?? change.direction}</span>{' '}
        {change.summary}
      </p>
      {change.dimensions.length > 0 && (
        <ul class="change-dims">
          {change.dimensions.map((d) => (
            <li key={d.dimension}>
              <strong>{d.dimension === 'anxiety' ? 'Anxiety' : 'Avoidance'}:</strong> {fmtScore(d.before)} →{' '}
              {fmtScore(d.after)} ({d.difference > 0 ? '+' : d.difference < 0 ? '−' : '±'}
              {Math.abs(d.difference).toFixed(1)}).{' '}
              {d.threshold === null
                ? 'No reliability figures to judge this.'
                : d.reliable
                  ? `Larger than the ${d.threshold.toFixed(2)} needed to be more than measurement noise.`
                  : `Smaller than the ${d.threshold.toFixed(2)} needed to be sure it is more than measurement noise.`}
            </li>
          ))}
        </ul>
      )}
      {change.assumed_figures && (
        <p class="muted small">
          This check uses assumed reliability figures, because none have been measured for this
          questionnaire yet. Treat it as a rough guide.
        </p>
      )}
    </>
  );
}

// Deleting a result, with an undo that brings it back (for answers given by mistake).
function DeleteResult({ a, historyHref }: { a: Assessment; historyHref: string }) {
  const toast = useToast();
  const remove = async () => {
    try {
      await api.removeAssessment(a.id);
      navigate(historyHref);
      toast({
        message: 'Result deleted.',
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await api.restoreAssessment(a.id);
              navigate(`/assessments/${a.id}`);
            } catch (e) {
              toast({ message: `Could not undo: ${errorMessage(e)}` });
            }
          },
        },
      });
    } catch (e) {
      toast({ message: `Could not delete this result: ${errorMessage(e)}` });
    }
  };
  return (
    <button type="button" class="button quiet" onClick={remove}>
      Delete this result
    </button>
  );
}
