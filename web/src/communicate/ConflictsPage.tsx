// The conflict log (/talk/conflicts): newest first, a page at a time, optionally for one
// person.
import { useTitle } from '../hooks';
import { Link, navigate, type Location } from '../router';
import { HORSEMAN_INFO, outcomeLabel, talkApi } from './api';
import { ErrorNote } from '../pages/Misc';
import { ShowMore, TalkNav, dateWords, usePaged, usePeople } from './parts';

export function ConflictsPage({ loc }: { loc: Location }) {
  useTitle('Conflicts');
  const who = loc.query.get('person');
  const person = who && /^\d+$/.test(who) ? Number(who) : null;
  const { people, name } = usePeople();
  const list = usePaged((cursor) => talkApi.conflicts({ person, cursor }), [person]);
  return (
    <div class="page talk-page">
      <TalkNav current="conflicts" />
      <h1>Conflicts and repair</h1>
      <p class="lead">
        Every close relationship has conflict. What matters most is coming back together afterwards: a repair can be an
        apology, a joke, a touch, or “can we start again?”.
      </p>
      <div class="actions">
        <Link class="button primary" href={`/talk/conflicts/new${person ? `?with=${person}` : ''}`}>
          Log a conflict
        </Link>
      </div>
      <div class="field inline-field">
        <label for="conflicts-person">Show</label>
        <select
          id="conflicts-person"
          value={person ? String(person) : ''}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            navigate(`/talk/conflicts${v ? `?person=${v}` : ''}`, { replace: true });
          }}
        >
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={String(p.id)}>
              With {p.name}
            </option>
          ))}
        </select>
      </div>
      {list.error ? <ErrorNote error={list.error} retry={list.reset} /> : null}
      {!list.loading && !list.error && list.items.length === 0 && (
        <div class="card empty">
          <p>
            {person
              ? `Nothing logged with ${name(person)} yet.`
              : 'Nothing logged yet. After your next disagreement, log it here while it is fresh.'}
          </p>
        </div>
      )}
      <ul class="conflict-list">
        {list.items.map((c) => {
          const seen = [...new Set([...c.horsemen_me, ...c.horsemen_them])];
          return (
            <li key={c.id} class="card conflict-item">
              <h2 class="conflict-topic">
                <Link href={`/talk/conflicts/${c.id}`}>{c.topic}</Link>
              </h2>
              <p class="muted small">
                With {name(c.person)} · {dateWords(c.happened)} · {c.repairs.length === 1 ? '1 repair' : `${c.repairs.length} repairs`}
              </p>
              <p>
                <span class={`pill outcome-${c.outcome}`}>{outcomeLabel(c.outcome)}</span>
                {seen.map((h) => (
                  <span key={h} class="pill pill-quiet">
                    {HORSEMAN_INFO[h].label}
                  </span>
                ))}
                {(c.flooded_me || c.flooded_them) && <span class="pill pill-quiet">flooded</span>}
              </p>
            </li>
          );
        })}
      </ul>
      <ShowMore next={list.next} loading={list.loading} more={list.more} what="conflicts" />
    </div>
  );
}
