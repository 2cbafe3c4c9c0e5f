// The pages under /data and their addresses; app.tsx asks here for /data paths.
import type { ComponentChildren } from 'preact';
import { match, type Location } from '../router';
import './data.css';
import { DataPage } from './DataPage';

export function dataRoute(loc: Location): ComponentChildren | null {
  if (match('/data', loc.path)) return <DataPage />;
  return null;
}
