// Browser tests for step 3 (regulate): the guided player end to end with a controllable
// clock (Playwright's page.clock), stopping early, reduced motion, "I'm activated right
// now", the "What helps me" chart, timekeeping over a 5-minute practice, and axe on every
// page. Runs against the real server (SECUREBASE_BIN) with its own data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, BASE, go, launch, problems, shot, signedInPage, callApi } from './lib.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

// Calls the API from inside a signed-in page (the cookie rides along).
const api = callApi;

const SHORT = {
  format: 'securebase-practice/1',
  id: 'test-short',
  name: 'Short test breath',
  kind: 'breathing',
  suits: 'high',
  duration_seconds: 10,
  phases: [
    { phase: 'inhale', seconds: 2 },
    { phase: 'exhale', seconds: 3 },
  ],
};

async function rate(page, legend, value) {
  await page.locator('fieldset', { hasText: legend }).getByRole('radio', { name: String(value), exact: true }).check();
}

async function chooseBefore(page, distress, energy) {
  await rate(page, 'right now', distress);
  await page.getByRole('radio', { name: energy === 'high' ? /^High/ : /^Low/ }).check();
}

// Records the page time of every change of the player's phase (and its first showing).
async function recordPhases(page) {
  await page.evaluate(() => {
    window.__changes = [];
    const push = (el) => window.__changes.push([Number(el.dataset.phase), performance.now()]);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof HTMLElement && r.target.matches('section.player')) push(r.target);
        for (const n of r.addedNodes ?? []) {
          if (n instanceof HTMLElement && n.matches('section.player')) push(n);
          else if (n instanceof HTMLElement) n.querySelectorAll('section.player').forEach(push);
        }
      }
    }).observe(document.body, { attributes: true, attributeFilter: ['data-phase'], subtree: true, childList: true });
  });
}

test('practices page: step 3 in the navigation, every shipped practice, one-tap entry', async () => {
  const page = await signedInPage(browser);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Regulate/ }).click();
  await page.waitForURL(/\/regulate$/);
  await page.getByRole('heading', { level: 1, name: /Calm your body/ }).waitFor();
  await page.locator('.practice-list').waitFor(); // the list has arrived
  for (const name of ['Cyclic sighing', 'Box breathing', '4-7-8 breathing', 'Slow breathing, six a minute',
    '5-4-3-2-1 grounding', 'Self-compassion pause', 'Flooded: a 20-minute break', 'Short body scan']) {
    assert.ok(await page.getByRole('heading', { name, exact: true }).isVisible(), name);
  }
  assert.ok(await page.getByRole('link', { name: "I'm activated right now" }).isVisible());
  await page.context().close();
});

test('a short practice end to end with a controllable clock: pause, phases, after-rating saved', async () => {
  const page = await signedInPage(browser);
  assert.equal((await api(page, 'POST', '/practices', SHORT)).status, 201);
  await page.clock.install();
  await go(page, '/regulate/practice/test-short');
  await chooseBefore(page, 7, 'high');
  await page.getByRole('button', { name: 'Start' }).click();
  const player = page.locator('section.player');
  await player.waitFor();
  await player.getByText('Breathe in').waitFor();
  assert.equal(await player.locator('.player-count').innerText(), '2');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Pause', 'focus on the big Pause button');
  await page.clock.runFor(1000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.clock.runFor(5000); // paused: no progress
  await player.getByText('Paused').waitFor();
  await page.getByRole('button', { name: 'Resume' }).click();
  await player.getByText('Breathe in').waitFor();
  await page.clock.runFor(1100);
  await player.getByText('Breathe out').waitFor();
  assert.equal(await player.getAttribute('data-phase'), '1');
  await page.clock.runFor(3000);
  assert.equal(await player.getAttribute('data-phase'), '2'); // the second breath
  await page.clock.runFor(6000);
  await page.getByText('Well done').waitFor();
  await rate(page, 'And now', 3);
  await page.getByRole('radio', { name: 'A little' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Distress 7 → 3, down 4').waitFor();
  const list = await api(page, 'GET', '/regulation-sessions?practice=test-short');
  const s = list.body.items[0];
  assert.equal(s.distress_before, 7);
  assert.equal(s.distress_after, 3);
  assert.equal(s.helped, 'a-little');
  assert.equal(s.energy, 'high');
  assert.equal(s.stopped_early, false);
  assert.equal(s.practiced_ms, 10000);
  await page.context().close();
});

test('stopping early is still logged, marked as stopped', async () => {
  const page = await signedInPage(browser);
  await page.clock.install();
  await go(page, '/regulate/practice/box-breathing');
  await chooseBefore(page, 5, 'low');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('section.player').waitFor();
  await page.clock.runFor(6000);
  await page.locator('section.player').getByText('Hold').waitFor();
  await page.getByRole('button', { name: 'Stop early' }).click();
  await page.getByText('You stopped early').waitFor();
  await page.getByRole('button', { name: 'Save without rating' }).click();
  await page.getByText('Distress before: 5').waitFor();
  const s = (await api(page, 'GET', '/regulation-sessions?practice=box-breathing')).body.items[0];
  assert.equal(s.stopped_early, true);
  assert.equal(s.distress_after, null);
  assert.ok(s.practiced_ms >= 5900 && s.practiced_ms <= 6100, `practiced ${s.practiced_ms}`);
  await page.context().close();
});

test('with reduced motion the player shows a progress bar and counts instead of the shape', async () => {
  const page = await signedInPage(browser, { reducedMotion: 'reduce', width: 360, height: 780 });
  await page.clock.install();
  await go(page, '/regulate/practice/paced-6?distress=4&energy=low');
  await page.getByRole('button', { name: 'Start' }).click();
  const player = page.locator('section.player');
  await player.waitFor();
  assert.equal(await player.locator('.breath-shape').count(), 0);
  assert.ok(await player.locator('progress.player-progress').isVisible());
  await page.clock.runFor(2500);
  const value = Number(await player.locator('progress.player-progress').getAttribute('value'));
  assert.ok(value >= 450 && value <= 550, `phase progress ${value}`);
  assert.equal(await player.locator('.player-count').innerText(), '3');
  await shot(page, 'regulate-player-reduced-360-light', { fullPage: false });
  await page.context().close();
});

test('the player keeps time: phase changes within 100 ms over a 5-minute practice', async () => {
  const page = await signedInPage(browser);
  await page.clock.install();
  await go(page, '/regulate/practice/cyclic-sighing?distress=6&energy=high');
  // Time stands still except when the test moves it.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await recordPhases(page);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('section.player').waitFor();
  const practice = (await api(page, 'GET', '/practices/cyclic-sighing')).body;
  // Irregular steps, as a busy machine would wake the page.
  let total = 0;
  const steps = [733, 1291, 377, 2003, 911, 1499, 257];
  for (let i = 0; total < practice.total_ms + 2000; i++) {
    const d = steps[i % steps.length];
    await page.clock.runFor(d);
    total += d;
  }
  await page.getByText('Well done').waitFor();
  const changes = await page.evaluate(() => window.__changes);
  // Expected start of each phase, from the practice definition.
  const starts = [];
  let t = 0;
  for (let r = 0; r < practice.rounds; r++) {
    for (const ph of practice.phases) {
      starts.push(t);
      t += Math.round(ph.seconds * 1000);
    }
  }
  assert.equal(t, practice.total_ms);
  assert.equal(changes[0][0], 0, 'the first phase was seen');
  const start = changes[0][1];
  let worst = 0;
  let seen = 0;
  for (const [phase, at] of changes) {
    if (phase < 1) continue;
    seen++;
    worst = Math.max(worst, Math.abs(at - start - starts[phase]));
  }
  assert.equal(seen, starts.length - 1, 'every phase change was seen');
  assert.ok(worst < 100, `worst drift ${worst} ms`);
  console.log(`# fake clock: ${seen} phase changes over ${practice.total_ms / 1000} s, worst drift ${worst.toFixed(1)} ms`);
  await page.context().close();
});

test('real clock: phase changes stay on schedule over 20 s', async () => {
  const page = await signedInPage(browser);
  const doc = { ...SHORT, id: 'test-real', name: 'Real clock test', duration_seconds: 20, phases: [
    { phase: 'inhale', seconds: 1.3 }, { phase: 'hold', seconds: 0.7 }, { phase: 'exhale', seconds: 2 }] };
  assert.equal((await api(page, 'POST', '/practices', doc)).status, 201);
  await go(page, '/regulate/practice/test-real?distress=3&energy=high');
  await recordPhases(page);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByText('Well done').waitFor({ timeout: 30000 });
  const changes = await page.evaluate(() => window.__changes);
  assert.equal(changes[0][0], 0, 'the first phase was seen');
  const start = changes[0][1];
  const cycle = [0, 1300, 2000];
  let worst = 0;
  for (const [phase, at] of changes) {
    if (phase < 1) continue;
    const expected = Math.floor(phase / 3) * 4000 + cycle[phase % 3];
    worst = Math.max(worst, at - start - expected);
  }
  assert.ok(changes.length >= 14, `saw ${changes.length} changes`);
  assert.ok(worst < 100, `worst lateness ${worst.toFixed(1)} ms`);
  console.log(`# real clock: ${changes.length} phase changes over 20 s, worst lateness ${worst.toFixed(1)} ms`);
  await page.context().close();
});

test("I'm activated right now: two questions and a sensible default", async () => {
  const page = await signedInPage(browser);
  await go(page, '/regulate/now');
  await rate(page, 'right now', 8);
  await page.getByRole('radio', { name: /^High/ }).check();
  await page.getByRole('heading', { name: 'Try this: Cyclic sighing' }).waitFor();
  await page.getByRole('radio', { name: /^Low/ }).check();
  await page.getByRole('heading', { name: 'Try this: 5-4-3-2-1 grounding' }).waitFor();
  await page.getByRole('link', { name: 'Start 5-4-3-2-1 grounding' }).click();
  await page.waitForURL(/\/regulate\/practice\/grounding-54321\?distress=8&energy=low$/);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('section.player .player-step').getByText('five things you can see').waitFor();
  await page.context().close();
});

test('What helps me: nothing ranked before three sessions, then a chart with a summary', async () => {
  const page = await signedInPage(browser);
  const rec = (p, before, after) =>
    api(page, 'POST', '/regulation-sessions', {
      practice: p, distress_before: before, distress_after: after, energy: 'high', stopped_early: false, practiced_ms: 60000,
    });
  await go(page, '/regulate/helps');
  await page.getByText('Not ranked yet').waitFor();
  assert.equal(await page.locator('.helps-chart').count(), 0);
  for (const [b, a] of [[8, 4], [7, 4], [9, 4]]) assert.equal((await rec('breathing-478', b, a)).status, 201);
  await go(page, '/regulate/helps');
  await page.locator('.helps-chart svg').waitFor();
  assert.match(await page.locator('.helps-summary').innerText(), /4-7-8 breathing helped most/);
  await page.getByRole('button', { name: /When keyed up/ }).click();
  assert.match(await page.locator('.helps-summary').innerText(), /4-7-8 breathing helped most/);
  await page.getByRole('button', { name: /When flat or numb/ }).click();
  assert.doesNotMatch(await page.locator('.helps-summary').innerText(), /4-7-8/);
  await page.context().close();
});

for (const colorScheme of ['light', 'dark']) {
  for (const width of [1280, 360]) {
    test(`regulate pages: axe and screenshots, ${colorScheme}, ${width} px`, async () => {
      const p = await signedInPage(browser, { width, colorScheme, height: width === 360 ? 780 : 900, bypassCSP: true });
      const failures = [];
      const check = async (name, opts) => {
        const v = await axe(p);
        if (v.length) failures.push({ page: name, violations: v });
        await shot(p, `${name}-${width}-${colorScheme}`, opts);
      };
      await go(p, '/regulate');
      await p.locator('.practice-list').waitFor();
      await check('regulate');
      await go(p, '/regulate/now');
      await rate(p, 'right now', 7);
      await p.getByRole('radio', { name: /^High/ }).check();
      await p.locator('.recommendation').waitFor();
      await check('regulate-now');
      await p.clock.install();
      await go(p, '/regulate/practice/cyclic-sighing');
      await check('regulate-before');
      await chooseBefore(p, 6, 'high');
      await p.getByRole('button', { name: 'Start' }).click();
      await p.locator('section.player').waitFor();
      await p.clock.runFor(1500);
      await check('regulate-player', { fullPage: false });
      await p.getByRole('button', { name: 'Stop early' }).click();
      await p.getByText('You stopped early').waitFor();
      await check('regulate-after');
      await go(p, '/regulate/helps');
      await p.locator('.helps-summary').waitFor();
      await check('regulate-helps');
      await p.context().close();
      assert.deepEqual(failures, [], JSON.stringify(failures, null, 2));
    });
  }
}

test('no CSP violations or page errors on the regulate pages', () => {
  assert.deepEqual(problems.filter((p) => /regulate/.test(p)), []);
});

void BASE;
