// The step 2 pages and their addresses; app.tsx asks here first for /reflect paths.
import type { ComponentChildren } from 'preact';
import { match, type Location } from '../router';
import './reflect.css';
import { CheckInPage } from './CheckInPage';
import { PatternsPage } from './PatternsPage';
import { ReflectionFormPage } from './ReflectionFormPage';
import { ReflectionPage } from './ReflectionPage';
import { ReflectPage } from './ReflectPage';

export function reflectRoute(loc: Location): ComponentChildren | null {
  const p = loc.path;
  let m: Record<string, string> | null;
  if (match('/reflect', p)) return <ReflectPage loc={loc} />;
  if (match('/reflect/check-in', p)) return <CheckInPage />;
  if (match('/reflect/new', p)) return <ReflectionFormPage key="new" />;
  if (match('/reflect/patterns', p)) return <PatternsPage />;
  if ((m = match('/reflect/:id', p)) && /^\d+$/.test(m.id)) return <ReflectionPage key={m.id} id={Number(m.id)} />;
  if ((m = match('/reflect/:id/edit', p)) && /^\d+$/.test(m.id))
    return <ReflectionFormPage key={`e${m.id}`} id={Number(m.id)} />;
  return null;
}
