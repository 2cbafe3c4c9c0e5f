// /support/directory: search the therapist directory with filters (kept in the address, so a
// search can be bookmarked), results ranked by fit and distance with the reasons shown.
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { Link, navigate, type Location } from '../router';
import { fee, supportApi, words, type Facets, type Therapist } from './api';
import { SupportNav } from './parts';

const FIELDS = ['postcode', 'country', 'radius_km', 'mode', 'type', 'therapy', 'specialty', 'insurance', 'gender', 'age',
  'participants', 'language', 'faith', 'max_fee', 'sliding_scale', 'accepting', 'attachment', 'q'] as const;
type Field = (typeof FIELDS)[number];
type Form = Record<Field, string>;

function fromQuery(loc: Location): Form {
  const f = {} as Form;
  for (const k of FIELDS) f[k] = loc.query.get(k) ?? '';
  return f;
}

function Select({ id, label, value, onChange, options }: {
  id: string; label: string; value: string; onChange: (v: string) => void; options: [string, string][];
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">Any</option>
        {options.map(([v, t]) => (
          <option key={v} value={v}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters({ facets, form, set, errors }: {
  facets: Facets; form: Form; set: (p: Partial<Form>) => void; errors: Record<string, string>;
}) {
  const values = (k: string): [string, string][] => (facets.values[k] ?? []).map((v) => [v.value, `${words(v.name ?? v.value)} (${v.count})`]);
  const therapies = new Set(form.therapy ? form.therapy.split(',') : []);
  const err = (k: string) => errors[k] && <p class="field-error" id={`f-${k}-err`}>{errors[k]}</p>;
  return (
    <div class="support-filter-grid">
      <div class="field">
        <label for="f-postcode">Near postcode</label>
        <input id="f-postcode" type="text" autoComplete="postal-code" value={form.postcode} placeholder="e.g. SW1A 1AA"
          aria-describedby={errors.postcode ? 'f-postcode-err' : undefined}
          onInput={(e) => set({ postcode: (e.target as HTMLInputElement).value })} />
        {err('postcode')}
      </div>
      <Select id="f-radius" label="Within" value={form.radius_km} onChange={(v) => set({ radius_km: v })}
        options={[['5', '5 km'], ['10', '10 km'], ['25', '25 km (default)'], ['50', '50 km'], ['100', '100 km'], ['500', '500 km']]} />
      <Select id="f-mode" label="Online or in person" value={form.mode} onChange={(v) => set({ mode: v })}
        options={[['online', 'Online'], ['in-person', 'In person']]} />
      <Select id="f-type" label="Kind of provider" value={form.type} onChange={(v) => set({ type: v })}
        options={facets.types.map((t) => [t, words(t)])} />
      <Select id="f-specialty" label="Works with" value={form.specialty} onChange={(v) => set({ specialty: v })} options={values('specialties')} />
      <Select id="f-participants" label="Sessions for" value={form.participants} onChange={(v) => set({ participants: v })}
        options={facets.participants.map((t) => [t, words(t)])} />
      <Select id="f-age" label="Age group" value={form.age} onChange={(v) => set({ age: v })} options={facets.age_groups.map((t) => [t, words(t)])} />
      <Select id="f-insurance" label="Insurance" value={form.insurance} onChange={(v) => set({ insurance: v })} options={values('insurance')} />
      <Select id="f-gender" label="Therapist's gender" value={form.gender} onChange={(v) => set({ gender: v })} options={values('gender')} />
      <Select id="f-language" label="Language" value={form.language} onChange={(v) => set({ language: v })} options={values('languages')} />
      <Select id="f-faith" label="Faith" value={form.faith} onChange={(v) => set({ faith: v })} options={values('faith')} />
      <div class="field">
        <label for="f-max-fee">Most I can pay a session</label>
        <input id="f-max-fee" type="number" min="0" inputMode="numeric" value={form.max_fee}
          aria-describedby={errors.max_fee ? 'f-max_fee-err' : undefined}
          onInput={(e) => set({ max_fee: (e.target as HTMLInputElement).value })} />
        {err('max_fee')}
      </div>
      <fieldset class="support-therapies">
        <legend>Approaches (any of)</legend>
        {(facets.values.therapy_types ?? []).map((t) => (
          <label key={t.value} class="support-check">
            <input type="checkbox" checked={therapies.has(t.value)} onChange={() => {
              const next = new Set(therapies);
              if (next.has(t.value)) next.delete(t.value);
              else next.add(t.value);
              set({ therapy: [...next].join(',') });
            }} />
            <span>
              {t.name}
              {t.attachment_informed && <span class="support-tag">attachment-informed</span>}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset class="support-flags">
        <legend>Also</legend>
        <label class="support-check">
          <input type="checkbox" checked={form.accepting === 'true'} onChange={(e) => set({ accepting: (e.target as HTMLInputElement).checked ? 'true' : '' })} />
          <span>Accepting new clients</span>
        </label>
        <label class="support-check">
          <input type="checkbox" checked={form.sliding_scale === 'true'} onChange={(e) => set({ sliding_scale: (e.target as HTMLInputElement).checked ? 'true' : '' })} />
          <span>Offers a sliding scale</span>
        </label>
        <label class="support-check">
          <input type="checkbox" checked={form.attachment === 'true'} onChange={(e) => set({ attachment: (e.target as HTMLInputElement).checked ? 'true' : '' })} />
          <span>Prefer attachment-informed approaches</span>
        </label>
      </fieldset>
    </div>
  );
}

export function ResultCard({ t, onSave }: { t: Therapist; onSave: (t: Therapist) => void }) {
  return (
    <li class="card support-result-card">
      <div class="support-result-head">
        <h3>
          <Link href={`/support/directory/${t.id}`}>{t.name}</Link>
        </h3>
        {t.distance_km != null && <span class="support-distance">{t.distance_km} km</span>}
      </div>
      <p class="muted">
        {[t.credentials, words(t.type), t.city].filter(Boolean).join(' · ')}
      </p>
      <p>
        {[t.in_person && 'In person', t.telehealth && 'Online'].filter(Boolean).join(' and ')} · {fee(t)}
        {t.sliding_scale ? ' · sliding scale' : ''}
      </p>
      {t.therapy_types.length > 0 && (
        <p class="support-approaches">
          {t.therapy_types.map((x) => (
            <span key={x.id} class={`support-chip${x.attachment_informed ? ' attachment' : ''}`}>{x.name}</span>
          ))}
        </p>
      )}
      {t.reasons && t.reasons.length > 0 && (
        <details class="support-why">
          <summary>Why it ranks here (fit {t.score?.toFixed(1)})</summary>
          <ul>
            {t.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="actions">
        <button type="button" class="button small-button" onClick={() => onSave(t)}>
          Save to shortlist
        </button>
      </div>
    </li>
  );
}

export function DirectoryPage({ loc }: { loc: Location }) {
  useTitle('Find a therapist');
  const toast = useToast();
  const current = fromQuery(loc);
  const key = loc.query.toString();
  const [form, setForm] = useState<Form>(current);
  const [open, setOpen] = useState(() => !window.matchMedia || window.matchMedia('(min-width: 760px)').matches);
  const facets = useLoad(() => supportApi.facets(), []);
  const params: Record<string, string> = {};
  for (const k of FIELDS) if (current[k]) params[k] = current[k];
  const results = useLoad(() => supportApi.search(params), [key]);
  const [more, setMore] = useState<{ key: string; items: Therapist[]; cursor: string | null }>({ key: '', items: [], cursor: null });
  const extra = more.key === key ? more : { key, items: [], cursor: null };
  const nextCursor = extra.cursor ?? (extra.items.length ? null : results.data?.next_cursor ?? null);
  const showMore = async () => {
    if (!nextCursor) return;
    const page = await supportApi.search({ ...params, cursor: nextCursor });
    setMore({ key, items: [...extra.items, ...page.items], cursor: page.next_cursor });
  };
  const [loadingSample, setLoadingSample] = useState(false);

  const set = (p: Partial<Form>) => setForm({ ...form, ...p });
  const submit = (e: Event) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const k of FIELDS) if (form[k].trim()) q.set(k, form[k].trim());
    navigate(`/support/directory${q.toString() ? `?${q}` : ''}`, { replace: true });
    if (!window.matchMedia('(min-width: 760px)').matches) setOpen(false);
  };
  const save = async (t: Therapist) => {
    try {
      const e = await supportApi.save(t.id);
      toast({ message: `Saved ${e.therapist_name} to your shortlist.`, action: { label: 'Open shortlist', run: () => navigate('/support/shortlist') } });
    } catch (err) {
      toast({ message: err instanceof ApiError ? err.message : 'That could not be saved.' });
    }
  };
  const loadSample = async () => {
    setLoadingSample(true);
    try {
      await supportApi.loadSample();
      facets.reload();
      results.reload();
    } finally {
      setLoadingSample(false);
    }
  };
  const errors = results.error instanceof ApiError ? results.error.fieldErrors() : {};
  const empty = facets.data && facets.data.providers === 0;

  return (
    <div class="page support-page">
      <SupportNav current="directory" />
      <h1>Find a therapist</h1>
      {empty ? (
        <section class="card support-empty">
          <h2>The directory is empty</h2>
          <p>
            Organisations and people import real directories from a file (see{' '}
            <code>securebase therapists import --help</code>). To look around first, load the sample:
            forty made-up providers in a few cities, with clearly fictional names.
          </p>
          <div class="actions">
            <button type="button" class="button primary" disabled={loadingSample} onClick={loadSample}>
              {loadingSample ? 'Loading…' : 'Load the sample directory'}
            </button>
          </div>
        </section>
      ) : (
        <>
          <form class="support-search" role="search" onSubmit={submit} noValidate>
            <div class="search-row">
              <label class="sr-only" for="f-q">Words in their profile</label>
              <input id="f-q" type="search" placeholder="Words in their profile, e.g. grief" value={form.q}
                onInput={(e) => set({ q: (e.target as HTMLInputElement).value })} />
              <button class="button primary" type="submit">Search</button>
            </div>
            <details class="support-filters" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
              <summary>Filters</summary>
              {facets.data ? <Filters facets={facets.data} form={form} set={set} errors={errors} /> : <Loading what="Loading filters" />}
              <div class="actions">
                <button class="button primary" type="submit">Show results</button>
                <button class="button quiet" type="button" onClick={() => { setForm(fromQuery({ path: '', query: new URLSearchParams() })); navigate('/support/directory', { replace: true }); }}>
                  Clear filters
                </button>
              </div>
            </details>
          </form>
          {results.loading && <Loading what="Searching" />}
          {results.error ? <ErrorNote error={results.error} /> : null}
          {results.data && (
            <section aria-labelledby="results-title">
              <h2 id="results-title" class="support-results-title">
                {results.data.total === 0
                  ? 'Nobody matches all of that'
                  : `${results.data.total} ${results.data.total === 1 ? 'match' : 'matches'}, best fit first`}
                {results.data.centre && ` near ${results.data.centre.postcode} (${results.data.centre.place})`}
              </h2>
              {results.data.total === 0 && <p>Try a wider distance, fewer filters, or online sessions.</p>}
              <ul class="support-results">
                {[...results.data.items, ...extra.items].map((t) => (
                  <ResultCard key={t.id} t={t} onSave={save} />
                ))}
              </ul>
              {nextCursor && (
                <div class="actions">
                  <button type="button" class="button" onClick={showMore}>
                    Show more ({results.data.total - results.data.items.length - extra.items.length} left)
                  </button>
                </div>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
