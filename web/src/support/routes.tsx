// The step 8 pages (professional help) and their addresses; app.tsx asks here for /support paths.
import type { ComponentChildren } from 'preact';
import { match, type Location } from '../router';
import './support.css';
import { CheckupPage } from './CheckupPage';
import { DirectoryPage } from './DirectoryPage';
import { OverviewPage } from './OverviewPage';
import { ShortlistPage } from './ShortlistPage';
import { TherapistPage } from './TherapistPage';
import { BriefPage } from '../report/BriefPage';

export function supportRoute(loc: Location): ComponentChildren | null {
  const p = loc.path;
  let m: Record<string, string> | null;
  if (match('/support', p)) return <OverviewPage />;
  if (match('/support/checkup', p)) return <CheckupPage />;
  if (match('/support/directory', p)) return <DirectoryPage loc={loc} />;
  if ((m = match('/support/directory/:id', p)) && /^\d+$/.test(m.id)) return <TherapistPage key={m.id} id={Number(m.id)} />;
  if (match('/support/shortlist', p)) return <ShortlistPage />;
  if (match('/support/brief', p)) return <BriefPage />;
  return null;
}
