// A text field with a vocabulary beside it: the person can type their own word or pick one
// from the list (feelings grouped by family, needs in one group). The definition of a
// known word shows under the field.
import type { Word } from './api';

export function WordField({
  id,
  label,
  hint,
  value,
  onInput,
  words,
  listTitle,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onInput: (v: string) => void;
  words: Word[];
  listTitle: string;
  error?: string;
}) {
  const known = words.find((w) => w.word.toLowerCase() === value.trim().toLowerCase());
  const groups = new Map<string, Word[]>();
  for (const w of words) {
    const g = w.family ?? '';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(w);
  }
  const pick = (w: string) => {
    const cur = value.trim();
    if (!cur) onInput(w);
    else if (!cur.toLowerCase().split(/,\s*|\s+and\s+/).includes(w.toLowerCase())) onInput(`${cur} and ${w}`);
  };
  return (
    <div class="field word-field">
      <label for={id}>{label}</label>
      <p class="muted small" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={id}
        type="text"
        value={value}
        aria-describedby={`${id}-hint${known ? ` ${id}-def` : ''}${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
      {known && (
        <p class="word-definition small" id={`${id}-def`}>
          <strong>{known.word}</strong>: {known.definition}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {words.length > 0 && (
        <details class="word-list">
          <summary>{listTitle}</summary>
          {[...groups.entries()].map(([family, ws]) => (
            <div key={family} class="word-group">
              {family && <p class="word-family">{family}</p>}
              <ul class="word-chips">
                {ws.map((w) => (
                  <li key={w.word}>
                    <button type="button" class="word-chip" title={w.definition} onClick={() => pick(w.word)}>
                      {w.word}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
    </div>
  );
}
