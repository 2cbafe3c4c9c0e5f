// Pieces shared by the step 6 pages.
import { SubNav } from '../components/SubNav';

export function ConnectNav({ current }: { current: 'bids' | 'availability' | 'checkin' | null }) {
  return (
    <SubNav
      label="Availability"
      current={current}
      items={[
        ['bids', '/connect', 'Log a bid'],
        ['availability', '/connect/availability', 'Availability'],
        ['checkin', '/connect/check-in', 'Daily check-in'],
      ]}
    />
  );
}
