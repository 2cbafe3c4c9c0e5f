// Calls for step 5 (commitments). Shapes mirror content/api/openapi.json.
import { query, request, type Page } from '../api';

export type CommitDirection = 'mine' | 'to-me';
export type Outcome = 'kept' | 'renegotiated' | 'broken';

export interface Commitment {
  id: number;
  person: number | null;
  direction: CommitDirection;
  what: string;
  due: string | null;
  time: string | null;
  zone: string;
  repeat: string;
  repeat_text: string;
  until: string | null;
  renegotiated_from: number | null;
  archived: boolean;
  streak: number;
  created: string;
}

export interface DueItem {
  commitment: Commitment;
  day: string;
  overdue: boolean;
}

export interface Tally {
  kept: number;
  renegotiated: number;
  broken: number;
  not_marked: number;
  reliability: number | null;
}

export interface TrendPoint extends Tally {
  from: string;
  to: string;
}

export interface Windows {
  days_30: Tally;
  days_90: Tally;
  days_365: Tally;
  trend: number | null;
  over_time: TrendPoint[];
}

export interface ReliabilityPage {
  person: number | 'me' | 'everyone';
  today: string;
  mine: Windows;
  'to-me': Windows;
  streaks: { commitment: number; what: string; direction: CommitDirection; repeat_text: string; streak: number }[];
}

export interface NewCommitment {
  what: string;
  person: number | null;
  direction: CommitDirection;
  due?: string;
  time?: string;
  repeat?: string;
  until?: string;
}

export interface CalendarFeed {
  active: boolean;
  created: string | null;
  warning: string;
  key?: string;
  path?: string;
}

// "me": promises to myself; a number: that person; null: everyone.
export type Who = number | 'me' | null;

export const trustApi = {
  today: () =>
    request<{ today: string; items: DueItem[]; to_me: DueItem[]; total_commitments: number }>('GET', '/commitments/today'),
  list: (p: { person?: Who; limit?: number; cursor?: string | null }) =>
    request<Page<Commitment>>(
      'GET',
      `/commitments${query({ person: p.person ?? undefined, limit: p.limit ?? 50, cursor: p.cursor })}`,
    ),
  reliability: (person: Who) =>
    request<ReliabilityPage>('GET', `/commitments/reliability${query({ person: person ?? undefined })}`),
  add: (c: NewCommitment) => request<Commitment>('POST', '/commitments', c),
  outcome: (id: number, o: { outcome: Outcome; note?: string; day?: string }) =>
    request<{ commitment: number; day: string; outcome: Outcome; note: string }>('POST', `/commitments/${id}/outcomes`, o),
  remove: (id: number) => request<{ removed: Commitment; undo: string }>('DELETE', `/commitments/${id}`),
  restore: (id: number) => request<Commitment>('POST', `/commitments/${id}/restore`),
  feed: () => request<CalendarFeed>('GET', '/calendar-feed'),
  newFeed: () => request<CalendarFeed>('POST', '/calendar-feed'),
  revokeFeed: () => request<CalendarFeed>('DELETE', '/calendar-feed'),
};

export function pct(r: number | null | undefined): string {
  return r === null || r === undefined ? '–' : `${Math.round(r * 100)}%`;
}

// "Today", "Yesterday", or "Mon 3 Mar" for a YYYY-MM-DD day, relative to `today`.
export function dayLabel(day: string, today: string): string {
  if (day === today) return 'Today';
  const d = new Date(`${day}T12:00:00`);
  const t = new Date(`${today}T12:00:00`);
  const diff = Math.round((t.getTime() - d.getTime()) / 86400000);
  if (diff === 1) return 'Yesterday';
  return d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}
