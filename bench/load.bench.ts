/**
 * HTTP load against a real `selon serve` process on 127.0.0.1 (a fresh SQLite store in a temp folder), with autocannon:
 *  1. warm-up (5 s), then the server's RSS is the baseline;
 *  2. POST /api/extract with the bundled real articles (data/demo/*.jsonl, Wikinews CC BY) at 50 connections for
 *     30 s: requests/s, latency p50/p99/max, errors and non-2xx (must be 0), peak RSS;
 *  3. the same load with bad requests mixed in by a second client in its own process (bodies over the 5 MB limit →
 *     413, malformed JSON and wrong fields → 400): the good stream must still see zero errors, the bad one only 413/400;
 *  4. 30 s idle, then the RSS again, next to the baseline; then one more good phase and idle. At the baseline and after
 *     each idle the server (preloaded with test/fixtures/robust/heap-on-signal.mjs) reports its heap after a full GC
 *     on SIGUSR2: a heap that stays flat from phase to phase is no leak, whatever RSS V8 and malloc keep.
 * Figures only (printed); loopback only; every phase bounded in time.
 *
 *   node --import tsx bench/load.bench.ts [--duration S] [--connections N]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openStore } from '../src/store/store.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { duration: { type: 'string', default: '30' }, connections: { type: 'string', default: '50' }, bad: { type: 'string' } },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);

function articles(): string[] {
  const bodies: string[] = [];
  for (const name of ['fr-wikinews-unannotated.jsonl', 'en-wikinews-unannotated.jsonl']) {
    for (const line of readFileSync(join(ROOT, 'data/demo', name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { text: string; lang?: string; date?: string; title?: string };
      bodies.push(JSON.stringify({ text: d.text, lang: d.lang, date: d.date }));
    }
  }
  return bodies;
}

/** A preload that makes the server report its memory after a full GC when sent SIGUSR2. */
const HEAP_PROBE = join(ROOT, 'test/fixtures/robust/heap-on-signal.mjs');

/** The server's heap after two full collections, and its RSS then (MB). */
async function heapAfterGc(child: ChildProcess, log: string[]): Promise<{ heap: number; rss: number }> {
  const seen = log.length;
  child.kill('SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const line = log.slice(seen).join('').split('\n').find((l) => l.startsWith('selon-heap '));
    if (line) {
      const m = JSON.parse(line.slice('selon-heap '.length)) as NodeJS.MemoryUsage;
      return { heap: Math.round(m.heapUsed / 1e6), rss: Math.round(m.rss / 1e6) };
    }
  }
  throw new Error('the server did not report its heap');
}

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function startServer(store: string): Promise<{ child: ChildProcess; url: string; log: string[] }> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', HEAP_PROBE, join(ROOT, 'bin/selon.js'), 'serve', '--store', `sqlite:${store}`, '--port', '0', '--no-ui'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stderr!.on('data', (b: Buffer) => log.push(b.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`selon serve did not start: ${log.join('')}`)), 30_000);
    child.stdout!.on('data', (b: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(b.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`selon serve exited (${code}): ${log.join('')}`)));
  });
  return { child, url, log };
}

type Result = autocannon.Result & { statusCodeStats?: Record<string, { count: number }> };

function run(options: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result as Result)));
  });
}

function goodLoad(url: string, bodies: string[], duration: number): Promise<Result> {
  let i = 0;
  return run({
    url, connections: CONNECTIONS, duration, timeout: 30,
    requests: [{
      method: 'POST', path: '/api/extract', headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }),
    }],
  });
}

/** Bodies over the limit, broken JSON, JSON of the wrong shape. */
function badLoad(url: string, duration: number): Promise<Result> {
  const huge = JSON.stringify({ text: 'Il a dit « non ». '.repeat(360_000) }); // ≈ 6.5 MB > 5 MB
  const malformed = ['{"text": "« Non », a dit', '[1, 2, 3]', '{"text": 42}', '{"txt": "hello"}', '{"text": "x", "lang": "fra"}', '{"text": "x", "date": "mardi"}', 'null', ''];
  let i = 0;
  return run({
    url, connections: 6, duration, timeout: 30,
    requests: [{
      method: 'POST', path: '/api/extract', headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: i++ % 4 === 0 ? huge : malformed[i % malformed.length] }),
    }],
  });
}

/** The bad client runs in its own process, so building and sending 6.5 MB bodies does not slow the good client. */
function badInChild(url: string, duration: number): Promise<Result> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--bad', url, '--duration', String(duration)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), (duration + 30) * 1000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out) as Result);
      else reject(new Error(`bad client exit ${code}`));
    });
  });
}

const fmt = (r: Result) =>
  `${r.requests.average.toFixed(0)} req/s (${r.requests.total} requests), latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
  `max ${r.latency.max} ms; errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}; statuses ${JSON.stringify(Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])))}`;

/** 30 s without requests (V8 shrinks its heap when idle); prints the RSS every 10 s and returns the last. */
async function idle(pid: number): Promise<number> {
  const seen: number[] = [];
  for (let k = 0; k < 3; k++) {
    await new Promise((r) => setTimeout(r, 10_000));
    seen.push(rssMB(pid));
  }
  process.stdout.write(`  idle RSS at 10/20/30 s: ${seen.join(' / ')} MB\n`);
  return seen.at(-1)!;
}

async function sampleRss(pid: number, during: Promise<unknown>): Promise<number> {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMB(pid))), 250);
  try {
    await during;
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, rssMB(pid));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'selon-load-'));
  const store = join(dir, 'load.db');
  await (await openStore(`sqlite:${store}`)).close();
  const { child, url, log } = await startServer(store);
  const pid = child.pid!;
  try {
    const bodies = articles();
    process.stdout.write(`selon serve at ${url} (pid ${pid}), ${bodies.length} real articles, ${CONNECTIONS} connections; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
    process.stdout.write(`  RSS at start: ${rssMB(pid)} MB\n`);
    await goodLoad(url, bodies, 5);
    await new Promise((r) => setTimeout(r, 2000));
    const baseline = rssMB(pid);
    const heap0 = await heapAfterGc(child, log);
    process.stdout.write(`  RSS after a 5 s warm-up (baseline): ${baseline} MB; heap after full GC ${heap0.heap} MB (RSS then ${heap0.rss} MB)\n`);

    let good!: Result;
    const peak1 = await sampleRss(pid, goodLoad(url, bodies, DURATION).then((r) => (good = r)));
    process.stdout.write(`  extract, ${DURATION} s: ${fmt(good)}\n  peak RSS ${peak1} MB\n`);

    let mixedGood!: Result;
    let bad!: Result;
    const peak2 = await sampleRss(pid, Promise.all([
      goodLoad(url, bodies, DURATION).then((r) => (mixedGood = r)),
      badInChild(url, DURATION).then((r) => (bad = r)),
    ]));
    process.stdout.write(`  extract with bad requests mixed in, ${DURATION} s:\n    good: ${fmt(mixedGood)}\n    bad:  ${fmt(bad)}\n  peak RSS ${peak2} MB\n`);
    const badStatuses = Object.keys(bad.statusCodeStats ?? {});
    const badOk = badStatuses.every((s) => s === '400' || s === '413');

    const after = await idle(pid);
    const heap1 = await heapAfterGc(child, log);
    process.stdout.write(`  heap after full GC: ${heap1.heap} MB (RSS then ${heap1.rss} MB)\n`);
    process.stdout.write(`  RSS after 30 s idle: ${after} MB (baseline ${baseline} MB, ${after <= baseline * 1.1 ? 'back to baseline (within 10%)' : `${Math.round((after / baseline - 1) * 100)}% above baseline`})\n`);
    let again!: Result;
    const peak3 = await sampleRss(pid, goodLoad(url, bodies, DURATION).then((r) => (again = r)));
    const after2 = await idle(pid);
    const heap2 = await heapAfterGc(child, log);
    process.stdout.write(`  heap after full GC: ${heap2.heap} MB (RSS then ${heap2.rss} MB); heap from phase to phase ${heap0.heap} → ${heap1.heap} → ${heap2.heap} MB: ` +
      `${heap2.heap <= heap0.heap * 1.2 + 5 ? 'no leak' : 'GROWING'}\n`);
    process.stdout.write(`  one more extract phase, ${DURATION} s: ${fmt(again)}; peak RSS ${peak3} MB; RSS after 30 s idle: ${after2} MB ` +
      `(${after2 <= after * 1.05 ? 'plateau: no growth from phase to phase' : `grew ${after2 - after} MB since the previous idle`})\n`);
    const internal = log.join('').split('\n').filter((l) => /internal|Error/.test(l) && !l.startsWith('selon-heap'));
    process.stdout.write(`  verdict: good requests ${good.errors + good.non2xx + good.timeouts + mixedGood.errors + mixedGood.non2xx + mixedGood.timeouts === 0 ? 'all 200' : 'SOME FAILED'}; ` +
      `bad requests ${badOk ? 'only 400/413' : `got ${badStatuses.join(', ')}`}; server log: ${internal.length ? `${internal.length} error lines, e.g. ${internal[0]}` : 'no internal error'}\n`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

// autocannon may leave a socket half-way through a 6.5 MB body when it stops: exit once the result is written.
if (values.bad) process.stdout.write(JSON.stringify(await badLoad(values.bad, DURATION)), () => process.exit(0));
else await main();
