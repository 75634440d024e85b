/** `selon status [RUN]`: progress of a run on the queue (or the recent runs). */
import { SelonError } from '../errors.js';
import { parseArgs, stringOption } from './args.js';
import { DEFAULT_REDIS_URL } from './enqueue.js';
import type { Redis } from 'ioredis';

export const summary = 'progress of a queue run: done, failed, pending, active, docs/s, dead-letter list';

const HELP = `Usage: selon status [RUN] [options]

Shows a run's jobs (done, failed, pending, active), its documents by outcome, docs/s, the dead-letter list (jobs
that failed after every attempt, with their reason) and the documents that failed alone. Without RUN: recent runs.

Options:
  --redis URL        the queue (default ${DEFAULT_REDIS_URL})
  --format F         text (default) or json (keys: run, jobs, done, failed, pending, active, retrying, documents,
                     docsPerSecond, deadLetter, failedDocuments, finished…)
  --watch SECONDS    print again every SECONDS until the run is finished
`;

const SPEC = {
  redis: { type: 'string' }, format: { type: 'string', choices: ['text', 'json'] }, watch: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs(argv, SPEC);
  if (values['help']) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new SelonError('E004', 'give one RUN at most');
  const watch = values['watch'] === undefined ? 0 : Number(values['watch']);
  if (!(watch >= 0 && watch <= 3600)) throw new SelonError('E003', `--watch must be a number of seconds (got "${String(values['watch'])}")`);
  const json = values['format'] === 'json';
  // The queue modules load here, not above, so that selon --help stays fast.
  const { commandConnection } = await import('../queue/redis.js');
  const { formatStatus, runStatus } = await import('../queue/status.js');
  const redis = await commandConnection(stringOption(values, 'redis', process.env['SELON_REDIS'] || DEFAULT_REDIS_URL));
  try {
    const runId = positionals[0];
    if (!runId) return await listRuns(redis, json);
    for (;;) {
      const status = await runStatus(redis, runId);
      if (!status) throw new SelonError('E011', `no run "${runId}" on this queue (selon status lists the recent ones)`);
      process.stdout.write(json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
      if (!watch || status.finished) return 0;
      await new Promise((r) => setTimeout(r, watch * 1000));
    }
  } finally {
    redis.disconnect();
  }
}

async function listRuns(redis: Redis, json: boolean): Promise<number> {
  const { recentRuns, runStatus } = await import('../queue/status.js');
  const statuses = [];
  for (const id of await recentRuns(redis)) {
    const s = await runStatus(redis, id);
    if (s) statuses.push(s);
  }
  if (json) process.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
  else if (statuses.length === 0) process.stdout.write('no runs on this queue yet\n');
  else for (const s of statuses) process.stdout.write(`${s.run}  ${s.finished ? 'finished' : 'running '}  jobs ${s.done}/${s.jobs} done, ${s.failed} failed  ${s.documents.read} documents  ${s.docsPerSecond} docs/s\n`);
  return 0;
}
