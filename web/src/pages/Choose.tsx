import { useState } from 'preact/hooks';
import { api } from '../api';
import { UnderstandNav } from '../components/SubNav';
import { relationshipLabel } from '../format';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate, type Location } from '../router';
import { ErrorNote, Loading } from './Misc';

// Choose whom the questionnaire is about: close relationships in general, or one person.
export function ChoosePage({ loc }: { loc: Location }) {
  useTitle('Take the questionnaire');
  const instrument = loc.query.get('instrument');
  const people = useLoad(() => api.people(), []);
  const instruments = useLoad(() => api.instruments(), []);
  const target = instruments.data?.items.find((i) => i.id === instrument)?.target;
  const q = (t: 'general' | 'person') =>
    instrument && target === t ? `?instrument=${encodeURIComponent(instrument)}` : '';
  const [personId, setPersonId] = useState<string>('');
  const list = people.data?.items ?? [];
  const chosen = personId || (list[0] ? String(list[0].id) : '');

  return (
    <div class="page">
      <UnderstandNav current="take" />
      <h1>Take the questionnaire</h1>
      <p class="lead">
        You will see one statement at a time and choose how much it sounds like you. There are
        no right answers. Your first feeling is usually the most useful.
      </p>
      <div class="two-col">
        <section class="card choice" aria-labelledby="choose-general">
          <h2 id="choose-general">In general</h2>
          <p>How you tend to be in close relationships overall. A good place to begin.</p>
          <Link class="button primary big" href={`/questionnaire/general${q('general')}`}>
            Start in general
          </Link>
        </section>
        <section class="card choice" aria-labelledby="choose-person">
          <h2 id="choose-person">About a person</h2>
          <p>How you feel and act with one person, such as a partner, a parent or a friend.</p>
          {people.loading && <Loading />}
          {!!people.error && <ErrorNote error={people.error} retry={people.reload} />}
          {people.data && list.length === 0 && (
            <div>
              <p class="muted">You have not added anyone yet.</p>
              <Link class="button" href="/people?then=questionnaire">
                Add a person
              </Link>
            </div>
          )}
          {people.data && list.length > 0 && (
            <form
              class="stack"
              onSubmit={(e) => {
                e.preventDefault();
                if (chosen) navigate(`/questionnaire/person/${chosen}${q('person')}`);
              }}
            >
              <div class="field">
                <label for="choose-person-select">Who is it about?</label>
                <select
                  id="choose-person-select"
                  value={chosen}
                  onChange={(e) => setPersonId((e.target as HTMLSelectElement).value)}
                >
                  {list.map((p) => (
                    <option key={p.id} value={String(p.id)}>
                      {p.name} ({relationshipLabel(p.relationship).toLowerCase()})
                    </option>
                  ))}
                </select>
              </div>
              <div class="actions">
                <button type="submit" class="button primary">
                  Start about this person
                </button>
                <Link href="/people?then=questionnaire">Add someone else</Link>
              </div>
            </form>
          )}
        </section>
      </div>
    </div>
  );
}
