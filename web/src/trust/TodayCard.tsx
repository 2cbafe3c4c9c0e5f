// The small "Due today" card on the home page: the first few due commitments with their
// one-tap outcomes, or nothing at all when there are no commitments.
import { api } from '../api';
import { useLoad } from '../hooks';
import { Link } from '../router';
import { trustApi } from './api';
import { DueList } from './parts';
import './trust.css';

export function TodayCard() {
  const state = useLoad(async () => {
    const [today, people] = await Promise.all([trustApi.today(), api.people()]);
    return { ...today, people: people.items };
  }, []);
  const d = state.data;
  if (!d || d.total_commitments === 0) return null;
  return (
    <section class="card home-today" aria-labelledby="home-today-title">
      <h2 id="home-today-title">Due today</h2>
      {d.items.length === 0 ? (
        <p>Nothing is due or waiting. <Link href="/trust">See your commitments</Link>.</p>
      ) : (
        <>
          <DueList items={d.items} today={d.today} people={d.people} reload={state.reload} limit={3} />
          {d.items.length > 3 && (
            <p class="small">
              <Link href="/trust">{d.items.length - 3} more on the Today list</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
