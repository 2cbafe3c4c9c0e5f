// The pages under /talk and their addresses; app.tsx asks here for /talk paths.
// Placeholder until the pages are built: answers null (the app shows "not found").
import type { ComponentChildren } from 'preact';
import type { Location } from '../router';

export function communicateRoute(_loc: Location): ComponentChildren | null {
  return null;
}
