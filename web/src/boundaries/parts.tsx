// Pieces the step 7 pages share.
import { SubNav } from '../components/SubNav';

export function BoundariesNav({ current }: { current: 'list' | 'new' | null }) {
  return (
    <SubNav
      label="Boundaries"
      current={current}
      items={[
        ['list', '/boundaries', 'Your boundaries'],
        ['new', '/boundaries/new', 'Add a boundary'],
      ]}
    />
  );
}
