import { api, type Instrument } from '../api';
import { UnderstandNav } from '../components/SubNav';
import { plural } from '../format';
import { useLoad, useTitle } from '../hooks';
import { Link } from '../router';
import { ErrorNote, Loading } from './Misc';

export function UnderstandPage() {
  useTitle('Understand');
  const state = useLoad(() => api.instruments(), []);
  return (
    <div class="page">
      <UnderstandNav current="overview" />
      <h1>
        <span class="eyebrow">Step 1</span>Understand your attachment style
      </h1>
      <p class="lead">
        Research on adult attachment finds two things that vary from person to person:{' '}
        <strong>anxiety</strong> (how much you worry that others will not be there for you) and{' '}
        <strong>avoidance</strong> (how uneasy closeness feels). A questionnaire measures both, and
        the map shows where your answers sit.
      </p>
      <div class="actions">
        <Link class="button primary" href="/questionnaire">
          Take the questionnaire
        </Link>
        <Link class="button" href="/history">
          See your history
        </Link>
        <Link class="button quiet" href="/learn">
          Read about attachment
        </Link>
      </div>

      <h2>Questionnaires</h2>
      {state.loading && <Loading />}
      {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
      {state.data && (
        <ul class="instrument-list">
          {state.data.items.map((i) => (
            <InstrumentCard key={i.id} instrument={i} />
          ))}
        </ul>
      )}
    </div>
  );
}

function InstrumentCard({ instrument: i }: { instrument: Instrument }) {
  const takeHref =
    i.target === 'general'
      ? `/questionnaire/general?instrument=${encodeURIComponent(i.id)}`
      : `/questionnaire?instrument=${encodeURIComponent(i.id)}`;
  return (
    <li class="card instrument">
      <h3>
        {i.name} {i.short_name && i.short_name !== i.name && <span class="muted">({i.short_name})</span>}
      </h3>
      <p class="instrument-meta">
        {plural(i.item_count, 'statement', 'statements')} ·{' '}
        {i.target === 'general' ? 'about relationships in general' : 'about one person'}
        {' · '}
        {i.validated ? 'validated in research' : 'a reflection tool, not a validated test'}
      </p>
      {i.description && <p>{i.description}</p>}
      {i.citation && <p class="muted small">Source: {i.citation}</p>}
      {i.has_wording ? (
        <Link class="button" href={takeHref}>
          {i.target === 'general' ? 'Take it' : 'Take it about someone'}
        </Link>
      ) : (
        <p class="notice">
          Scoring key only — load your licensed wording file to take it.
        </p>
      )}
    </li>
  );
}
