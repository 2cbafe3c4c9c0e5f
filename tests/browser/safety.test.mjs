// Safety (issue 8): "Get help now" from every page, with the lines from the server and the
// person's region first; crisis help opening by itself when saved words suggest danger.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, BASE, go, launch, problems, shot, signedInPage, TOKEN } from './lib.mjs';

let browser;
let page;
// The mock server has no safety routes; these tests need the real one.
let real = false;

before(async () => {
  browser = await launch();
  page = await signedInPage(browser);
  const r = await fetch(`${BASE}/api/v1/crisis-resources`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  real = r.ok;
});

after(async () => {
  await browser?.close();
});

const PAGES = [
  '/', '/understand', '/questionnaire', '/history', '/learn', '/learn/styles', '/people',
  '/reflect', '/reflect/new', '/regulate', '/regulate/now', '/talk', '/talk/new', '/talk/conflicts',
  '/trust', '/trust/new', '/connect', '/connect/availability', '/boundaries', '/boundaries/new',
  '/support', '/support/checkup', '/support/directory', '/support/shortlist', '/support/brief',
  '/data', '/help', '/no-such-page',
];
const dialog = () => page.getByRole('dialog', { name: 'Get help now' });

test('"Get help now" opens from every page with every line and the region picker', async () => {
  for (const path of PAGES) {
    await go(page, path);
    await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
    await dialog().waitFor();
    const text = await dialog().innerText();
    for (const must of ['988', '9-8-8', '116 123', '13 11 14', '911', '999', '112', '000', 'last checked 2026-11']) {
      assert.ok(text.includes(must), `${path}: help lists ${must}`);
    }
    assert.ok(await dialog().getByLabel('Where are you?').isVisible(), `${path}: region picker`);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
  }
});

test('choosing a region lists it first and is remembered', async (t) => {
  if (!real) return t.skip('needs the real server');
  await go(page, '/help');
  const first = () => page.locator('main .crisis-list li').first().innerText();
  await page.locator('main').getByLabel('Where are you?').selectOption('AU');
  await page.getByText('Saved. Your region is listed first.').waitFor();
  assert.match(await first(), /Australia[\s\S]*Lifeline[\s\S]*13 11 14/i);
  await go(page, '/help');
  await page.waitForFunction(() => document.querySelector('main .crisis-list li')?.textContent?.includes('Australia'));
  assert.equal(await page.locator('main').getByLabel('Where are you?').inputValue(), 'AU');
  await page.locator('main').getByLabel('Where are you?').selectOption('');
  await page.getByText('Saved. Every region is shown.').waitFor();
});

test('saving a person with worrying notes opens help at once, and keeps what was written', async (t) => {
  if (!real) return t.skip('needs the real server');
  await go(page, '/people');
  await page.getByLabel('Name').fill('Robin');
  await page.getByLabel('Notes').fill('Some nights I do not want to live anymore.');
  await page.getByRole('button', { name: 'Add person' }).click();
  await dialog().waitFor();
  const text = await dialog().innerText();
  assert.ok(text.includes('What you wrote is saved.'), 'the kind message is shown');
  assert.ok(text.includes('988') && text.includes('116 123'), 'lines are shown');
  await shot(page, 'safety-crisis-dialog-1280-light', { fullPage: false });
  const p360 = await signedInPage(browser, { width: 360, height: 780, colorScheme: 'dark' });
  await go(p360, '/people');
  await p360.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
  await p360.getByRole('dialog', { name: 'Get help now' }).waitFor();
  await shot(p360, 'safety-help-dialog-360-dark', { fullPage: false });
  await p360.context().close();
  await page.getByRole('button', { name: 'Close' }).click();
  await dialog().waitFor({ state: 'hidden' });
  await page.locator('.people-list').getByRole('heading', { name: 'Robin' }).waitFor();

  // Everyday words do not open it.
  await page.getByLabel('Name').fill('Kim');
  await page.getByLabel('Notes').fill('Killed it at the quiz night.');
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.locator('.people-list').getByRole('heading', { name: 'Kim' }).waitFor();
  assert.equal(await dialog().isVisible(), false);
});

test('the help page and the open panel are axe clean, with no CSP problems', async () => {
  const p = await signedInPage(browser, { bypassCSP: true });
  await go(p, '/help');
  assert.deepEqual(await axe(p), [], 'help page');
  await go(p, '/people');
  await p.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
  await p.getByRole('dialog', { name: 'Get help now' }).waitFor();
  assert.deepEqual(await axe(p), [], 'help dialog');
  await p.context().close();
  assert.deepEqual(problems, []);
});
