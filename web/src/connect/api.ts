// Calls for step 6 (bids for connection and check-ins). Shapes mirror openapi.json.
import { query, request, type Page } from '../api';

export type BidDirection = 'received' | 'made';
export type BidKind = 'attention' | 'affection' | 'humour' | 'help' | 'conversation' | 'touch' | 'other';
export type BidResponse = 'toward' | 'away' | 'against' | 'missed';

export interface Bid {
  id: number;
  person: number | null;
  direction: BidDirection;
  kind: BidKind;
  response: BidResponse;
  feeling: string;
  at: string;
}

export interface BidTally {
  toward: number;
  away: number;
  against: number;
  missed: number;
  total: number;
  toward_ratio: number | null;
}

export interface DirectionStats {
  all: BidTally;
  people: (BidTally & { person: number | null })[];
  months: (BidTally & { month: string })[];
}

export interface BidStats {
  received: DirectionStats;
  made: DirectionStats;
  person: number | null;
  reference: { together: number; divorced: number; note: string };
}

export interface Checkins extends Page<{ id: number; person: number | null; note: string; at: string }> {
  prompts: string[];
  person: number | null;
  every_days: number | null;
  due: boolean;
  last: string | null;
}

export const KINDS: [BidKind, string][] = [
  ['attention', 'Attention'],
  ['affection', 'Affection'],
  ['humour', 'Humour'],
  ['help', 'Help'],
  ['conversation', 'Talk'],
  ['touch', 'Touch'],
  ['other', 'Other'],
];

export const RESPONSES: [BidResponse, string, string][] = [
  ['toward', 'Turned toward', 'noticed and met it'],
  ['away', 'Turned away', 'ignored or missed on purpose'],
  ['against', 'Turned against', 'met it with irritation'],
  ['missed', 'Missed', 'did not notice in time'],
];

export function kindLabel(k: BidKind): string {
  return KINDS.find(([v]) => v === k)?.[1] ?? k;
}
export function responseLabel(r: BidResponse): string {
  return RESPONSES.find(([v]) => v === r)?.[1] ?? r;
}

export const connectApi = {
  bids: (p: { person?: number | null; limit?: number; cursor?: string | null }) =>
    request<Page<Bid>>('GET', `/bids${query({ person: p.person, limit: p.limit ?? 20, cursor: p.cursor })}`),
  addBid: (b: { person: number | null; direction: BidDirection; kind: BidKind; response: BidResponse; feeling?: string }) =>
    request<Bid>('POST', '/bids', b),
  removeBid: (id: number) => request<{ removed: number; undo: string }>('DELETE', `/bids/${id}`),
  restoreBid: (id: number) => request<{ restored: number }>('POST', `/bids/${id}/restore`),
  stats: (person: number | null) => request<BidStats>('GET', `/bids/stats${query({ person })}`),
  checkins: (person: number | null) => request<Checkins>('GET', `/checkins${query({ person, limit: 10 })}`),
  addCheckin: (c: { person: number | null; note: string }) => request<{ id: number }>('POST', '/checkins', c),
  setPlan: (p: { person: number | null; every_days: number }) =>
    request<{ every_days: number }>('PUT', '/checkins/plan', p),
};
