import { useState } from 'preact/hooks';
import { allAssessments, api, type Assessment, type Instrument, type Person } from '../api';
import { Plane } from '../components/Plane';
import { UnderstandNav } from '../components/SubNav';
import { DIRECTIONS, fmtDate, fmtScore, instrumentLabel, styleName } from '../format';
import { useLoad, useTitle } from '../hooks';
import { Link, type Location } from '../router';
import { ErrorNote, Loading } from './Misc';
import { trailPoints } from './Result';

interface Tab {
  key: string; // "general" or a person id
  label: string;
  items: Assessment[];
}

export function HistoryPage({ loc }: { loc: Location }) {
  useTitle('History');
  const state = useLoad(async () => {
    const [people, instruments, general] = await Promise.all([
      api.people(),
      api.instruments().catch(() => ({ items: [] as Instrument[] })),
      allAssessments({ about: 'general', status: 'complete' }),
    ]);
    const perPerson = await Promise.all(
      people.items.map(async (p: Person) => ({
        p,
        items: await allAssessments({ about: p.id, status: 'complete' }),
      })),
    );
    const tabs: Tab[] = [{ key: 'general', label: 'In general', items: general }];
    for (const { p, items } of perPerson) {
      if (items.length) tabs.push({ key: String(p.id), label: p.name, items });
    }
    return { tabs, instruments: instruments.items };
  }, []);

  const wanted = loc.query.get('about') ?? 'general';

  return (
    <div class="page history-page">
      <UnderstandNav current="history" />
      <h1>Your history</h1>
      <p class="lead">Every finished questionnaire, on the map and in a table. Change is slow; look at months, not days.</p>
      {state.loading && <Loading />}
      {!!state.error && <ErrorNote error={state.error} retry={state.reload} />}
      {state.data && (
        <HistoryBody
          tabs={state.data.tabs}
          instruments={state.data.instruments}
          selected={state.data.tabs.find((t) => t.key === wanted) ?? state.data.tabs[0]}
        />
      )}
    </div>
  );
}

function HistoryBody({ tabs, instruments, selected }: { tabs: Tab[]; instruments: Instrument[]; selected: Tab }) {
  // Trails only join results of one questionnaire; pick which when there are several.
  const used = Array.from(new Set(selected.items.map((a) => a.instrument)));
  const [chosenInstrument, setChosenInstrument] = useState<string | null>(null);
  const instrumentId = chosenInstrument && used.includes(chosenInstrument) ? chosenInstrument : used[0];
  const points = instrumentId ? trailPoints(selected.items, instrumentId) : [];
  const inst = instruments.find((i) => i.id === instrumentId);
  const cut = selected.items.find((a) => a.instrument === instrumentId)?.cut_point ?? 4;
  const whom = selected.key === 'general' ? 'in general' : `about ${selected.label}`;
  const takeHref = selected.key === 'general' ? '/questionnaire/general' : `/questionnaire/person/${selected.key}`;

  return (
    <>
      <nav class="tabs" aria-label="Whose history">
        <ul>
          {tabs.map((t) => (
            <li key={t.key}>
              <Link href={`/history?about=${t.key}`} aria-current={t === selected ? 'page' : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {selected.items.length === 0 ? (
        <div class="card empty">
          <h2>No finished questionnaires {whom} yet</h2>
          <p>When you finish one, it appears here, and each new one adds a step to your trail.</p>
          <Link class="button primary big" href={takeHref}>
            Take the questionnaire
          </Link>
        </div>
      ) : (
        <>
          {used.length > 1 && (
            <div class="field inline-field">
              <label for="history-instrument">Questionnaire</label>
              <select
                id="history-instrument"
                value={instrumentId}
                onChange={(e) => setChosenInstrument((e.target as HTMLSelectElement).value)}
              >
                {used.map((u) => (
                  <option key={u} value={u}>
                    {instrumentLabel(instruments, u)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="history-grid">
            <Plane
              idBase={`history-${selected.key}`}
              title={`Your results ${whom} over time`}
              cut={cut}
              min={inst?.scale.min ?? 1}
              max={inst?.scale.max ?? 7}
              points={points}
            />
            <div class="table-wrap">
              <table class="history-table">
                <caption>
                  Results {whom}, newest first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    {used.length > 1 && <th scope="col">Questionnaire</th>}
                    <th scope="col">Anxiety</th>
                    <th scope="col">Avoidance</th>
                    <th scope="col">Style</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {[...selected.items]
                    .sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? '') || b.id - a.id)
                    .map((a) => (
                      <tr key={a.id}>
                        <th scope="row">
                          <Link href={`/assessments/${a.id}`}>{fmtDate(a.completed_at)}</Link>
                        </th>
                        {used.length > 1 && <td data-label="Questionnaire">{instrumentLabel(instruments, a.instrument)}</td>}
                        <td class="num" data-label="Anxiety">{fmtScore(a.scores.anxiety)}</td>
                        <td class="num" data-label="Avoidance">{fmtScore(a.scores.avoidance)}</td>
                        <td data-label="Style">{a.placement ? styleName(a.placement.style, a.placement.style_name) : '—'}</td>
                        <td data-label="Change">{a.change ? DIRECTIONS[a.change.direction] ?? a.change.direction : 'First result'}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </div>
          <div class="actions">
            <Link class="button" href={takeHref}>
              Take it again
            </Link>
            <Link class="button quiet" href="/learn/measuring-change">
              How change is judged
            </Link>
          </div>
        </>
      )}
    </>
  );
}
