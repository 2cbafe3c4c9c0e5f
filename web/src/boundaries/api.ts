// The step 7 part of the API client: boundaries, their practice and incidents, and the
// held-versus-crossed figures.
import { query, request, type Page } from '../api';
import type { Deleted } from '../communicate/api';

export type Area = 'time' | 'emotional' | 'physical' | 'digital' | 'material' | 'other';
export type IncidentKind = 'held' | 'crossed-by-them' | 'crossed-by-me';

export const AREAS: { value: Area; label: string; example: string }[] = [
  { value: 'time', label: 'Time', example: 'when you are available, and for how long' },
  { value: 'emotional', label: 'Emotional', example: 'what you take on from others’ feelings' },
  { value: 'physical', label: 'Physical', example: 'touch, space and your body' },
  { value: 'digital', label: 'Digital', example: 'messages, phones and what is shared online' },
  { value: 'material', label: 'Material', example: 'money and belongings' },
  { value: 'other', label: 'Other', example: 'anything else that matters to you' },
];
export function areaLabel(a: Area): string {
  return AREAS.find((x) => x.value === a)?.label ?? a;
}

export const KINDS: { value: IncidentKind; label: string; hint: string }[] = [
  { value: 'held', label: 'It held', hint: 'I kept it, or it was respected' },
  { value: 'crossed-by-them', label: 'Crossed by someone', hint: 'someone went past it' },
  { value: 'crossed-by-me', label: 'Crossed by me', hint: 'I let it go, or I went past someone else’s' },
];
export function kindLabel(k: IncidentKind): string {
  return KINDS.find((x) => x.value === k)?.label ?? k;
}

export interface Practice {
  id: number;
  steadiness: number;
  at: string;
}
export interface Incident {
  id: number;
  kind: IncidentKind;
  note: string;
  at: string;
}
export interface Boundary {
  id: number;
  area: Area;
  person: number | null;
  limit: string;
  why: string;
  script: string;
  if_crossed: string;
  created: string;
  updated: string | null;
  practices: Practice[];
  incidents: Incident[];
  crisis?: unknown;
}
export interface BoundaryWrite {
  area?: Area;
  person?: number | null;
  limit?: string;
  why?: string;
  script?: string;
  when?: string;
  will?: string;
  if_crossed?: string;
}
export interface BoundaryStats {
  boundaries: {
    boundary: number;
    held: number;
    crossed_by_them: number;
    crossed_by_me: number;
    crossed_lately: number;
    practices: number;
    first_steadiness: number | null;
    last_steadiness: number | null;
  }[];
  people: { person: number | null; held: number; crossed_by_them: number; crossed_by_me: number }[];
}

export const boundaryApi = {
  list: (p: { limit?: number; cursor?: string | null } = {}) =>
    request<Page<Boundary>>('GET', `/boundaries${query({ limit: p.limit ?? 20, cursor: p.cursor })}`),
  get: (id: number) => request<Boundary>('GET', `/boundaries/${id}`),
  add: (b: BoundaryWrite) => request<Boundary>('POST', '/boundaries', b),
  update: (id: number, b: BoundaryWrite) => request<Boundary>('PATCH', `/boundaries/${id}`, b),
  remove: (id: number) => request<Deleted<Boundary>>('DELETE', `/boundaries/${id}`),
  restore: (id: number) => request<Boundary>('POST', `/boundaries/${id}/restore`),
  practise: (id: number, steadiness: number) => request<Boundary>('POST', `/boundaries/${id}/practices`, { steadiness }),
  incident: (id: number, kind: IncidentKind, note: string) =>
    request<Boundary>('POST', `/boundaries/${id}/incidents`, { kind, note }),
  stats: () => request<BoundaryStats>('GET', '/boundary-stats'),
};

// Counts for one boundary from its incidents.
export function counts(b: Boundary) {
  const n = { held: 0, them: 0, me: 0 };
  for (const i of b.incidents) {
    if (i.kind === 'held') n.held++;
    else if (i.kind === 'crossed-by-them') n.them++;
    else n.me++;
  }
  return n;
}
