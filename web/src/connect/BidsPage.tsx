// /connect: the quick bid logger (who, what kind, how it was met: three taps) and the
// recent bids, each removable with undo.
import { useRef, useState } from 'preact/hooks';
import { api, ApiError, errorMessage, type Person } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { Link } from '../router';
import { connectApi, KINDS, kindLabel, RESPONSES, responseLabel, type Bid, type BidDirection, type BidKind } from './api';
import { ConnectNav } from './parts';

export function BidsPage() {
  useTitle('Log a bid');
  const people = useLoad(() => api.people(), []);
  const [listTick, setListTick] = useState(0);
  return (
    <div class="page trust-page">
      <ConnectNav current="bids" />
      <h1>Bids for connection</h1>
      <p class="lead">
        A bid is a small reach for attention, warmth, a laugh or help. Noticing them, the ones you
        make and the ones you receive, is most of the work.
      </p>
      {people.loading && !people.data && <Loading />}
      {!!people.error && <ErrorNote error={people.error} retry={people.reload} />}
      {people.data && <Logger people={people.data.items} onSaved={() => setListTick((t) => t + 1)} />}
      <RecentBids people={people.data?.items ?? []} tick={listTick} />
    </div>
  );
}

function Logger({ people, onSaved }: { people: Person[]; onSaved: () => void }) {
  const toast = useToast();
  const [direction, setDirection] = useState<BidDirection>('received');
  const [who, setWho] = useState<number | null | undefined>(undefined);
  const [kind, setKind] = useState<BidKind | null>(null);
  const [feeling, setFeeling] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kindRef = useRef<HTMLHeadingElement>(null);
  const responseRef = useRef<HTMLHeadingElement>(null);

  const reset = () => {
    setWho(undefined);
    setKind(null);
    setFeeling('');
  };

  const save = async (response: (typeof RESPONSES)[number][0]) => {
    if (who === undefined || !kind) return;
    setBusy(true);
    setError(null);
    try {
      const bid = await connectApi.addBid({ person: who, direction, kind, response, feeling: feeling.trim() || undefined });
      reset();
      onSaved();
      toast({
        message: `Logged: ${kindLabel(bid.kind).toLowerCase()}, ${responseLabel(bid.response).toLowerCase()}.`,
        action: {
          label: 'Undo',
          run: async () => {
            await connectApi.removeBid(bid.id);
            onSaved();
          },
        },
      });
    } catch (e) {
      setError(e instanceof ApiError ? Object.values(e.fieldErrors())[0] ?? errorMessage(e) : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const whoName = who === undefined ? '' : who === null ? 'someone not listed' : people.find((p) => p.id === who)?.name ?? '';
  return (
    <section class="card" aria-labelledby="logger-title">
      <h2 id="logger-title">Log a bid in three taps</h2>
      <div class="tb-toggle" role="group" aria-label="Whose bid">
        <button type="button" aria-pressed={direction === 'received'} onClick={() => setDirection('received')}>
          Someone reached for me
        </button>
        <button type="button" aria-pressed={direction === 'made'} onClick={() => setDirection('made')}>
          I reached for someone
        </button>
      </div>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div class="tb-steps">
        <div class="tb-step">
          <h3>1. {direction === 'received' ? 'Who reached for you?' : 'Who did you reach for?'}</h3>
          <div class="tb-tiles">
            {people.map((p) => (
              <button
                type="button"
                key={p.id}
                class="tb-tile"
                aria-pressed={who === p.id}
                onClick={() => {
                  setWho(p.id);
                  requestAnimationFrame(() => kindRef.current?.focus());
                }}
              >
                {p.name}
              </button>
            ))}
            <button
              type="button"
              class="tb-tile"
              aria-pressed={who === null}
              onClick={() => {
                setWho(null);
                requestAnimationFrame(() => kindRef.current?.focus());
              }}
            >
              Someone not listed
            </button>
          </div>
          {!people.length && (
            <p class="muted small">
              Tip: <Link href="/people">add the people in your life</Link> to see availability per person.
            </p>
          )}
        </div>
        {who !== undefined && (
          <div class="tb-step">
            <h3 ref={kindRef} tabIndex={-1}>
              2. What kind of bid{whoName ? ` (${whoName})` : ''}?
            </h3>
            <div class="tb-tiles">
              {KINDS.map(([k, label]) => (
                <button
                  type="button"
                  key={k}
                  class="tb-tile"
                  aria-pressed={kind === k}
                  onClick={() => {
                    setKind(k);
                    requestAnimationFrame(() => responseRef.current?.focus());
                  }}
                >
                  {label}
                </button>
              ))}
            </div>
          </div>
        )}
        {who !== undefined && kind && (
          <div class="tb-step">
            <h3 ref={responseRef} tabIndex={-1}>
              3. {direction === 'received' ? 'How did you meet it?' : 'How was it met?'}
            </h3>
            <div class="field">
              <label for="bid-feeling">
                How it felt <span class="muted">(optional, before you tap)</span>
              </label>
              <input id="bid-feeling" type="text" autoComplete="off" value={feeling} onInput={(e) => setFeeling((e.target as HTMLInputElement).value)} />
            </div>
            <div class="tb-tiles responses">
              {RESPONSES.map(([r, label, hint]) => (
                <button type="button" key={r} class="tb-tile" disabled={busy} onClick={() => save(r)}>
                  {label}
                  <small>{hint}</small>
                </button>
              ))}
            </div>
            <div class="actions">
              <button type="button" class="button quiet small-button" onClick={reset}>
                Start again
              </button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

function RecentBids({ people, tick }: { people: Person[]; tick: number }) {
  const toast = useToast();
  const [more, setMore] = useState<Bid[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useLoad(async () => {
    const page = await connectApi.bids({ limit: 10 });
    setMore([]);
    setCursor(page.next_cursor);
    return page;
  }, [tick]);
  const all = [...(first.data?.items ?? []), ...more];
  const nameOf = (id: number | null) => (id === null ? 'someone' : people.find((p) => p.id === id)?.name ?? 'someone');

  const remove = async (b: Bid) => {
    try {
      await connectApi.removeBid(b.id);
      first.reload();
      toast({
        message: 'Bid removed.',
        action: {
          label: 'Undo',
          run: async () => {
            await connectApi.restoreBid(b.id);
            first.reload();
          },
        },
      });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section class="card" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent bids</h2>
      {first.loading && !first.data && <Loading />}
      {!!first.error && <ErrorNote error={first.error} retry={first.reload} />}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {first.data && !all.length && (
        <p>No bids logged yet. The next time someone reaches for you, even for a moment, log it above.</p>
      )}
      {all.length > 0 && (
        <ul class="bid-list">
          {all.map((b) => (
            <li key={b.id}>
              <div>
                <strong>
                  {b.direction === 'received' ? `From ${nameOf(b.person)}` : `You to ${nameOf(b.person)}`}: {kindLabel(b.kind).toLowerCase()}
                </strong>
                <span class="muted small">
                  {responseLabel(b.response)} · {new Date(b.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
                  {b.feeling ? ` · “${b.feeling}”` : ''}
                </span>
              </div>
              <button type="button" class="button quiet small-button" onClick={() => remove(b)} aria-label={`Remove bid ${b.id}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <div class="actions">
          <button
            type="button"
            class="button"
            onClick={async () => {
              try {
                const page = await connectApi.bids({ limit: 10, cursor });
                setMore([...more, ...page.items]);
                setCursor(page.next_cursor);
              } catch (e) {
                setError(errorMessage(e));
              }
            }}
          >
            Show more
          </button>
        </div>
      )}
      {all.length > 0 && (
        <p class="muted small">
          See how bids were met over time on the <Link href="/connect/availability">availability</Link> page.
        </p>
      )}
    </section>
  );
}
