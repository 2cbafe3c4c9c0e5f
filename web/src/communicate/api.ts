// The step 4 part of the API client: messages, feedback hints, the vocabularies, the
// listening guide, conflicts with their repairs, and the insights drawn from them.
import { query, request, type Page } from '../api';

export interface Hint {
  rule: string;
  title: string;
  message: string;
  rewrite: string;
  quote: string;
  start: number;
  end: number;
  feeling?: string;
  need?: string;
}

export interface MessageParts {
  observation: string;
  feeling: string;
  need: string;
  request: string;
}

export interface Message extends MessageParts {
  id: number;
  person: number | null;
  text: string;
  created: string;
  updated: string | null;
  hints?: Hint[];
  crisis?: unknown;
}

export type MessageWrite = Partial<MessageParts> & { person?: number | null; text?: string };

export interface Word {
  word: string;
  definition: string;
  family?: string;
}

export interface ListeningGuide {
  title: string;
  intro: string;
  steps: { name: string; prompt: string; example: string }[];
}

export type Horseman = 'criticism' | 'contempt' | 'defensiveness' | 'stonewalling';
export type Outcome = 'repaired' | 'partly' | 'not-yet';
export const HORSEMEN: Horseman[] = ['criticism', 'contempt', 'defensiveness', 'stonewalling'];

// In our words: what each looks like, and its antidote (Gottman's four horsemen).
export const HORSEMAN_INFO: Record<Horseman, { label: string; looks: string; antidote: string }> = {
  criticism: {
    label: 'Criticism',
    looks: 'a complaint about who someone is rather than what they did',
    antidote: 'a gentle start: name the situation and what you need',
  },
  contempt: {
    label: 'Contempt',
    looks: 'mockery, eye-rolling, sarcasm or name-calling',
    antidote: 'remembering and saying what you appreciate',
  },
  defensiveness: {
    label: 'Defensiveness',
    looks: 'excuses or counter-blame instead of listening',
    antidote: 'owning even a small part of it',
  },
  stonewalling: {
    label: 'Stonewalling',
    looks: 'shutting down, going silent or leaving without a word',
    antidote: 'a named break to calm the body, then coming back',
  },
};

export const OUTCOMES: { value: Outcome; label: string }[] = [
  { value: 'not-yet', label: 'Not yet repaired' },
  { value: 'partly', label: 'Partly repaired' },
  { value: 'repaired', label: 'Repaired' },
];
export function outcomeLabel(o: Outcome): string {
  return OUTCOMES.find((x) => x.value === o)?.label ?? o;
}

export interface Repair {
  id: number;
  by: 'me' | 'them';
  what: string;
  at: string;
}

export interface Conflict {
  id: number;
  person: number;
  happened: string;
  topic: string;
  notes: string;
  horsemen_me: Horseman[];
  horsemen_them: Horseman[];
  flooded_me: boolean;
  flooded_them: boolean;
  outcome: Outcome;
  repaired_at: string | null;
  updated: string | null;
  repairs: Repair[];
  crisis?: unknown;
}

export interface ConflictWrite {
  person?: number;
  topic?: string;
  notes?: string;
  happened?: string;
  horsemen_me?: Horseman[];
  horsemen_them?: Horseman[];
  flooded_me?: boolean;
  flooded_them?: boolean;
  outcome?: Outcome;
}

export interface Insights {
  conflicts: number;
  people: {
    person: number;
    conflicts: number;
    repaired: number;
    partly: number;
    repair_rate: number;
    median_ms_to_repair: number | null;
  }[];
  topics: { topic: string; count: number }[];
  horsemen: { horseman: Horseman; count: number }[];
  flooded: number;
}

export interface Deleted<T> {
  deleted: T;
  undo: string;
  restorable_until: string;
}

export const talkApi = {
  feedback: (text: string) => request<{ hints: Hint[] }>('POST', '/messages/feedback', { text }),
  vocabulary: () => request<{ feelings: Word[]; needs: Word[] }>('GET', '/communicate/vocabulary'),
  listeningGuide: () => request<ListeningGuide>('GET', '/communicate/listening-guide'),

  messages: (p: { person?: number | null; limit?: number; cursor?: string | null } = {}) =>
    request<Page<Message>>('GET', `/messages${query({ person: p.person, limit: p.limit ?? 20, cursor: p.cursor })}`),
  message: (id: number) => request<Message>('GET', `/messages/${id}`),
  addMessage: (m: MessageWrite) => request<Message>('POST', '/messages', m),
  updateMessage: (id: number, m: MessageWrite) => request<Message>('PATCH', `/messages/${id}`, m),
  removeMessage: (id: number) => request<Deleted<Message>>('DELETE', `/messages/${id}`),
  restoreMessage: (id: number) => request<Message>('POST', `/messages/${id}/restore`),

  conflicts: (p: { person?: number | null; limit?: number; cursor?: string | null } = {}) =>
    request<Page<Conflict>>('GET', `/conflicts${query({ person: p.person, limit: p.limit ?? 20, cursor: p.cursor })}`),
  conflict: (id: number) => request<Conflict>('GET', `/conflicts/${id}`),
  addConflict: (c: ConflictWrite) => request<Conflict>('POST', '/conflicts', c),
  updateConflict: (id: number, c: ConflictWrite) => request<Conflict>('PATCH', `/conflicts/${id}`, c),
  removeConflict: (id: number) => request<Deleted<Conflict>>('DELETE', `/conflicts/${id}`),
  restoreConflict: (id: number) => request<Conflict>('POST', `/conflicts/${id}/restore`),
  addRepair: (id: number, r: { by: 'me' | 'them'; what: string; outcome?: Outcome }) =>
    request<Conflict>('POST', `/conflicts/${id}/repairs`, r),
  insights: () => request<Insights>('GET', '/conflict-insights'),
};

// "3.5 hours", "2 days": a time to repair, in words.
export function durationWords(ms: number): string {
  const h = ms / 3_600_000;
  const unit = (n: number | string, one: string) => `${n} ${Number(n) === 1 ? one : one + 's'}`;
  if (h < 1) return unit(Math.max(1, Math.round(ms / 60_000)), 'minute');
  if (h < 48) return unit(h < 10 ? h.toFixed(1).replace(/\.0$/, '') : Math.round(h), 'hour');
  return unit(Math.round(h / 24), 'day');
}

// "once", "twice", "3 times".
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
