/**
 * `selon` command dispatch. Each command lives in its own module exporting `run(argv) → exit code` and `summary`;
 * modules load lazily so `selon --help` stays fast.
 */
import { SelonError } from '../errors.js';
import { ENGINE_VERSION } from '../config.js';

export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: () => import('./extract.js'),
  eval: () => import('./eval.js'),
  demo: () => import('./demo.js'),
  ingest: () => import('./ingest.js'),
  search: () => import('./search.js'),
  serve: () => import('./serve.js'),
  reindex: () => import('./reindex.js'),
  compare: () => import('./compare.js'),
  accounts: () => import('./accounts.js'),
  enqueue: () => import('./enqueue.js'),
  worker: () => import('./worker.js'),
  status: () => import('./status.js'),
};

/** Exit codes: 0 all input read; 1 some input could not be read or parsed; 2 usage or configuration error. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyWhenStdoutCloses();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`selon ${ENGINE_VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`selon: unknown command "${name}"\n\n${await usage()}`);
    return 2;
  }
  try {
    return await (await load()).run(rest);
  } catch (err) {
    if (err instanceof SelonError) {
      process.stderr.write(`selon ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/**
 * A reader that went away (`selon search … | head -1`, `selon extract … | head`) ends the command quietly, whichever
 * command was writing: nobody is left to read the rest, so there is no error to report.
 */
function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
}

async function usage(): Promise<string> {
  const lines = ['selon — who said what, to whom, when, and according to whom.', '', 'Usage: selon <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
  lines.push('', 'Run "selon <command> --help" for a command\'s options.', '');
  return lines.join('\n');
}
