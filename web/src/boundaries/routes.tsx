// The pages under /boundaries and their addresses; app.tsx asks here for /boundaries paths.
// Placeholder until the pages are built: answers null (the app shows "not found").
import type { ComponentChildren } from 'preact';
import type { Location } from '../router';

export function boundariesRoute(_loc: Location): ComponentChildren | null {
  return null;
}
