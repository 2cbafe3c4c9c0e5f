import { defineConfig } from 'vite';

// The server serves dist/ at "/" and falls back to index.html for unknown paths, so
// assets use absolute URLs: a deep link such as /assessments/5 must still find
// /assets/... (a relative "./assets" would resolve under /assessments/).
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline <script> or data: modules: the CSP allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
