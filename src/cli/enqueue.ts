/** `selon enqueue PATH…`: splits inputs into queue jobs for `selon worker`, and prints the run id. */
import { SelonError } from '../errors.js';
import { PACKS } from '../lang/index.js';
import { numberOption, parseArgs, stringOption } from './args.js';
import { DEFAULT_SHARD, type JobData } from '../queue/jobs.js';
import type { Redis } from 'ioredis';

export const summary = 'split inputs into queue jobs for selon worker (Redis); prints the run id';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const HELP = `Usage: selon enqueue PATH|URL… [options]
       selon enqueue --retry RUN [--redis URL]

Splits inputs into jobs on the queue: one per file, per feed, per URL, and one per ${DEFAULT_SHARD} lines or records of
a large JSONL or WARC file (WARC gzipped record by record, as Common Crawl ships it; a file gzipped whole stays one
job). Workers read the inputs themselves: give paths they can reach (the same shared storage) or URLs.
Prints the run id on stdout; follow it with selon status RUN.

Options:
  --redis URL            the queue (default ${DEFAULT_REDIS_URL})
  --lang auto|${Object.keys(PACKS).join('|')}        language (default auto)
  --min-confidence X     drop quotes below confidence X (0 to 1)
  --attempts N           attempts per job before it goes to the dead-letter list (default 5)
  --backoff MS           delay before the first retry, doubled at each attempt (default 5000)
  --shard N              lines (JSONL) or records (WARC) per job for large files (default ${DEFAULT_SHARD})
  --retry RUN            put the dead-lettered jobs of RUN back in the queue

Exit codes: 0 every input was enqueued; 1 some input could not be read (named on stderr, the rest is enqueued);
2 usage or configuration error (E010: Redis cannot be reached).
`;

const SPEC = {
  redis: { type: 'string' }, lang: { type: 'string', choices: ['auto', ...Object.keys(PACKS)] }, 'min-confidence': { type: 'string' },
  attempts: { type: 'string' }, backoff: { type: 'string' }, shard: { type: 'string' }, retry: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs(argv, SPEC);
  if (values['help']) {
    process.stdout.write(HELP);
    return 0;
  }
  const url = stringOption(values, 'redis', process.env['SELON_REDIS'] || DEFAULT_REDIS_URL);
  const retry = stringOption(values, 'retry');
  if (!retry && positionals.length === 0) throw new SelonError('E003', 'give at least one PATH or URL (or --retry RUN)');
  const settings: JobData['settings'] = { lang: stringOption(values, 'lang', 'auto') };
  if (values['min-confidence'] !== undefined) settings.minConfidence = numberOption(values, 'min-confidence', { min: 0, max: 1 }, 0);
  const attempts = numberOption(values, 'attempts', { min: 1, max: 100, integer: true }, 5);
  const backoff = numberOption(values, 'backoff', { min: 0, max: 86_400_000, integer: true }, 5000);
  const shard = numberOption(values, 'shard', { min: 1, max: 1_000_000, integer: true }, DEFAULT_SHARD);
  // The queue modules load here, not above, so that selon --help stays fast.
  const { commandConnection } = await import('../queue/redis.js');
  const { enqueue } = await import('../queue/enqueue.js');
  const redis = await commandConnection(url);
  try {
    if (retry) return await retryRun(redis, retry);
    const result = await enqueue(redis, { paths: positionals, settings, attempts, backoff, plan: { lines: shard, records: shard } });
    for (const p of result.problems) process.stderr.write(`enqueue: ${p.kind}: ${p.source} — ${p.reason}: ${p.detail}\n`);
    process.stderr.write(`enqueue: run ${result.run}: ${result.jobs} job${result.jobs === 1 ? '' : 's'}\n`);
    process.stdout.write(`${result.run}\n`);
    return result.problems.some((p) => p.kind === 'failed') ? 1 : 0;
  } finally {
    redis.disconnect();
  }
}

async function retryRun(redis: Redis, run: string): Promise<number> {
  const { retryDead } = await import('../queue/enqueue.js');
  const { runExists } = await import('../queue/runs.js');
  if (!(await runExists(redis, run))) throw new SelonError('E011', `no run "${run}" on this queue`);
  const n = await retryDead(redis, run);
  process.stderr.write(`enqueue: run ${run}: ${n} dead-lettered job${n === 1 ? '' : 's'} back in the queue\n`);
  process.stdout.write(`${run}\n`);
  return 0;
}
