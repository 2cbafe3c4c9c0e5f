// The step 7 pages under /boundaries and their addresses; app.tsx asks here for them.
import type { ComponentChildren } from 'preact';
import { match, type Location } from '../router';
import '../communicate/communicate.css';
import './boundaries.css';
import { BoundariesPage } from './BoundariesPage';
import { BoundaryFormPage } from './BoundaryFormPage';
import { BoundaryPage } from './BoundaryPage';

const isId = (s: string) => /^\d+$/.test(s);

export function boundariesRoute(loc: Location): ComponentChildren | null {
  const p = loc.path;
  let m: Record<string, string> | null;
  if (match('/boundaries', p)) return <BoundariesPage />;
  if (match('/boundaries/new', p)) return <BoundaryFormPage key="new" loc={loc} />;
  if ((m = match('/boundaries/:id', p)) && isId(m.id)) return <BoundaryPage key={m.id} id={Number(m.id)} />;
  if ((m = match('/boundaries/:id/edit', p)) && isId(m.id)) return <BoundaryFormPage key={`e${m.id}`} id={Number(m.id)} />;
  return null;
}
