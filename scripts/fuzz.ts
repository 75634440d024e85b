/**
 * `npm run fuzz -- --runs N [--seed S] [--determinism-every K] [--out FILE]`: property-based fuzzing of `extract`
 * (test/fuzz-support.ts). Every input gets every check; with K > 1 only every K-th input is extracted a second time
 * for the determinism check (the long run uses this to fit a million inputs in its time).
 *
 * Inputs are drawn by fast-check in chunks of 1,000, chunk k from seed S + k, and each goes through `checkCase` (no
 * exception, schema, spans, surrogate pairs, boilerplate, determinism). The run does not stop at a failure: it records
 * it and goes on, so one long run finds every kind of failure. The first failure of each kind (its problems with the
 * numbers taken out) is shrunk by fast-check to a minimal input and printed with the seed and path that replay it:
 * `fc.check(contractHolds, { seed, path })`. Progress goes to stderr; the summary to stdout, and to FILE as JSON.
 * Exit code 1 when any input broke the contract.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkCase, contractHolds, fuzzCase, type FuzzCase } from '../test/fuzz-support.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'determinism-every': { type: 'string', default: '1' },
  },
});

const CHUNK = 1000;
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
/** Every K-th input is extracted a second time and compared (determinism); 1 checks them all. */
const every = Number(values['determinism-every']);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !Number.isInteger(every) || every < 1) {
  process.stderr.write('usage: npm run fuzz -- --runs N [--seed S] [--determinism-every K] [--out FILE]  (integers)\n');
  process.exit(2);
}

interface Kind {
  signature: string;
  count: number;
  seed: number;
  path: string;
  problems: string[];
  /** fast-check's shrunk input, and what it breaks. */
  minimal: FuzzCase | null;
  minimalProblems: string[];
}

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

const kinds = new Map<string, Kind>();
let failed = 0;
let determinismChecked = 0;
const started = performance.now();
let done = 0;
let lastReport = started;
for (let k = 0; done < runs; k++) {
  const chunkSeed = seed + k;
  const cases = fc.sample(fuzzCase, { seed: chunkSeed, numRuns: Math.min(CHUNK, runs - done) });
  for (const [i, c] of cases.entries()) {
    const twice = done % every === 0;
    const problems = problemsOf(c, twice);
    done++;
    if (twice) determinismChecked++;
    if (!problems.length) continue;
    failed++;
    const signature = signatureOf(problems);
    const known = kinds.get(signature);
    if (known) {
      known.count++;
      continue;
    }
    const kind: Kind = { signature, count: 1, seed: chunkSeed, path: String(i), problems, minimal: null, minimalProblems: [] };
    kinds.set(signature, kind);
    shrink(kind);
    process.stderr.write(`fuzz: NEW FAILURE (replay: seed ${kind.seed}, path ${kind.path})\n  ${kind.problems.slice(0, 4).join('\n  ')}\n` +
      `  minimal: ${JSON.stringify(kind.minimal)}\n`);
  }
  const now = performance.now();
  if (!values.quiet && (now - lastReport > 30_000 || done === runs)) {
    lastReport = now;
    process.stderr.write(`fuzz: ${done}/${runs} inputs, ${failed} failing (${kinds.size} kinds), ${(done / ((now - started) / 1000)).toFixed(0)} inputs/s\n`);
  }
}

const seconds = (performance.now() - started) / 1000;
const summary = {
  inputs: done, determinismChecked, failing: failed, kinds: kinds.size, seed, seconds: Math.round(seconds), inputsPerSecond: Math.round(done / seconds),
  failures: [...kinds.values()],
};
process.stdout.write(`fuzz: ${done} inputs from seed ${seed} in ${seconds.toFixed(0)} s (${summary.inputsPerSecond}/s), ` +
  `${determinismChecked} of them run twice for determinism: ${failed} failing, ${kinds.size} kinds\n`);
for (const kind of kinds.values()) process.stdout.write(`  ${kind.count}× ${kind.signature}\n    minimal: ${JSON.stringify(kind.minimal)}\n`);
if (values.out) writeFileSync(values.out, JSON.stringify(summary, null, 2) + '\n');
process.exit(failed ? 1 : 0);
