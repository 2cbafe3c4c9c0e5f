// The reflections part of the API client (/api/v1/reflections, /api/v1/emotions).
import { query, request, type Page } from '../api';

export type Activation = 'toward' | 'away' | 'neither';
export type TextField = 'situation' | 'body' | 'thoughts' | 'urges' | 'actions' | 'needs' | 'next_time';
export const TEXT_FIELDS: TextField[] = ['situation', 'body', 'thoughts', 'urges', 'actions', 'needs', 'next_time'];
export const TEXT_LIMIT = 100_000;

export const FIELD_LABELS: Record<TextField, string> = {
  situation: 'What happened',
  body: 'In my body',
  thoughts: 'The story I told myself',
  urges: 'What I felt like doing',
  actions: 'What I actually did',
  needs: 'What I needed',
  next_time: 'Next time, I would like to',
};

export interface Emotion {
  word: string;
  definition: string;
  pleasantness: number;
  energy: number;
  quadrant: string;
}

export interface EmotionRating {
  word: string;
  intensity: number;
  own_word?: boolean;
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

// The "crisis" block of a saved entry whose words suggest danger (see src/http/crisis_json.h);
// the shell opens the help panel on it.
export interface CrisisNote {
  message: string;
  region: string | null;
  resources: unknown[];
}

export interface Reflection extends Record<TextField, string> {
  id: number;
  happened_at: string;
  written_at: string;
  updated_at: string;
  people: { id: number; name: string }[];
  emotions: EmotionRating[];
  tags: string[];
  activation: Activation | null;
  intensity: number;
  snippet?: SnippetPart[];
  crisis?: CrisisNote;
}

export type ReflectionWrite = Partial<Record<TextField, string>> & {
  happened_at?: string;
  people?: number[];
  emotions?: { word: string; intensity: number }[];
  tags?: string[];
  activation?: Activation | null;
};

export interface Counts {
  toward: number;
  away: number;
  neither: number;
}
export interface TriggerStat {
  tag: string;
  entries: number;
  last_30_days: number;
  last_90_days: number;
}
export interface EmotionStat {
  word: string;
  entries: number;
  mean_intensity: number;
}
export interface Patterns {
  entries: number;
  min_entries: number;
  enough: boolean;
  summary: string[];
  first_date?: string;
  last_date?: string;
  triggers?: { items: TriggerStat[]; entries_last_30_days: number; entries_last_90_days: number };
  emotions?: EmotionStat[];
  people?: { person: { id: number; name: string }; entries: number; triggers: TriggerStat[]; emotions: EmotionStat[]; activation: Counts }[];
  activation?: Counts;
  over_time?: {
    bucket: 'week' | 'month';
    items: { start: string; entries: number; rated: number; pleasantness: number | null; energy: number | null; activation: Counts }[];
  };
  time?: {
    by_hour: number[];
    by_part_of_day: Record<string, number>;
    by_weekday: { day: string; entries: number; mean_intensity: number }[];
  };
  calendar?: { date: string; entries: number; intensity: number }[];
}

export interface Prompts {
  lean: string;
  fields: Record<TextField, string>;
  extra: string[];
}

export const reflectApi = {
  emotions: () => request<{ items: Emotion[] }>('GET', '/emotions'),
  list: (p: { q?: string; about?: number | null; tag?: string; since?: string; limit?: number; cursor?: string | null }) =>
    request<Page<Reflection>>(
      'GET',
      `/reflections${query({ q: p.q, about: p.about, tag: p.tag, since: p.since, limit: p.limit ?? 30, cursor: p.cursor })}`,
    ),
  get: (id: number) => request<Reflection>('GET', `/reflections/${id}`),
  add: (r: ReflectionWrite) => request<Reflection>('POST', '/reflections', r),
  update: (id: number, r: ReflectionWrite) => request<Reflection>('PATCH', `/reflections/${id}`, r),
  remove: (id: number) => request<{ deleted: Reflection; undo: string }>('DELETE', `/reflections/${id}`),
  restore: (id: number) => request<Reflection>('POST', `/reflections/${id}/restore`),
  patterns: () => request<Patterns>('GET', '/reflections/patterns'),
  prompts: () => request<Prompts>('GET', '/reflections/prompts'),
  tags: () => request<{ items: { tag: string; entries: number }[] }>('GET', '/reflections/tags'),
};

// Remembers, for the page shown right after saving, that the entry's words suggested danger.
const CRISIS_KEY = 'securebase:reflection-crisis';
export function markCrisis(id: number): void {
  try {
    sessionStorage.setItem(CRISIS_KEY, String(id));
  } catch {
    /* storage may be off; the dialog still opens */
  }
}
export function hadCrisis(id: number): boolean {
  try {
    return sessionStorage.getItem(CRISIS_KEY) === String(id);
  } catch {
    return false;
  }
}

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
}

// "2026-11-27T21:05" in local time, for <input type="datetime-local">.
export function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// The local input value as ISO 8601 with this browser's offset at that time.
export function isoFromLocalInput(v: string): string {
  const d = new Date(v);
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${v.length === 16 ? `${v}:00` : v}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
