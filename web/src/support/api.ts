// The step 8 part of the API client: self-check, signals, directory and shortlist.
import { query, request, type Page } from '../api';

export interface CheckupQuestion {
  id: string;
  text: string;
  safety: boolean;
}
export interface Checkup {
  title: string;
  intro: string;
  note: string;
  period: string;
  scale: { value: number; label: string }[];
  questions: CheckupQuestion[];
  max_score: number;
}
export interface CheckupResult {
  id: number;
  taken: string;
  score: number;
  max_score: number;
  band: string;
  title: string;
  guidance: string;
  safety_concern: boolean;
  note?: string;
  answers: Record<string, number>;
}
export interface Signal {
  id: string;
  title: string;
  fired: boolean;
  enough_data: boolean;
  text: string;
  numbers: Record<string, number>;
  link: string;
}
export interface Signals {
  enabled: boolean;
  fired: number;
  items: Signal[];
  note: string;
}
export interface TherapyType {
  id: string;
  name: string;
  attachment_informed: boolean;
}
export interface Therapist {
  id: number;
  name: string;
  credentials: string;
  licence: string;
  practice: string;
  type: string;
  address: string;
  city: string;
  region: string;
  postcode: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  telehealth: boolean;
  in_person: boolean;
  specialties: string[];
  therapy_types: TherapyType[];
  populations: string[];
  participants: string[];
  languages: string[];
  insurance: string[];
  fee_min: number | null;
  fee_max: number | null;
  currency: string;
  sliding_scale: boolean;
  accepting_new_clients: boolean;
  gender: string;
  faith: string;
  ethnicity: string;
  website: string;
  phone: string;
  email: string;
  about: string;
  distance_km?: number | null;
  score?: number;
  reasons?: string[];
  shortlist?: ShortlistEntry | null;
}
export interface SearchResult extends Page<Therapist> {
  total: number;
  capped: boolean;
  directory_size: number;
  centre: null | { postcode: string; country: string; place: string };
}
export interface FacetValue {
  value: string;
  count: number;
  name?: string;
  attachment_informed?: boolean;
}
export interface Facets {
  providers: number;
  postcodes: number;
  values: Record<string, FacetValue[]>;
  types: string[];
  age_groups: string[];
  participants: string[];
}
export type StatusId = 'to-contact' | 'contacted' | 'consult-booked' | 'waitlisted' | 'not-a-fit' | 'working-with';
export const STATUSES: { id: StatusId; label: string }[] = [
  { id: 'to-contact', label: 'To contact' },
  { id: 'contacted', label: 'Contacted' },
  { id: 'consult-booked', label: 'Consult booked' },
  { id: 'waitlisted', label: 'Waitlisted' },
  { id: 'not-a-fit', label: 'Not a fit' },
  { id: 'working-with', label: 'Working with' },
];
export interface ShortlistEntry {
  id: number;
  therapist: number;
  therapist_name: string;
  status: StatusId;
  status_label: string;
  notes: string;
  next_date: string | null;
  added: string;
  status_since: string;
  history: { status: StatusId; at: string }[];
}

export const supportApi = {
  checkup: () => request<Checkup>('GET', '/support/checkup'),
  submitCheckup: (answers: Record<string, number>) =>
    request<CheckupResult>('POST', '/support/checkups', { answers }),
  checkups: (limit = 5) => request<Page<CheckupResult>>('GET', `/support/checkups${query({ limit })}`),
  signals: () => request<Signals>('GET', '/support/signals'),
  setSuggestions: (on: boolean) =>
    request<{ suggestions: boolean }>('PUT', '/support/settings', { suggestions: on }),
  search: (params: Record<string, string>) => request<SearchResult>('GET', `/therapists${query(params)}`),
  facets: () => request<Facets>('GET', '/therapists/facets'),
  therapist: (id: number) => request<Therapist>('GET', `/therapists/${id}`),
  loadSample: () => request<{ added: number; updated: number }>('POST', '/therapists/sample'),
  shortlist: () => request<Page<ShortlistEntry>>('GET', '/shortlist?limit=200'),
  save: (therapist: number, status: StatusId = 'to-contact', notes = '') =>
    request<ShortlistEntry>('POST', '/shortlist', { therapist, status, notes }),
  update: (id: number, patch: Partial<{ status: StatusId; notes: string; next_date: string | null }>) =>
    request<ShortlistEntry>('PATCH', `/shortlist/${id}`, patch),
  remove: (id: number) => request<{ undo: string }>('DELETE', `/shortlist/${id}`),
  restore: (id: number) => request<ShortlistEntry>('POST', `/shortlist/${id}/restore`),
};

export function fee(t: Therapist): string {
  if (t.fee_min === null) return 'Fees not listed';
  if (t.fee_min === 0 && (t.fee_max ?? 0) === 0) return 'Free';
  const cur = t.currency ? ` ${t.currency}` : '';
  if (t.fee_max !== null && t.fee_max !== t.fee_min) return `${t.fee_min}–${t.fee_max}${cur} a session`;
  return `${t.fee_min}${cur} a session`;
}

export const words = (s: string) => s.replace(/-/g, ' ');
