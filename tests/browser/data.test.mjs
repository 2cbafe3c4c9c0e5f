// Browser tests for "Your data" (/data): the export download, plain and locked with a
// passphrase, and an import previewed, then applied. axe on the page, light and dark, wide
// and narrow. Makes its own data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axe, go, launch, problems, shot, signedInPage, callApi } from './lib.mjs';

let browser;
let page;

const DAYLIO = [
  'full_date,date,weekday,time,mood,activities,note_title,note',
  '2024-03-02,March 2,Saturday,8:30 pm,good,friends | walk,Park,Long talk with Robin',
  '2024-03-01,March 1,Friday,07:05,meh,,,',
  'someday,x,y,z,rad,,,',
  '',
].join('\n');

before(async () => {
  browser = await launch();
  page = await signedInPage(browser);
});

after(async () => {
  await browser?.close();
});

const api = (method, path, body) => callApi(page, method, path, body);

test('"Your data" in the footer leads to the page', async () => {
  assert.equal((await api('POST', '/people', { name: 'Robin', relationship: 'friend' })).status, 201);
  await go(page, '/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Your data' }).click();
  await page.waitForURL(/\/data$/);
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
});

test('the export downloads a zip with everything in it', async () => {
  await go(page, '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download everything (.zip)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^securebase-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const bytes = readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  const text = bytes.toString('latin1');
  for (const name of ['manifest.json', 'data/people.json', 'csv/people.csv', 'fhir/questionnaires.json'])
    assert.ok(text.includes(name), `${name} in the archive`);
});

test('a locked export asks for the passphrase twice and warns it cannot be recovered', async () => {
  await go(page, '/data');
  await page.getByLabel('Lock it with a passphrase').check();
  await page.getByText('If you lose the passphrase, nobody can open the file again').waitFor();
  await page.getByLabel('Passphrase (at least 8 characters)').fill('river stone 7');
  await page.getByLabel('The same passphrase again').fill('river stone 8');
  await page.getByRole('button', { name: 'Download locked file' }).click();
  await page.getByRole('alert').filter({ hasText: 'not the same' }).waitFor();
  await page.getByLabel('The same passphrase again').fill('river stone 7');
  await shot(page, 'data-export-locked-1280-light');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download locked file' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.zip\.sealed$/);
  const bytes = readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 6).toString(), 'SBSEAL');
  assert.ok(!bytes.toString('latin1').includes('Robin'), 'nothing readable inside');
});

test('an import is previewed first, then applied', async () => {
  await go(page, '/data');
  await page.getByLabel('The file to bring in').setInputFiles({ name: 'daylio_export.csv', mimeType: 'text/csv', buffer: Buffer.from(DAYLIO) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('heading', { name: 'Preview: nothing has changed yet' }).waitFor();
  await page.getByText('2 records to add, 0 already here, 1 that cannot be imported.').waitFor();
  await page.getByText('line 4: full_date/time "someday z" is not a date and time').waitFor();
  const importButton = page.getByRole('button', { name: 'Import 2 records' });
  assert.ok(await importButton.isDisabled(), 'rejected rows must be acknowledged first');
  await shot(page, 'data-import-preview-1280-light');
  await page.getByLabel(/Import the rest and leave out the 1/).check();
  await importButton.click();
  await page.getByRole('heading', { name: 'Imported', exact: true }).waitFor();
  await page.getByRole('status').filter({ hasText: '2 records imported' }).first().waitFor();

  // The same file again: all already here.
  await page.getByLabel('The file to bring in').setInputFiles({ name: 'daylio_export.csv', mimeType: 'text/csv', buffer: Buffer.from(DAYLIO) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByText('0 records to add, 2 already here, 1 that cannot be imported.').waitFor();
});

test('another CSV is mapped column by column', async () => {
  await go(page, '/data');
  await page.getByLabel('The file to bring in').setInputFiles({
    name: 'diary.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('When,Entry\n2024-01-01,Felt calm after the walk\n'),
  });
  await page.getByLabel('What kind of file is it?').selectOption('csv');
  await page.getByLabel('Date (needed)').selectOption('When');
  await page.getByLabel('Text (needed)').selectOption('Entry');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByText('1 record to add, 0 already here, 0 that cannot be imported.').waitFor();
  await page.getByRole('button', { name: 'Import 1 record' }).click();
  await page.getByRole('heading', { name: 'Imported', exact: true }).waitFor();
  const list = await api('GET', '/reflections');
  assert.ok(JSON.stringify(list.body).includes('Felt calm after the walk'));
});

test('the data page is axe-clean, light and dark, wide and narrow', async () => {
  for (const [colorScheme, width] of [
    ['light', 1280],
    ['dark', 1280],
    ['light', 360],
    ['dark', 360],
  ]) {
    const p = await signedInPage(browser, { colorScheme, width, height: 800, bypassCSP: true });
    await go(p, '/data');
    await p.getByLabel('Lock it with a passphrase').check();
    await p.getByLabel('The file to bring in').setInputFiles({ name: 'daylio_export.csv', mimeType: 'text/csv', buffer: Buffer.from(DAYLIO) });
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByRole('heading', { name: 'Preview: nothing has changed yet' }).waitFor();
    const violations = await axe(p);
    assert.deepEqual(violations, [], `/data (${colorScheme}, ${width}px): ${JSON.stringify(violations, null, 1)}`);
    await shot(p, `data-${width}-${colorScheme}`);
    await p.context().close();
  }
  assert.deepEqual(problems, []);
});
