/**
 * Puts the app on a port. Loopback by default; any other address needs a bearer token, and selon refuses to start
 * without one. On the loopback, the Host header must name the loopback (a guard against DNS rebinding).
 */
import type { AddressInfo } from 'node:net';
import { serve as listen } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { SelonError } from '../errors.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import { isLoopback, LOOPBACK_HOSTS } from './guard.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;

export interface ServeOptions {
  store: Store;
  host?: string;
  port?: number;
  token?: string | null;
  ui?: MiddlewareHandler;
}

export interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The token rule, checked before anything listens. */
export function checkExposure(host: string, token: string | null | undefined): void {
  if (!isLoopback(host) && !token) {
    throw new SelonError('E003', `--host ${host} reaches beyond this machine: give --token T (or SELON_TOKEN) so every request needs it`);
  }
}

export async function startServer(options: ServeOptions): Promise<Running> {
  const host = options.host ?? DEFAULT_HOST;
  checkExposure(host, options.token);
  const loopback = isLoopback(host);
  const app = createApp({
    store: options.store,
    token: options.token ?? null,
    allowedHosts: loopback && !options.token ? [...LOOPBACK_HOSTS, host] : null,
    ui: options.ui,
  });
  const server = listen({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch((err: NodeJS.ErrnoException) => {
    throw new SelonError('E003', err.code === 'EADDRINUSE' ? `port ${options.port} is in use (try --port 0)` : err.message);
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
