// Pieces the step 4 pages share: the sub-navigation, people's names, "Show more" lists
// and the listening card.
import { useEffect, useState } from 'preact/hooks';
import { api, type Page, type Person } from '../api';
import { SubNav } from '../components/SubNav';
import { useLoad } from '../hooks';
import type { ListeningGuide } from './api';

export function TalkNav({ current }: { current: 'overview' | 'new' | 'conflicts' | 'insights' | 'listen' | null }) {
  return (
    <SubNav
      label="Talk"
      current={current}
      items={[
        ['overview', '/talk', 'Overview'],
        ['new', '/talk/new', 'Build a message'],
        ['conflicts', '/talk/conflicts', 'Conflicts'],
        ['insights', '/talk/insights', 'Insights'],
        ['listen', '/talk/listen', 'Listening'],
      ]}
    />
  );
}

// The person's people, and a name for an id (removed people show as "someone").
export function usePeople() {
  const state = useLoad(() => api.people(), []);
  const people: Person[] = state.data?.items ?? [];
  const name = (id: number | null | undefined) =>
    id === null || id === undefined ? '' : (people.find((p) => p.id === id)?.name ?? 'someone you removed');
  return { people, name, loaded: !!state.data };
}

// A list loaded a page at a time. `reset` reloads from the first page.
export function usePaged<T>(load: (cursor: string | null) => Promise<Page<T>>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load(null).then(
      (p) => {
        if (!live) return;
        setItems(p.items);
        setNext(p.next_cursor);
        setError(null);
        setLoading(false);
      },
      (e) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const more = async () => {
    if (!next) return;
    setLoading(true);
    try {
      const p = await load(next);
      setItems((cur) => [...cur, ...p.items]);
      setNext(p.next_cursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  return { items, setItems, next, loading, error, more, reset: () => setTick((t) => t + 1) };
}

export function ShowMore({ next, loading, more, what }: { next: string | null; loading: boolean; more: () => void; what: string }) {
  if (!next) return null;
  return (
    <p class="show-more">
      <button type="button" class="button" disabled={loading} onClick={more}>
        {loading ? 'Loading…' : `Show more ${what}`}
      </button>
    </p>
  );
}

export function ListeningCard({ guide, headingLevel = 2 }: { guide: ListeningGuide; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="card listening-card" aria-labelledby="listening-title">
      <H id="listening-title">{guide.title}</H>
      <p>{guide.intro}</p>
      <ol class="listening-steps">
        {guide.steps.map((s) => (
          <li key={s.name}>
            <strong>{s.name}.</strong> {s.prompt}
            <p class="listening-example">
              <span class="muted">For example:</span> “{s.example}”
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
export function dateWords(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

// "2026-11-27T18:30" for <input type="datetime-local"> from an ISO instant, in local time.
export function localInputValue(iso?: string): string {
  const d = iso ? new Date(iso) : new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
// And back: the local time as an ISO instant with the person's offset.
export function isoFromLocalInput(v: string): string {
  const d = new Date(v);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${v.length === 16 ? v + ':00' : v}${sign}${pad(off / 60)}:${pad(off % 60)}`;
}
