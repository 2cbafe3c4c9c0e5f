// /support/checkup: "Is it time to talk to someone?" Answers become gentle guidance, never a
// diagnosis. A safety answer above "not at all" shows crisis help at once, before saving.
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { CrisisContent } from '../components/Help';
import { useLoad, useTitle } from '../hooks';
import { ErrorNote, Loading } from '../pages/Misc';
import { Link } from '../router';
import { supportApi, type CheckupResult } from './api';
import { SupportNav } from './parts';

export function CheckupPage() {
  useTitle('Self-check');
  const def = useLoad(() => supportApi.checkup(), []);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<CheckupResult | null>(null);
  const [busy, setBusy] = useState(false);

  if (def.loading) return <Loading />;
  if (def.error || !def.data) return <ErrorNote error={def.error} retry={def.reload} />;
  const d = def.data;
  const concern = d.questions.some((q) => q.safety && (answers[q.id] ?? 0) > 0);
  const missing = d.questions.filter((q) => answers[q.id] === undefined);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (missing.length) {
      const errs: Record<string, string> = {};
      for (const q of missing) errs[`answers.${q.id}`] = 'Please choose an answer.';
      setErrors(errs);
      document.getElementById(`cq-${missing[0].id}-0`)?.focus();
      return;
    }
    setBusy(true);
    try {
      setResult(await supportApi.submitCheckup(answers));
      setErrors({});
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      else setErrors({ form: 'That could not be saved. Please try again.' });
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <div class="page support-page">
        <SupportNav current="checkup" />
        <h1>{result.title}</h1>
        <div class="card support-result" role="status">
          <p class="lead">{result.guidance}</p>
          <div class="support-meter" aria-hidden="true">
            <span style={{ width: `${Math.round((result.score / result.max_score) * 100)}%` }} />
          </div>
          <p class="muted">
            Your answers add up to {result.score} of {result.max_score}. {d.note}
          </p>
          <div class="actions">
            <Link class="button primary" href="/support/directory">
              Find a therapist
            </Link>
            <Link class="button" href="/support">
              Back to professional help
            </Link>
          </div>
        </div>
        {result.safety_concern && (
          <section class="card support-crisis" aria-labelledby="checkup-crisis">
            <h2 id="checkup-crisis">You deserve support right now</h2>
            <CrisisContent headingLevel={3} idPrefix="checkup-result-crisis" />
          </section>
        )}
      </div>
    );
  }

  return (
    <div class="page support-page">
      <SupportNav current="checkup" />
      <h1>{d.title}</h1>
      <p class="lead">{d.intro}</p>
      <form class="support-checkup" onSubmit={submit} noValidate>
        {d.questions.map((q, i) => {
          const err = errors[`answers.${q.id}`];
          return (
            <fieldset key={q.id} class={`card support-question${err ? ' has-error' : ''}`} aria-describedby={err ? `cq-${q.id}-err` : undefined}>
              <legend>
                <span class="muted small">
                  {d.period} · {i + 1} of {d.questions.length}
                </span>
                <span class="support-question-text">{q.text}</span>
              </legend>
              <div class="support-choices">
                {d.scale.map((c) => (
                  <label key={c.value} class="support-choice">
                    <input
                      type="radio"
                      id={`cq-${q.id}-${c.value}`}
                      name={q.id}
                      value={c.value}
                      checked={answers[q.id] === c.value}
                      onChange={() => {
                        setAnswers({ ...answers, [q.id]: c.value });
                        setErrors((e) => ({ ...e, [`answers.${q.id}`]: '' }));
                      }}
                    />
                    <span>{c.label}</span>
                  </label>
                ))}
              </div>
              {err && (
                <p class="field-error" id={`cq-${q.id}-err`}>
                  {err}
                </p>
              )}
              {q.safety && (answers[q.id] ?? 0) > 0 && (
                <div class="support-crisis-inline" role="alert">
                  <p>
                    <strong>Thank you for telling us.</strong> You deserve to be safe and supported
                    right now, not only later. These lines are free and open now:
                  </p>
                  <CrisisContent headingLevel={3} idPrefix={`cq-${q.id}-crisis`} />
                </div>
              )}
            </fieldset>
          );
        })}
        {errors.form && <p class="field-error">{errors.form}</p>}
        {concern && <p class="muted">You can still finish the check; the help above stays here.</p>}
        <p class="muted small">{d.note}</p>
        <div class="actions">
          <button class="button primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'See what this suggests'}
          </button>
        </div>
      </form>
    </div>
  );
}
