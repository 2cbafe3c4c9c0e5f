// Step 2 home: search and filter reflections, and start a check-in or a full reflection.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate, type Location } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { reflectApi } from './api';
import { ReflectionItem } from './parts';

export function ReflectPage({ loc }: { loc: Location }) {
  useTitle('Reflect');
  const q = loc.query.get('q') ?? '';
  const about = loc.query.get('about');
  const tag = loc.query.get('tag') ?? '';
  const [text, setText] = useState(q);
  const people = useLoad(() => api.people(), []);
  const tags = useLoad(() => reflectApi.tags(), []);
  const list = useLoad(
    () => reflectApi.list({ q: q || undefined, about: about ? Number(about) : null, tag: tag || undefined }),
    [q, about, tag],
  );

  const go = (patch: Record<string, string>) => {
    const next = new URLSearchParams(loc.query);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const s = next.toString();
    navigate(`/reflect${s ? `?${s}` : ''}`, { replace: true });
  };

  const items = list.data?.items ?? [];
  return (
    <div class="page reflect-page">
      <h1>Reflect</h1>
      <p class="lead">
        Noticing what happened, what you felt and what you did is how patterns become visible. A
        quick check-in takes half a minute; a full reflection goes deeper.
      </p>
      <div class="actions">
        <Link class="button primary" href="/reflect/check-in">
          Quick check-in
        </Link>
        <Link class="button" href="/reflect/new">
          Write a reflection
        </Link>
        <Link class="button quiet" href="/reflect/patterns">
          See your patterns
        </Link>
      </div>
      <div class="reflect-search">
        <form
          class="search-row"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            go({ q: text.trim() });
          }}
        >
          <div class="field">
            <label for="reflect-q">Search your reflections</label>
            <input id="reflect-q" type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="button">
            Search
          </button>
        </form>
        <div class="filter-row">
          <div class="field">
            <label for="reflect-about">Person</label>
            <select id="reflect-about" value={about ?? ''} onChange={(e) => go({ about: (e.target as HTMLSelectElement).value })}>
              <option value="">Anyone</option>
              {(people.data?.items ?? []).map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="reflect-tag">Trigger</label>
            <select id="reflect-tag" value={tag} onChange={(e) => go({ tag: (e.target as HTMLSelectElement).value })}>
              <option value="">Any</option>
              {(tags.data?.items ?? []).map((t) => (
                <option key={t.tag} value={t.tag}>
                  {t.tag} ({t.entries})
                </option>
              ))}
            </select>
          </div>
        </div>
        {q && (about || tag) && <p class="muted small">Search looks through every reflection; the filters apply when the search box is empty.</p>}
      </div>
      <section aria-labelledby="reflect-list-title">
        <h2 id="reflect-list-title">{q ? `Found for “${q}”` : 'Your reflections'}</h2>
        {list.loading && <Loading />}
        {!!list.error && <ErrorNote error={list.error} retry={list.reload} />}
        {list.data && items.length === 0 && (
          <div class="card empty">
            <p>{q ? 'Nothing matched. Try fewer or shorter words.' : 'No reflections yet. A quick check-in is a good first step.'}</p>
          </div>
        )}
        {items.length > 0 && (
          <ul class="reflection-list" aria-live="polite">
            {items.map((r) => (
              <ReflectionItem key={r.id} r={r} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
