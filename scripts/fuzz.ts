/**
 * `npm run fuzz -- --runs N [--seed S] [--chunk C] [--out FILE]`: property-based fuzzing of `extract` (test/fuzz-support.ts).
 *
 * The runs go in chunks of C inputs, chunk k with seed S + k, so a failure stops only its chunk (fast-check shrinks it
 * to a minimal input, printed with the seed and path that replay it) and the run goes on to find other failures.
 * Progress goes to stderr; the summary (inputs, failures, inputs/s) to stdout, and to FILE as JSON when --out is given.
 * Exit code 1 when any input broke the contract.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { contractHolds } from '../test/fuzz-support.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    chunk: { type: 'string', default: '10000' },
    out: { type: 'string' },
  },
});

const runs = Number(values.runs);
const chunk = Number(values.chunk);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(chunk) || chunk < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- --runs N [--seed S] [--chunk C] [--out FILE]  (integers)\n');
  process.exit(2);
}

interface Failure {
  seed: number;
  path: string | null;
  counterexample: unknown;
  error: string;
}

const failures: Failure[] = [];
const started = performance.now();
let done = 0;
for (let k = 0; done < runs; k++) {
  const numRuns = Math.min(chunk, runs - done);
  const chunkSeed = seed + k;
  const result = fc.check(contractHolds, { numRuns, seed: chunkSeed, endOnFailure: false });
  // A failed chunk stops at its first failing input; the inputs before it (and that one) count as fuzzed.
  done += result.failed ? result.numRuns : numRuns;
  if (result.failed) {
    const failure: Failure = {
      seed: chunkSeed,
      path: result.counterexamplePath,
      counterexample: result.counterexample?.[0] ?? null,
      error: String(result.errorInstance instanceof Error ? result.errorInstance.stack ?? result.errorInstance.message : result.errorInstance),
    };
    failures.push(failure);
    process.stderr.write(`fuzz: FAILURE (seed ${chunkSeed}, path ${failure.path})\n${JSON.stringify(failure.counterexample)}\n${failure.error}\n`);
  }
  const secs = (performance.now() - started) / 1000;
  process.stderr.write(`fuzz: ${done}/${runs} inputs, ${failures.length} failures, ${(done / secs).toFixed(0)} inputs/s\n`);
}

const seconds = (performance.now() - started) / 1000;
const summary = { inputs: done, failures: failures.length, seed, chunk, seconds: Math.round(seconds), inputsPerSecond: Math.round(done / seconds), details: failures };
process.stdout.write(`fuzz: ${done} inputs from seed ${seed} in ${seconds.toFixed(0)} s (${summary.inputsPerSecond}/s): ${failures.length} failures\n`);
if (values.out) writeFileSync(values.out, JSON.stringify(summary, null, 2) + '\n');
process.exit(failures.length ? 1 : 0);
