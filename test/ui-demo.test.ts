/** `selon demo` (npm start): loads the bundled corpus into a SQLite file once, serves the UI and the API on 127.0.0.1. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusFiles, corpusInput, parseArgs, DEFAULT_DEMO_STORE } from '../src/cli/demo.js';

const dir = mkdtempSync(path.join(tmpdir(), 'selon-demo-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const store = `sqlite:${path.join(dir, 'demo.db')}`;

/** Starts `selon demo`, waits for the URL line, runs `fn`, then stops the server it started. */
async function withDemo(fn: (url: string, stderr: () => string) => Promise<void>): Promise<number | null> {
  const child = spawn(process.execPath, ['bin/selon.js', 'demo', '--port', '0', '--store', store], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${err}`)), 120_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
      child.once('exit', (code) => reject(new Error(`demo exited with ${code}: ${err}`)));
    });
    await fn(url, () => err);
  } finally {
    child.kill('SIGTERM');
  }
  return exited;
}

test('the corpus is the bundled Wikinews files and the frnews/ennews dev sets, read without annotations', () => {
  const files = corpusFiles().map((f) => path.relative(process.cwd(), f));
  assert.deepEqual(files, [
    path.join('data', 'demo', 'en-wikinews-unannotated.jsonl'), path.join('data', 'demo', 'fr-wikinews-unannotated.jsonl'),
    path.join('data', 'gold', 'ennews-dev.jsonl'), path.join('data', 'gold', 'frnews-dev.jsonl'),
  ]);
  const input = corpusInput({ id: 'x', text: 'T', lang: 'fr', date: '2012-05-22', title: 'Titre', source: { url: 'https://fr.wikinews.org/wiki/X' }, quotes: [{}] } as never);
  assert.deepEqual(input, { id: 'x', text: 'T', lang: 'fr', date: '2012-05-22', url: 'https://fr.wikinews.org/wiki/X', meta: { title: 'Titre' } });
  assert.equal(corpusInput({ id: 'g', text: 'Le titre\n\nLe corps.' })?.meta?.title, 'Le titre', 'gold lines take their headline as title');
  assert.equal(corpusInput({ text: 'no id' }), null);
});

test('options', () => {
  assert.deepEqual(parseArgs([]), { port: 8787, store: DEFAULT_DEMO_STORE, load: true });
  assert.deepEqual(parseArgs(['--port', '0', '--store=sqlite:x.db']), { port: 0, store: 'sqlite:x.db', load: true });
  assert.equal(parseArgs(['--help']), 'help');
  assert.throws(() => parseArgs(['--port', 'eighty']), /E003/);
  assert.throws(() => parseArgs(['--bogus']), /E004/);
});

test('npm start: loads the corpus, serves UI and API on 127.0.0.1; a second start loads nothing again', async () => {
  const code = await withDemo(async (url, stderr) => {
    assert.match(stderr(), /demo: \d+ documents from \d+ files \(\d+ added/);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /<div id="app">/);
    const stats = (await (await fetch(`${url}api/stats`)).json()) as { documents: number; quotes: number };
    // 64 unannotated Wikinews articles and the 22 texts of the dev sets.
    assert.equal(stats.documents, 86);
    const doc = (await (await fetch(`${url}api/documents/frwikinews-43971`)).json()) as { meta: { url: string } };
    assert.match(doc.meta.url, /^https:\/\/fr\.wikinews\.org\/wiki\//, 'each article keeps its source URL');
  });
  assert.equal(code, 0);
  await withDemo(async (_url, stderr) => {
    assert.match(stderr(), /\(0 added, 0 replaced, \d+ unchanged\)/);
  });
});
