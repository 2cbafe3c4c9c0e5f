// A small typed client for the SecureBase JSON API (/api/v1). Authentication is the
// HttpOnly cookie the server sets when the person opens the start URL, so every request
// goes out with credentials 'same-origin' and no token is ever handled here.

export type Relationship =
  | 'partner'
  | 'ex-partner'
  | 'parent'
  | 'sibling'
  | 'child'
  | 'friend'
  | 'colleague'
  | 'other';

export interface Person {
  id: number;
  name: string;
  relationship: Relationship;
  notes: string;
  created_at: string;
}

export interface ScaleAnchor {
  value: number;
  label: string;
}

export interface Instrument {
  id: string;
  name: string;
  short_name: string;
  description: string;
  validated: boolean;
  citation: string;
  target: 'general' | 'person';
  domains: string[];
  item_count: number;
  has_wording: boolean;
  scale: { min: number; max: number; anchors: ScaleAnchor[] };
}

export interface Item {
  id: string;
  number: number;
  text: string;
}

export interface InstrumentDetail extends Instrument {
  items: Item[];
}

export type Style = 'secure' | 'preoccupied' | 'dismissing' | 'fearful';

export type Direction =
  | 'toward-security'
  | 'away-from-security'
  | 'mixed'
  | 'no-reliable-change'
  | 'cannot-judge';

export interface DimensionChange {
  dimension: 'anxiety' | 'avoidance';
  before: number;
  after: number;
  difference: number;
  rci: number | null;
  threshold: number | null;
  reliable: boolean;
}

export interface Change {
  previous_id: number;
  direction: Direction;
  summary: string;
  assumed_figures: boolean;
  dimensions: DimensionChange[];
}

export interface Placement {
  style: Style;
  style_name: string;
  anxiety_from_cut: number;
  avoidance_from_cut: number;
}

export interface Assessment {
  id: number;
  instrument: string;
  about: null | { id: number; name: string };
  status: 'draft' | 'complete';
  answers: Record<string, number>;
  started_at: string;
  completed_at: string | null;
  scores: { anxiety: number | null; avoidance: number | null };
  cut_point: number;
  placement: Placement | null;
  change: Change | null;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface LearnSummary {
  topic: string;
  title: string;
  summary: string;
}

export interface LearnTopic {
  topic: string;
  title: string;
  markdown: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
  }

  // Messages keyed by field name ("name", "answers.crr_g_01", ...).
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      if (e.field && !(e.field in out)) out[e.field] = e.message;
    }
    return out;
  }
}

export const UNAUTHORIZED_EVENT = 'securebase:unauthorized';
// Dispatched (detail: the "crisis" object) when a saved entry's words suggest danger;
// the app shell opens "Get help now" at once.
export const CRISIS_EVENT = 'securebase:crisis';

const BASE = '/api/v1';

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST' && !headers['Idempotency-Key']) headers['Idempotency-Key'] = newKey();
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      title: 'Could not reach SecureBase',
      detail: 'SecureBase did not answer. Is it still running on this computer?',
    });
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const problem: Problem =
      data && typeof data === 'object' ? (data as Problem) : { title: res.statusText };
    if (res.status === 401) window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
    throw new ApiError(res.status, problem);
  }
  if (method !== 'GET' && data && typeof data === 'object' && 'crisis' in data && (data as { crisis: unknown }).crisis) {
    window.dispatchEvent(new CustomEvent(CRISIS_EVENT, { detail: (data as { crisis: unknown }).crisis }));
  }
  return data as T;
}

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Fallback for older browsers: random hex is enough for an idempotency key.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// "general" or a person's id, as the ?about= filter wants it.
export type About = 'general' | number;

export const api = {
  health: () => request<{ status: string; version: string }>('GET', '/health'),

  people: () => request<Page<Person>>('GET', '/people'),
  addPerson: (p: { name: string; relationship: Relationship; notes: string }) =>
    request<Person>('POST', '/people', p),
  updatePerson: (id: number, p: Partial<Pick<Person, 'name' | 'relationship' | 'notes'>>) =>
    request<Person>('PATCH', `/people/${id}`, p),
  removePerson: (id: number) =>
    request<{ removed: Person; references: Record<string, number> }>('DELETE', `/people/${id}`),
  restorePerson: (id: number) => request<Person>('POST', `/people/${id}/restore`),

  instruments: () => request<{ items: Instrument[] }>('GET', '/instruments'),
  instrument: (id: string) =>
    request<InstrumentDetail>('GET', `/instruments/${encodeURIComponent(id)}`),

  assessments: (p: {
    about?: About;
    status?: 'complete' | 'draft';
    limit?: number;
    cursor?: string | null;
  }) =>
    request<Page<Assessment>>(
      'GET',
      `/assessments${query({ about: p.about, status: p.status, limit: p.limit ?? 50, cursor: p.cursor })}`,
    ),
  assessment: (id: number) => request<Assessment>('GET', `/assessments/${id}`),
  startAssessment: (a: {
    instrument: string;
    about: number | null;
    answers: Record<string, number>;
    complete: boolean;
  }) => request<Assessment>('POST', '/assessments', a),
  updateAssessment: (id: number, a: { answers: Record<string, number>; complete: boolean }) =>
    request<Assessment>('PATCH', `/assessments/${id}`, a),
  removeAssessment: (id: number) =>
    request<{ deleted: number; undo: string }>('DELETE', `/assessments/${id}`),
  restoreAssessment: (id: number) => request<Assessment>('POST', `/assessments/${id}/restore`),

  setRegion: (region: string | null) =>
    request<{ region: string | null; choices: { code: string; name: string }[] }>('PUT', '/settings/region', { region }),

  learn: () => request<{ items: LearnSummary[] }>('GET', '/learn'),
  learnTopic: (topic: string) =>
    request<LearnTopic>('GET', `/learn/${encodeURIComponent(topic)}`),
};

// Every page of a list, following next_cursor (bounded, in case a server loops).
export async function allAssessments(p: {
  about?: About;
  status?: 'complete' | 'draft';
}): Promise<Assessment[]> {
  const out: Assessment[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 40; i++) {
    const page: Page<Assessment> = await api.assessments({ ...p, limit: 50, cursor });
    out.push(...page.items);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return out;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}
