// "I'm activated right now": two quick questions, then the practice that has helped this
// person most in that state (or a sensible default while there is no history).
import { useState } from 'preact/hooks';
import { errorMessage } from '../api';
import { useTitle } from '../hooks';
import { Link } from '../router';
import { lengthText, regulateApi, type Energy, type Recommendation } from './api';
import { DistressScale, EnergyChoice, RegulateNav } from './parts';

export function NowPage() {
  useTitle("I'm activated right now");
  const [distress, setDistress] = useState<number | null>(null);
  const [energy, setEnergy] = useState<Energy | null>(null);
  const [rec, setRec] = useState<Recommendation | null>(null);
  const [error, setError] = useState('');

  const ask = async (d: number | null, e: Energy | null) => {
    if (d === null || !e) return;
    try {
      setError('');
      setRec(await regulateApi.recommend(d, e));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div class="page narrow">
      <RegulateNav current="now" />
      <h1>I'm activated right now</h1>
      <p class="lead">You are not alone with this. Two quick questions, then a practice.</p>
      <div class="stack">
        <DistressScale
          legend="How strong is the distress right now?"
          name="now-distress"
          value={distress}
          onChange={(v) => {
            setDistress(v);
            void ask(v, energy);
          }}
        />
        <EnergyChoice
          value={energy}
          onChange={(e) => {
            setEnergy(e);
            void ask(distress, e);
          }}
        />
      </div>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {rec && distress !== null && energy && (
        <section class="card recommendation" aria-labelledby="rec-title">
          <h2 id="rec-title">Try this: {rec.practice.name}</h2>
          <p class="instrument-meta">{lengthText(rec.practice.total_ms)}</p>
          <p>{rec.reason}</p>
          {distress >= 9 && (
            <p class="notice">
              If you feel unsafe, <Link href="/help">get help now</Link>: people are there for you, day and
              night.
            </p>
          )}
          <Link
            class="button primary big"
            href={`/regulate/practice/${encodeURIComponent(rec.practice.id)}?distress=${distress}&energy=${energy}`}
          >
            Start {rec.practice.name}
          </Link>
        </section>
      )}
    </div>
  );
}
