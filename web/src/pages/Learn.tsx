import { api, ApiError } from '../api';
import { UnderstandNav } from '../components/SubNav';
import { useLoad, useTitle } from '../hooks';
import { Markdown } from '../markdown';
import { Link } from '../router';
import { ErrorNote, Loading } from './Misc';

export function LearnListPage() {
  useTitle('Learn');
  const state = useLoad(() => api.learn(), []);
  return (
    <div class="page">
      <UnderstandNav current="learn" />
      <h1>Learn about attachment</h1>
      <p class="lead">Short reads, a few minutes each. Start anywhere.</p>
      {state.loading && <Loading />}
      {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
      {state.data && (
        <ul class="learn-list">
          {state.data.items.map((t) => (
            <li key={t.topic} class="card learn-card">
              <h2>
                <Link href={`/learn/${encodeURIComponent(t.topic)}`}>{t.title}</Link>
              </h2>
              <p>{t.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function LearnTopicPage({ topic }: { topic: string }) {
  const state = useLoad(() => api.learnTopic(topic), [topic]);
  useTitle(state.data?.title ?? 'Learn');
  const missing = state.error instanceof ApiError && state.error.status === 404;
  return (
    <div class="page narrow">
      <UnderstandNav current="learn" />
      <p class="back-link">
        <Link href="/learn">← All topics</Link>
      </p>
      <h1>{state.data?.title ?? (missing ? 'Topic not found' : 'Learn')}</h1>
      {state.loading && <Loading />}
      {missing && <p>We could not find that topic. It may have moved.</p>}
      {!!state.error && !missing && <ErrorNote error={state.error} retry={state.reload} />}
      {state.data && <Markdown source={state.data.markdown.replace(/^\s*#\s[^\n]*\n/, '')} />}
    </div>
  );
}
