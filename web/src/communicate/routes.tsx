// The step 4 pages under /talk and their addresses; app.tsx asks here for /talk paths.
import type { ComponentChildren } from 'preact';
import { match, type Location } from '../router';
import './communicate.css';
import { BuilderPage } from './BuilderPage';
import { ConflictFormPage } from './ConflictFormPage';
import { ConflictPage } from './ConflictPage';
import { ConflictsPage } from './ConflictsPage';
import { InsightsPage } from './InsightsPage';
import { ListeningPage } from './ListeningPage';
import { TalkPage } from './TalkPage';

const isId = (s: string) => /^\d+$/.test(s);

export function communicateRoute(loc: Location): ComponentChildren | null {
  const p = loc.path;
  let m: Record<string, string> | null;
  if (match('/talk', p)) return <TalkPage />;
  if (match('/talk/new', p)) return <BuilderPage key="new" loc={loc} />;
  if ((m = match('/talk/messages/:id', p)) && isId(m.id)) return <BuilderPage key={m.id} id={Number(m.id)} />;
  if (match('/talk/listen', p)) return <ListeningPage />;
  if (match('/talk/insights', p)) return <InsightsPage />;
  if (match('/talk/conflicts', p)) return <ConflictsPage loc={loc} />;
  if (match('/talk/conflicts/new', p)) return <ConflictFormPage key="new" loc={loc} />;
  if ((m = match('/talk/conflicts/:id', p)) && isId(m.id)) return <ConflictPage key={m.id} id={Number(m.id)} />;
  if ((m = match('/talk/conflicts/:id/edit', p)) && isId(m.id)) return <ConflictFormPage key={`e${m.id}`} id={Number(m.id)} />;
  return null;
}
