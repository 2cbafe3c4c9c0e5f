import { Link } from '../router';

// A step's own row of pages. `current` is the key of the page shown (null: none of them).
export function SubNav<K extends string>({
  label,
  items,
  current,
}: {
  label: string;
  items: ReadonlyArray<readonly [key: K, href: string, text: string]>;
  current: K | null;
}) {
  return (
    <nav class="sub-nav" aria-label={label}>
      <ul>
        {items.map(([key, href, text]) => (
          <li key={key}>
            <Link href={href} aria-current={current === key ? 'page' : undefined}>
              {text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// The pages inside step 1, Understand.
export function UnderstandNav({ current }: { current: 'overview' | 'take' | 'history' | 'learn' | null }) {
  return (
    <SubNav
      label="Understand"
      current={current}
      items={[
        ['overview', '/understand', 'Overview'],
        ['take', '/questionnaire', 'Take one'],
        ['history', '/history', 'History'],
        ['learn', '/learn', 'Learn'],
      ]}
    />
  );
}
