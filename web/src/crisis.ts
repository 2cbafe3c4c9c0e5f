// Crisis lines shown by "Get help now". The server ships them from
// content/safety/crisis_resources.json (GET /api/v1/crisis-resources); this built-in copy
// is shown first and whenever the server cannot be reached, so help never waits on the
// network. Keep it in step with that file. Source: shared/reference/facts.md.
import { useEffect, useState } from 'preact/hooks';

export interface CrisisLine {
  name: string;
  phone: string; // as people dial it; may be empty when only text works
  text: string; // a number to text, or empty
  hours: string;
}

export interface CrisisRegion {
  code: string; // US, CA, GB, IE, AU, EU, or ANY (always last)
  name: string;
  emergency: string;
  lines: CrisisLine[];
  note: string;
  last_checked: string;
}

export interface CrisisResources {
  region: string | null;
  last_checked: string;
  items: CrisisRegion[];
}

// Sent by the server beside a saved entry whose words suggest danger.
export interface CrisisNotice {
  message: string;
  region?: string | null;
  resources?: CrisisRegion[];
}

const day = 'Free, day and night';
const line = (name: string, phone: string, text = ''): CrisisLine => ({ name, phone, text, hours: day });
const region = (code: string, name: string, emergency: string, lines: CrisisLine[], note = ''): CrisisRegion => ({
  code,
  name,
  emergency,
  lines,
  note,
  last_checked: '2026-11',
});

export const BUILT_IN: CrisisResources = {
  region: null,
  last_checked: '2026-11',
  items: [
    region('US', 'United States', '911', [line('988 Suicide & Crisis Lifeline', '988', '988')]),
    region('CA', 'Canada', '911', [line('9-8-8 Suicide Crisis Helpline', '9-8-8', '9-8-8')]),
    region('GB', 'United Kingdom', '999', [line('Samaritans', '116 123')]),
    region('IE', 'Ireland', '112', [line('Samaritans', '116 123')]),
    region('AU', 'Australia', '000', [{ ...line('Lifeline', '13 11 14'), hours: 'Day and night' }]),
    region('EU', 'European Union', '112', [], '112 reaches emergency help anywhere in the European Union, free of charge.'),
    region('ANY', 'Anywhere else', '', [], 'Call your local emergency number. A doctor, or someone you trust, can help you find support near you.'),
  ],
};

// `items` with `code` first and ANY last.
export function ordered(items: CrisisRegion[], code: string | null): CrisisRegion[] {
  const first = items.filter((r) => r.code === code && r.code !== 'ANY');
  const rest = items.filter((r) => r.code !== code && r.code !== 'ANY');
  return [...first, ...rest, ...items.filter((r) => r.code === 'ANY')];
}

// The digits of a number for tel: and sms: links ("116 123" -> "116123").
export const dial = (n: string) => n.replace(/[^0-9+]/g, '');

// The resources: the built-in copy at once, then the server's when it answers.
let cached: CrisisResources | null = null;
export function useCrisisResources(): [CrisisResources, (r: CrisisResources) => void] {
  const [res, setRes] = useState<CrisisResources>(cached ?? BUILT_IN);
  useEffect(() => {
    let live = true;
    fetch('/api/v1/crisis-resources', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((data: CrisisResources | null) => {
        if (data && Array.isArray(data.items) && data.items.length && live) {
          cached = data;
          setRes(data);
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const update = (r: CrisisResources) => {
    cached = r;
    setRes(r);
  };
  return [res, update];
}
