// The pages under /support and their addresses; app.tsx asks here for /support paths.
// Placeholder until the pages are built: answers null (the app shows "not found").
import type { ComponentChildren } from 'preact';
import type { Location } from '../router';

export function supportRoute(_loc: Location): ComponentChildren | null {
  return null;
}
