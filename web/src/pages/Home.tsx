import { api, type Assessment } from '../api';
import { Plane } from '../components/Plane';
import { fmtDate, fmtScore, styleName, STYLES } from '../format';
import { useLoad, useTitle } from '../hooks';
import { Link } from '../router';
import { ErrorNote, Loading } from './Misc';
import { TodayCard } from '../trust/TodayCard';

export function HomePage() {
  useTitle('');
  const state = useLoad(async () => {
    const [complete, drafts] = await Promise.all([
      api.assessments({ about: 'general', status: 'complete', limit: 1 }),
      api.assessments({ about: 'general', status: 'draft', limit: 1 }),
    ]);
    return { latest: complete.items[0] ?? null, draft: drafts.items[0] ?? null };
  }, []);

  return (
    <div class="page home">
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">A steady place to understand how you connect</h1>
        <p class="lead">
          SecureBase helps you see how you tend to feel and act in close relationships, and
          practise, a little at a time, the habits that make closeness feel safer.
        </p>
      </section>

      <section class="start card" aria-labelledby="start-title">
        <h2 id="start-title">Where to start</h2>
        {state.loading && <Loading />}
        {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
        {state.data && <StartPanel latest={state.data.latest} draft={state.data.draft} />}
      </section>

      <TodayCard />

      <div class="two-col">
        <section class="card" aria-labelledby="is-title">
          <h2 id="is-title">What SecureBase is</h2>
          <ul class="ticks">
            <li>A short questionnaire about worry and distance in relationships, in general or about one person.</li>
            <li>A map that shows where your answers sit, and how that moves over months.</li>
            <li>Plain explanations of attachment, written to be read when you are tired.</li>
            <li>Private: everything stays on this computer.</li>
          </ul>
        </section>
        <section class="card" aria-labelledby="isnot-title">
          <h2 id="isnot-title">What it is not</h2>
          <ul class="crosses">
            <li>Not a diagnosis. A style is a name for a region of the map, not a fact about who you are.</li>
            <li>Not a treatment, and not a replacement for a therapist or a doctor.</li>
            <li>
              Not for emergencies. If you are in danger, <Link href="/help">get help now</Link>.
            </li>
          </ul>
        </section>
      </div>

      <section class="card" aria-labelledby="steps-title">
        <h2 id="steps-title">The path</h2>
        <p>
          SecureBase is built around eight steps. The first is here now; the others will arrive
          over time.
        </p>
        <ol class="path">
          <li class="path-now">
            <Link href="/understand">Understand attachment styles</Link>
          </li>
          <li>Self-awareness</li>
          <li>Emotional regulation</li>
          <li>Open, honest communication</li>
          <li>Trust and reliability</li>
          <li>Emotional availability</li>
          <li>Healthy boundaries</li>
          <li>Professional help</li>
        </ol>
      </section>
    </div>
  );
}

function StartPanel({ latest, draft }: { latest: Assessment | null; draft: Assessment | null }) {
  const draftNewer =
    draft && (!latest || (latest.completed_at ?? '') < (draft.started_at ?? ''));
  if (!latest) {
    return (
      <div class="start-empty">
        <p>
          Begin with a short questionnaire about close relationships in general. It takes about
          five minutes, there are no right answers, and you can stop and come back.
        </p>
        <div class="actions">
          {draft ? (
            <>
              <Link class="button primary big" href={`/questionnaire/general?instrument=${encodeURIComponent(draft.instrument)}`}>
                Continue where you left off
              </Link>
              <span class="muted">
                Started {fmtDate(draft.started_at)}, {Object.keys(draft.answers).length} answered
              </span>
            </>
          ) : (
            <Link class="button primary big" href="/questionnaire/general">
              Take the questionnaire
            </Link>
          )}
        </div>
        <p class="muted small">
          You can also <Link href="/questionnaire">answer it about one person</Link>, like a
          partner or a parent.
        </p>
      </div>
    );
  }
  const style = latest.placement?.style;
  return (
    <div class="start-latest">
      <div class="start-latest-text">
        <p>
          Your latest result, from {fmtDate(latest.completed_at)}, sits in the{' '}
          <strong>{styleName(style, latest.placement?.style_name ?? 'unplaced')}</strong> region
          {' '}(anxiety {fmtScore(latest.scores.anxiety)}, avoidance {fmtScore(latest.scores.avoidance)}).
        </p>
        {style && <p class="muted">{STYLES[style].short}</p>}
        <div class="actions">
          <Link class="button primary" href={`/assessments/${latest.id}`}>
            See your result
          </Link>
          {draftNewer ? (
            <Link class="button" href={`/questionnaire/general?instrument=${encodeURIComponent(draft!.instrument)}`}>
              Continue where you left off
            </Link>
          ) : (
            <Link class="button" href="/questionnaire">
              Take a questionnaire
            </Link>
          )}
          <Link class="button quiet" href="/history">
            Your history
          </Link>
        </div>
      </div>
      {latest.scores.anxiety !== null && latest.scores.avoidance !== null && (
        <Plane
          small
          idBase="home-plane"
          title="Your latest result on the map"
          cut={latest.cut_point}
          points={[
            {
              id: latest.id,
              anxiety: latest.scores.anxiety,
              avoidance: latest.scores.avoidance,
              date: latest.completed_at,
            },
          ]}
        />
      )}
    </div>
  );
}
