// Browser tests for steps 5 and 6: adding a commitment (with its validation), marking due
// ones kept and renegotiated from the Today list, the per-person reliability chart, logging
// a bid in three taps (with undo), the availability chart beside the research reference,
// the daily check-in, the calendar link panel, and axe on every page, wide and narrow,
// light and dark. Makes its own data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, BASE, go, launch, problems, shot, signedInPage, callApi, checkPages } from './lib.mjs';

let browser;
let page;
let sam;

before(async () => {
  browser = await launch();
  page = await signedInPage(browser);
});

after(async () => {
  await browser?.close();
});

const api = (method, path, body) => callApi(page, method, path, body);

function isoDay(daysFromToday) {
  const d = new Date();
  d.setDate(d.getDate() + daysFromToday);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('an empty Today list says what to do next', async () => {
  await go(page, '/trust');
  await page.getByText('You have no commitments yet').waitFor();
  assert.ok(await page.getByRole('link', { name: 'Add a commitment' }).first().isVisible());
  const created = await api('POST', '/people', { name: 'Sam', relationship: 'partner' });
  assert.equal(created.status, 201);
  sam = created.body.id;
});

test('adding a commitment checks the fields, then saves it to the Today list', async () => {
  await go(page, '/trust/new');
  await page.getByRole('button', { name: 'Add commitment' }).click();
  await page.getByText('Say what was promised, in a few words.').waitFor();
  assert.equal(await page.getByLabel('What was promised?').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Repeat').selectOption('weekly');
  await page.getByLabel('What was promised?').fill('Cook dinner together');
  await page.getByRole('button', { name: 'Add commitment' }).click();
  await page.getByText('Choose at least one day of the week.').waitFor();
  await page.getByLabel('To whom?').selectOption(String(sam));
  await page.getByLabel('Repeat').selectOption('daily');
  await page.getByLabel(/Due date/).fill(isoDay(-2));
  await page.getByLabel(/Time/).fill('19:00');
  await shot(page, 'trust-add-1280-light');
  await page.getByRole('button', { name: 'Add commitment' }).click();
  await page.waitForURL(/\/trust\?added=1$/);
  // Two overdue days and today.
  await page.getByText('3 to mark, 2 of them overdue.').waitFor();
  assert.equal(await page.locator('.due-row', { hasText: 'Cook dinner together' }).count(), 3);
});

test('a due commitment is marked kept in one tap, another renegotiated with new terms', async () => {
  await go(page, '/trust');
  const first = page.locator('.due-row').first();
  await first.getByRole('button', { name: 'Kept' }).click();
  await page.getByText('2 to mark, 1 of them overdue.').waitFor();
  await page.getByText('Marked kept: Cook dinner together').waitFor();

  const next = page.locator('.due-row').first();
  await next.getByRole('button', { name: 'Renegotiate' }).click();
  await next.getByRole('button', { name: 'Save new terms' }).click();
  await next.getByText('Write the new terms you agreed').waitFor();
  await next.getByLabel('The new terms you agreed').fill('Cook on Saturday instead, and shop together');
  await shot(page, 'trust-today-renegotiate-1280-light');
  await next.getByRole('button', { name: 'Save new terms' }).click();
  await page.getByText('1 to mark.').waitFor();
  const outcomes = await api('GET', '/commitments/reliability?person=' + sam);
  assert.equal(outcomes.body.mine.days_30.kept, 1);
  assert.equal(outcomes.body.mine.days_30.renegotiated, 1);
  await shot(page, 'trust-today-1280-light');
});

test('the Today card on the home page offers the same outcomes', async () => {
  await go(page, '/');
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Due today' }) });
  await card.getByText('Cook dinner together').waitFor();
  assert.ok(await card.getByRole('button', { name: 'Kept' }).isVisible());
});

test('the per-person reliability page shows the figures, a trend chart and its summary', async () => {
  // Some history: a daily promise started 100 days ago, mostly kept.
  const made = await api('POST', '/commitments', { what: 'Morning message', person: sam, repeat: 'daily', due: isoDay(-100) });
  assert.equal(made.status, 201);
  for (let d = 100; d >= 1; d -= 1) {
    const outcome = d % 9 === 0 ? 'broken' : d % 7 === 0 ? 'renegotiated' : 'kept';
    const r = await api('POST', `/commitments/${made.body.id}/outcomes`, {
      outcome,
      day: isoDay(-d),
      note: outcome === 'renegotiated' ? 'Evening instead' : '',
    });
    assert.equal(r.status, 200, r.text);
  }
  await api('POST', '/commitments', { what: 'Return the drill', person: sam, direction: 'to-me', due: isoDay(-3) });
  // A promise made to me is marked from the Today list too.
  await api('POST', '/commitments', { what: 'Bring back the ladder', person: sam, direction: 'to-me', due: isoDay(-1) });
  await go(page, '/trust');
  const toMe = page.locator('section', { has: page.getByRole('heading', { name: 'Promises made to you, due' }) });
  await toMe.locator('.due-row', { hasText: 'Bring back the ladder' }).getByRole('button', { name: 'Kept' }).click();
  await page.getByText('Marked kept: Bring back the ladder').waitFor();
  await go(page, `/trust/reliability/${sam}`);
  await page.getByRole('heading', { level: 1, name: 'Reliability: Sam' }).waitFor();
  assert.match(await page.getByRole('table', { name: 'Promises made to you' }).innerText(), /1 kept/);
  const chart = page.getByRole('img', { name: /Reliability over the last year/ });
  await chart.waitFor();
  assert.ok((await page.locator('.trust-chart path.line-mine').getAttribute('d')).split('L').length > 3);
  const summary = await page.locator('.chart-summary').innerText();
  assert.match(summary, /In the last 30 days, \d+ of \d+ of your promises were kept or renegotiated \(\d+%\)/);
  assert.ok(await page.getByRole('table', { name: 'Promises you made' }).isVisible());
  assert.ok(await page.getByRole('table', { name: 'Promises made to you' }).isVisible());
  await page.getByRole('heading', { name: 'Streaks' }).waitFor();
  await shot(page, 'trust-reliability-1280-light');
});

test('a commitment is removed with undo', async () => {
  await go(page, `/trust/reliability/${sam}`);
  const row = page.locator('.commitment-list li', { hasText: 'Return the drill' });
  await row.getByRole('button', { name: /Remove/ }).click();
  await page.getByText('Removed: Return the drill').waitFor();
  await row.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.commitment-list li', { hasText: 'Return the drill' }).waitFor();
});

test('a bid is logged in three taps, and can be undone', async () => {
  await go(page, '/connect');
  await page.getByText('No bids logged yet.').waitFor();
  const started = Date.now();
  await page.getByRole('button', { name: 'Sam', exact: true }).click();
  await page.getByRole('button', { name: 'Humour', exact: true }).click();
  await shot(page, 'connect-bid-step3-1280-light');
  await page.getByRole('button', { name: /^Turned toward/ }).click();
  await page.locator('.bid-list li', { hasText: 'From Sam: humour' }).waitFor();
  assert.ok(Date.now() - started < 10_000);
  await page.getByText('Logged: humour, turned toward.').waitFor();
  // Undo removes it again.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('No bids logged yet.').waitFor();
  // Once more, with a feeling, as a bid I made.
  await page.getByRole('button', { name: 'I reached for someone' }).click();
  await page.getByRole('button', { name: 'Sam', exact: true }).click();
  await page.getByRole('button', { name: 'Talk', exact: true }).click();
  await page.getByLabel(/How it felt/).fill('Glad I asked');
  await page.getByRole('button', { name: /^Missed/ }).click();
  await page.locator('.bid-list li', { hasText: 'You to Sam: talk' }).getByText(/Glad I asked/).waitFor();
  await shot(page, 'connect-bids-1280-light');
});

test('the availability chart shows both ratios over time beside the reference', async () => {
  // Three months of logged bids (at = when it happened).
  const now = Date.now();
  for (let m = 2; m >= 0; m -= 1) {
    for (let i = 0; i < 6; i += 1) {
      const at = new Date(now - (m * 31 + i) * 86400000 - 3600000).toISOString().replace(/\.\d+Z$/, 'Z');
      const received = await api('POST', '/bids', { person: sam, kind: 'affection', response: i < 4 + (m === 0 ? 1 : 0) ? 'toward' : 'away', at });
      assert.equal(received.status, 201, received.text);
      await api('POST', '/bids', { person: sam, direction: 'made', kind: 'help', response: i < 3 ? 'toward' : 'missed', at });
    }
  }
  const future = await api('POST', '/bids', { response: 'toward', at: '2099-01-01T00:00:00Z' });
  assert.equal(future.status, 422);
  await go(page, `/connect/availability/${sam}`);
  await page.getByRole('heading', { level: 1, name: 'Availability: Sam' }).waitFor();
  await page.getByRole('img', { name: /with reference lines at 86% and 33%/ }).waitFor();
  assert.ok((await page.locator('path.line-received').getAttribute('d')).includes('L'));
  assert.match(await page.locator('.chart-summary').innerText(), /You turned toward \d+ of \d+ bids you received from Sam \(\d+%\)/);
  assert.match(await page.locator('.reference-note').innerText(), /not a pass mark/);
  await shot(page, 'connect-availability-1280-light');
});

test('the daily check-in offers prompts, logs a note, and lets the person choose how often', async () => {
  await go(page, '/connect/check-in');
  await page.getByLabel('With').selectOption(String(sam));
  await page.getByRole('heading', { name: 'Questions to offer Sam' }).waitFor();
  await page.getByText('How are you, really?').waitFor();
  await page.getByLabel('Every').selectOption('2');
  await page.getByText('A check-in will be suggested every 2 days.').waitFor();
  await page.getByLabel(/A line about how it went/).fill('Sam needed a quiet evening');
  await page.getByRole('button', { name: 'Log as done' }).click();
  await page.locator('.bid-list', { hasText: 'Sam needed a quiet evening' }).waitFor();
  const plan = await api('GET', `/checkins?person=${sam}`);
  assert.equal(plan.body.every_days, 2);
  await shot(page, 'connect-checkin-1280-light');
});

test('the calendar link panel makes, copies, rotates and turns off a private feed link', async () => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await go(page, '/trust/calendar');
  await page.getByText('No calendar link is on.').waitFor();
  assert.ok(await page.getByText('Anyone who has it can see your commitments').isVisible());
  await page.getByRole('button', { name: 'Make a calendar link' }).click();
  const field = page.getByLabel('Subscribe to this address in your calendar app');
  await field.waitFor();
  const url = await field.inputValue();
  assert.match(url, /\/api\/v1\/commitments\.ics\?key=[0-9a-f]{64}$/);
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByText('Copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  await shot(page, 'trust-calendar-1280-light');
  // The link works without the session (a calendar app has none); a wrong one does not.
  let r = await fetch(url);
  assert.equal(r.status, 200);
  assert.match(await r.text(), /^BEGIN:VCALENDAR/);
  r = await fetch(url.replace(/.$/, (c) => (c === '0' ? '1' : '0')));
  assert.equal(r.status, 401);
  await page.getByRole('button', { name: 'Make a new link' }).click();
  await page.waitForFunction((old) => document.getElementById('feed-url')?.value !== old, url);
  assert.equal((await fetch(url)).status, 401, 'the old link stops working');
  await page.getByRole('button', { name: 'Turn the link off' }).click();
  await page.getByText('No calendar link is on.').waitFor();
  assert.equal((await fetch(await page.evaluate(() => location.origin) + '/api/v1/commitments.ics')).status, 401);
  assert.ok(BASE);
});

test('every trust and connect page is axe-clean, light and dark, wide and narrow', async () => {
  await checkPages(browser, [
    ['/', 'home-today'],
    ['/trust', 'trust-today'],
    ['/trust/new', 'trust-add'],
    [`/trust/reliability/${sam}`, 'trust-reliability'],
    ['/trust/calendar', 'trust-calendar'],
    ['/connect', 'connect-bids'],
    [`/connect/availability/${sam}`, 'connect-availability'],
    ['/connect/check-in', 'connect-checkin'],
  ]);
  assert.deepEqual(problems, []);
});
