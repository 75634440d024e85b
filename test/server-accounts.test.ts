/**
 * GET /api/accounts/across: versions of the same statement stored from two outlets come back as one cluster, with
 * both outlets, and the wording difference flagged. Real SQLite store, HTTP in-process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/store.js';
import { createApp } from '../src/server/app.js';
import { extract } from '../src/index.js';

test('GET /api/accounts/across clusters one statement reported by two outlets', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'selon-across-'));
  const store = await openStore(`sqlite:${join(dir, 'store.db')}`, { create: true });
  try {
    const a = extract({ id: 'a', date: '2024-03-12', url: 'https://one.example/a', text: '« Nous ne céderons jamais sur les retraites, jamais », a déclaré la ministre Anne Roy mardi.' }, { lang: 'fr' });
    const b = extract({ id: 'b', date: '2024-03-13', url: 'https://two.example/b', text: '« Nous ne céderons pas sur les retraites, jamais », a déclaré mardi la ministre Anne Roy.' }, { lang: 'fr' });
    await store.ingest(a);
    await store.ingest(b);
    const app = createApp({ store });
    const res = await app.request('/api/accounts/across?speaker=Roy');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { clusters: Array<Record<string, unknown>> };
    assert.equal(body.clusters.length, 1, JSON.stringify(body).slice(0, 400));
    const text = JSON.stringify(body.clusters[0]);
    assert.ok(text.includes('one.example') && text.includes('two.example'), text.slice(0, 400));
    const bad = await app.request('/api/accounts/across?since=yesterday');
    assert.equal(bad.status, 400);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
