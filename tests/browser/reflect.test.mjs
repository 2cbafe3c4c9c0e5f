// Browser tests for step 2 (reflect): the quick check-in, the full form with its draft kept
// across a reload, crisis help beside an entry whose words suggest danger, search with
// highlighted snippets, the patterns page, and axe on every page. Makes its own data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, go, launch, problems, shot, signedInPage, callApi, checkPages } from './lib.mjs';

let browser;
let page;
let personId;

before(async () => {
  browser = await launch();
  page = await signedInPage(browser);
});

after(async () => {
  await browser?.close();
});

const api = (method, path, body) => callApi(page, method, path, body);

test('Reflect is in the main navigation', async () => {
  const created = await api('POST', '/people', { name: 'Jordan', relationship: 'partner' });
  assert.equal(created.status, 201);
  personId = created.body.id;
  await go(page, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Reflect/ }).click();
  await page.waitForURL(/\/reflect$/);
  await page.getByRole('heading', { level: 1, name: 'Reflect' }).waitFor();
});

test('a quick check-in takes a feeling, its strength, a person and a line', async () => {
  const started = Date.now();
  await go(page, '/reflect/check-in');
  await page.getByRole('button', { name: 'anxious', exact: true }).click();
  assert.equal(await page.getByRole('button', { name: 'anxious', exact: true }).getAttribute('aria-pressed'), 'true');
  const slider = page.getByLabel('How strong is it, from 0 to 10?');
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.getByLabel('Jordan').check();
  await page.getByLabel(/What happened\?/).fill('Jordan went quiet after the call ☎');
  await shot(page, 'reflect-checkin-1280-light');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.waitForURL(/\/reflect\/\d+\?saved=1$/);
  await page.getByRole('heading', { level: 1, name: /Reflection from/ }).waitFor();
  await page.getByText('anxious (8 of 10)').waitFor();
  assert.ok(await page.getByText('Jordan went quiet after the call ☎').isVisible());
  assert.ok(Date.now() - started < 30_000, 'a check-in fits in half a minute');
});

test('the full form keeps a draft across a reload, and saves', async () => {
  await go(page, '/reflect/new');
  await page.getByLabel('What happened', { exact: true }).fill('Dinner plans changed without asking me');
  await page.getByLabel('The story I told myself').fill('מה שאני רוצה לא חשוב');
  await page.getByRole('button', { name: 'hurt', exact: true }).click();
  await page.getByLabel('What set it off?').fill('plans changed');
  await page.getByLabel(/Away/).check();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Write a reflection' }).waitFor();
  assert.equal(await page.getByLabel('What happened', { exact: true }).inputValue(), 'Dinner plans changed without asking me');
  assert.equal(await page.getByLabel('The story I told myself').inputValue(), 'מה שאני רוצה לא חשוב');
  assert.equal(await page.getByRole('button', { name: 'hurt', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.ok(await page.getByText('Your unsaved draft is back.').isVisible());
  await shot(page, 'reflect-form-1280-light');
  await page.getByRole('button', { name: 'Save reflection' }).click();
  await page.waitForURL(/\/reflect\/\d+\?saved=1$/);
  await page.getByText('מה שאני רוצה לא חשוב').waitFor();
  assert.ok(await page.getByText('plans changed', { exact: true }).isVisible());
  // The draft is gone once saved.
  await go(page, '/reflect/new');
  assert.equal(await page.getByLabel('What happened', { exact: true }).inputValue(), '');
});

test('a field over the limit gets a clear message and nothing is lost', async () => {
  await go(page, '/reflect/new');
  const long = 'a'.repeat(100_001);
  await page.getByLabel('What happened', { exact: true }).fill(long);
  await page.getByRole('button', { name: 'Save reflection' }).click();
  await page.getByText('longer than 100,000 bytes', { exact: false }).waitFor();
  assert.equal((await page.getByLabel('What happened', { exact: true }).inputValue()).length, 100_001);
  await page.getByRole('button', { name: 'Clear the form' }).click();
});

test('words that suggest danger show help at once, beside the saved entry', async () => {
  await go(page, '/reflect/check-in');
  await page.getByLabel(/What happened\?/).fill('Everything is too much and I want to die');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.waitForURL(/\/reflect\/\d+\?saved=1$/);
  await page.getByRole('heading', { name: 'Support, right now' }).waitFor();
  assert.ok(await page.getByText('Everything is too much and I want to die').isVisible(), 'the entry is saved and shown');
  await shot(page, 'reflect-crisis-1280-light');
  await page.keyboard.press('Escape'); // the "Get help now" dialog opened too
});

test('search ranks matches and highlights them; Unicode is found', async () => {
  for (const s of [
    'The pomegranate dinner, and pomegranate again, pomegranate',
    'A walk; someone mentioned a pomegranate',
    'שתיקה ארוכה אחרי הטלפון',
  ]) {
    assert.equal((await api('POST', '/reflections', { situation: s, people: [personId], tags: ['silence'] })).status, 201);
  }
  await go(page, '/reflect');
  await page.getByLabel('Search your reflections').fill('pomegranate');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/q=pomegranate/);
  await page.getByRole('heading', { name: 'Found for “pomegranate”' }).waitFor();
  const items = page.locator('.reflection-item');
  await items.first().waitFor();
  assert.equal(await items.count(), 2);
  assert.match(await items.first().locator('h3').innerText(), /pomegranate dinner/);
  assert.equal(await items.first().locator('mark').first().innerText(), 'pomegranate');
  await shot(page, 'reflect-search-1280-light');
  await go(page, '/reflect?q=' + encodeURIComponent('שתיקה'));
  await page.locator('.reflection-item').first().waitFor();
  assert.equal(await page.locator('.reflection-item').count(), 1);
  // Filters: by person.
  await go(page, '/reflect');
  await page.getByLabel('Person').selectOption(String(personId));
  await page.waitForURL(/about=/);
  await page.locator('.reflection-item').first().waitFor();
  assert.ok((await page.locator('.reflection-item').count()) >= 4);
});

test('the patterns page shows charts and the same facts in words', async () => {
  await go(page, '/reflect/patterns');
  await page.getByRole('heading', { name: 'In words' }).waitFor();
  const summary = await page.locator('.summary-list').innerText();
  assert.match(summary, /Based on \d+ reflections/);
  assert.match(summary, /silence/);
  assert.ok((await page.locator('.chart svg[role="img"]').count()) >= 4);
  await page.getByRole('heading', { name: /With Jordan/ }).waitFor();
  await shot(page, 'reflect-patterns-1280-light');
});

test('every reflect page is axe-clean, light and dark, wide and narrow', async () => {
  const list = await api('GET', '/reflections?limit=1');
  const id = list.body.items[0].id;
  await checkPages(browser, [
    ['/reflect', 'reflect'],
    ['/reflect/check-in', 'reflect-checkin'],
    ['/reflect/new', 'reflect-form'],
    [`/reflect/${id}`, 'reflect-detail'],
    ['/reflect/patterns', 'reflect-patterns'],
  ]);
  assert.deepEqual(problems, []);
});
