// The listening card (/talk/listen): a short practice for the other side of a talk.
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { talkApi } from './api';
import { ListeningCard, TalkNav } from './parts';

export function ListeningPage() {
  useTitle('Listening');
  const guide = useLoad(() => talkApi.listeningGuide(), []);
  return (
    <div class="page talk-page narrow-page">
      <TalkNav current="listen" />
      <h1>Listening well</h1>
      <p class="lead">Read this before a talk, and keep it nearby. Being heard first often makes it easier to hear.</p>
      {guide.loading && <Loading />}
      {!!guide.error && <ErrorNote error={guide.error} retry={guide.reload} />}
      {guide.data && <ListeningCard guide={guide.data} />}
    </div>
  );
}
