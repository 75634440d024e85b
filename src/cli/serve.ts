/** `selon serve`: the HTTP API (and the web UI when it is built) over a store. */
import { SelonError } from '../errors.js';
import { parseArgs, stringOption } from './args.js';
import { DEFAULT_STORE_URL, openStore } from '../store/store.js';
import { redact } from '../store/url.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../server/serve.js';

export const summary = 'serve the HTTP API and the web UI over a store (127.0.0.1 by default)';

const HELP = `Usage: selon serve [options]

  --store URL    sqlite:PATH or postgres://… (default ${DEFAULT_STORE_URL})
  --port N       port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H       address to listen on (default ${DEFAULT_HOST}); any non-loopback address needs a token
  --token T      every request must send "Authorization: Bearer T" (default: the SELON_TOKEN variable); a browser
                 opening the web UI is asked for the token once, by a sign-in form that keeps it in a cookie
  --no-ui        the API only, even when the web UI is built

The API is described at /api/openapi.json.
`;

const SPEC = {
  store: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, token: { type: 'string' },
  'no-ui': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

export interface ServeCommand {
  store: string;
  port: number;
  host: string;
  token: string | null;
  ui: boolean;
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeCommand | 'help' {
  const { values, positionals } = parseArgs(argv, SPEC);
  if (values['help']) return 'help';
  if (positionals.length) throw new SelonError('E004', `selon serve takes no PATH ("${positionals[0]}"); give the store with --store`);
  const v = (name: string) => stringOption(values, name);
  const port = v('port') ?? String(DEFAULT_PORT);
  if (!/^\d+$/.test(port) || Number(port) > 65535) throw new SelonError('E003', `--port must be a number from 0 to 65535, not "${port}"`);
  const token = v('token') ?? (env.SELON_TOKEN || null);
  if (token !== null && token.length < 8) throw new SelonError('E003', 'the token must be at least 8 characters');
  return { store: v('store') ?? DEFAULT_STORE_URL, port: Number(port), host: v('host') ?? DEFAULT_HOST, token, ui: values['no-ui'] !== true };
}

export async function run(argv: string[]): Promise<number> {
  const cmd = parseServeArgs(argv);
  if (cmd === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const store = await openStore(cmd.store, { create: false });
  const { hasUi, serveUi } = await import('../server/static.js');
  const ui = cmd.ui && hasUi() ? serveUi() : undefined;
  let running;
  try {
    running = await startServer({ store, host: cmd.host, port: cmd.port, token: cmd.token, ui });
  } catch (err) {
    await store.close();
    throw err;
  }
  process.stdout.write(`selon serve: ${running.url}  (store ${redact(cmd.store)}${cmd.token ? ', bearer token required' : ''}; Ctrl+C to stop)\n`);
  if (cmd.ui && !ui) process.stderr.write('serve: no web UI built (npm run build:ui); serving the API only\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.close();
  await store.close();
  return 0;
}
