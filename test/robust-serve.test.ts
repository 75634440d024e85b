/**
 * A real `selon serve` process on 127.0.0.1 under a short burst of concurrent requests: real articles get 200 and the
 * same selon/1 record as the library gives; bodies over the limit (413) and malformed requests (400) sent in the middle
 * of the burst get a JSON error and disturb none of the others; the server logs no internal error and keeps serving.
 * The long run with figures (50 connections, 30 s, p99, RSS) is bench/load.bench.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extract } from '../src/index.js';
import { validateExtraction } from '../src/schema.js';
import { openStore } from '../src/store/store.js';

const ROOT = resolve(import.meta.dirname, '..');

function articles(): { text: string; lang?: string; date?: string }[] {
  const out: { text: string; lang?: string; date?: string }[] = [];
  for (const name of ['fr-wikinews-unannotated.jsonl', 'en-wikinews-unannotated.jsonl']) {
    for (const line of readFileSync(join(ROOT, 'data/demo', name), 'utf8').split('\n')) {
      if (line.trim()) {
        const d = JSON.parse(line) as { text: string; lang?: string; date?: string };
        out.push({ text: d.text, lang: d.lang, date: d.date });
      }
    }
  }
  return out;
}

const BAD: { body: string; status: number }[] = [
  { body: JSON.stringify({ text: 'Il a dit « non ». '.repeat(360_000) }), status: 413 },
  { body: '{"text": "« Non », a dit', status: 400 },
  { body: '{"text": 42}', status: 400 },
  { body: '{"txt": "hello"}', status: 400 },
  { body: '{"text": "x", "lang": "fra"}', status: 400 },
  { body: '[1, 2, 3]', status: 400 },
  { body: '', status: 400 },
];

test('selon serve under concurrent load: good requests unharmed by 413 and 400 ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'selon-serve-'));
  const store = join(dir, 'serve.db');
  await (await openStore(`sqlite:${store}`)).close();
  const server = spawn(process.execPath, [join(ROOT, 'bin/selon.js'), 'serve', '--store', `sqlite:${store}`, '--port', '0', '--no-ui'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  try {
    const base = await new Promise<string>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no server: ${log}`)), 60_000);
      server.stdout!.on('data', (b: Buffer) => {
        const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(b.toString());
        if (m) {
          clearTimeout(timer);
          res(m[1]!);
        }
      });
    });
    const docs = articles();
    const post = (body: string) => fetch(`${base}/api/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    // 192 good requests, 16 at a time, with a bad one beside every good one in the first half.
    const good: { i: number; status: number; json: unknown }[] = [];
    const bad: { status: number; expected: number; json: unknown }[] = [];
    for (let round = 0; round < 12; round++) {
      await Promise.all(Array.from({ length: 16 }, async (_, k) => {
        const i = (round * 16 + k) % docs.length;
        const tasks: Promise<void>[] = [
          post(JSON.stringify(docs[i])).then(async (r) => void good.push({ i, status: r.status, json: await r.json() })),
        ];
        if (round < 6) {
          const b = BAD[(round * 16 + k) % BAD.length]!;
          tasks.push(post(b.body).then(async (r) => void bad.push({ status: r.status, expected: b.status, json: await r.json() })));
        }
        await Promise.all(tasks);
      }));
    }
    assert.equal(good.length, 192);
    for (const g of good) {
      assert.equal(g.status, 200);
      assert.deepEqual(validateExtraction(g.json), []);
      const d = docs[g.i]!;
      assert.deepEqual(g.json, JSON.parse(JSON.stringify(extract({ text: d.text, date: d.date }, { lang: d.lang ?? 'auto', id: '-' }))));
    }
    assert.equal(bad.length, 96);
    for (const b of bad) {
      assert.equal(b.status, b.expected);
      assert.match(String((b.json as { error?: { code?: string } }).error?.code), /bad-request|payload-too-large/);
    }
    const health = await fetch(`${base}/api/stats`);
    assert.equal(health.status, 200);
    assert.doesNotMatch(log, /internal|Error/, log);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});
