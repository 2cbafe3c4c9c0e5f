// "Get help now": crisis lines, reachable from every page. A link to /help that opens a
// modal dialog in place (and works as a page of its own when opened directly).
import { useEffect, useRef } from 'preact/hooks';
import { CRISIS_LAST_CHECKED, CRISIS_LINES, EMERGENCY_NUMBERS } from '../crisis';

export function CrisisContent({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as 'h2';
  return (
    <div class="crisis">
      <p class="crisis-lead">
        If you might be in danger, or you are thinking about ending your life, please reach out
        now. You deserve support, and talking to someone can help.
      </p>
      <H>Talk to someone now</H>
      <p>Free, confidential, and open day and night:</p>
      <ul class="crisis-list">
        {CRISIS_LINES.map((c) => (
          <li key={c.region}>
            <span class="crisis-region">{c.region}</span>
            <span class="crisis-name">{c.name}</span>
            <span class="crisis-how">
              {c.tel ? <a href={`tel:${c.tel}`}>{c.how}</a> : c.how}
              {c.sms && (
                <>
                  {' · '}
                  <a href={`sms:${c.sms}`}>Send a text</a>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <H>In immediate danger</H>
      <p>If you or someone else is in danger right now, call your local emergency number:</p>
      <ul class="emergency-list">
        {EMERGENCY_NUMBERS.map((e) => (
          <li key={e.number}>
            <a class="phone" href={`tel:${e.number}`}>
              {e.number}
            </a>{' '}
            <span>{e.where}</span>
          </li>
        ))}
      </ul>
      <p>
        Somewhere else? Your local emergency number can connect you, and a doctor or someone
        you trust can help you find support near you.
      </p>
      <p class="muted small">Numbers last checked {CRISIS_LAST_CHECKED}.</p>
    </div>
  );
}

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
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
        <CrisisContent headingLevel={3} />
      </div>
    </dialog>
  );
}
