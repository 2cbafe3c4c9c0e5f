// A tiny, safe Markdown renderer for the learn pages. It builds Preact elements, never
// HTML strings, so any markup in the source shows as text. Supported: # headings,
// paragraphs, "-"/"*" bullet lists, "1." numbered lists, "> " quotes, **bold**, *em*
// (or _em_), `code`, and [links](/in-app/paths) (other links show as plain text).
import type { ComponentChildren, VNode } from 'preact';
import { Link } from './router';

const INLINE =
  /\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|(?<![\w])_([^_\s](?:[^_]*[^_\s])?)_(?![\w])|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function renderInline(text: string, keyPrefix = 'i'): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  let n = 0;
  // A fresh RegExp per call: the recursion below must not share lastIndex.
  const re = new RegExp(INLINE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const key = `${keyPrefix}-${n++}`;
    if (m[1] !== undefined) out.push(<strong key={key}>{renderInline(m[1], key)}</strong>);
    else if (m[2] !== undefined) out.push(<em key={key}>{renderInline(m[2], key)}</em>);
    else if (m[3] !== undefined) out.push(<em key={key}>{renderInline(m[3], key)}</em>);
    else if (m[4] !== undefined) out.push(<code key={key}>{m[4]}</code>);
    else if (m[5] !== undefined) {
      const href = m[6];
      // Only in-app paths become links; anything else (javascript:, http:) stays text.
      if (/^\/(?!\/)[\w\-/.?=&#%]*$/.test(href)) {
        out.push(
          <Link key={key} href={href}>
            {renderInline(m[5], key)}
          </Link>,
        );
      } else {
        out.push(m[5]);
      }
    }
    last = re.lastIndex;
    // Guard against zero-length matches (none are possible, but a loop must end).
    if (m[0].length === 0) re.lastIndex++;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

type Block =
  | { kind: 'h'; level: number; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'quote'; text: string };

export function parseBlocks(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { kind: 'ul' | 'ol'; items: string[] } | null = null;
  let quote: string[] = [];

  const flush = () => {
    if (para.length) blocks.push({ kind: 'p', text: para.join(' ') });
    if (list) blocks.push(list);
    if (quote.length) blocks.push({ kind: 'quote', text: quote.join(' ') });
    para = [];
    list = null;
    quote = [];
  };

  for (const raw of lines) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flush();
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      blocks.push({ kind: 'h', level: h[1].length, text: h[2].replace(/\s*#+\s*$/, '') });
      continue;
    }
    const ul = /^\s*[-*+]\s+(.*)$/.exec(line);
    const ol = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (ul || ol) {
      const kind = ul ? 'ul' : 'ol';
      const text = (ul ?? ol)![1];
      if (!list || list.kind !== kind) {
        flush();
        list = { kind, items: [] };
      }
      list.items.push(text);
      continue;
    }
    const q = /^>\s?(.*)$/.exec(line);
    if (q) {
      if (!quote.length) flush();
      quote.push(q[1]);
      continue;
    }
    if (list && /^\s{2,}\S/.test(raw)) {
      // A continuation line of the last list item.
      list.items[list.items.length - 1] += ' ' + line.trim();
      continue;
    }
    if (list || quote.length) flush();
    para.push(line.trim());
  }
  flush();
  return blocks;
}

// headingBase: the level the document's top heading renders as (the page owns <h1>, so 2
// by default); deeper headings keep their relative levels, so the outline has no gaps.
export function Markdown({ source, headingBase = 2 }: { source: string; headingBase?: number }) {
  const blocks = parseBlocks(source);
  const levels = blocks.flatMap((b) => (b.kind === 'h' ? [b.level] : []));
  const top = levels.length ? Math.min(...levels) : 1;
  const nodes: VNode[] = blocks.map((b, i) => {
    const key = `b${i}`;
    switch (b.kind) {
      case 'h': {
        const level = Math.min(6, headingBase + b.level - top);
        const Tag = `h${level}` as 'h2';
        return <Tag key={key}>{renderInline(b.text, key)}</Tag>;
      }
      case 'p':
        return <p key={key}>{renderInline(b.text, key)}</p>;
      case 'quote':
        return (
          <blockquote key={key}>
            <p>{renderInline(b.text, key)}</p>
          </blockquote>
        );
      case 'ul':
      case 'ol': {
        const Tag = b.kind;
        return (
          <Tag key={key}>
            {b.items.map((it, j) => (
              <li key={`${key}-${j}`}>{renderInline(it, `${key}-${j}`)}</li>
            ))}
          </Tag>
        );
      }
    }
  });
  return <div class="prose">{nodes}</div>;
}
