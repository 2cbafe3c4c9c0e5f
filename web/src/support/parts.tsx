// Small pieces shared by the step 8 pages.
import { SubNav } from '../components/SubNav';
import { Link } from '../router';

export function SupportNav({ current }: { current: 'overview' | 'checkup' | 'directory' | 'shortlist' | null }) {
  return (
    <SubNav
      label="Professional help"
      current={current}
      items={[
        ['overview', '/support', 'Overview'],
        ['checkup', '/support/checkup', 'Self-check'],
        ['directory', '/support/directory', 'Find a therapist'],
        ['shortlist', '/support/shortlist', 'Shortlist'],
      ]}
    />
  );
}

export function HelpNowCard() {
  return (
    <aside class="card support-help-now" aria-labelledby="support-help-now-title">
      <h2 id="support-help-now-title">If you need help right now</h2>
      <p>
        If you might be in danger or are thinking about ending your life, please do not wait for an
        appointment. Crisis lines are free and open now.
      </p>
      <Link class="button support-help-button" href="/help">
        Get help now
      </Link>
    </aside>
  );
}
