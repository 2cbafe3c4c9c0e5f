// Step 3's start page: "I'm activated right now" in one tap, and every practice.
import { useLoad, useTitle } from '../hooks';
import { Link } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { lengthText, regulateApi, SUITS_TEXT, type Practice } from './api';
import { RegulateNav } from './parts';

export function RegulatePage() {
  useTitle('Regulate');
  const state = useLoad(() => regulateApi.practices(), []);
  return (
    <div class="page">
      <RegulateNav current="practices" />
      <h1>
        <span class="eyebrow">Step 3</span>Calm your body, come back to yourself
      </h1>
      <p class="lead">
        A settled body can listen, ask and wait. These short practices help when you feel keyed up
        or far away. Rate how you feel before and after, and over time SecureBase shows which ones
        help you most.
      </p>
      <div class="activated">
        <Link class="button primary big activated-button" href="/regulate/now">
          I'm activated right now
        </Link>
        <p class="muted">Two quick questions, then a practice that suits how you feel.</p>
      </div>
      <h2>Practices</h2>
      {state.loading && <Loading />}
      {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
      {state.data && (
        <ul class="practice-list">
          {state.data.items.map((p) => (
            <PracticeCard key={p.id} practice={p} />
          ))}
        </ul>
      )}
      <p class="muted small">
        You can add your own practices as files (see docs/practices.md) or with{' '}
        <code>securebase regulate add</code>, and change timings with <code>securebase regulate tune</code>.
      </p>
    </div>
  );
}

function PracticeCard({ practice: p }: { practice: Practice }) {
  return (
    <li class="card practice">
      <h3>{p.name}</h3>
      <p class="instrument-meta">
        {lengthText(p.total_ms)} · {SUITS_TEXT[p.suits]}
        {p.own && (p.built_in ? ' · your timing' : ' · yours')}
      </p>
      {p.summary && <p>{p.summary}</p>}
      <Link class="button" href={`/regulate/practice/${encodeURIComponent(p.id)}`} aria-label={`Start ${p.name}`}>
        Start
      </Link>
    </li>
  );
}
