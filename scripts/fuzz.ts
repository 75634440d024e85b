/**
 * `npm run fuzz -- --runs N [--seed S] [--determinism-every K] [--hang-seconds T] [--out FILE]`: property-based
 * fuzzing of `extract` (test/fuzz-support.ts).
 *
 * Inputs are drawn by fast-check in chunks of 1,000, chunk k from seed S + k, and each goes through `checkCase` (no
 * exception, schema, spans, surrogate pairs, boilerplate, determinism). With K > 1 only every K-th input is extracted a
 * second time for the determinism check. The run does not stop at a failure: it records it and goes on, so one long run
 * finds every kind of failure. The first failure of each kind (its problems with the numbers taken out) is shrunk by
 * fast-check to a minimal input and printed with the seed and path that replay it: `fc.check(contractHolds, { seed, path })`.
 *
 * The inputs run on a worker thread watched by this one: an input still running after T seconds (default 60) is a
 * hang — the worker is stopped, the input recorded as it is (a hang cannot be shrunk), and a new worker goes on from the
 * next input. Progress goes to stderr; the summary to stdout, and to FILE as JSON. Exit code 1 when any input broke the
 * contract.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { checkCase, contractHolds, fuzzCase, type FuzzCase } from '../test/fuzz-support.js';

const CHUNK = 1000;

interface Kind {
  signature: string;
  count: number;
  seed: number;
  path: string;
  problems: string[];
  /** fast-check's shrunk input (the input itself for a hang), and what it breaks. */
  minimal: FuzzCase | null;
  minimalProblems: string[];
}

interface Job {
  seed: number;
  runs: number;
  every: number;
  /** Global index of the first input to run. */
  from: number;
  known: string[];
}

type Message =
  | { type: 'failure'; signature: string; kind: Kind | null }
  | { type: 'progress'; done: number };

/* ---------- the worker: runs inputs, reports failures and progress ---------- */

/** What an input breaks: the contract problems, or the exception it throws (with its first frame). */
function problemsOf(c: FuzzCase, determinism = true): string[] {
  try {
    return checkCase(c, { determinism });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const frame = (e.stack ?? '').split('\n').find((l) => l.includes('/src/'))?.trim() ?? '';
    return [`exception: ${e.name}: ${e.message} ${frame}`];
  }
}

const signatureOf = (problems: string[]) =>
  [...new Set(problems.map((p) => p.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"')))].sort().join(' | ');

function shrink(kind: Kind): void {
  const result = fc.check(contractHolds, { seed: kind.seed, path: kind.path, interruptAfterTimeLimit: 120_000 });
  if (!result.failed || !result.counterexample) return;
  kind.minimal = result.counterexample[0];
  kind.minimalProblems = problemsOf(kind.minimal);
  kind.path = result.counterexamplePath ?? kind.path;
}

function work(job: Job, current: Int32Array): void {
  const known = new Set(job.known);
  let done = job.from;
  let reported = performance.now();
  while (done < job.runs) {
    const k = Math.floor(done / CHUNK);
    const chunkSeed = job.seed + k;
    const cases = fc.sample(fuzzCase, { seed: chunkSeed, numRuns: Math.min(CHUNK, job.runs - k * CHUNK) });
    for (let i = done - k * CHUNK; i < cases.length; i++) {
      Atomics.store(current, 0, done);
      Atomics.add(current, 1, 1);
      const twice = done % job.every === 0;
      const problems = problemsOf(cases[i]!, twice);
      done++;
      if (twice) Atomics.add(current, 2, 1);
      if (!problems.length) continue;
      const signature = signatureOf(problems);
      if (known.has(signature)) {
        parentPort!.postMessage({ type: 'failure', signature, kind: null } satisfies Message);
        continue;
      }
      known.add(signature);
      const kind: Kind = { signature, count: 1, seed: chunkSeed, path: String(i), problems, minimal: null, minimalProblems: [] };
      shrink(kind);
      parentPort!.postMessage({ type: 'failure', signature, kind } satisfies Message);
    }
    if (performance.now() - reported > 1000 || done === job.runs) {
      reported = performance.now();
      parentPort!.postMessage({ type: 'progress', done } satisfies Message);
    }
  }
}

/* ---------- the main thread: watches the worker, aggregates ---------- */

function main(): void {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '10000' },
      seed: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'determinism-every': { type: 'string', default: '1' },
      'hang-seconds': { type: 'string', default: '60' },
    },
  });
  const runs = Number(values.runs);
  const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
  const every = Number(values['determinism-every']);
  const hangSeconds = Number(values['hang-seconds']);
  if (![runs, seed, every, hangSeconds].every(Number.isInteger) || runs < 1 || every < 1 || hangSeconds < 1) {
    process.stderr.write('usage: npm run fuzz -- --runs N [--seed S] [--determinism-every K] [--hang-seconds T] [--out FILE]  (integers)\n');
    process.exit(2);
  }

  const kinds = new Map<string, Kind>();
  let failed = 0;
  let hangs = 0;
  let done = 0;
  const started = performance.now();
  let lastReport = started;
  // [index of the input being run, inputs started, inputs run twice]: read without waiting on the worker.
  const current = new Int32Array(new SharedArrayBuffer(12));

  const finish = () => {
    const seconds = (performance.now() - started) / 1000;
    const determinismChecked = Atomics.load(current, 2);
    const summary = {
      inputs: done, determinismChecked, failing: failed, hangs, kinds: kinds.size, seed, seconds: Math.round(seconds),
      inputsPerSecond: Math.round(done / seconds), failures: [...kinds.values()],
    };
    process.stdout.write(`fuzz: ${done} inputs from seed ${seed} in ${seconds.toFixed(0)} s (${summary.inputsPerSecond}/s), ` +
      `${determinismChecked} of them run twice for determinism: ${failed} failing (${hangs} hangs), ${kinds.size} kinds\n`);
    for (const kind of kinds.values()) process.stdout.write(`  ${kind.count}× ${kind.signature}\n    minimal: ${JSON.stringify(kind.minimal)}\n`);
    if (values.out) writeFileSync(values.out, JSON.stringify(summary, null, 2) + '\n');
    process.exit(failed ? 1 : 0);
  };

  const start = (from: number): void => {
    const job: Job = { seed, runs, every, from, known: [...kinds.keys()] };
    // The thread registers tsx before importing this file (as src/io/pool.ts does for extraction workers).
    const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(import.meta.url)});`;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: { job, current } });
    let seen = -1;
    let still = 0;
    const watchdog = setInterval(() => {
      const started = Atomics.load(current, 1);
      still = started === seen ? still + 1 : 0;
      seen = started;
      if (still < hangSeconds) return;
      clearInterval(watchdog);
      const index = Atomics.load(current, 0);
      const k = Math.floor(index / CHUNK);
      const input = fc.sample(fuzzCase, { seed: seed + k, numRuns: index - k * CHUNK + 1 }).at(-1)!;
      const signature = `hang: one input ran over ${hangSeconds} s`;
      failed++;
      hangs++;
      const known = kinds.get(signature);
      if (known) known.count++;
      else kinds.set(signature, { signature, count: 1, seed: seed + k, path: String(index - k * CHUNK), problems: [signature], minimal: input, minimalProblems: [signature] });
      process.stderr.write(`fuzz: HANG on input ${index} (replay: seed ${seed + k}, path ${index - k * CHUNK})\n  ${JSON.stringify(input).slice(0, 500)}\n`);
      done = index + 1;
      void worker.terminate().then(() => (done < runs ? start(done) : finish()));
    }, 1000);
    worker.on('message', (m: Message) => {
      if (m.type === 'progress') {
        done = m.done;
        const now = performance.now();
        if (!values.quiet && (now - lastReport > 30_000 || done === runs)) {
          lastReport = now;
          process.stderr.write(`fuzz: ${done}/${runs} inputs, ${failed} failing (${kinds.size} kinds), ${(done / ((now - started) / 1000)).toFixed(0)} inputs/s\n`);
        }
        return;
      }
      failed++;
      const known = kinds.get(m.signature);
      if (known) known.count++;
      else if (m.kind) {
        kinds.set(m.signature, m.kind);
        process.stderr.write(`fuzz: NEW FAILURE (replay: seed ${m.kind.seed}, path ${m.kind.path})\n  ${m.kind.problems.slice(0, 4).join('\n  ')}\n` +
          `  minimal: ${JSON.stringify(m.kind.minimal)}\n`);
      }
    });
    worker.on('error', (err) => {
      process.stderr.write(`fuzz: worker failed: ${err.stack ?? err.message}\n`);
      process.exit(3);
    });
    worker.on('exit', () => {
      clearInterval(watchdog);
      if (done >= runs) finish();
    });
  };
  start(0);
}

if (isMainThread) main();
else {
  const { job, current } = workerData as { job: Job; current: Int32Array };
  work(job, current);
}
