// /trust: what is due today and overdue, each with one-tap outcomes.
import { api } from '../api';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { Link } from '../router';
import { trustApi } from './api';
import { DueList, TrustNav } from './parts';

export function TodayPage() {
  useTitle('Trust: today');
  const state = useLoad(async () => {
    const [today, people] = await Promise.all([trustApi.today(), api.people()]);
    return { ...today, people: people.items };
  }, []);
  const d = state.data;
  const overdue = d ? d.items.filter((i) => i.overdue).length : 0;
  return (
    <div class="page trust-page">
      <TrustNav current="today" />
      <h1>Promises, kept a little at a time</h1>
      <p class="lead">
        Trust grows from small promises kept. Mark each one as it falls due: kept, renegotiated
        (agreeing new terms in time is a good outcome too), or broken, with what you did to repair it.
      </p>
      {state.loading && !d && <Loading />}
      {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
      {d && (
        <section class="card" aria-labelledby="due-title">
          <h2 id="due-title">Due today{overdue ? ' and overdue' : ''}</h2>
          {d.items.length > 0 ? (
            <>
              <p class="muted small" aria-live="polite">
                {d.items.length} to mark{overdue ? `, ${overdue} of them overdue` : ''}.
              </p>
              <DueList items={d.items} today={d.today} people={d.people} reload={state.reload} />
            </>
          ) : d.total_commitments === 0 ? (
            <div class="tb-empty">
              <p>You have no commitments yet. Start with one small, clear promise you can keep this week.</p>
              <div class="actions">
                <Link class="button primary" href="/trust/new">
                  Add a commitment
                </Link>
              </div>
            </div>
          ) : (
            <div class="tb-empty">
              <p>Nothing is due today, and nothing is waiting. Well done.</p>
              <div class="actions">
                <Link class="button" href="/trust/new">
                  Add a commitment
                </Link>
                <Link class="button quiet" href="/trust/reliability">
                  See reliability
                </Link>
              </div>
            </div>
          )}
        </section>
      )}
      {d && d.to_me.length > 0 && (
        <section class="card" aria-labelledby="to-me-title">
          <h2 id="to-me-title">Promises made to you, due</h2>
          <p class="muted small">
            Marking these shows how reliable others have been with you. Kept and renegotiated
            count as reliable here too.
          </p>
          <DueList items={d.to_me} today={d.today} people={d.people} reload={state.reload} />
        </section>
      )}
    </div>
  );
}
