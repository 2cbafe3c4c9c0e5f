// Live suggestions for words the person is writing (a message or a boundary script). The
// text is checked a moment after typing stops; an answer for older text is ignored. Hints
// only suggest: nothing here ever blocks saving.
import { useEffect, useRef, useState } from 'preact/hooks';
import { talkApi, type Hint } from './api';

export function useFeedback(text: string, delayMs = 350): { hints: Hint[]; checking: boolean; failed: boolean } {
  const [hints, setHints] = useState<Hint[]>([]);
  const [checking, setChecking] = useState(false);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!text.trim()) {
      setHints([]);
      setChecking(false);
      return;
    }
    setChecking(true);
    const t = window.setTimeout(() => {
      talkApi.feedback(text).then(
        (r) => {
          if (mine !== seq.current) return;
          setHints(r.hints);
          setFailed(false);
          setChecking(false);
        },
        () => {
          if (mine !== seq.current) return;
          setFailed(true);
          setChecking(false);
        },
      );
    }, delayMs);
    return () => window.clearTimeout(t);
  }, [text, delayMs]);
  return { hints, checking, failed };
}

export function HintList({ hints, checking, failed, id }: { hints: Hint[]; checking: boolean; failed: boolean; id: string }) {
  return (
    <section class="hints" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="hints-title">
        Suggestions
      </h3>
      <div aria-live="polite" class="hints-live">
        {hints.length === 0 ? (
          <p class="muted small hints-none">
            {failed
              ? 'Suggestions are not available right now; you can still save.'
              : checking
                ? 'Reading…'
                : 'Nothing to suggest. Suggestions appear here as you write; they never stop you saving.'}
          </p>
        ) : (
          <ul class="hint-list">
            {hints.map((h) => (
              <li key={`${h.rule}-${h.start}`} class={`hint hint-${h.rule}`} data-rule={h.rule}>
                <p class="hint-head">
                  <strong>{h.title}</strong> <q class="hint-quote">{h.quote}</q>
                </p>
                <p class="hint-why">{h.message}</p>
                {h.feeling && h.need && (
                  <p class="hint-feeling">
                    A feeling word that may fit: <strong>{h.feeling}</strong>; the need behind it may be{' '}
                    <strong>{h.need}</strong>.
                  </p>
                )}
                <p class="hint-rewrite">
                  <span class="muted">You could try:</span> {h.rewrite}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
