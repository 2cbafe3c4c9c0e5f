// Browser tests for step 4 (Talk): the message builder with live suggestions that come and
// go as the text changes, saving, editing and deleting a draft (with undo), "Show more",
// logging a conflict and a repair, the insights charts, and axe on every page, wide and
// narrow, light and dark. Makes its own data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, go, launch, problems, shot, signedInPage, callApi, checkPages } from './lib.mjs';

let browser;
let page;
let robin;
let messageId;
let conflictId;

before(async () => {
  browser = await launch();
  page = await signedInPage(browser);
});

after(async () => {
  await browser?.close();
});

const api = (method, path, body) => callApi(page, method, path, body);

test('the Talk overview says what to do first when it is empty', async () => {
  await go(page, '/talk');
  await page.getByRole('heading', { level: 1, name: 'Talk' }).waitFor();
  await page.getByText('No drafts yet.').waitFor();
  await page.getByText('Nothing logged.').waitFor();
  await page.getByRole('heading', { name: 'Listening first' }).waitFor();
  const created = await api('POST', '/people', { name: 'Robin', relationship: 'partner' });
  assert.equal(created.status, 201);
  robin = created.body.id;
});

test('the builder composes the message and suggestions come and go as the text changes', async () => {
  await go(page, `/talk/new?to=${robin}`);
  await page.getByRole('heading', { level: 1, name: 'Build a message' }).waitFor();
  // The people list loads after the heading; the person from ?to= is then chosen.
  await page.waitForFunction((id) => document.querySelector('#message-person')?.value === id, String(robin));
  await page.getByLabel('What happened').fill('you came home two hours after you said');
  await page.getByLabel('What I feel').fill('anxious');
  await page.locator('.word-definition', { hasText: 'anxious' }).waitFor(); // its definition shows
  await page.getByLabel('What I need').fill('to know you are safe');
  await page.getByLabel('What I would like to ask').fill('text me when plans change');
  const box = page.getByLabel('The message');
  const composed =
    'When you came home two hours after you said, I felt anxious, because I need to know you are safe. Would you be willing to text me when plans change?';
  await page.waitForFunction((want) => document.getElementById('message-text')?.value === want, composed);
  const hints = page.locator('#message-hints .hint');
  // A calm draft: no suggestions.
  await page.getByText('Nothing to suggest.', { exact: false }).waitFor();
  assert.equal(await hints.count(), 0);

  // An absolute appears...
  await box.fill('You never text me and I feel abandoned.');
  await page.locator('.hint[data-rule="absolutes"]').waitFor();
  await page.locator('.hint[data-rule="interpretation"]').waitFor();
  const interp = await page.locator('.hint[data-rule="interpretation"]').innerText();
  assert.match(interp, /A feeling word that may fit/);
  assert.match(await page.locator('.hint[data-rule="absolutes"]').innerText(), /You could try:/);
  await shot(page, 'talk-builder-hints-1280-light');
  // ...and goes when the words change.
  await box.fill('I missed hearing from you tonight. Could you text me next time?');
  await page.locator('.hint').first().waitFor({ state: 'detached' });
  await page.getByText('Nothing to suggest.', { exact: false }).waitFor();

  // Hints never block saving.
  await box.fill('You always forget. I feel ignored.');
  await page.locator('.hint[data-rule="absolutes"]').waitFor();
  await page.getByRole('button', { name: 'Save as a draft' }).click();
  await page.waitForURL(/\/talk\/messages\/\d+$/);
  messageId = Number(/\/talk\/messages\/(\d+)$/.exec(page.url())[1]);
  await page.getByText('Saved as a draft.', { exact: false }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Your message' }).waitFor();
  assert.equal(await page.getByLabel('The message').inputValue(), 'You always forget. I feel ignored.');
});

test('a draft can be edited, and is listed for its person', async () => {
  await go(page, `/talk/messages/${messageId}`);
  await page.getByLabel('The message').fill('I felt hurt when the plans changed.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Saved your changes.').waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your message' }).waitFor();
  assert.equal(await page.getByLabel('The message').inputValue(), 'I felt hurt when the plans changed.');
  await go(page, '/talk');
  await page.getByRole('heading', { name: 'For Robin' }).waitFor();
  await page.getByText('I felt hurt when the plans changed.').waitFor();
});

test('deleting a draft can be undone', async () => {
  await go(page, '/talk');
  const card = page.locator('.draft', { hasText: 'I felt hurt when the plans changed.' });
  await card.getByRole('button', { name: /Delete/ }).click();
  await page.getByText('Draft deleted.').waitFor();
  await card.waitFor({ state: 'detached' });
  assert.equal((await api('GET', `/messages/${messageId}`)).status, 404);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('The draft is back.').waitFor();
  await page.locator('.draft', { hasText: 'I felt hurt when the plans changed.' }).waitFor();
  assert.equal((await api('GET', `/messages/${messageId}`)).status, 200);
});

test('long draft lists load a page at a time with "Show more"', async () => {
  for (let i = 0; i < 12; i++) {
    assert.equal((await api('POST', '/messages', { text: `Practice draft ${i}` })).status, 201);
  }
  await go(page, '/talk');
  await page.locator('.draft').first().waitFor();
  assert.equal(await page.locator('.draft').count(), 10);
  await page.getByRole('button', { name: 'Show more drafts' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.draft').length === 13);
  assert.equal(await page.getByRole('button', { name: 'Show more drafts' }).count(), 0);
});

test('logging a conflict and a repair builds the timeline', async () => {
  await go(page, '/talk/conflicts/new');
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.getByText('Choose who it was with.').waitFor(); // clear errors, nothing sent
  await page.getByLabel('With whom').selectOption(String(robin));
  await page.getByLabel('What it was about').fill('dishes');
  await page.getByRole('group', { name: 'From me' }).getByLabel(/Criticism/).check();
  await page.getByRole('group', { name: 'From them' }).getByLabel(/Stonewalling/).check();
  await page.getByLabel('They were').check();
  await shot(page, 'talk-conflict-form-1280-light');
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.waitForURL(/\/talk\/conflicts\/\d+$/);
  conflictId = Number(/\/talk\/conflicts\/(\d+)$/.exec(page.url())[1]);
  await page.getByRole('heading', { level: 1, name: 'dishes' }).waitFor();
  await page.getByText('No repair attempts yet.', { exact: false }).waitFor();

  await page.getByLabel('They did').check();
  await page.getByLabel('What was said or done').fill('Robin made tea and asked to start again');
  await page.getByLabel('And now it is').selectOption('repaired');
  await page.getByRole('button', { name: 'Add repair' }).click();
  await page.getByText('Repair added to the timeline.').waitFor();
  const timeline = page.locator('.timeline');
  await timeline.getByText('They reached out:').waitFor();
  await timeline.getByText(/Repaired, .* after it began/).waitFor();
  assert.equal(await page.getByLabel('Where it stands').inputValue(), 'repaired');
  await shot(page, 'talk-conflict-1280-light');

  // The outcome can be changed right here.
  await page.getByLabel('Where it stands').selectOption('partly');
  await page.getByText('Marked: partly repaired.').waitFor();
  assert.equal((await api('GET', `/conflicts/${conflictId}`)).body.outcome, 'partly');
  await page.getByLabel('Where it stands').selectOption('repaired');
  await page.getByText('Marked: repaired.').waitFor();
});

test('insights show charts with the counts behind them', async () => {
  await api('POST', '/conflicts', { person: robin, topic: 'Dishes', happened: '2026-11-01', horsemen_me: ['criticism'] });
  await go(page, '/talk/insights');
  await page.getByRole('heading', { name: 'Repair rate by person' }).waitFor();
  await page.getByText('Robin: 1 of 2 repaired (50%)', { exact: false }).first().waitFor();
  await page.getByText('dishes (twice)', { exact: false }).waitFor();
  assert.ok((await page.locator('svg.bar-chart[role="img"]').count()) >= 3);
  assert.match(await page.locator('svg.bar-chart').first().getAttribute('aria-label'), /Robin: 1 of 2 repaired/);
  await shot(page, 'talk-insights-1280-light');
});

test('deleting a conflict can be undone', async () => {
  await go(page, `/talk/conflicts/${conflictId}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL(/\/talk\/conflicts$/);
  await page.getByText('Deleted “dishes”.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForURL(new RegExp(`/talk/conflicts/${conflictId}$`));
  await page.getByRole('heading', { level: 1, name: 'dishes' }).waitFor();
  await page.locator('.timeline').getByText('They reached out:').waitFor();
});

test('every Talk page is axe-clean, light and dark, wide and narrow', async () => {
  await checkPages(browser, [
    ['/talk', 'talk'],
    ['/talk/new', 'talk-builder'],
    [`/talk/messages/${messageId}`, 'talk-message'],
    ['/talk/conflicts', 'talk-conflicts'],
    ['/talk/conflicts/new', 'talk-conflict-form'],
    [`/talk/conflicts/${conflictId}`, 'talk-conflict'],
    ['/talk/insights', 'talk-insights'],
    ['/talk/listen', 'talk-listen'],
  ]);
  assert.deepEqual(problems, []);
});
