// The step 6 pages (availability through bids met) and their addresses.
import type { ComponentChildren } from 'preact';
import { match, type Location } from '../router';
import '../trust/trust.css';
import { AvailabilityPage } from './AvailabilityPage';
import { BidsPage } from './BidsPage';
import { CheckinPage } from './CheckinPage';

export function connectRoute(loc: Location): ComponentChildren | null {
  const p = loc.path;
  let m: Record<string, string> | null;
  if (match('/connect', p)) return <BidsPage />;
  if (match('/connect/check-in', p)) return <CheckinPage />;
  if (match('/connect/availability', p)) return <AvailabilityPage key="all" person={null} />;
  if ((m = match('/connect/availability/:id', p)) && /^\d+$/.test(m.id))
    return <AvailabilityPage key={m.id} person={Number(m.id)} />;
  return null;
}
