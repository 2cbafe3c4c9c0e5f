// Browser tests for the brief (/support/brief): choosing sections, the chart preview, the
// PDF download (Playwright's download event) holding only the chosen sections, a bad date
// named, and axe on the page, light and dark, wide and narrow. Makes its own data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, go, launch, problems, shot, signedInPage, callApi } from './lib.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await signedInPage(browser);
  // Someone in the person's life, two questionnaire results and a kept commitment.
  const person = await api('POST', '/people', { name: 'Robin Avery', relationship: 'partner' });
  assert.equal(person.status, 201);
  for (const value of [6, 3]) {
    const answers = {};
    for (let i = 1; i <= 30; i++) answers[`crr_g_${String(i).padStart(2, '0')}`] = value;
    const a = await api('POST', '/assessments', { instrument: 'crr-general', answers, complete: true });
    assert.equal(a.status, 201, JSON.stringify(a.body));
  }
  const c = await api('POST', '/commitments', { what: 'Phone on Sunday evening', person: person.body.id });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  const kept = await api('POST', `/commitments/${c.body.id}/outcomes`, { outcome: 'kept' });
  assert.equal(kept.status, 200, JSON.stringify(kept.body));
});

after(async () => {
  await browser?.close();
});

const api = (method, path, body) => callApi(page, method, path, body);

test('the brief page preselects the sections with data and previews the charts', async () => {
  await go(page, '/support/brief');
  await page.getByRole('heading', { level: 1, name: 'A brief for a first session' }).waitFor();
  const scores = page.getByRole('checkbox', { name: /Attachment over time/ });
  await scores.waitFor();
  assert.equal(await scores.isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: /Commitments kept/ }).isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: /Boundaries under pressure/ }).isChecked(), false);
  await page.getByText('Nothing recorded yet; it would say so.').first().waitFor();
  const plane = page.locator('img[src^="/api/v1/report/charts/plane.svg"]');
  await plane.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector('img[src^="/api/v1/report/charts/plane.svg"]');
    return img && img.complete && img.naturalWidth > 0;
  });
  await page.getByRole('heading', { level: 3, name: 'Commitments kept' }).waitFor();
  await shot(page, 'brief-1280-light');
});

test('Download PDF saves a PDF with only the chosen sections', async () => {
  await go(page, '/support/brief');
  await page.getByRole('checkbox', { name: /Commitments kept/ }).waitFor();
  await page.getByRole('checkbox', { name: /Commitments kept/ }).uncheck();
  await page.getByRole('heading', { level: 3, name: 'Commitments kept' }).waitFor({ state: 'detached' });
  await page.getByRole('checkbox', { name: /Initials only/ }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PDF' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^securebase-brief-\d{4}-\d{2}-\d{2}\.pdf$/);
  const path = await download.path();
  const bytes = readFileSync(path);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  await page.getByText(/^Saved securebase-brief-/).waitFor();
  const dir = mkdtempSync(join(tmpdir(), 'sb-brief-'));
  try {
    let text = null;
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      const file = join(dir, 'b.pdf');
      writeFileSync(file, bytes);
      execFileSync('pdftotext', [file, join(dir, 'b.txt')]);
      text = readFileSync(join(dir, 'b.txt'), 'utf8');
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
      console.log('# pdftotext (poppler-utils) is not installed: section check skipped');
    }
    if (text !== null) {
      assert.match(text, /Attachment over time/);
      assert.doesNotMatch(text, /Commitments kept/);
      assert.doesNotMatch(text, /Boundaries under pressure/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('unchecking every section, or a date in the future, is said plainly', async () => {
  await go(page, '/support/brief');
  for (const name of [/Attachment over time/, /Commitments kept/]) {
    await page.getByRole('checkbox', { name }).waitFor();
    await page.getByRole('checkbox', { name }).uncheck();
  }
  await page.getByRole('button', { name: 'Download PDF' }).click();
  await page.getByRole('alert').getByText('Choose at least one section to include.').waitFor();
  await page.getByRole('checkbox', { name: /Attachment over time/ }).check();
  await page.locator('#brief-since').fill('2999-01-01');
  await page.getByText('must not be in the future').waitFor();
  assert.equal(await page.locator('#brief-since').getAttribute('aria-invalid'), 'true');
});

test('the brief page is axe-clean, light and dark, wide and narrow', async () => {
  for (const [colorScheme, width] of [
    ['light', 1280],
    ['dark', 360],
    ['light', 360],
    ['dark', 1280],
  ]) {
    const p = await signedInPage(browser, { colorScheme, width, height: 800, bypassCSP: true });
    await go(p, '/support/brief');
    await p.getByRole('checkbox', { name: /Attachment over time/ }).waitFor();
    await p.locator('img[src^="/api/v1/report/charts/scores.svg"]').waitFor();
    const violations = await axe(p);
    assert.deepEqual(violations, [], `(${colorScheme}, ${width}px): ${JSON.stringify(violations, null, 1)}`);
    await shot(p, `brief-${width}-${colorScheme}`);
    await p.context().close();
  }
});

test('no CSP violations or page errors on the way', () => {
  assert.deepEqual(problems, []);
});
