// /trust/reliability and /trust/reliability/:who: how reliable promises have been, both
// ways, over 30/90/365 days, a year's trend, streaks, and the commitments themselves.
import { useState } from 'preact/hooks';
import { api, errorMessage, type Person } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { Link } from '../router';
import { trustApi, type Commitment, type Who } from './api';
import { TrendChart, trendSentence, TrustNav, WindowsTable } from './parts';

export function ReliabilityPage({ who }: { who: Who }) {
  const people = useLoad(() => api.people(), []);
  const name = who === null ? 'Everyone' : who === 'me' ? 'Promises to yourself' : people.data?.items.find((p) => p.id === who)?.name ?? 'Someone';
  useTitle(`Reliability: ${name}`);
  const rel = useLoad(() => trustApi.reliability(who), [who]);
  return (
    <div class="page trust-page">
      <TrustNav current="people" />
      <h1>Reliability{who === null ? '' : `: ${name}`}</h1>
      <PersonPicker people={people.data?.items ?? []} who={who} />
      {rel.loading && !rel.data && <Loading />}
      {!!rel.error && <ErrorNote error={rel.error} retry={rel.reload} />}
      {rel.data && (
        <>
          <section class="card" aria-labelledby="trend-title">
            <h2 id="trend-title">Over the last year</h2>
            <TrendChart id="trust-trend" mine={rel.data.mine.over_time} toMe={rel.data['to-me'].over_time} />
            <p class="chart-summary">
              {trendSentence(rel.data.mine, true)} {trendSentence(rel.data['to-me'], false)}
            </p>
            <p class="muted small">
              Reliable means kept or renegotiated: agreeing new terms before a promise lapses keeps
              trust too. These counts are a mirror for you, not a judgement of anyone.
            </p>
          </section>
          <div class="two-col">
            <section class="card">
              <WindowsTable w={rel.data.mine} caption="Promises you made" />
            </section>
            <section class="card">
              <WindowsTable w={rel.data['to-me']} caption="Promises made to you" />
            </section>
          </div>
          {rel.data.streaks.length > 0 && (
            <section class="card" aria-labelledby="streaks-title">
              <h2 id="streaks-title">Streaks</h2>
              <ul class="streaks">
                {rel.data.streaks.map((s) => (
                  <li key={s.commitment}>
                    <strong class="streak-count">{s.streak}</strong> in a row: {s.what}{' '}
                    <span class="muted small">({s.repeat_text}{s.direction === 'to-me' ? ', made to you' : ''})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <CommitmentList who={who} people={people.data?.items ?? []} onChange={rel.reload} />
    </div>
  );
}

function PersonPicker({ people, who }: { people: Person[]; who: Who }) {
  const items: [string, string, boolean][] = [
    ['Everyone', '/trust/reliability', who === null],
    ['Myself', '/trust/reliability/me', who === 'me'],
    ...people.map((p) => [p.name, `/trust/reliability/${p.id}`, who === p.id] as [string, string, boolean]),
  ];
  return (
    <nav class="tb-chips" aria-label="Whose reliability">
      {items.map(([label, href, current]) => (
        <Link key={href} class="tb-chip" href={href} aria-current={current ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}

// The commitments themselves, a page at a time, each removable with undo.
function CommitmentList({ who, people, onChange }: { who: Who; people: Person[]; onChange: () => void }) {
  const toast = useToast();
  const [more, setMore] = useState<Commitment[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useLoad(async () => {
    const page = await trustApi.list({ person: who, limit: 20 });
    setMore([]);
    setCursor(page.next_cursor);
    return page;
  }, [who]);
  const all = [...(first.data?.items ?? []), ...more];

  const loadMore = async () => {
    try {
      const page = await trustApi.list({ person: who, limit: 20, cursor });
      setMore([...more, ...page.items]);
      setCursor(page.next_cursor);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const remove = async (c: Commitment) => {
    try {
      await trustApi.remove(c.id);
      first.reload();
      onChange();
      toast({
        message: `Removed: ${c.what}`,
        action: {
          label: 'Undo',
          run: async () => {
            await trustApi.restore(c.id);
            first.reload();
            onChange();
          },
        },
      });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const nameOf = (id: number | null) => (id === null ? 'yourself' : people.find((p) => p.id === id)?.name ?? 'someone');
  return (
    <section class="card" aria-labelledby="list-title">
      <h2 id="list-title">Commitments</h2>
      {first.loading && !first.data && <Loading />}
      {!!first.error && <ErrorNote error={first.error} retry={first.reload} />}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {first.data && !all.length && (
        <div class="tb-empty">
          <p>No commitments here yet. Add one, and mark it when it falls due.</p>
          <div class="actions">
            <Link class="button primary" href="/trust/new">
              Add a commitment
            </Link>
          </div>
        </div>
      )}
      {all.length > 0 && (
        <ul class="commitment-list">
          {all.map((c) => (
            <li key={c.id}>
              <div>
                <strong>{c.what}</strong>
                <span class="muted small">
                  {c.direction === 'mine' ? `to ${nameOf(c.person)}` : `from ${nameOf(c.person)}`}
                  {c.due ? ` · ${c.repeat === 'none' ? 'due' : 'from'} ${c.due}${c.time ? ` ${c.time}` : ''}` : ' · no date'}
                  {c.repeat !== 'none' ? ` · ${c.repeat_text}` : ''}
                </span>
              </div>
              <button type="button" class="button quiet small-button" onClick={() => remove(c)} aria-label={`Remove ${c.what}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <div class="actions">
          <button type="button" class="button" onClick={loadMore}>
            Show more
          </button>
        </div>
      )}
    </section>
  );
}
