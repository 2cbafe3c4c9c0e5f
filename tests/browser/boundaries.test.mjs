// Browser tests for step 7 (Boundaries): adding a boundary with the script built from
// "When…" and "I will…" and suggestions that come and go, practice with a steadiness
// chart, incidents with held-versus-crossed counts, the workbench's pressure and per-person
// figures, delete with undo, and axe on every page, wide and narrow, light and dark.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, go, launch, problems, shot, signedInPage, callApi, checkPages } from './lib.mjs';

let browser;
let page;
let sam;
let boundaryId;

before(async () => {
  browser = await launch();
  page = await signedInPage(browser);
});

after(async () => {
  await browser?.close();
});

const api = (method, path, body) => callApi(page, method, path, body);

test('the workbench says what to do first when it is empty', async () => {
  await go(page, '/boundaries');
  await page.getByRole('heading', { level: 1, name: 'Boundaries' }).waitFor();
  await page.getByText('No boundaries yet.', { exact: false }).waitFor();
  sam = (await api('POST', '/people', { name: 'Sam', relationship: 'friend' })).body.id;
});

test('adding a boundary builds the script and shows suggestions as it changes', async () => {
  await go(page, '/boundaries/new');
  await page.getByRole('button', { name: 'Add boundary' }).click();
  await page.getByText('Choose the area it belongs to.').waitFor();
  await page.getByText('Say the limit in one sentence.').waitFor();
  await page.getByLabel(/^Time/).check();
  await page.getByLabel('Who it concerns').selectOption(String(sam));
  await page.getByLabel('The limit, in one sentence').fill('No calls after ten at night');
  await page.getByLabel('Why it matters to you (optional)').fill('I sleep badly after late calls');
  await page.getByLabel('When…', { exact: true }).fill('you call after ten');
  await page.getByLabel('I will…', { exact: true }).fill('let it ring and call back in the morning');
  const script = page.getByLabel('Script');
  await page.waitForFunction(
    (want) => document.getElementById('boundary-script')?.value === want,
    'When you call after ten, I will let it ring and call back in the morning.',
  );
  await page.getByText('Nothing to suggest.', { exact: false }).waitFor();
  await script.fill('You always call too late, so I will not answer.');
  await page.locator('#script-hints .hint[data-rule="absolutes"]').waitFor();
  await shot(page, 'boundary-form-hints-1280-light');
  await script.fill('When calls come after ten, I will answer in the morning.');
  await page.locator('#script-hints .hint').first().waitFor({ state: 'detached' });
  await page.getByLabel('If it is crossed, I will… (optional)').fill('Tell Sam kindly the next day');
  await page.getByRole('button', { name: 'Add boundary' }).click();
  await page.waitForURL(/\/boundaries\/\d+$/);
  boundaryId = Number(/\/boundaries\/(\d+)$/.exec(page.url())[1]);
  await page.getByRole('heading', { level: 1, name: 'No calls after ten at night' }).waitFor();
  await page.getByText('When calls come after ten, I will answer in the morning.').waitFor();
  await page.getByText('With Sam').waitFor();
});

test('practice: read aloud, rate steadiness, and see it over time', async () => {
  await go(page, `/boundaries/${boundaryId}`);
  await page.getByText('Not practised yet.').waitFor();
  for (const rating of ['4', '7']) {
    await page.getByRole('button', { name: 'Practise now' }).click();
    await page.locator('.script-big', { hasText: 'When calls come after ten' }).waitFor();
    await page.getByRole('button', { name: 'I said it' }).click();
    await page.getByRole('radio', { name: rating, exact: true }).check();
    await page.getByRole('button', { name: 'Save rating' }).click();
    await page.getByText(`Saved: ${rating} of 10.`, { exact: false }).waitFor();
  }
  await page.getByText('Practised 2 times; steadiness went from 4 to 7 of 10.').waitFor();
  assert.equal(await page.locator('svg.line-chart circle').count(), 2);
  await shot(page, 'boundary-practice-1280-light');
});

test('incidents: held, crossed by someone, crossed by me, with counts', async () => {
  await go(page, `/boundaries/${boundaryId}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Choose what happened.').waitFor();
  for (const [label, note] of [
    [/^Crossed by someone/, 'Sam rang at midnight'],
    [/^It held/, 'I let it ring'],
    [/^Crossed by someone/, 'Again at eleven'],
  ]) {
    await page.getByLabel(label).check();
    await page.getByLabel('A note (optional)').fill(note);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.incident-note', { hasText: note }).waitFor();
  }
  await page.getByText('Held 1 time, crossed by someone 2, crossed by me 0.').waitFor();
  assert.equal(await page.locator('.incident').count(), 3);
  await shot(page, 'boundary-detail-1280-light');
});

test('the workbench shows pressure lately and held versus crossed per person', async () => {
  await api('POST', '/boundaries', { area: 'digital', limit: 'Phones away at dinner' });
  await go(page, '/boundaries');
  await page.getByRole('heading', { name: 'Under most pressure lately' }).waitFor();
  await page.locator('.pressure-list').getByText('No calls after ten at night').waitFor();
  await page.locator('.pressure-list').getByText('crossed 2 times').waitFor();
  await page.getByText('Sam: held 1, crossed by them 2, crossed by me 0', { exact: false }).first().waitFor();
  await page.getByRole('heading', { level: 3, name: 'Time' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Digital' }).waitFor();
  await page.getByRole('radio', { name: 'By person' }).check();
  await page.getByRole('heading', { level: 3, name: 'Sam' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Everyone' }).waitFor();
  await shot(page, 'boundaries-1280-light');
});

test('a boundary can be changed, and deleting it can be undone', async () => {
  await go(page, `/boundaries/${boundaryId}/edit`);
  await page.getByLabel('The limit, in one sentence').fill('No calls after half past ten');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'No calls after half past ten' }).waitFor();
  await go(page, '/boundaries');
  const card = page.locator('.boundary-item', { hasText: 'No calls after half past ten' });
  await card.getByRole('button', { name: /Delete/ }).click();
  await card.waitFor({ state: 'detached' });
  assert.equal((await api('GET', `/boundaries/${boundaryId}`)).status, 404);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('The boundary is back.').waitFor();
  await page.locator('.boundary-item', { hasText: 'No calls after half past ten' }).waitFor();
  const back = (await api('GET', `/boundaries/${boundaryId}`)).body;
  assert.equal(back.practices.length, 2);
  assert.equal(back.incidents.length, 3);
});

test('every Boundaries page is axe-clean, light and dark, wide and narrow', async () => {
  await checkPages(browser, [
    ['/boundaries', 'boundaries'],
    ['/boundaries/new', 'boundary-form'],
    [`/boundaries/${boundaryId}`, 'boundary-detail'],
    [`/boundaries/${boundaryId}/edit`, 'boundary-edit'],
  ]);
  assert.deepEqual(problems, []);
});
