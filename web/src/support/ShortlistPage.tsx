// /support/shortlist: saved therapists as a board by status; change status, notes and a date,
// remove with undo.
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { Link } from '../router';
import { STATUSES, supportApi, type ShortlistEntry, type StatusId } from './api';
import { SupportNav } from './parts';

function EntryCard({ e, onChange, onRemove }: {
  e: ShortlistEntry; onChange: (e: ShortlistEntry) => void; onRemove: (e: ShortlistEntry) => void;
}) {
  const [notes, setNotes] = useState(e.notes);
  const [date, setDate] = useState(e.next_date ?? '');
  const [error, setError] = useState('');
  const patch = async (p: Parameters<typeof supportApi.update>[1]) => {
    try {
      setError('');
      onChange(await supportApi.update(e.id, p));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'That could not be saved.');
    }
  };
  return (
    <li class="card support-entry">
      <h3>
        <Link href={`/support/directory/${e.therapist}`}>{e.therapist_name}</Link>
      </h3>
      <p class="muted small">
        Saved {e.added.slice(0, 10)} · {e.status_label} since {e.status_since.slice(0, 10)}
      </p>
      <div class="field">
        <label for={`sl-status-${e.id}`}>Where you are</label>
        <select id={`sl-status-${e.id}`} value={e.status} onChange={(ev) => patch({ status: (ev.target as HTMLSelectElement).value as StatusId })}>
          {STATUSES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`sl-date-${e.id}`}>Date to remember (consult, call back)</label>
        <input id={`sl-date-${e.id}`} type="date" value={date}
          onChange={(ev) => {
            const v = (ev.target as HTMLInputElement).value;
            setDate(v);
            patch({ next_date: v || null });
          }} />
      </div>
      <div class="field">
        <label for={`sl-notes-${e.id}`}>Notes</label>
        <textarea id={`sl-notes-${e.id}`} rows={2} maxLength={4000} value={notes}
          onInput={(ev) => setNotes((ev.target as HTMLTextAreaElement).value)}
          onBlur={() => notes !== e.notes && patch({ notes })} />
      </div>
      {error && <p class="field-error">{error}</p>}
      <div class="actions">
        <button type="button" class="button quiet small-button" onClick={() => onRemove(e)}>
          Remove
        </button>
      </div>
    </li>
  );
}

export function ShortlistPage() {
  useTitle('Shortlist');
  const toast = useToast();
  const list = useLoad(() => supportApi.shortlist(), []);
  if (list.loading && !list.data) return <Loading />;
  if (list.error || !list.data) return <ErrorNote error={list.error} retry={list.reload} />;
  const items = list.data.items;
  const replace = (e: ShortlistEntry) => list.setData({ ...list.data!, items: items.map((x) => (x.id === e.id ? e : x)) });
  const remove = async (e: ShortlistEntry) => {
    try {
      await supportApi.remove(e.id);
      list.reload();
      toast({
        message: `Removed ${e.therapist_name} from your shortlist.`,
        action: { label: 'Undo', run: async () => { await supportApi.restore(e.id); list.reload(); } },
      });
    } catch (err) {
      toast({ message: err instanceof ApiError ? err.message : 'That could not be removed.' });
    }
  };
  return (
    <div class="page support-page">
      <SupportNav current="shortlist" />
      <h1>Your shortlist</h1>
      {items.length === 0 ? (
        <section class="card">
          <h2>Nobody saved yet</h2>
          <p>Search the directory and press "Save to shortlist" on anyone who might fit. Here you can then note who you contacted, consults booked and waitlists.</p>
          <div class="actions">
            <Link class="button primary" href="/support/directory">Find a therapist</Link>
          </div>
        </section>
      ) : (
        <>
          <p class="lead">
            Finding the right person can take a few tries; a first consult is a chance for you to see
            whether they fit, too.
          </p>
          <div class="support-board">
            {STATUSES.map((s) => {
              const here = items.filter((e) => e.status === s.id);
              return (
                <section key={s.id} class="support-column" aria-labelledby={`col-${s.id}`}>
                  <h2 id={`col-${s.id}`}>
                    {s.label} <span class="muted">({here.length})</span>
                  </h2>
                  <ul>
                    {here.map((e) => (
                      <EntryCard key={`${e.id}-${e.status}`} e={e} onChange={replace} onRemove={remove} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        </>
      )}
    </div>
  );
}
