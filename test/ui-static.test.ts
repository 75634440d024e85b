/** Static serving of the built UI: files stay inside their folder, content types are right, UI routes fall back to index.html. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { serveUi, safeRelativePath, contentType, UI_CSP } from '../src/server/static.js';

const base = mkdtempSync(path.join(tmpdir(), 'selon-static-'));
const root = path.join(base, 'ui');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>selon</title><div id="app"></div>');
writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(path.join(root, '.env'), 'SECRET=1');
writeFileSync(path.join(base, 'secret.txt'), 'outside the root');
symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));

const app = new Hono();
app.use('*', serveUi({ root }));
app.get('/api/ping', (c) => c.json({ ok: true }));
app.notFound((c) => c.json({ error: { code: 'not-found' } }, 404));

const get = (p: string, headers: Record<string, string> = {}) => app.request(`http://127.0.0.1${p}`, { headers });

test.after(() => rmSync(base, { recursive: true, force: true }));

test('serves index.html and assets with their content types', async () => {
  const index = await get('/');
  assert.equal(index.status, 200);
  assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(index.headers.get('content-security-policy'), UI_CSP);
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await index.text(), /<div id="app">/);
  const js = await get('/assets/index-abc.js');
  assert.equal(js.status, 200);
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.match(js.headers.get('cache-control') ?? '', /immutable/);
  assert.equal((await get('/assets/index-abc.css')).headers.get('content-type'), 'text/css; charset=utf-8');
});

test('content types by extension', () => {
  const table: [string, string][] = [
    ['a.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.unknown', 'application/octet-stream'],
  ];
  for (const [file, type] of table) assert.equal(contentType(file), type, file);
});

test('UI routes fall back to index.html; missing assets do not', async () => {
  for (const p of ['/search', '/speakers/12', '/documents/frwikinews-43971', '/search?q=s%C3%A9curit%C3%A9']) {
    const res = await get(p);
    assert.equal(res.status, 200, p);
    assert.match(await res.text(), /<div id="app">/, p);
  }
  // A document id with a dot still opens as a page when a browser navigates to it.
  const nav = await get('/documents/news.txt:3', { accept: 'text/html,application/xhtml+xml' });
  assert.equal(nav.status, 200);
  assert.equal((await get('/assets/missing.js')).status, 404);
  assert.equal((await get('/assets/missing', { accept: 'text/html' })).status, 404);
  assert.equal((await get('/favicon.ico')).status, 404);
});

test('never serves outside its folder, dot-files, or through symlinks', async () => {
  const attempts = [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/.env',
    '/link.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ];
  for (const p of attempts) {
    const res = await get(p);
    const body = await res.text();
    assert.ok(!body.includes('outside the root') && !body.includes('SECRET'), `${p} leaked: ${res.status}`);
    assert.ok([400, 404].includes(res.status) || /<div id="app">/.test(body), `${p} → ${res.status}`);
  }
  assert.equal(safeRelativePath('/a/../b'), null);
  assert.equal(safeRelativePath('/a/%2e%2e/b'), null);
  assert.equal(safeRelativePath('/a\\b'), null);
  assert.equal(safeRelativePath('/assets/x.js'), 'assets/x.js');
  assert.equal(safeRelativePath('/'), '');
});

test('leaves /api to the API, and non-GET methods alone', async () => {
  const ping = await get('/api/ping');
  assert.deepEqual(await ping.json(), { ok: true });
  const missing = await get('/api/nothing', { accept: 'text/html' });
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { error: { code: 'not-found' } });
  const post = await app.request('http://127.0.0.1/', { method: 'POST' });
  assert.equal(post.status, 404);
  const head = await app.request('http://127.0.0.1/', { method: 'HEAD' });
  assert.equal(head.status, 200);
});
