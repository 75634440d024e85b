/** `selon worker`: processes queue jobs (read → extract → store) until SIGTERM or SIGINT. */
import { availableParallelism } from 'node:os';
import { SelonError } from '../errors.js';
import { numberOption, parseArgs, stringOption } from './args.js';
import { DEFAULT_STORE_URL } from '../store/store.js';
import { DEFAULT_REDIS_URL } from './enqueue.js';
import type { RunningWorker } from '../queue/worker.js';
import { jsonLogger } from '../queue/log.js';

export const summary = 'process queue jobs (read, extract, store) until stopped; /metrics for Prometheus';

const HELP = `Usage: selon worker [options]

Takes jobs from the queue (selon enqueue) and runs them: read the input, extract, store the records. Stateless:
run one per core on as many machines as needed; each must reach Redis, the store and the inputs.
Logs are JSON lines on stderr. SIGTERM: no new job; running jobs finish, or go back to the queue after --grace-ms.
Exit codes: 0 stopped by a signal; 1 stopped while Redis was unreachable (its jobs come back to the queue when their
locks lapse); 2 usage or configuration error.

Options:
  --redis URL            the queue (default ${DEFAULT_REDIS_URL})
  --store URL            postgres://… (or sqlite:PATH for workers on one machine; default ${DEFAULT_STORE_URL})
  --concurrency N        jobs at once (default 2: one extracts while another waits for the store)
  --threads N            extraction threads (default 1; 0 extracts on the main thread)
  --batch N              records per store transaction (default 50)
  --metrics-port N       Prometheus metrics at http://HOST:N/metrics (default 9464; 0 picks a free port)
  --metrics-host H       address of the metrics endpoint (default 127.0.0.1)
  --no-metrics           no metrics endpoint
  --lock-ms MS           job lock, renewed while the job runs; a dead worker's job is retried after it (default 30000)
  --stalled-ms MS        how often to look for jobs of dead workers (default 30000)
  --grace-ms MS          on SIGTERM, how long running jobs may take before they are given back (default 30000)
`;

const SPEC = {
  redis: { type: 'string' }, store: { type: 'string' }, concurrency: { type: 'string' }, threads: { type: 'string' },
  batch: { type: 'string' }, 'metrics-port': { type: 'string' }, 'metrics-host': { type: 'string' }, 'no-metrics': { type: 'boolean' },
  'lock-ms': { type: 'string' }, 'stalled-ms': { type: 'string' }, 'grace-ms': { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs(argv, SPEC);
  if (values['help']) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length) throw new SelonError('E004', `selon worker takes no PATH ("${positionals[0]}"): enqueue inputs with selon enqueue`);
  const ms = (name: string, fallback: number) => numberOption(values, name, { min: 100, max: 86_400_000, integer: true }, fallback);
  const port = numberOption(values, 'metrics-port', { min: 0, max: 65535, integer: true }, 9464);
  const log = jsonLogger({ pid: process.pid });
  const { startWorker } = await import('../queue/worker.js'); // loaded here so that selon --help stays fast
  let worker: RunningWorker;
  try {
    worker = await startWorker({
      redis: stringOption(values, 'redis', process.env['SELON_REDIS'] || DEFAULT_REDIS_URL),
      store: stringOption(values, 'store', DEFAULT_STORE_URL),
      concurrency: numberOption(values, 'concurrency', { min: 1, max: 256, integer: true }, 2),
      threads: numberOption(values, 'threads', { min: 0, max: availableParallelism() * 4, integer: true }, 1),
      batch: numberOption(values, 'batch', { min: 1, max: 10_000, integer: true }, 50),
      metrics: values['no-metrics'] ? null : { host: stringOption(values, 'metrics-host', '127.0.0.1'), port },
      lockDuration: ms('lock-ms', 30_000),
      stalledInterval: ms('stalled-ms', 30_000),
      log,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new SelonError('E003', `--metrics-port ${port} is in use: give each worker on a machine its own port (0 picks a free one)`);
    }
    throw err;
  }
  const grace = ms('grace-ms', 30_000);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  // A second signal stops at once; the jobs still running are retried after their lock lapses.
  const force = () => process.exit(130);
  process.once('SIGTERM', force);
  process.once('SIGINT', force);
  log('info', 'signal received', { signal });
  // Redis unreachable: the worker stopped without it, and BullMQ's reconnecting connections would keep the process alive.
  if (!(await worker.close(grace))) process.exit(1);
  return 0;
}
