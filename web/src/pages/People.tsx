import { useRef, useState } from 'preact/hooks';
import { api, ApiError, errorMessage, type Person, type Relationship } from '../api';
import { useToast } from '../components/Toast';
import { fieldSentence, RELATIONSHIPS, relationshipLabel } from '../format';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate, type Location } from '../router';
import { ErrorNote, Loading } from './Misc';

interface Draft {
  name: string;
  relationship: Relationship;
  notes: string;
}

const EMPTY: Draft = { name: '', relationship: 'partner', notes: '' };

export function PeoplePage({ loc }: { loc: Location }) {
  useTitle('People');
  const state = useLoad(() => api.people(), []);
  const [editing, setEditing] = useState<number | null>(null);
  const toast = useToast();
  const then = loc.query.get('then');
  const people = state.data?.items ?? [];

  const replace = (list: Person[]) => state.setData({ items: list, next_cursor: null });
  // After editing, put keyboard focus back on that person's Edit button.
  const stopEditing = (id: number) => {
    setEditing(null);
    window.setTimeout(() => document.getElementById(`edit-button-${id}`)?.focus(), 0);
  };

  const remove = async (p: Person) => {
    try {
      await api.removePerson(p.id);
      replace(people.filter((x) => x.id !== p.id));
      toast({
        message: `Removed ${p.name}.`,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await api.restorePerson(p.id);
              toast({ message: `${p.name} is back.` });
            } catch (e) {
              toast({ message: `Could not undo: ${errorMessage(e)}` });
            }
            state.reload();
          },
        },
      });
      // Keep keyboard focus somewhere sensible once the card is gone.
      document.getElementById('people-title')?.focus();
    } catch (e) {
      toast({ message: `Could not remove ${p.name}: ${errorMessage(e)}` });
    }
  };

  return (
    <div class="page people-page">
      <h1 id="people-title" tabindex={-1}>
        People in your life
      </h1>
      <p class="lead">
        Add the people you want to reflect on: a partner, a parent, a friend. Then you can answer
        the questionnaire about how you are with each of them. Only you can see this.
      </p>
      <div class="people-grid">
        <section class="card" aria-labelledby="add-title">
          <h2 id="add-title">Add a person</h2>
          <PersonForm
            idPrefix="add"
            initial={EMPTY}
            submitLabel="Add person"
            onSubmit={async (d) => {
              const p = await api.addPerson(d);
              replace([...people, p]);
              if (then === 'questionnaire') {
                navigate(`/questionnaire/person/${p.id}`);
                return 'keep';
              }
              toast({ message: `Added ${p.name}.` });
              return 'reset';
            }}
          />
        </section>
        <section aria-labelledby="list-title">
          <h2 id="list-title">Your people</h2>
          {state.loading && <Loading />}
          {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
          {state.data && people.length === 0 && (
            <div class="card empty">
              <p>
                No one here yet. Add someone with the form{' '}
                <span class="only-wide">on the left</span>
                <span class="only-narrow">above</span>, then take the questionnaire about them.
              </p>
              <p class="muted small">A first name or a nickname is enough.</p>
            </div>
          )}
          {people.length > 0 && (
            <ul class="people-list">
              {people.map((p) =>
                editing === p.id ? (
                  <li key={p.id} class="card person editing">
                    <h3 id={`edit-title-${p.id}`}>Edit {p.name}</h3>
                    <PersonForm
                      idPrefix={`edit-${p.id}`}
                      initial={{ name: p.name, relationship: p.relationship, notes: p.notes }}
                      submitLabel="Save changes"
                      onCancel={() => stopEditing(p.id)}
                      autoFocus
                      onSubmit={async (d) => {
                        const changed: Partial<Draft> = {};
                        if (d.name !== p.name) changed.name = d.name;
                        if (d.relationship !== p.relationship) changed.relationship = d.relationship;
                        if (d.notes !== p.notes) changed.notes = d.notes;
                        const updated = Object.keys(changed).length ? await api.updatePerson(p.id, changed) : p;
                        replace(people.map((x) => (x.id === p.id ? updated : x)));
                        stopEditing(p.id);
                        toast({ message: `Saved ${updated.name}.` });
                        return 'keep';
                      }}
                    />
                  </li>
                ) : (
                  <li key={p.id} class="card person">
                    <div class="person-head">
                      <h3>{p.name}</h3>
                      <span class="pill">{relationshipLabel(p.relationship)}</span>
                    </div>
                    {p.notes && <p class="person-notes">{p.notes}</p>}
                    <div class="actions">
                      <Link class="button small-button" href={`/questionnaire/person/${p.id}`}>
                        Questionnaire about {p.name}
                      </Link>
                      <button
                        type="button"
                        id={`edit-button-${p.id}`}
                        class="button quiet small-button"
                        onClick={() => setEditing(p.id)}
                        aria-label={`Edit ${p.name}`}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        class="button quiet danger small-button"
                        onClick={() => remove(p)}
                        aria-label={`Remove ${p.name}`}
                      >
                        Remove
                      </button>
                    </div>
                  </li>
                ),
              )}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function PersonForm({
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  idPrefix: string;
  initial: Draft;
  submitLabel: string;
  onSubmit: (d: Draft) => Promise<'reset' | 'keep'>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const [d, setD] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = (f: string) => `${idPrefix}-${f}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    const name = d.name.trim();
    if (!name) {
      setErrors({ name: 'Please enter a name. A first name or nickname is fine.' });
      setFormError(null);
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const r = await onSubmit({ ...d, name, notes: d.notes.trim() });
      if (r === 'reset') {
        setD(initial);
        nameRef.current?.focus();
      }
    } catch (err) {
      if (err instanceof ApiError) {
        const raw = err.fieldErrors();
        const labels: Record<string, string> = { name: 'Name', relationship: 'Relationship', notes: 'Notes' };
        const fields: Record<string, string> = {};
        for (const [k, v] of Object.entries(raw)) fields[k] = fieldSentence(labels[k] ?? k, v);
        const known = ['name', 'relationship', 'notes'].filter((f) => f in fields);
        setErrors(fields);
        // The detail goes at the top unless every message already sits by its field.
        if (!known.length || known.length < Object.keys(fields).length) setFormError(err.problem.detail ?? err.message);
        if (known.length) document.getElementById(id(known[0]))?.focus();
      } else {
        setFormError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const fieldProps = (f: 'name' | 'relationship' | 'notes') => ({
    id: id(f),
    'aria-invalid': errors[f] ? true : undefined,
    'aria-describedby': errors[f] ? id(`${f}-error`) : undefined,
  });

  return (
    <form class="stack" onSubmit={submit} noValidate>
      {formError && (
        <p class="notice notice-error" role="alert">
          {formError}
        </p>
      )}
      <div class="field">
        <label for={id('name')}>Name</label>
        <input
          {...fieldProps('name')}
          ref={nameRef}
          type="text"
          autoComplete="off"
          maxLength={100}
          required
          autoFocus={autoFocus}
          value={d.name}
          onInput={(e) => setD({ ...d, name: (e.target as HTMLInputElement).value })}
        />
        {errors.name && (
          <p class="field-error" id={id('name-error')}>
            {errors.name}
          </p>
        )}
      </div>
      <div class="field">
        <label for={id('relationship')}>Relationship</label>
        <select
          {...fieldProps('relationship')}
          value={d.relationship}
          onChange={(e) => setD({ ...d, relationship: (e.target as HTMLSelectElement).value as Relationship })}
        >
          {RELATIONSHIPS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        {errors.relationship && (
          <p class="field-error" id={id('relationship-error')}>
            {errors.relationship}
          </p>
        )}
      </div>
      <div class="field">
        <label for={id('notes')}>
          Notes <span class="muted">(optional)</span>
        </label>
        <textarea
          {...fieldProps('notes')}
          rows={3}
          value={d.notes}
          onInput={(e) => setD({ ...d, notes: (e.target as HTMLTextAreaElement).value })}
        />
        {errors.notes && (
          <p class="field-error" id={id('notes-error')}>
            {errors.notes}
          </p>
        )}
      </div>
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
