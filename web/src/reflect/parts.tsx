// Shared pieces of the reflection pages: the emotion grid, people picker, list items.
import type { Person } from '../api';
import { Link } from '../router';
import { formatWhen, type Emotion, type Reflection, type SnippetPart } from './api';

export const QUADRANTS: { key: string; title: string; hint: string }[] = [
  { key: 'unpleasant-high-energy', title: 'Unpleasant, high energy', hint: 'stirred up' },
  { key: 'pleasant-high-energy', title: 'Pleasant, high energy', hint: 'lit up' },
  { key: 'unpleasant-low-energy', title: 'Unpleasant, low energy', hint: 'weighed down' },
  { key: 'pleasant-low-energy', title: 'Pleasant, low energy', hint: 'at ease' },
];

// Four quadrants of toggle buttons, by pleasantness (left-right) and energy (top-bottom).
export function EmotionGrid({
  emotions,
  selected,
  onToggle,
  idPrefix,
}: {
  emotions: Emotion[];
  selected: string[];
  onToggle: (word: string) => void;
  idPrefix: string;
}) {
  return (
    <div class="emotion-grid">
      {QUADRANTS.map((q) => {
        const words = emotions
          .filter((e) => e.quadrant === q.key)
          .sort((a, b) => b.energy - a.energy || a.pleasantness - b.pleasantness);
        return (
          <fieldset key={q.key} class={`emotion-quadrant q-${q.key}`}>
            <legend id={`${idPrefix}-${q.key}`}>
              {q.title} <span class="muted">({q.hint})</span>
            </legend>
            <div class="emotion-words">
              {words.map((e) => (
                <button
                  key={e.word}
                  type="button"
                  class="emotion-word"
                  aria-pressed={selected.includes(e.word)}
                  title={e.definition}
                  onClick={() => onToggle(e.word)}
                >
                  {e.word}
                </button>
              ))}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

// A slider from 0 to 10 with its value shown.
export function Intensity({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (v: number) => void;
}) {
  return (
    <div class="field intensity">
      <label for={id}>{label}</label>
      <div class="intensity-row">
        <input
          id={id}
          type="range"
          min={0}
          max={10}
          step={1}
          value={value}
          aria-valuetext={`${value} out of 10`}
          onInput={(e) => onChange(Number((e.target as HTMLInputElement).value))}
        />
        <output for={id} class="intensity-value">
          {value}
        </output>
      </div>
    </div>
  );
}

export function PeoplePicker({
  people,
  chosen,
  onChange,
  legend,
}: {
  people: Person[];
  chosen: number[];
  onChange: (ids: number[]) => void;
  legend: string;
}) {
  if (!people.length) {
    return (
      <p class="muted small">
        To say who was involved, first <Link href="/people">add the people in your life</Link>.
      </p>
    );
  }
  return (
    <fieldset class="people-picker">
      <legend>{legend}</legend>
      <div class="chip-row">
        {people.map((p) => (
          <label key={p.id} class="chip-check">
            <input
              type="checkbox"
              checked={chosen.includes(p.id)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                onChange(on ? [...chosen, p.id] : chosen.filter((x) => x !== p.id));
              }}
            />
            <span>{p.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p class="snippet">
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}

export function ReflectionItem({ r }: { r: Reflection }) {
  const first = r.situation || r.thoughts || r.actions || r.needs || r.body || r.urges || r.next_time;
  return (
    <li class="card reflection-item">
      <h3>
        <Link href={`/reflect/${r.id}`}>{first ? clip(first, 90) : 'A feeling, noted'}</Link>
      </h3>
      <p class="muted small">
        {formatWhen(r.happened_at)}
        {r.people.length > 0 && <> · with {r.people.map((p) => p.name).join(', ')}</>}
      </p>
      {r.emotions.length > 0 && (
        <ul class="chip-row" aria-label="Feelings">
          {r.emotions.map((e) => (
            <li key={e.word} class="pill">
              {e.word} {e.intensity}
            </li>
          ))}
        </ul>
      )}
      {r.snippet && r.snippet.length > 0 && <Snippet parts={r.snippet} />}
    </li>
  );
}

function clip(s: string, n: number): string {
  const line = s.split('\n')[0];
  const chars = Array.from(line);
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : line;
}

// Tags typed as "a, b, c" with earlier tags offered as buttons.
export function TagInput({
  id,
  value,
  onChange,
  suggestions,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  suggestions: string[];
}) {
  const shown = suggestions.slice(0, 8);
  const current = value
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const add = (t: string) => onChange(current.includes(t) ? value : [...current, t].join(', '));
  return (
    <div class="field">
      <label for={id}>
        What set it off? <span class="muted">(short tags, separated by commas)</span>
      </label>
      <input id={id} type="text" autoComplete="off" value={value} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />
      {shown.length > 0 && (
        <div class="chip-row" role="group" aria-label="Tags you used before">
          {shown.map((t) => (
            <button key={t} type="button" class="button quiet small-button" onClick={() => add(t)} aria-pressed={current.includes(t)}>
              {t}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
