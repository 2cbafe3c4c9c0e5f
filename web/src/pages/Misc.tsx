import { Link } from '../router';
import { useTitle } from '../hooks';
import { errorMessage } from '../api';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <div class="page narrow">
      <h1>We could not find that page</h1>
      <p>The link may be old, or the address may have a typo.</p>
      <p>
        <Link class="button primary" href="/">
          Go to the start
        </Link>
      </p>
    </div>
  );
}

export function SignedOutPage() {
  useTitle('Open SecureBase from its start link');
  return (
    <div class="page narrow">
      <h1>Open SecureBase from its start link</h1>
      <p>
        For your privacy, this browser needs the start link that SecureBase printed when it
        started. It looks like <code>http://127.0.0.1:…/?token=…</code>.
      </p>
      <p>
        Open that link again, or restart SecureBase to get a new one. Nothing you saved is lost.
      </p>
    </div>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p class="loading" role="status">
      {what}…
    </p>
  );
}

export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{errorMessage(error)}</p>
      {retry && (
        <button type="button" class="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
