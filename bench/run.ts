/**
 * `npm run bench [-- NAME…] [-- ARGS…]`: runs every bench/*.bench.ts, or those named (`ingest` or
 * `bench/ingest.bench.ts`), one after the other, each in its own process so that timings and peak memory are its
 * own. Arguments after a second `--` go to every benchmark. Benchmarks print figures; none asserts on time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('.', import.meta.url));

function pick(names: string[]): string[] {
  const all = readdirSync(DIR).filter((f) => f.endsWith('.bench.ts')).sort();
  if (!names.length) return all;
  return names.map((name) => {
    const file = basename(name).replace(/(\.bench)?(\.ts)?$/, '') + '.bench.ts';
    if (!all.includes(file)) throw new Error(`no benchmark ${name} (have: ${all.join(', ')})`);
    return file;
  });
}

function main(argv: string[]): number {
  const split = argv.indexOf('--');
  const names = split < 0 ? argv : argv.slice(0, split);
  const args = split < 0 ? [] : argv.slice(split + 1);
  let failures = 0;
  for (const file of pick(names)) {
    process.stdout.write(`\n=== bench/${file}\n`);
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(DIR, file), ...args], { stdio: 'inherit' });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`=== bench/${file}: ${run.status === 0 ? 'done' : `exit ${run.status ?? run.signal}`} in ${seconds} s\n`);
    if (run.status !== 0) failures++;
  }
  return failures ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
