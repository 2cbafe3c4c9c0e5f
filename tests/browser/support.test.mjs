// Browser tests for step 8 (professional help): the self-check (with crisis help shown at
// once on a safety answer), the empty directory's sample offer, search with filters, saving
// to the shortlist and changing status, the signals switch, and axe on every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, go, launch, problems, shot, signedInPage, callApi, checkPages } from './lib.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await signedInPage(browser);
});

after(async () => {
  await browser?.close();
});

const api = (method, path, body) => callApi(page, method, path, body);

test('the overview offers the self-check, the directory, the brief and help now', async () => {
  await go(page, '/support');
  await page.getByRole('heading', { level: 1, name: 'Professional help' }).waitFor();
  await page.getByRole('link', { name: 'Prepare a brief for a first session' }).waitFor();
  await page.getByRole('link', { name: 'Get help now' }).first().waitFor();
  await page.getByRole('heading', { name: 'What your own entries say' }).waitFor();
  await shot(page, 'support-1280-light');
});

test('the self-check shows crisis help at once on a safety answer, then gentle guidance', async () => {
  await go(page, '/support/checkup');
  await page.getByRole('button', { name: 'See what this suggests' }).click();
  await page.locator('.field-error').first().waitFor();  // every unanswered question says so
  const groups = page.locator('fieldset.support-question');
  const n = await groups.count();
  assert.equal(n, 9);
  for (let i = 0; i < n; i++) {
    const g = groups.nth(i);
    const text = await g.locator('legend').innerText();
    const choice = /thoughts of hurting myself/.test(text) ? 'Now and then' : /hurts, frightens/.test(text) ? 'Not at all' : 'Often';
    await g.getByLabel(choice, { exact: true }).check();
    if (/thoughts of hurting myself/.test(text)) {
      // Before saving anything: the help is right there.
      await g.getByRole('alert').waitFor();
      await g.getByText('Talk to someone now').waitFor();
      await shot(page, 'support-checkup-crisis-1280-light');
    }
  }
  await page.getByRole('button', { name: 'See what this suggests' }).click();
  await page.getByRole('heading', { level: 1, name: 'This may be a good time to reach out' }).waitFor();
  await page.getByText(/add up to 14 of 21/).waitFor();
  await shot(page, 'support-checkup-result-1280-light');
  await page.keyboard.press('Escape');  // the help dialog the saved answer opened
});

test('the empty directory offers the sample; search with filters ranks and explains', async () => {
  await go(page, '/support/directory');
  await page.getByRole('button', { name: 'Load the sample directory' }).click();
  await page.getByRole('heading', { name: /matches, best fit first/ }).waitFor();
  await page.getByLabel('Near postcode').fill('SW1A 1AA');
  await page.getByLabel('Within').selectOption('50');
  await page.getByRole('checkbox', { name: /Emotionally Focused Therapy \(EFT\)/ }).check();
  await page.getByRole('checkbox', { name: 'Accepting new clients' }).check();
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.waitForURL(/therapy=eft/);
  const heading = page.getByRole('heading', { name: /best fit first near SW1A 1AA \(London\)/ });
  await heading.waitFor();
  const cards = page.locator('.support-result-card');
  assert.ok((await cards.count()) >= 1);
  const first = cards.first();
  assert.match(await first.locator('.support-distance').innerText(), /km/);
  await first.getByText(/Why it ranks here/).click();
  await first.getByText(/which you asked for \(attachment-informed\)/).waitFor();
  await shot(page, 'support-directory-1280-light');
  const name = await first.locator('h3').innerText();
  await first.getByRole('button', { name: 'Save to shortlist' }).click();
  await page.getByText(`Saved ${name} to your shortlist.`).waitFor();

  // Bad input names the field.
  await page.getByLabel('Most I can pay a session').fill('-5');
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.locator('#f-max_fee-err').waitFor();
});

test('the shortlist board moves an entry when its status changes, and remove can be undone', async () => {
  await go(page, '/support/shortlist');
  const entry = page.locator('.support-entry').first();
  await entry.waitFor();
  assert.match(await page.locator('#col-to-contact').innerText(), /\(1\)/);
  await entry.getByLabel('Where you are').selectOption('consult-booked');
  await page.locator('#col-consult-booked').getByText('(1)').waitFor();
  const moved = page.locator('.support-entry').first();
  await moved.getByLabel('Notes').fill('Asked about evening sessions');
  await moved.getByLabel('Notes').blur();
  await page.waitForTimeout(300);
  const list = await api('GET', '/shortlist');
  assert.equal(list.body.items[0].status, 'consult-booked');
  assert.equal(list.body.items[0].notes, 'Asked about evening sessions');
  await shot(page, 'support-shortlist-1280-light');
  await moved.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.support-entry').first().waitFor();
});

test('suggestions from data can be turned off and on', async () => {
  await go(page, '/support');
  const toggle = page.getByRole('switch', { name: /Suggest when my data/ });
  await toggle.uncheck();
  await page.getByText('Suggestions are off.').waitFor();
  assert.equal((await api('GET', '/support/signals')).body.enabled, false);
  await toggle.check();
  await page.locator('.support-signal-list').waitFor();
});

test('every step 8 page is axe-clean at 360 px and 1280 px, light and dark', async () => {
  const list = await api('GET', '/therapists?limit=1');
  const id = list.body.items[0].id;
  await checkPages(browser, [
    ['/support', 'support'],
    ['/support/checkup', 'support-checkup'],
    ['/support/directory?postcode=SW1A%201AA&radius_km=50', 'support-directory'],
    [`/support/directory/${id}`, 'support-therapist'],
    ['/support/shortlist', 'support-shortlist'],
  ]);
  assert.deepEqual(problems, []);
});
