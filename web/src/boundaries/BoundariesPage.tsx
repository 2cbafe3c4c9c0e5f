// The boundaries workbench (/boundaries): every boundary, grouped by area or by person,
// which are under most pressure lately, and held versus crossed for each person.
import { useState } from 'preact/hooks';
import { errorMessage } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { Link } from '../router';
import { SplitBarChart } from '../communicate/charts';
import { ShowMore, usePaged, usePeople } from '../communicate/parts';
import { ErrorNote } from '../pages/Misc';
import { AREAS, areaLabel, boundaryApi, counts, type Boundary } from './api';
import { BoundariesNav } from './parts';

type Grouping = 'area' | 'person';

export function BoundariesPage() {
  useTitle('Boundaries');
  const toast = useToast();
  const { name } = usePeople();
  const list = usePaged((cursor) => boundaryApi.list({ cursor }), []);
  const stats = useLoad(() => boundaryApi.stats(), [list.items.length]);
  const [grouping, setGrouping] = useState<Grouping>('area');

  const remove = async (b: Boundary) => {
    try {
      await boundaryApi.remove(b.id);
      list.setItems(list.items.filter((x) => x.id !== b.id));
      toast({
        message: `Deleted “${b.limit}”.`,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await boundaryApi.restore(b.id);
              toast({ message: 'The boundary is back.' });
            } catch (e) {
              toast({ message: `Could not undo: ${errorMessage(e)}` });
            }
            list.reset();
          },
        },
      });
      document.getElementById('boundaries-title')?.focus();
    } catch (e) {
      toast({ message: `Could not delete: ${errorMessage(e)}` });
    }
  };

  const who = (p: number | null) => (p === null ? 'Everyone' : name(p));
  const groups: [string, Boundary[]][] = [];
  const keyOf = (b: Boundary) => (grouping === 'area' ? areaLabel(b.area) : who(b.person));
  const ordered =
    grouping === 'area'
      ? [...list.items].sort((a, b) => AREAS.findIndex((x) => x.value === a.area) - AREAS.findIndex((x) => x.value === b.area))
      : list.items;
  for (const b of ordered) {
    const k = keyOf(b);
    let g = groups.find(([x]) => x === k);
    if (!g) groups.push((g = [k, []]));
    g[1].push(b);
  }

  const byId = new Map(list.items.map((b) => [b.id, b]));
  const pressured = (stats.data?.boundaries ?? []).filter((s) => s.crossed_lately > 0).slice(0, 3);
  const people = (stats.data?.people ?? []).filter((p) => p.held + p.crossed_by_them + p.crossed_by_me > 0);
  const peopleSummary = people
    .map((p) => `${who(p.person)}: held ${p.held}, crossed by them ${p.crossed_by_them}, crossed by me ${p.crossed_by_me}`)
    .join('; ');

  return (
    <div class="page boundaries-page">
      <BoundariesNav current="list" />
      <h1 id="boundaries-title" tabindex={-1}>
        Boundaries
      </h1>
      <p class="lead">
        Clear limits make closeness safer for everyone: people know where they stand, and you do not have to build walls.
        Write a limit, practise saying it, and note when it holds and when it does not.
      </p>
      <div class="actions">
        <Link class="button primary" href="/boundaries/new">
          Add a boundary
        </Link>
      </div>
      {(pressured.length > 0 || people.length > 0) && (
        <div class="insight-grid">
          {pressured.length > 0 && (
            <section class="card" aria-labelledby="pressure-title">
              <h2 id="pressure-title">Under most pressure lately</h2>
              <p class="muted small">Crossed most often in the last 30 days, either way.</p>
              <ol class="pressure-list">
                {pressured.map((s) => (
                  <li key={s.boundary}>
                    <Link href={`/boundaries/${s.boundary}`}>{byId.get(s.boundary)?.limit ?? `Boundary ${s.boundary}`}</Link>{' '}
                    <span class="muted small">
                      crossed {s.crossed_lately === 1 ? 'once' : `${s.crossed_lately} times`}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          )}
          {people.length > 0 && (
            <section class="card" aria-labelledby="people-held-title">
              <h2 id="people-held-title">Held and crossed, by person</h2>
              <p>{peopleSummary}.</p>
              <SplitBarChart
                summary={`Held and crossed by person. ${peopleSummary}.`}
                legend={['held', 'crossed by them', 'crossed by me']}
                rows={people.map((p) => ({ label: who(p.person), a: p.held, b: p.crossed_by_them, c: p.crossed_by_me }))}
              />
            </section>
          )}
        </div>
      )}
      <section aria-labelledby="list-title">
        <div class="list-head">
          <h2 id="list-title">Your boundaries</h2>
          <fieldset class="segmented-choice">
            <legend class="sr-only">Group by</legend>
            <label class="check">
              <input type="radio" name="grouping" checked={grouping === 'area'} onChange={() => setGrouping('area')} />
              <span>By area</span>
            </label>
            <label class="check">
              <input type="radio" name="grouping" checked={grouping === 'person'} onChange={() => setGrouping('person')} />
              <span>By person</span>
            </label>
          </fieldset>
        </div>
        {list.error ? <ErrorNote error={list.error} retry={list.reset} /> : null}
        {!list.loading && !list.error && list.items.length === 0 && (
          <div class="card empty">
            <p>
              No boundaries yet. Think of a moment this week when you said yes and meant no; that is often a good first
              one. <Link href="/boundaries/new">Add a boundary</Link>.
            </p>
          </div>
        )}
        {groups.map(([k, bs]) => (
          <div key={k} class="boundary-group">
            <h3>{k}</h3>
            <ul class="boundary-list">
              {bs.map((b) => {
                const n = counts(b);
                const last = b.practices[b.practices.length - 1];
                return (
                  <li key={b.id} class="card boundary-item">
                    <h4 class="boundary-limit">
                      <Link href={`/boundaries/${b.id}`}>{b.limit}</Link>
                    </h4>
                    <p class="muted small">
                      {grouping === 'area' ? who(b.person) : areaLabel(b.area)} · held {n.held}, crossed by someone {n.them},
                      crossed by me {n.me}
                      {last ? ` · steadiness ${last.steadiness}/10` : ' · not practised yet'}
                    </p>
                    {b.script && <p class="boundary-script">{b.script}</p>}
                    <div class="actions">
                      <Link class="button" href={`/boundaries/${b.id}`} aria-label={`Practise or note: ${b.limit}`}>
                        Practise or note
                      </Link>
                      <button type="button" class="button quiet" onClick={() => remove(b)} aria-label={`Delete: ${b.limit}`}>
                        Delete
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
        <ShowMore next={list.next} loading={list.loading} more={list.more} what="boundaries" />
      </section>
    </div>
  );
}
