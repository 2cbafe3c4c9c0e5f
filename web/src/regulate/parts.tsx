// Small pieces the step 3 pages share: the sub-navigation and the quick questions.
import { SubNav } from '../components/SubNav';
import type { Energy, Helped } from './api';

export function RegulateNav({ current }: { current: 'practices' | 'now' | 'helps' | null }) {
  return (
    <SubNav
      label="Regulate"
      current={current}
      items={[
        ['practices', '/regulate', 'Practices'],
        ['now', '/regulate/now', "I'm activated"],
        ['helps', '/regulate/helps', 'What helps me'],
      ]}
    />
  );
}

// 0-10 as a row of large radio buttons.
export function DistressScale({
  legend,
  name,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  value: number | null;
  onChange: (v: number) => void;
}) {
  return (
    <fieldset class="rating">
      <legend>{legend}</legend>
      <div class="rating-row">
        {Array.from({ length: 11 }, (_, v) => (
          <label class={`rating-option${value === v ? ' chosen' : ''}`} key={v}>
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{v}</span>
          </label>
        ))}
      </div>
      <p class="rating-ends" aria-hidden="true">
        <span>0 calm</span>
        <span>10 the most you can imagine</span>
      </p>
    </fieldset>
  );
}

export function EnergyChoice({ value, onChange }: { value: Energy | null; onChange: (e: Energy) => void }) {
  const option = (e: Energy, title: string, hint: string) => (
    <label class={`choice-card${value === e ? ' chosen' : ''}`}>
      <input type="radio" name="energy" value={e} checked={value === e} onChange={() => onChange(e)} />
      <span class="choice-title">{title}</span>
      <span class="choice-hint">{hint}</span>
    </label>
  );
  return (
    <fieldset class="rating">
      <legend>How much energy is in your body?</legend>
      <div class="choice-row">
        {option('high', 'High', 'wired, racing, keyed up')}
        {option('low', 'Low', 'flat, heavy, numb')}
      </div>
    </fieldset>
  );
}

export function HelpedChoice({ value, onChange }: { value: Helped | null; onChange: (h: Helped) => void }) {
  const option = (h: Helped, label: string) => (
    <label class={`choice-card small${value === h ? ' chosen' : ''}`}>
      <input type="radio" name="helped" value={h} checked={value === h} onChange={() => onChange(h)} />
      <span class="choice-title">{label}</span>
    </label>
  );
  return (
    <fieldset class="rating">
      <legend>Did it help?</legend>
      <div class="choice-row">
        {option('yes', 'Yes')}
        {option('a-little', 'A little')}
        {option('no', 'No')}
      </div>
    </fieldset>
  );
}
