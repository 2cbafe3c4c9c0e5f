import { CrisisContent } from '../components/Help';
import { useTitle } from '../hooks';

export function HelpPage() {
  useTitle('Get help now');
  return (
    <div class="page narrow">
      <h1>Get help now</h1>
      <CrisisContent idPrefix="help-page" />
    </div>
  );
}
