// Browser tests: a new person uses SecureBase from the start URL, end to end, against a
// fresh database (the real server, or the mock when SECUREBASE_BIN is unset; see run.sh).
// The tests in this file run in order and build on each other's data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerAllByKeyboard,
  axe,
  BASE,
  go,
  launch,
  problems,
  progress,
  shot,
  signedInPage,
} from './lib.mjs';

let browser;
let page; // the main desktop page, light theme
const state = { partnerId: null, firstGeneral: null, partnerResult: null, secondGeneral: null };

before(async () => {
  browser = await launch();
  page = await signedInPage(browser);
});

after(async () => {
  await browser?.close();
});

test('the start URL signs in with an HttpOnly cookie and lands on Home', async () => {
  await page.locator('main h1').waitFor();
  assert.equal(new URL(page.url()).search, '', 'the token is not left in the address bar');
  const visibleCookies = await page.evaluate(() => document.cookie);
  assert.equal(visibleCookies, '', 'the session cookie is not readable by scripts');
  // A fresh database: the home page guides to the questionnaire.
  const take = page.getByRole('link', { name: 'Take the questionnaire' });
  await take.waitFor();
  assert.ok(await page.getByText('not a diagnosis', { exact: false }).first().isVisible());
  assert.ok(await page.locator('footer').getByText('stays on this computer').isVisible());
  // Landmarks and skip link.
  assert.equal(await page.locator('header').count(), 1);
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.locator('footer').count(), 1);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
  await shot(page, 'home-empty-1280-light');
});

test('a signed-out browser is told to use the start link', async () => {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(`${BASE}/people`);
  await p.getByRole('heading', { name: 'Open SecureBase from its start link' }).waitFor();
  await ctx.close();
});

test('People: empty state, validation next to the field, add a partner', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.waitForURL(/\/people$/);
  await page.getByText('No one here yet').waitFor();
  await shot(page, 'people-empty-1280-light');

  // Client-side check: an empty name.
  await page.getByRole('button', { name: 'Add person' }).click();
  const nameField = page.getByLabel('Name');
  await page.locator('#add-name-error').waitFor();
  assert.equal(await nameField.getAttribute('aria-invalid'), 'true');
  assert.equal(await nameField.getAttribute('aria-describedby'), 'add-name-error');

  // Server-side field errors (problem+json) land next to their fields.
  await page.route('**/api/v1/people', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await route.fulfill({
      status: 422,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'https://securebase.local/problems/validation',
        title: 'Some fields need attention',
        status: 422,
        detail: 'Please check the highlighted fields.',
        errors: [{ field: 'relationship', message: "'spouse' is not one of: partner, friend" }],
      }),
    });
  });
  await nameField.fill('Alex');
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.locator('#add-relationship-error').getByText("Relationship 'spouse' is not one of: partner, friend.").waitFor();
  await page.unroute('**/api/v1/people');

  await page.getByLabel('Relationship').selectOption('partner');
  await page.getByLabel('Notes').fill('Together since 2021.');
  await page.getByRole('button', { name: 'Add person' }).click();
  const card = page.locator('.people-list .person', { hasText: 'Alex' });
  await card.waitFor();
  assert.match(await card.innerText(), /Partner/);
  assert.match(await card.innerText(), /Together since 2021\./);
  assert.equal(await page.locator('#add-name-error').count(), 0, 'the error clears after a good save');
  const people = await page.evaluate(async () => (await fetch('/api/v1/people', { credentials: 'same-origin' })).json());
  state.partnerId = people.items.find((p) => p.name === 'Alex').id;

  // Edit: change the notes.
  await page.getByRole('button', { name: 'Edit Alex' }).click();
  const notes = page.locator(`#edit-${state.partnerId}-notes`);
  await notes.fill('Together since 2021. We live together.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('.people-list .person', { hasText: 'We live together.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), `edit-button-${state.partnerId}`, 'focus returns to Edit');
});

test('takes the general questionnaire by keyboard and sees the plane with one point', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: 'Take the questionnaire' }).click();
  await page.waitForURL(/\/questionnaire\/general/);
  await page.getByRole('button', { name: 'Begin' }).click();
  const { n, total } = await progress(page);
  assert.equal(n, 1);
  assert.ok(total >= 4, `a questionnaire with ${total} items`);
  assert.equal(await page.locator('.scale-button').count(), 7);
  // Keyboard: answer 1, go back with Backspace, see the answer kept, move on with →.
  await page.keyboard.press('6');
  await page.waitForFunction(() => /^\s*2\s+of/.test(document.querySelector('.take-count').textContent));
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => /^\s*1\s+of/.test(document.querySelector('.take-count').textContent));
  assert.equal(await page.locator('.scale-button[aria-pressed="true"]').innerText().then((t) => t.trim().charAt(0)), '6');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /^\s*2\s+of/.test(document.querySelector('.take-count').textContent));
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => /^\s*1\s+of/.test(document.querySelector('.take-count').textContent));

  state.firstGeneral = await answerAllByKeyboard(page, (i) => (i % 2 === 0 ? 6 : 5));
  const svg = page.locator('svg.plane-svg[role="img"]');
  await svg.waitFor();
  assert.ok((await svg.locator('title').first().textContent()).length > 0, 'the plane has a title');
  assert.ok((await svg.locator('desc').textContent()).includes('anxiety'), 'the plane has a description');
  assert.equal(await svg.locator('.point').count(), 1);
  assert.equal(await svg.locator('.trail-line').count(), 0);
  // Both region names on the plane, the scores explained, the humble note, links.
  for (const name of ['Secure', 'Anxious-preoccupied', 'Dismissive-avoidant', 'Fearful-avoidant']) {
    assert.ok((await svg.textContent()).includes(name), `region ${name} named`);
  }
  const scores = await page.locator('.scores').innerText();
  assert.match(scores, /Anxiety/);
  assert.match(scores, /Avoidance/);
  assert.match(scores, /(below|above) the (midpoint|cut point)|right at the/);
  assert.match(await page.locator('.humble').innerText(), /not a diagnosis/);
  assert.match(await page.locator('.change').innerText(), /first result/i);
  const styleLink = page.locator('.style-card a[href^="/learn/"]');
  assert.match(await styleLink.getAttribute('href'), /^\/learn\/(secure|preoccupied|dismissing|fearful)$/);
  assert.equal(await page.getByRole('link', { name: 'What does this mean?' }).getAttribute('href'), '/learn/measuring-change');
});

test('takes the questionnaire about the partner', async () => {
  await go(page, '/questionnaire');
  await page.getByLabel('Who is it about?').selectOption(String(state.partnerId));
  await page.getByRole('button', { name: 'Start about this person' }).click();
  await page.waitForURL(new RegExp(`/questionnaire/person/${state.partnerId}`));
  await page.getByRole('heading', { name: /about Alex/ }).waitFor();
  await page.getByRole('button', { name: 'Begin' }).click();
  let sawName = false;
  const { total } = await progress(page);
  for (let i = 0; i < total; i++) {
    const text = await page.locator('.question-text').innerText();
    assert.ok(!text.includes('{person}'), `placeholder replaced in "${text}"`);
    if (text.includes('Alex')) sawName = true;
    await page.keyboard.press(String((i % 3) + 3));
    if (i < total - 1) {
      await page.waitForFunction((w) => new RegExp(`^\\s*${w}\\s+of`).test(document.querySelector('.take-count').textContent), i + 2);
    }
  }
  assert.ok(sawName, "the person's name appears in the statements");
  await page.waitForURL(/\/assessments\/\d+$/);
  await page.locator('.result-meta').waitFor();
  assert.match(await page.locator('.result-meta').innerText(), /about Alex/);
  assert.equal(await page.locator('svg.plane-svg .point').count(), 1, 'the general results are not in this trail');
  state.partnerResult = Number(/(\d+)$/.exec(page.url())[1]);
});

test('retaking the general questionnaire shows a trail of two points and a change verdict', async () => {
  await go(page, '/questionnaire/general');
  await page.getByRole('button', { name: 'Begin' }).click();
  state.secondGeneral = await answerAllByKeyboard(page, (i) => (i % 2 === 0 ? 2 : 3));
  const svg = page.locator('svg.plane-svg');
  assert.equal(await svg.locator('.point').count(), 2);
  assert.equal(await svg.locator('.point-current').count(), 1);
  assert.equal(await svg.locator('.trail-line').count(), 1);
  const verdict = page.locator('.verdict');
  await verdict.waitFor();
  const badge = (await verdict.locator('.badge').innerText()).trim();
  assert.ok(
    ['Toward security', 'Away from security', 'Mixed', 'No clear change', 'Cannot judge yet'].includes(badge),
    `verdict badge "${badge}"`,
  );
  assert.ok((await verdict.innerText()).length > badge.length + 10, 'the verdict has a sentence');
  assert.match(await svg.locator('desc').textContent(), /2 results/);
});

test('History: tabs for General and the partner, the plane and a table', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Understand/ }).click();
  await page.getByRole('navigation', { name: 'Understand' }).getByRole('link', { name: 'History' }).click();
  await page.waitForURL(/\/history/);
  const tabs = page.getByRole('navigation', { name: 'Whose history' });
  await tabs.waitFor();
  assert.equal(await tabs.getByRole('link', { name: 'In general' }).getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('.history-table tbody tr').count(), 2);
  assert.equal(await page.locator('svg.plane-svg .point').count(), 2);
  const rows = await page.locator('.history-table tbody tr').allInnerTexts();
  assert.ok(rows.some((r) => /First result/.test(r)));
  await tabs.getByRole('link', { name: 'Alex' }).click();
  await page.waitForURL(/about=\d+/);
  await page.locator('.history-table caption', { hasText: 'about Alex' }).waitFor();
  assert.equal(await page.locator('.history-table tbody tr').count(), 1);
  // The date in the table opens that result.
  await page.locator('.history-table tbody th a').first().click();
  await page.waitForURL(new RegExp(`/assessments/${state.partnerResult}$`));
});

test('leave and resume a draft (autosave and "Save and leave")', async () => {
  await go(page, '/questionnaire/general');
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.keyboard.press('4');
  await page.waitForFunction(() => /^\s*2\s+of/.test(document.querySelector('.take-count').textContent));
  await page.keyboard.press('5');
  await page.waitForFunction(() => /^\s*3\s+of/.test(document.querySelector('.take-count').textContent));
  // Autosave: wait for the draft to be saved, then reload as if the tab had closed.
  await page.locator('.save-status', { hasText: 'Your answers are saved.' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
  assert.match(await page.locator('.intro').innerText(), /answered 2 of \d+/);
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  assert.equal((await progress(page)).n, 3);
  await page.keyboard.press('3');
  await page.waitForFunction(() => /^\s*4\s+of/.test(document.querySelector('.take-count').textContent));
  await page.getByRole('button', { name: 'Save and leave' }).click();
  await page.waitForURL(/\/understand$/);
  await page.locator('.toast', { hasText: 'Saved' }).waitFor();
  // Back to it from Home: the draft is offered.
  await go(page, '/');
  await page.getByRole('link', { name: 'Continue where you left off' }).click();
  await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
  assert.match(await page.locator('.intro').innerText(), /answered 3 of \d+/);
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  assert.equal((await progress(page)).n, 4);
  // Going back shows the saved answer.
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => /^\s*3\s+of/.test(document.querySelector('.take-count').textContent));
  assert.equal((await page.locator('.scale-button[aria-pressed="true"] .scale-num').innerText()).trim(), '3');
});

test('remove a person and undo (with reduced motion: no animation)', async () => {
  const p = await signedInPage(browser, { reducedMotion: 'reduce' });
  await go(p, '/people');
  await p.getByLabel('Name').fill('Sam');
  await p.getByLabel('Relationship').selectOption('friend');
  await p.getByRole('button', { name: 'Add person' }).click();
  await p.locator('.people-list .person', { hasText: 'Sam' }).waitFor();
  await p.getByRole('button', { name: 'Remove Sam' }).click();
  const toast = p.locator('.toast', { hasText: 'Removed Sam.' });
  await toast.waitFor();
  assert.equal(await toast.evaluate((el) => getComputedStyle(el).animationName), 'none');
  assert.equal(await p.locator('.people-list .person', { hasText: 'Sam' }).count(), 0);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await p.locator('.people-list .person', { hasText: 'Sam' }).waitFor();
  await p.locator('.toast', { hasText: 'Sam is back.' }).waitFor();
  // After a reload Sam is still there: the undo reached the server.
  await p.reload();
  await p.locator('.people-list .person', { hasText: 'Sam' }).waitFor();
  await p.context().close();
});

test('Learn: topics render as safe Markdown (no raw HTML, no script links)', async () => {
  await go(page, '/learn');
  const first = page.locator('.learn-card h2 a').first();
  await first.click();
  await page.waitForURL(/\/learn\/[\w-]+$/);
  await page.locator('.prose').waitFor();
  assert.ok((await page.locator('.prose').innerText()).length > 100);

  await page.route('**/api/v1/learn/hostile', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        topic: 'hostile',
        title: 'Hostile',
        markdown:
          '# Hostile\n\n## Part\n\nHello <script>window.pwned=1</script> and <img src=x onerror="window.pwned=2">.\n\n- **bold** and *soft*\n- [bad](javascript:window.pwned=3) and [good](/learn/styles)\n',
      }),
    }),
  );
  await go(page, '/learn/hostile');
  const prose = page.locator('.prose');
  await prose.waitFor();
  assert.equal(await prose.locator('script, img').count(), 0);
  assert.match(await prose.innerText(), /<script>window\.pwned=1<\/script>/);
  assert.equal(await prose.locator('strong').innerText(), 'bold');
  assert.equal(await prose.locator('em').innerText(), 'soft');
  assert.equal(await prose.locator('a').count(), 1);
  assert.equal(await prose.locator('a').getAttribute('href'), '/learn/styles');
  assert.equal(await prose.locator('h2').innerText(), 'Part', 'the duplicate title is dropped and ## becomes h2');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.unroute('**/api/v1/learn/hostile');
});

test('questionnaires without shipped wording say so and cannot be started', async () => {
  await page.route('**/api/v1/instruments', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.items.push({
      id: 'licensed-test',
      name: 'A licensed questionnaire',
      short_name: 'LIC',
      description: 'Wording licensed elsewhere.',
      validated: true,
      citation: 'Someone (2000)',
      target: 'general',
      domains: [],
      item_count: 10,
      has_wording: false,
      scale: { min: 1, max: 7, anchors: [] },
    });
    await route.fulfill({ response: res, json: body });
  });
  await go(page, '/understand');
  const card = page.locator('.instrument', { hasText: 'A licensed questionnaire' });
  await card.waitFor();
  assert.match(await card.innerText(), /Scoring key only — load your licensed wording file to take it/);
  assert.equal(await card.getByRole('link').count(), 0);
  // Every instrument that has wording offers a way to take it.
  const takeable = await page.locator('.instrument').filter({ hasNot: page.locator('.notice') }).count();
  assert.ok(takeable >= 2);
  await page.unroute('**/api/v1/instruments');
});

const PAGES = () => [
  ['home', '/'],
  ['understand', '/understand'],
  ['questionnaire-choose', '/questionnaire'],
  ['questionnaire-intro', `/questionnaire/person/${state.partnerId}`],
  ['questionnaire-resume', '/questionnaire/general'],
  ['result', `/assessments/${state.secondGeneral}`],
  ['result-person', `/assessments/${state.partnerResult}`],
  ['history', '/history'],
  ['history-person', `/history?about=${state.partnerId}`],
  ['learn', '/learn'],
  ['learn-topic', '/learn/styles'],
  ['learn-change', '/learn/measuring-change'],
  ['people', '/people'],
  ['help', '/help'],
  ['not-found', '/no-such-page'],
];

test('"Get help now" opens from every page, and closes with Escape', async () => {
  for (const [name, path] of PAGES()) {
    await go(page, path);
    const link = page.getByRole('banner').getByRole('link', { name: 'Get help now' });
    await link.click();
    const dialog = page.getByRole('dialog', { name: 'Get help now' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    for (const must of ['988', '9-8-8', '116 123', '13 11 14', '911', '999', '112', '000', 'last checked 2026-11']) {
      assert.ok(text.includes(must), `${name}: help panel lists ${must}`);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }
  // By keyboard alone: focus the link and press Enter.
  await go(page, '/people');
  await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Get help now' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('dialog', { name: 'Get help now' }).waitFor({ state: 'hidden' });
});

test('the theme toggle switches to dark and is remembered', async () => {
  const p = await signedInPage(browser, { colorScheme: 'light' });
  const toggle = p.getByRole('button', { name: 'Dark theme' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const lightBg = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await toggle.click();
  assert.equal(await p.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await p.reload();
  await p.locator('main h1').waitFor();
  assert.equal(await p.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await p.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'), 'true');
  assert.notEqual(await p.evaluate(() => getComputedStyle(document.body).backgroundColor), lightBg);
  await p.context().close();
});

// Every page, light and dark, at desktop and phone widths: axe finds no serious or
// critical violations, and a screenshot goes to tests/artifacts/.
for (const colorScheme of ['light', 'dark']) {
  for (const width of [1280, 360]) {
    test(`axe and screenshots: ${colorScheme}, ${width} px`, async () => {
      const p = await signedInPage(browser, { width, colorScheme, height: width === 360 ? 780 : 900, bypassCSP: true });
      const failures = [];
      const check = async (name, { fullPage = true } = {}) => {
        const v = await axe(p);
        if (v.length) failures.push({ page: name, violations: v });
        await shot(p, `${name}-${width}-${colorScheme}`, { fullPage });
      };
      for (const [name, path] of PAGES()) {
        await go(p, path);
        // Let data arrive before judging the page.
        await p.waitForFunction(() => !document.querySelector('.loading'));
        await check(name);
        if (name === 'questionnaire-intro') {
          // The first run starts a draft; later runs are offered to continue it.
          await p.getByRole('button', { name: /^(Begin|Continue where you left off)$/ }).click();
          await p.locator('.question-text').waitFor();
          const before = (await progress(p)).n;
          await p.keyboard.press('5');
          await p.waitForFunction(
            (b) => !new RegExp(`^\\s*${b}\\s+of`).test(document.querySelector('.take-count').textContent),
            before,
          );
          await check('questionnaire-item');
        }
        if (name === 'home') {
          await p.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
          await p.getByRole('dialog').waitFor();
          await check('help-dialog', { fullPage: false });
          await p.keyboard.press('Escape');
        }
        if (name === 'people') {
          await p.getByRole('button', { name: 'Edit Alex' }).click();
          await check('people-edit');
        }
      }
      await p.context().close();
      assert.deepEqual(failures, [], JSON.stringify(failures, null, 2));
    });
  }
}

test('delete a result by mistake and undo it', async () => {
  // Finish the draft left by the resume test, then delete that result.
  await go(page, '/questionnaire/general');
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  await answerAllByKeyboard(page, () => 4);
  const url = page.url();
  await page.getByRole('button', { name: 'Delete this result' }).click();
  const toast = page.locator('.toast', { hasText: 'Result deleted.' });
  await toast.waitFor();
  assert.match(page.url(), /\/history/);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await page.waitForURL(url);
  await page.locator('svg.plane-svg').waitFor();
  // Delete it for good, so the earlier results are what the history shows.
  await page.getByRole('button', { name: 'Delete this result' }).click();
  await page.locator('.toast', { hasText: 'Result deleted.' }).waitFor();
});

test('no Content-Security-Policy violations or script errors on any page', () => {
  assert.deepEqual(problems, []);
});
