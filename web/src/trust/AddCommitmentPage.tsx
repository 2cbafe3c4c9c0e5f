// /trust/new: add a commitment (mine, to myself, or made to me), with a due date, time and
// repeat. Checks what it can before sending and shows the server's field errors beside
// the fields.
import { useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api';
import { useLoad, useTitle } from '../hooks';
import { navigate } from '../router';
import { trustApi, type CommitDirection } from './api';
import { TrustNav } from './parts';

type RepeatKind = 'none' | 'daily' | 'weekly' | 'every' | 'monthly';
const DAYS = [
  ['mon', 'Mon'],
  ['tue', 'Tue'],
  ['wed', 'Wed'],
  ['thu', 'Thu'],
  ['fri', 'Fri'],
  ['sat', 'Sat'],
  ['sun', 'Sun'],
] as const;

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function AddCommitmentPage() {
  useTitle('Add a commitment');
  const people = useLoad(() => api.people(), []);
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('me'); // "me" or a person id
  const [direction, setDirection] = useState<CommitDirection>('mine');
  const [due, setDue] = useState(todayIso());
  const [time, setTime] = useState('');
  const [repeat, setRepeat] = useState<RepeatKind>('none');
  const [days, setDays] = useState<string[]>([]);
  const [every, setEvery] = useState('3');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const check = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!what.trim()) e.what = 'Say what was promised, in a few words.';
    if (what.length > 500) e.what = 'Keep it under 500 characters.';
    if (direction === 'to-me' && who === 'me') e.person = 'Choose who made this promise to you.';
    if (repeat !== 'none' && !due) e.due = 'A repeating commitment needs a first date.';
    if (time && !due) e.time = 'A time needs a date too.';
    if (repeat === 'weekly' && !days.length) e.repeat = 'Choose at least one day of the week.';
    if (repeat === 'every') {
      const n = Number(every);
      if (!Number.isInteger(n) || n < 2 || n > 365) e.repeat = 'Every how many days? Use a whole number from 2 to 365.';
    }
    if (until && due && until < due) e.until = 'The last date must be on or after the first.';
    return e;
  };

  const repeatText = () =>
    repeat === 'weekly' ? `weekly:${days.join(',')}` : repeat === 'every' ? `every:${every}` : repeat;

  const save = async (ev: Event) => {
    ev.preventDefault();
    const e = check();
    setErrors(e);
    if (Object.keys(e).length) {
      document.getElementById(`c-${Object.keys(e)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await trustApi.add({
        what: what.trim(),
        person: who === 'me' ? null : Number(who),
        direction,
        due: due || undefined,
        time: time || undefined,
        repeat: repeatText(),
        until: repeat !== 'none' && until ? until : undefined,
      });
      navigate('/trust?added=1');
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) setErrors(err.fieldErrors());
      else setErrors({ form: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const invalid = (f: string) => ({
    'aria-invalid': errors[f] ? true : undefined,
    'aria-describedby': errors[f] ? `c-${f}-error` : undefined,
  });
  const err = (f: string) =>
    errors[f] ? (
      <p class="field-error" id={`c-${f}-error`}>
        {errors[f]}
      </p>
    ) : null;

  return (
    <div class="page trust-page">
      <TrustNav current="new" />
      <h1>Add a commitment</h1>
      <p class="lead">Small and specific works best: something you can clearly keep, or clearly not.</p>
      <form class="card stack" onSubmit={save} noValidate>
        {errors.form && (
          <p class="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {Object.keys(errors).length > 0 && !errors.form && (
          <p class="notice notice-error" role="alert">
            Please check the fields marked below.
          </p>
        )}
        <fieldset class="tb-choices">
          <legend>Whose promise is it?</legend>
          <label>
            <input type="radio" name="direction" checked={direction === 'mine'} onChange={() => setDirection('mine')} /> I made it
          </label>
          <label>
            <input type="radio" name="direction" checked={direction === 'to-me'} onChange={() => setDirection('to-me')} /> Someone made it to me
          </label>
        </fieldset>
        <div class="field">
          <label for="c-person">{direction === 'mine' ? 'To whom?' : 'Who made it?'}</label>
          <select id="c-person" value={who} onChange={(e) => setWho((e.target as HTMLSelectElement).value)} {...invalid('person')}>
            {direction === 'mine' && <option value="me">Myself</option>}
            {direction === 'to-me' && <option value="me">Choose a person…</option>}
            {(people.data?.items ?? []).map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
          {err('person')}
          {people.data && !people.data.items.length && (
            <p class="muted small">
              To name someone, <a href="/people">add them to your people</a> first.
            </p>
          )}
        </div>
        <div class="field">
          <label for="c-what">What was promised?</label>
          <input id="c-what" type="text" autoComplete="off" value={what} onInput={(e) => setWhat((e.target as HTMLInputElement).value)} {...invalid('what')} />
          {err('what')}
        </div>
        <div class="tb-field-row">
          <div class="field">
            <label for="c-due">
              Due date <span class="muted">(optional)</span>
            </label>
            <input id="c-due" type="date" value={due} onInput={(e) => setDue((e.target as HTMLInputElement).value)} {...invalid('due')} />
            {err('due')}
          </div>
          <div class="field">
            <label for="c-time">
              Time <span class="muted">(optional)</span>
            </label>
            <input id="c-time" type="time" value={time} onInput={(e) => setTime((e.target as HTMLInputElement).value)} {...invalid('time')} />
            {err('time')}
          </div>
        </div>
        <div class="field">
          <label for="c-repeat">Repeat</label>
          <select id="c-repeat" value={repeat} onChange={(e) => setRepeat((e.target as HTMLSelectElement).value as RepeatKind)} {...invalid('repeat')}>
            <option value="none">Does not repeat</option>
            <option value="daily">Every day</option>
            <option value="weekly">Weekly, on chosen days</option>
            <option value="every">Every few days</option>
            <option value="monthly">Monthly, on the same date</option>
          </select>
          {repeat === 'weekly' && (
            <fieldset class="tb-choices weekdays">
              <legend class="small">On which days?</legend>
              {DAYS.map(([k, label]) => (
                <label key={k}>
                  <input
                    type="checkbox"
                    checked={days.includes(k)}
                    onChange={() => setDays(days.includes(k) ? days.filter((d) => d !== k) : [...days, k])}
                  />{' '}
                  {label}
                </label>
              ))}
            </fieldset>
          )}
          {repeat === 'every' && (
            <div class="inline-field">
              <label for="c-every">Every</label>
              <input id="c-every" type="number" min={2} max={365} value={every} onInput={(e) => setEvery((e.target as HTMLInputElement).value)} />
              <span>days</span>
            </div>
          )}
          {repeat === 'monthly' && due && (
            <p class="muted small">On day {Number(due.slice(8))} of each month (or its last day, in shorter months).</p>
          )}
          {err('repeat')}
        </div>
        {repeat !== 'none' && (
          <div class="field">
            <label for="c-until">
              Last date <span class="muted">(optional)</span>
            </label>
            <input id="c-until" type="date" value={until} onInput={(e) => setUntil((e.target as HTMLInputElement).value)} {...invalid('until')} />
            {err('until')}
          </div>
        )}
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>
            Add commitment
          </button>
        </div>
      </form>
    </div>
  );
}
