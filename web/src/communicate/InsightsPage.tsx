// What the conflict log shows (/talk/insights): repair rate and time to repair per person,
// topics that come back, and which of the four horsemen show up most. Each chart has a
// summary in words and the counts behind it.
import { useLoad, useTitle } from '../hooks';
import { Link } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { HORSEMAN_INFO, durationWords, talkApi, times } from './api';
import { BarChart } from './charts';
import { TalkNav, usePeople } from './parts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function InsightsPage() {
  useTitle('Conflict insights');
  const state = useLoad(() => talkApi.insights(), []);
  const { name } = usePeople();
  const body = () => {
    if (state.loading) return <Loading />;
    if (state.error || !state.data) return <ErrorNote error={state.error} retry={state.reload} />;
    const d = state.data;
    if (d.conflicts === 0) {
      return (
        <div class="card empty">
          <p>
            Nothing to show yet. <Link href="/talk/conflicts/new">Log a conflict</Link>, and add repairs as they happen;
            patterns show up after a few.
          </p>
        </div>
      );
    }
    const people = [...d.people].sort((a, b) => b.conflicts - a.conflicts);
    const timed = people.filter((p) => p.median_ms_to_repair !== null);
    const best = [...people].sort((a, b) => b.repair_rate - a.repair_rate)[0];
    const rateSummary = people
      .map((p) => `${name(p.person)}: ${p.repaired} of ${p.conflicts} repaired (${pct(p.repair_rate)})`)
      .join('; ');
    const timeSummary = timed.map((p) => `${name(p.person)}: usually ${durationWords(p.median_ms_to_repair!)}`).join('; ');
    return (
      <>
        <p class="lead">
          {d.conflicts === 1 ? 'One conflict' : `${d.conflicts} conflicts`} logged.{' '}
          {people.length > 1
            ? `Repair comes most often with ${name(best.person)} (${pct(best.repair_rate)}).`
            : `${pct(best.repair_rate)} of them are repaired.`}{' '}
          {d.flooded > 0 && `Someone was flooded in ${d.flooded} of ${d.conflicts}.`}
        </p>
        <div class="insight-grid">
          <section class="card" aria-labelledby="rate-title">
            <h2 id="rate-title">Repair rate by person</h2>
            <p>{rateSummary}.</p>
            <BarChart
              summary={`Repair rate by person. ${rateSummary}.`}
              max={1}
              rows={people.map((p) => ({ label: name(p.person), value: p.repair_rate, text: `${p.repaired} of ${p.conflicts}` }))}
            />
            <p class="muted small">Partly repaired counts as not yet repaired here; it shows on each conflict.</p>
          </section>
          <section class="card" aria-labelledby="time-title">
            <h2 id="time-title">Time to repair</h2>
            {timed.length === 0 ? (
              <p>No conflict has been marked repaired yet, so there is no time to show.</p>
            ) : (
              <>
                <p>{timeSummary}. The middle value of each person’s repaired conflicts.</p>
                <BarChart
                  summary={`Typical time from conflict to repair. ${timeSummary}.`}
                  rows={timed.map((p) => ({
                    label: name(p.person),
                    value: p.median_ms_to_repair! / 3_600_000,
                    text: durationWords(p.median_ms_to_repair!),
                  }))}
                />
              </>
            )}
          </section>
          <section class="card" aria-labelledby="topics-title">
            <h2 id="topics-title">Topics that come back</h2>
            {d.topics.length === 0 ? (
              <p>No topic has come up twice yet. Using the same word for the same topic helps this show.</p>
            ) : (
              <>
                <p>{d.topics.map((t) => `${t.topic} (${times(t.count)})`).join(', ')}.</p>
                <BarChart
                  summary={`Recurring topics: ${d.topics.map((t) => `${t.topic} ${times(t.count)}`).join(', ')}.`}
                  rows={d.topics.map((t) => ({ label: t.topic, value: t.count, text: String(t.count) }))}
                />
              </>
            )}
          </section>
          <section class="card" aria-labelledby="horsemen-seen-title">
            <h2 id="horsemen-seen-title">The four horsemen, seen most</h2>
            {d.horsemen.length === 0 ? (
              <p>None noted so far.</p>
            ) : (
              <>
                <p>
                  {d.horsemen.map((h) => `${HORSEMAN_INFO[h.horseman].label} ${times(h.count)}`).join(', ')}, from either side.
                  The antidote to {HORSEMAN_INFO[d.horsemen[0].horseman].label.toLowerCase()} is{' '}
                  {HORSEMAN_INFO[d.horsemen[0].horseman].antidote}.
                </p>
                <BarChart
                  summary={`Horsemen seen: ${d.horsemen.map((h) => `${h.horseman} ${h.count}`).join(', ')}.`}
                  rows={d.horsemen.map((h) => ({ label: HORSEMAN_INFO[h.horseman].label, value: h.count, text: String(h.count) }))}
                />
              </>
            )}
          </section>
        </div>
        <p class="muted small insight-note">
          These are counts from what you logged, not a judgement of you or anyone else. SecureBase is a companion, not
          therapy; if conflict feels unsafe, <Link href="/help">get help now</Link>.
        </p>
      </>
    );
  };
  return (
    <div class="page talk-page">
      <TalkNav current="insights" />
      <h1>What your conflicts show</h1>
      {body()}
    </div>
  );
}
