/** `selon reindex`: re-extracts the stored texts that an older (or other) engine version produced. */
import { SelonError } from '../errors.js';
import { parseArgs, stringOption } from './args.js';
import { ENGINE_VERSION } from '../config.js';
import { extract } from '../index.js';
import { DEFAULT_STORE_URL, openStore } from '../store/store.js';

export const summary = 're-extract stored documents after an engine upgrade';

const HELP = `Usage: selon reindex [--store URL]

Re-extracts every stored document whose record came from another engine version than this one (${ENGINE_VERSION}),
from its stored text, and replaces its record, quotes and accounts.

  --store URL    sqlite:PATH or postgres://… (default ${DEFAULT_STORE_URL})
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs(argv, { store: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values['help']) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length) throw new SelonError('E004', `selon reindex takes no PATH ("${positionals[0]}"); give the store with --store`);
  const store = await openStore(stringOption(values, 'store', DEFAULT_STORE_URL), { create: false });
  const tty = process.stderr.isTTY;
  const t0 = performance.now();
  try {
    const result = await store.reindex(extract, {
      version: ENGINE_VERSION,
      onProgress: (done, total) => {
        if (tty && (done % 25 === 0 || done === total)) process.stderr.write(`\rreindex: ${done}/${total}`);
      },
    });
    if (tty && result.checked) process.stderr.write('\n');
    for (const f of result.failed) process.stderr.write(`reindex: failed ${f.id}: ${f.reason}\n`);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    process.stderr.write(`reindex: ${result.checked} to re-extract, ${result.reindexed} done, ${result.failed.length} failed, ${secs} s (engine ${ENGINE_VERSION})\n`);
    return result.failed.length ? 1 : 0;
  } finally {
    await store.close();
  }
}
