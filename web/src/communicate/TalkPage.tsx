// Step 4 at a glance: saved drafts (by person), recent conflicts, what the conflict log
// shows so far, and the listening card. Each empty part says what to do first.
import { errorMessage } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { Link } from '../router';
import { outcomeLabel, talkApi, type Message } from './api';
import { ErrorNote } from '../pages/Misc';
import { ListeningCard, ShowMore, TalkNav, dateWords, usePaged, usePeople } from './parts';

const excerpt = (t: string) => (t.length > 40 ? `${t.slice(0, 39)}…` : t);

export function TalkPage() {
  useTitle('Talk');
  const toast = useToast();
  const { name } = usePeople();
  const drafts = usePaged((cursor) => talkApi.messages({ cursor, limit: 10 }), []);
  const conflicts = useLoad(() => talkApi.conflicts({ limit: 3 }), []);
  const insights = useLoad(() => talkApi.insights(), []);
  const guide = useLoad(() => talkApi.listeningGuide(), []);

  // Drafts grouped by who they are for, in the order they came.
  const groups: [string, Message[]][] = [];
  for (const m of drafts.items) {
    const who = m.person === null ? 'Not for anyone in particular' : `For ${name(m.person)}`;
    let g = groups.find(([k]) => k === who);
    if (!g) groups.push((g = [who, []]));
    g[1].push(m);
  }

  const remove = async (m: Message) => {
    try {
      await talkApi.removeMessage(m.id);
      drafts.setItems(drafts.items.filter((x) => x.id !== m.id));
      toast({
        message: 'Draft deleted.',
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await talkApi.restoreMessage(m.id);
              toast({ message: 'The draft is back.' });
            } catch (e) {
              toast({ message: `Could not undo: ${errorMessage(e)}` });
            }
            drafts.reset();
          },
        },
      });
      document.getElementById('drafts-title')?.focus();
    } catch (e) {
      toast({ message: `Could not delete: ${errorMessage(e)}` });
    }
  };

  const ins = insights.data;
  return (
    <div class="page talk-page">
      <TalkNav current="overview" />
      <h1>Talk</h1>
      <p class="lead">
        Saying what you feel and need, plainly and kindly, and listening in return, is how closeness survives
        disagreement. Prepare your words here, log how conflicts went, and notice what helps you come back together.
      </p>
      <div class="actions">
        <Link class="button primary" href="/talk/new">
          Build a message
        </Link>
        <Link class="button" href="/talk/conflicts/new">
          Log a conflict
        </Link>
      </div>
      <div class="talk-overview">
        <section aria-labelledby="drafts-title" class="talk-drafts">
          <h2 id="drafts-title" tabindex={-1}>
            Your drafts
          </h2>
          {drafts.error ? <ErrorNote error={drafts.error} retry={drafts.reset} /> : null}
          {!drafts.loading && !drafts.error && drafts.items.length === 0 && (
            <div class="card empty">
              <p>
                No drafts yet. Think of one thing you would like someone to know, and{' '}
                <Link href="/talk/new">build a message</Link> about it; you decide later whether to send it.
              </p>
            </div>
          )}
          {groups.map(([who, ms]) => (
            <div key={who} class="draft-group">
              <h3>{who}</h3>
              <ul class="draft-list">
                {ms.map((m) => (
                  <li key={m.id} class="card draft">
                    <p class="draft-text">{m.text}</p>
                    <p class="muted small">
                      {dateWords(m.created)}
                      {m.updated ? ' · edited' : ''}
                    </p>
                    <div class="actions">
                      <Link class="button" href={`/talk/messages/${m.id}`} aria-label={`Open the draft “${excerpt(m.text)}”`}>
                        Open
                      </Link>
                      <button type="button" class="button quiet" onClick={() => remove(m)} aria-label={`Delete the draft “${excerpt(m.text)}”`}>
                        Delete
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <ShowMore next={drafts.next} loading={drafts.loading} more={drafts.more} what="drafts" />
        </section>
        <div class="talk-side stack">
          <section aria-labelledby="recent-conflicts-title" class="card">
            <h2 id="recent-conflicts-title">Recent conflicts</h2>
            {conflicts.data && conflicts.data.items.length === 0 && (
              <p>
                Nothing logged. After a disagreement, <Link href="/talk/conflicts/new">log it</Link> while it is fresh:
                what it was about and how it went. Repairs come later.
              </p>
            )}
            {conflicts.data && conflicts.data.items.length > 0 && (
              <ul class="plain-list">
                {conflicts.data.items.map((c) => (
                  <li key={c.id}>
                    <Link href={`/talk/conflicts/${c.id}`}>{c.topic}</Link>{' '}
                    <span class="muted small">
                      with {name(c.person)}, {dateWords(c.happened)}: {outcomeLabel(c.outcome).toLowerCase()}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link href="/talk/conflicts">All conflicts</Link>
            </p>
          </section>
          <section aria-labelledby="insights-title" class="card">
            <h2 id="insights-title">What your log shows</h2>
            {ins && ins.conflicts === 0 && <p>Insights appear once you have logged a conflict or two.</p>}
            {ins && ins.conflicts > 0 && (
              <p>
                {ins.conflicts === 1 ? 'One conflict' : `${ins.conflicts} conflicts`} logged;{' '}
                {ins.people.reduce((n, p) => n + p.repaired, 0)} repaired.
                {ins.horsemen.length > 0 && ` Seen most: ${ins.horsemen[0].horseman}.`}
              </p>
            )}
            <p>
              <Link href="/talk/insights">See the insights</Link>
            </p>
          </section>
          {guide.data && <ListeningCard guide={guide.data} />}
        </div>
      </div>
    </div>
  );
}
