// One reflection in full. When its words suggested danger, help is shown beside it.
import { errorMessage } from '../api';
import { CrisisContent } from '../components/Help';
import { useToast } from '../components/Toast';
import { useLoad, useTitle } from '../hooks';
import { Link, navigate } from '../router';
import { ErrorNote, Loading } from '../pages/Misc';
import { FIELD_LABELS, formatWhen, hadCrisis, reflectApi, TEXT_FIELDS } from './api';

const MOVED = { toward: 'Toward them', away: 'Away', neither: 'Neither toward nor away' };

export function ReflectionPage({ id }: { id: number }) {
  useTitle('Reflection');
  const state = useLoad(() => reflectApi.get(id), [id]);
  const toast = useToast();
  const crisis = hadCrisis(id);

  if (state.loading) return <Loading />;
  if (state.error || !state.data) return <ErrorNote error={state.error} retry={state.reload} />;
  const r = state.data;

  const remove = async () => {
    try {
      await reflectApi.remove(id);
      navigate('/reflect');
      toast({
        message: 'Reflection deleted. You can bring it back for 30 days.',
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await reflectApi.restore(id);
              navigate(`/reflect/${id}`);
            } catch (e) {
              toast({ message: `Could not undo: ${errorMessage(e)}` });
            }
          },
        },
      });
    } catch (e) {
      toast({ message: `Could not delete: ${errorMessage(e)}` });
    }
  };

  return (
    <div class={`page reflect-page${crisis ? ' with-crisis' : ''}`}>
      <div class="reflection-layout">
        <article class="reflection-detail" aria-labelledby="reflection-title">
          <p class="muted">
            <Link href="/reflect">All reflections</Link>
          </p>
          <h1 id="reflection-title">Reflection from {formatWhen(r.happened_at)}</h1>
          <dl class="facts">
            {r.people.length > 0 && (
              <>
                <dt>With</dt>
                <dd>{r.people.map((p) => p.name).join(', ')}</dd>
              </>
            )}
            {r.emotions.length > 0 && (
              <>
                <dt>Feelings</dt>
                <dd>{r.emotions.map((e) => `${e.word} (${e.intensity} of 10)`).join(', ')}</dd>
              </>
            )}
            {r.tags.length > 0 && (
              <>
                <dt>What set it off</dt>
                <dd>{r.tags.join(', ')}</dd>
              </>
            )}
            {r.activation && (
              <>
                <dt>I moved</dt>
                <dd>{MOVED[r.activation]}</dd>
              </>
            )}
          </dl>
          {TEXT_FIELDS.filter((f) => r[f]).map((f) => (
            <section key={f} class="reflection-text">
              <h2>{FIELD_LABELS[f]}</h2>
              {r[f].split('\n').map((line, i) => (
                <p key={i} dir="auto">
                  {line}
                </p>
              ))}
            </section>
          ))}
          <p class="muted small">Written {formatWhen(r.written_at)}</p>
          <div class="actions">
            <Link class="button" href={`/reflect/${id}/edit`}>
              Edit
            </Link>
            <button type="button" class="button quiet danger" onClick={remove}>
              Delete
            </button>
          </div>
        </article>
        {crisis && (
          <aside class="card crisis-beside" aria-labelledby="crisis-beside-title">
            <h2 id="crisis-beside-title">Support, right now</h2>
            <CrisisContent headingLevel={3} idPrefix="beside" />
          </aside>
        )}
      </div>
    </div>
  );
}
