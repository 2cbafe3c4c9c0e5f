// The pages under /trust and their addresses; app.tsx asks here for /trust paths.
// Placeholder until the pages are built: answers null (the app shows "not found").
import type { ComponentChildren } from 'preact';
import type { Location } from '../router';

export function trustRoute(_loc: Location): ComponentChildren | null {
  return null;
}
