// /support/directory/:id: everything about one provider, and saving them to the shortlist.
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { Link } from '../router';
import { fee, supportApi, words } from './api';
import { SupportNav } from './parts';

export function TherapistPage({ id }: { id: number }) {
  const t = useLoad(() => supportApi.therapist(id), [id]);
  useTitle(t.data?.name ?? 'Therapist');
  const [error, setError] = useState('');
  if (t.loading && !t.data) return <Loading />;
  if (t.error || !t.data) return <ErrorNote error={t.error} retry={t.reload} />;
  const p = t.data;
  const save = async () => {
    try {
      const entry = await supportApi.save(p.id);
      t.setData({ ...p, shortlist: entry });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'That could not be saved.');
    }
  };
  const rows: [string, string][] = [
    ['Kind of provider', words(p.type)],
    ['Credentials', p.credentials],
    ['Licence', p.licence],
    ['Practice', p.practice],
    ['Sessions', [p.in_person && 'in person', p.telehealth && 'online'].filter(Boolean).join(' and ')],
    ['Address', [p.address, p.city, p.postcode, p.country].filter(Boolean).join(', ')],
    ['Fees', fee(p) + (p.sliding_scale ? ', sliding scale available' : '')],
    ['Insurance', p.insurance.map(words).join(', ')],
    ['Works with', p.specialties.map(words).join(', ')],
    ['Ages', p.populations.map(words).join(', ')],
    ['Sees', p.participants.map(words).join(', ')],
    ['Languages', p.languages.map(words).join(', ')],
    ['Gender', words(p.gender)],
    ['Faith', words(p.faith)],
    ['Ethnicity', p.ethnicity],
    ['New clients', p.accepting_new_clients ? 'Accepting new clients' : 'Not taking new clients at the moment'],
  ];
  return (
    <div class="page support-page">
      <SupportNav current="directory" />
      <p>
        <Link href="/support/directory">← Back to the search</Link>
      </p>
      <h1>{p.name}</h1>
      <div class="support-detail">
        <section class="card">
          {p.about && <p class="lead">{p.about}</p>}
          {p.therapy_types.length > 0 && (
            <>
              <h2>Approaches</h2>
              <ul class="support-approach-list">
                {p.therapy_types.map((x) => (
                  <li key={x.id}>
                    {x.name}
                    {x.attachment_informed && <span class="support-tag">attachment-informed</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>Details</h2>
          <dl class="support-facts">
            {rows.filter(([, v]) => v).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
        <aside class="card" aria-labelledby="contact-title">
          <h2 id="contact-title">Contact</h2>
          <ul class="support-contact">
            {p.phone && <li>Phone: <a href={`tel:${p.phone.replace(/[^0-9+]/g, '')}`}>{p.phone}</a></li>}
            {p.email && <li>Email: <a href={`mailto:${p.email}`}>{p.email}</a></li>}
            {p.website && <li>Website: <a href={p.website} rel="noopener noreferrer" target="_blank">{p.website}</a></li>}
          </ul>
          {p.shortlist ? (
            <p>
              On your shortlist: <strong>{p.shortlist.status_label}</strong>.{' '}
              <Link href="/support/shortlist">Open the shortlist</Link>
            </p>
          ) : (
            <div class="actions">
              <button type="button" class="button primary" onClick={save}>
                Save to shortlist
              </button>
            </div>
          )}
          {error && <p class="field-error">{error}</p>}
          <p class="muted small">
            Directory details come from whoever published the directory; check fees and insurance
            with the provider before booking.
          </p>
        </aside>
      </div>
    </div>
  );
}
