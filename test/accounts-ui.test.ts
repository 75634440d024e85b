/**
 * The Accounts view across outlets, in headless Chromium against the real server and a real SQLite store: the same
 * words carried by several outlets, versions side by side with the differing words marked, each version with its
 * outlets and channels, the flags, and the other speaker the words were given to.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeRecord } from '../src/store/synthetic.js';
import { screenshot, startUiServer, uiSession, watchErrors } from './ui-harness.js';

const records = [
  makeRecord({
    id: 'across/afp', lang: 'fr', date: '2024-03-01', site: 'AFP', title: 'Défense européenne',
    quotes: [{ content: "L'Europe doit se réveiller et investir dans sa défense", speaker: 'Louis Ferrand', via: ['discours de la Sorbonne'] }],
  }),
  makeRecord({
    id: 'across/monde', lang: 'fr', date: '2024-03-02', site: 'Le Monde', title: 'Le président et l’Europe',
    quotes: [{ content: "l'Europe doit se réveiller et investir dans sa propre défense", speaker: 'Louis Ferrand', via: ['Reuters'] }],
  }),
  makeRecord({
    id: 'across/rfi', lang: 'fr', date: '2024-03-02', site: 'RFI', title: 'Europe',
    quotes: [{ content: "L’Europe doit se réveiller et investir dans sa défense !", speaker: 'Louis Ferrand' }],
  }),
  makeRecord({
    id: 'across/bfm', lang: 'fr', date: '2024-03-03', site: 'BFM', title: 'Qui l’a dit ?',
    quotes: [{ content: "L'Europe doit se réveiller et investir dans sa défense", speaker: 'Anna Richter' }],
  }),
];

const session = uiSession(records);

test('accounts across outlets: versions side by side, differing words marked, each with its outlets and channels', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${session.server.url}/accounts`);
  await page.getByRole('button', { name: 'EN' }).click();
  const card = page.locator('[data-testid=across-cluster]').filter({ hasText: 'Louis Ferrand' });
  await card.waitFor();
  assert.match((await card.locator('h3').textContent()) ?? '', /wording differs between outlets.*attributed to different speakers/);
  assert.match((await card.textContent()) ?? '', /first published 2024-03-01 · AFP/);
  const versions = card.locator('[data-testid=across-version]');
  assert.equal(await versions.count(), 2);
  // The most common version (AFP and RFI) first, with its outlets and the channel one of them names.
  const main = (await versions.nth(0).locator('figcaption').textContent()) ?? '';
  assert.match(main, /Version 1 \(×2\) — in AFP, RFI — as told by discours de la Sorbonne/);
  const other = (await versions.nth(1).locator('figcaption').textContent()) ?? '';
  assert.match(other, /Version 2 \(×1\) — in Le Monde — as told by Reuters/);
  assert.deepEqual(await versions.nth(1).locator('mark.diff').allTextContents(), ['propre']);
  assert.deepEqual(await versions.nth(0).locator('mark.diff').allTextContents(), []);
  assert.match((await card.locator('[data-testid=across-also]').textContent()) ?? '', /Also attributed to Anna Richter \(BFM\)/);
  assert.deepEqual(errors, []);
  await screenshot(page, 'accounts-across');
  await context.close();
});

test('accounts across outlets: an empty store says so', async () => {
  const empty = await startUiServer([]);
  const context = await session.browser.newContext({ locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await page.goto(`${empty.url}/accounts`);
    await page.locator('[data-testid=across-empty]').waitFor();
    assert.equal(await page.locator('[data-testid=across-cluster]').count(), 0);
  } finally {
    await context.close();
    await empty.close();
  }
});
