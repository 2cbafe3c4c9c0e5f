// Shared helpers for the browser tests: launching Debian's Chromium through
// playwright-core, opening pages signed in through the start URL, keyboard answering,
// axe-core checks and screenshots.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const BASE = (process.env.SECUREBASE_URL ?? '').replace(/\/+$/, '');
export const TOKEN = process.env.SECUREBASE_TOKEN ?? '';
if (!BASE || !TOKEN) {
  throw new Error('Set SECUREBASE_URL (e.g. http://127.0.0.1:PORT) and SECUREBASE_TOKEN, or use tests/browser/run.sh.');
}

export const ARTIFACTS = process.env.SECUREBASE_ARTIFACTS ?? join(here, '..', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const AXE_PATH = require.resolve('axe-core/axe.min.js');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// Problems seen in any page: CSP violations, uncaught errors, failed requests to our API.
export const problems = [];

// A new signed-in page: opens the start URL, which sets the cookie and redirects to /.
// bypassCSP: only for pages that get axe-core injected with addScriptTag (an inline
// script, which the app's CSP rightly blocks); every page is also visited without it.
export async function signedInPage(
  browser,
  { width = 1280, height = 900, colorScheme = 'light', reducedMotion = 'no-preference', bypassCSP = false } = {},
) {
  const context = await browser.newContext({
    bypassCSP,
    viewport: { width, height },
    colorScheme,
    reducedMotion,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('console', (m) => {
    const t = m.text();
    if (/Content Security Policy|Refused to (apply|execute|load)/i.test(t)) problems.push(`CSP on ${page.url()}: ${t}`);
  });
  page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  const res = await page.goto(`${BASE}/?token=${encodeURIComponent(TOKEN)}`);
  if (!res || !res.ok()) throw new Error(`start URL failed: ${res?.status()}`);
  if (new URL(page.url()).pathname !== '/') throw new Error(`start URL landed on ${page.url()}`);
  return page;
}

export async function go(page, path) {
  await page.goto(BASE + path);
  await page.locator('main h1').first().waitFor();
}

// The "n of N" counter on a questionnaire item screen.
export async function progress(page) {
  const t = await page.locator('.take-count').innerText();
  const m = /(\d+)\s+of\s+(\d+)/.exec(t);
  if (!m) throw new Error(`no progress in "${t}"`);
  return { n: Number(m[1]), total: Number(m[2]) };
}

// Answers every remaining item by keyboard, choosing values with pick(index), and waits
// for the result page. Returns the assessment id.
export async function answerAllByKeyboard(page, pick) {
  let { n, total } = await progress(page);
  for (;;) {
    const key = String(pick(n - 1));
    const last = n === total;
    await page.keyboard.press(key);
    if (last) break;
    const want = n + 1;
    await page
      .waitForFunction(
        (w) => new RegExp(`^\\s*${w}\\s+of`).test(document.querySelector('.take-count')?.textContent ?? ''),
        want,
      )
      .catch(async (e) => {
        const now = await page.locator('.take-count').textContent().catch(() => '(no counter)');
        throw new Error(`after key ${key} at ${n} of ${total}, waiting for ${want}: counter says "${now}" at ${page.url()}: ${e.message}`);
      });
    n = want;
  }
  await page.waitForURL(/\/assessments\/\d+$/);
  await page.locator('.result-meta').waitFor();
  return Number(/\/assessments\/(\d+)$/.exec(page.url())[1]);
}

// Runs axe-core; returns the serious and critical violations.
export async function axe(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} :: ${n.failureSummary?.split('\n').slice(0, 3).join(' ')}`),
    }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function shot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

// Calls the JSON API from inside `page`, so with its session cookie. Returns the status,
// the body parsed as JSON (null when empty or not JSON) and the raw text.
export async function callApi(page, method, path, body) {
  return page.evaluate(
    async ([method, path, body]) => {
      const r = await fetch(`/api/v1${path}`, {
        method,
        headers: body ? { 'Content-Type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await r.text();
      let json = null;
      try {
        json = JSON.parse(text);
      } catch {}
      return { status: r.status, body: json, text };
    },
    [method, path, body],
  );
}

// The four views every page is checked in: [colour scheme, window width].
export const VIEWS = [
  ['light', 1280],
  ['dark', 1280],
  ['light', 360],
  ['dark', 360],
];

// Opens each [path, screenshot name] page in each view and asserts that axe finds nothing
// and that nothing runs past the right edge of the window; keeps a screenshot of each as
// `${name}-${width}-${colorScheme}.png`.
export async function checkPages(browser, pages, views = VIEWS) {
  for (const [colorScheme, width] of views) {
    const p = await signedInPage(browser, { colorScheme, width, height: 800, bypassCSP: true });
    for (const [path, name] of pages) {
      await go(p, path);
      await p.waitForLoadState('networkidle');
      const violations = await axe(p);
      assert.deepEqual(violations, [], `${path} (${colorScheme}, ${width}px): ${JSON.stringify(violations, null, 1)}`);
      await shot(p, `${name}-${width}-${colorScheme}`);
      const culprit = await p.evaluate(() => {
        if (document.documentElement.scrollWidth <= window.innerWidth + 1) return '';
        const e = [...document.querySelectorAll('body *')].find((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
        return e ? `${e.tagName}.${e.className}` : 'something';
      });
      assert.equal(culprit, '', `${path} at ${width}px: ${culprit} runs past the edge`);
    }
    await p.context().close();
  }
}
