// Step 3's part of the API client: practices, sessions, statistics, recommendation.
import { query, request, type Page } from '../api';

export type PhaseKind = 'inhale' | 'inhale-more' | 'hold' | 'exhale';
export type PracticeKind = 'breathing' | 'grounding' | 'body' | 'self-compassion' | 'pause';
export type Energy = 'high' | 'low';
export type Helped = 'yes' | 'a-little' | 'no';

export interface Practice {
  id: string;
  name: string;
  kind: PracticeKind;
  suits: 'high' | 'low' | 'any';
  summary: string;
  intro: string;
  source: string;
  duration_seconds: number;
  rounds: number;
  total_ms: number;
  own: boolean;
  built_in: boolean;
  phases: { phase: PhaseKind; seconds: number }[];
  steps: { text: string; seconds: number }[];
}

export interface RegulationSession {
  id: number;
  practice: string;
  practice_name: string;
  distress_before: number;
  distress_after: number | null;
  change: number | null;
  energy: Energy;
  helped: Helped | null;
  stopped_early: boolean;
  planned_ms: number;
  practiced_ms: number;
  person: number | null;
  reflection: number | null;
  started_at: string;
  ended_at: string;
}

export interface PracticeStats {
  practice: string;
  name: string;
  sessions: number;
  rated: number;
  mean_change: number | null;
  ci_low: number | null;
  ci_high: number | null;
  stopped_early: number;
  stopped_early_rate: number;
  helped: number;
  ranked: boolean;
  rank: number | null;
}

export interface StatsGroup {
  energy: Energy | null;
  sessions: number;
  summary: string;
  practices: PracticeStats[];
}

export interface RegulationStats {
  min_sessions_to_rank: number;
  all: StatsGroup;
  high: StatsGroup;
  low: StatsGroup;
}

export interface Recommendation {
  practice: Practice;
  from_history: boolean;
  reason: string;
  figures: PracticeStats | null;
}

export interface SessionInput {
  practice: string;
  distress_before: number;
  distress_after: number | null;
  energy: Energy;
  helped: Helped | null;
  stopped_early: boolean;
  practiced_ms: number;
  person: number | null;
  reflection: number | null;
}

export const regulateApi = {
  practices: () => request<Page<Practice>>('GET', '/practices?limit=500'),
  practice: (id: string) => request<Practice>('GET', `/practices/${encodeURIComponent(id)}`),
  savePractice: (id: string, doc: unknown) =>
    request<Practice>('PUT', `/practices/${encodeURIComponent(id)}`, doc),
  resetPractice: (id: string) => request<Practice | null>('DELETE', `/practices/${encodeURIComponent(id)}`),
  record: (s: SessionInput) => request<RegulationSession>('POST', '/regulation-sessions', s),
  sessions: (p: { limit?: number; cursor?: string | null; practice?: string }) =>
    request<Page<RegulationSession>>(
      'GET',
      `/regulation-sessions${query({ limit: p.limit ?? 50, cursor: p.cursor, practice: p.practice })}`,
    ),
  stats: () => request<RegulationStats>('GET', '/regulation/stats'),
  recommend: (distress: number, energy: Energy) =>
    request<Recommendation>('GET', `/regulation/recommendation${query({ distress, energy })}`),
};

export function lengthText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  const r = s % 60;
  return r ? `${m} min ${r} s` : `${m} min`;
}

export const SUITS_TEXT: Record<Practice['suits'], string> = {
  high: 'for when you feel keyed up',
  low: 'for when you feel flat or numb',
  any: 'for any time',
};
