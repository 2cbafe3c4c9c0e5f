// The composed "I" message, built the same way as the server's ComposeMessage
// (src/communicate/message.cc): parts left empty are left out, and opening words the
// person already typed ("When", "I feel", "because I need", "Could you") are not doubled.
import type { MessageParts } from './api';

function clean(part: string, openings: string[]): string {
  let s = part.trim().replace(/[.?!,]+$/, '');
  const lower = s.toLowerCase();
  for (const o of openings) {
    if (lower === o || lower.startsWith(o + ' ') || lower.startsWith(o + ',')) {
      s = s.slice(o.length).trim();
      if (s.startsWith(',')) s = s.slice(1).trim();
      break;
    }
  }
  return s;
}

export function composeMessage(p: MessageParts): string {
  const observation = clean(p.observation, ['when']);
  const feeling = clean(p.feeling, ['i felt', 'i feel', 'i am feeling', "i'm feeling"]);
  const need = clean(p.need, ['because i need', 'i need', 'because']);
  const request = clean(p.request, ['would you be willing to', 'could you', 'please']);
  const clauses: string[] = [];
  if (observation) clauses.push(`When ${observation}`);
  if (feeling) clauses.push(`I felt ${feeling}`);
  if (need) clauses.push(`${clauses.length ? 'because I need' : 'I need'} ${need}`);
  let out = clauses.join(', ');
  if (out) out += '.';
  if (request) out += `${out ? ' ' : ''}Would you be willing to ${request}?`;
  return out;
}

// The boundary script, as the server's Script() builds it: "When …, I will …."
export function composeScript(when: string, will: string): string {
  const drop = (s: string, opening: string) => {
    let t = s.trim();
    if (t.toLowerCase().startsWith(opening + ' ')) t = t.slice(opening.length).trim();
    return t.replace(/[.,]+$/, '');
  };
  const w = drop(when, 'when');
  const i = drop(drop(will, 'i'), 'will');
  return w && i ? `When ${w}, I will ${i}.` : '';
}
