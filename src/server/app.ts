/**
 * selon's HTTP app (Hono): the JSON API under /api, and optionally the web UI's static files. `createApp` builds it
 * without a socket, so tests call `app.request()`; `serve.ts` puts it on a port.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { extract as engineExtract } from '../index.js';
import type { ExtractFn, Store } from '../store/store.js';
import { errorBody, handleError, HttpError, type Log } from './errors.js';
import { allowHosts, requireToken, SIGNIN_BODY_LIMIT, SIGNIN_PATH, signinHandler } from './guard.js';
import { apiRoutes } from './routes.js';

/** Largest request body accepted (bytes); larger ones get 413. */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

export interface AppOptions {
  store: Store;
  /** The engine (default: selon's `extract`). */
  extract?: ExtractFn;
  /**
   * When set, every request needs `Authorization: Bearer TOKEN` or the token cookie that the sign-in form (shown to a
   * browser opening the UI) sets. Required when serving beyond the loopback.
   */
  token?: string | null;
  /** Host header names accepted (e.g. the loopback names); null accepts any. */
  allowedHosts?: string[] | null;
  /** Serves everything outside /api (the web UI's static handler, src/server/static.ts). */
  ui?: MiddlewareHandler;
  bodyLimit?: number;
  /** Where internal errors are written (default: stderr). */
  log?: Log;
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  app.onError(handleError(log));
  app.notFound((c) => c.json(errorBody('not-found', `nothing at ${c.req.method} ${new URL(c.req.url).pathname}`), 404));

  if (options.allowedHosts) app.use('*', allowHosts(options.allowedHosts));
  if (options.token) {
    // The sign-in form's target is the one path open without the token (a browser has no other way to give it).
    app.post(SIGNIN_PATH, bodyLimit({
      maxSize: SIGNIN_BODY_LIMIT,
      onError: () => {
        throw new HttpError(413, 'payload-too-large', `the sign-in form is over ${SIGNIN_BODY_LIMIT} bytes`);
      },
    }), signinHandler(options.token));
    app.use('*', requireToken(options.token));
  }
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  app.use('/api/*', bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new HttpError(413, 'payload-too-large', `the request body is over ${limit} bytes`);
    },
  }));

  app.route('/api', apiRoutes(options.store, options.extract ?? engineExtract));
  if (options.ui) app.use('*', options.ui);
  return app;
}
