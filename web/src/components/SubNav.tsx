import { Link } from '../router';

// The pages inside step 1, Understand.
export function UnderstandNav({ current }: { current: 'overview' | 'take' | 'history' | 'learn' | null }) {
  const item = (key: typeof current, href: string, label: string) => (
    <li>
      <Link href={href} aria-current={current === key ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <nav class="sub-nav" aria-label="Understand">
      <ul>
        {item('overview', '/understand', 'Overview')}
        {item('take', '/questionnaire', 'Take one')}
        {item('history', '/history', 'History')}
        {item('learn', '/learn', 'Learn')}
      </ul>
    </nav>
  );
}
