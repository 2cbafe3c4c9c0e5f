// The step 5 pages (trust through kept commitments) and their addresses.
import type { ComponentChildren } from 'preact';
import { match, type Location } from '../router';
import './trust.css';
import { AddCommitmentPage } from './AddCommitmentPage';
import { CalendarPage } from './CalendarPage';
import { ReliabilityPage } from './ReliabilityPage';
import { TodayPage } from './TodayPage';

export function trustRoute(loc: Location): ComponentChildren | null {
  const p = loc.path;
  let m: Record<string, string> | null;
  if (match('/trust', p)) return <TodayPage />;
  if (match('/trust/new', p)) return <AddCommitmentPage />;
  if (match('/trust/calendar', p)) return <CalendarPage />;
  if (match('/trust/reliability', p)) return <ReliabilityPage key="all" who={null} />;
  if ((m = match('/trust/reliability/:who', p))) {
    if (m.who === 'me') return <ReliabilityPage key="me" who="me" />;
    if (/^\d+$/.test(m.who)) return <ReliabilityPage key={m.who} who={Number(m.who)} />;
  }
  return null;
}
