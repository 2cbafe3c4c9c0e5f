// Words and numbers shown to the person, kept in one place so they stay consistent.
import type { Assessment, Direction, Instrument, Relationship, Style } from './api';

export const RELATIONSHIPS: { value: Relationship; label: string }[] = [
  { value: 'partner', label: 'Partner' },
  { value: 'ex-partner', label: 'Ex-partner' },
  { value: 'parent', label: 'Parent' },
  { value: 'sibling', label: 'Sibling' },
  { value: 'child', label: 'Child' },
  { value: 'friend', label: 'Friend' },
  { value: 'colleague', label: 'Colleague' },
  { value: 'other', label: 'Someone else' },
];

export function relationshipLabel(r: string): string {
  return RELATIONSHIPS.find((x) => x.value === r)?.label ?? r;
}

export interface StyleInfo {
  name: string; // the region's name on the plane
  short: string; // one line, in our words
}

export const STYLES: Record<Style, StyleInfo> = {
  secure: {
    name: 'Secure',
    short: 'Closeness feels mostly safe, and you can lean on others and let them lean on you.',
  },
  preoccupied: {
    name: 'Anxious-preoccupied',
    short: 'You want closeness a lot and can worry about whether it will last.',
  },
  dismissing: {
    name: 'Dismissive-avoidant',
    short: 'You tend to rely on yourself and keep some distance from closeness.',
  },
  fearful: {
    name: 'Fearful-avoidant',
    short: 'You may want closeness and also find it unsafe, so you pull in and push away.',
  },
};

export function styleName(style: Style | string | undefined, fallback = ''): string {
  if (style && style in STYLES) return STYLES[style as Style].name;
  return fallback;
}

export const DIRECTIONS: Record<Direction, string> = {
  'toward-security': 'Toward security',
  'away-from-security': 'Away from security',
  mixed: 'Mixed',
  'no-reliable-change': 'No clear change',
  'cannot-judge': 'Cannot judge yet',
};

export function fmtScore(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : x.toFixed(1);
}

const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const shortDateFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

export function fmtShortDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : shortDateFmt.format(d);
}

// "0.8 below the midpoint" / "1.2 above the cut point" / "right at the midpoint".
export function fromCut(diff: number | null | undefined, cutIsMidpoint: boolean): string {
  const where = cutIsMidpoint ? 'the midpoint' : 'the cut point';
  if (diff === null || diff === undefined || Number.isNaN(diff)) return '';
  const a = Math.abs(diff);
  if (a < 0.05) return `right at ${where}`;
  return `${a.toFixed(1)} ${diff < 0 ? 'below' : 'above'} ${where}`;
}

// A plain band for a 1-7 style score, relative to the scale.
export function band(x: number | null, min: number, max: number): string {
  if (x === null) return 'not enough answers to tell';
  const t = (x - min) / (max - min);
  if (t < 0.3) return 'on the low side';
  if (t <= 0.7) return 'in the middle range';
  return 'on the high side';
}

export const DIMENSION_MEANING = {
  anxiety:
    'Anxiety is about worry: how much you fear that people close to you will not be there, or will not care as much as you do.',
  avoidance:
    'Avoidance is about distance: how uneasy closeness feels, and how much you hold back from leaning on others.',
};

export function aboutLabel(a: Assessment): string {
  return a.about ? `about ${a.about.name}` : 'in general';
}

export function instrumentLabel(instruments: Instrument[] | null, id: string): string {
  return instruments?.find((i) => i.id === id)?.name ?? id;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// Server messages for a field may be fragments ("is required", "'x' is not one of: ...");
// shown beside the field they read better as a sentence that names it.
export function fieldSentence(label: string, message: string): string {
  const m = message.trim();
  if (!m) return m;
  const sentence = /^[a-z'"(]/.test(m) ? `${label} ${m}` : m;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
