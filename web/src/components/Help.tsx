// "Get help now": crisis lines, reachable from every page. A link to /help that opens a
// modal dialog in place (and works as a page of its own when opened directly). The lines
// come from the server when it answers, from a built-in copy otherwise; the person's
// region is listed first and can be changed here.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, CRISIS_EVENT } from '../api';
import { dial, ordered, useCrisisResources, type CrisisLine, type CrisisNotice } from '../crisis';

function HowToReach({ line }: { line: CrisisLine }) {
  if (line.phone && line.phone === line.text) {
    return (
      <>
        <a href={`tel:${dial(line.phone)}`}>Call {line.phone}</a>
        {' or '}
        <a href={`sms:${dial(line.text)}`}>text {line.text}</a>
      </>
    );
  }
  return (
    <>
      {line.phone && <a href={`tel:${dial(line.phone)}`}>Call {line.phone}</a>}
      {line.phone && line.text && ' or '}
      {line.text && <a href={`sms:${dial(line.text)}`}>text {line.text}</a>}
    </>
  );
}

export function CrisisContent({ headingLevel = 2, idPrefix = 'crisis' }: { headingLevel?: 2 | 3; idPrefix?: string }) {
  const H = `h${headingLevel}` as 'h2';
  const [res, setRes] = useCrisisResources();
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState('');
  const regions = ordered(res.items, res.region);
  const numbers: { number: string; where: string[] }[] = [];
  for (const r of regions) {
    if (!r.emergency) continue;
    const n = numbers.find((x) => x.number === r.emergency);
    if (n) n.where.push(r.name);
    else numbers.push({ number: r.emergency, where: [r.name] });
  }
  const choose = async (code: string) => {
    const region = code || null;
    setRes({ ...res, region });
    setSaving(true);
    try {
      await api.setRegion(region);
      setNote(region ? 'Saved. Your region is listed first.' : 'Saved. Every region is shown.');
    } catch {
      setNote('Your choice is shown, but it could not be saved right now.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <div class="crisis">
      <p class="crisis-lead">
        If you might be in danger, or you are thinking about ending your life, please reach out
        now. You deserve support, and talking to someone can help.
      </p>
      <H>Talk to someone now</H>
      <ul class="crisis-list">
        {regions
          .filter((r) => r.lines.length > 0)
          .flatMap((r) =>
            r.lines.map((l) => (
              <li key={`${r.code}-${l.name}`}>
                <span class="crisis-region">{r.name}</span>
                <span class="crisis-name">{l.name}</span>
                <span class="crisis-how">
                  <HowToReach line={l} />
                  {l.hours && <span class="crisis-hours"> · {l.hours}</span>}
                </span>
              </li>
            )),
          )}
      </ul>
      <H>In immediate danger</H>
      <p>If you or someone else is in danger right now, call your emergency number:</p>
      <ul class="emergency-list">
        {numbers.map((e) => (
          <li key={e.number}>
            <a class="phone" href={`tel:${dial(e.number)}`}>
              {e.number}
            </a>{' '}
            <span>{e.where.join(', ')}</span>
          </li>
        ))}
      </ul>
      {regions
        .filter((r) => r.note)
        .map((r) => (
          <p key={`note-${r.code}`}>{r.note}</p>
        ))}
      <div class="field crisis-region-field">
        <label for={`${idPrefix}-region`}>Where are you?</label>
        <select
          id={`${idPrefix}-region`}
          value={res.region ?? ''}
          disabled={saving}
          onChange={(e) => void choose((e.target as HTMLSelectElement).value)}
        >
          <option value="">Show every region</option>
          {res.items
            .filter((r) => r.code !== 'ANY')
            .map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
        </select>
        <p class="muted small" role="status">
          {note}
        </p>
      </div>
      <p class="muted small">Numbers last checked {res.last_checked}.</p>
    </div>
  );
}

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [notice, setNotice] = useState<CrisisNotice | null>(null);
  useEffect(() => {
    const on = (e: Event) => setNotice((e as CustomEvent<CrisisNotice>).detail ?? null);
    window.addEventListener(CRISIS_EVENT, on);
    return () => window.removeEventListener(CRISIS_EVENT, on);
  }, []);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (!open) setNotice(null);
  }, [open]);
  return (
    <dialog
      ref={ref}
      class="help-dialog"
      aria-labelledby="help-title"
      onClose={onClose}
      onCancel={onClose}
      onClick={(e) => {
        // A click on the backdrop (the dialog itself, outside its content) closes it.
        if (e.target === ref.current) onClose();
      }}
    >
      <div class="help-dialog-inner">
        <div class="help-dialog-head">
          <h2 id="help-title">Get help now</h2>
          <button type="button" class="button quiet" onClick={onClose}>
            Close
          </button>
        </div>
        {notice?.message && <p class="crisis-notice">{notice.message}</p>}
        <CrisisContent headingLevel={3} idPrefix="help-dialog" />
      </div>
    </dialog>
  );
}
