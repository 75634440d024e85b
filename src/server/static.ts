/**
 * Serves the built web UI (dist/ui) from selon's HTTP server: files by their exact path inside the root and nowhere
 * else, with the right content type; any other extension-less GET falls back to index.html so the UI's own routes
 * (/search, /speakers/…) load on refresh. /api/* is never touched: the API answers (or 404s) it.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';

/** The folder `npm run build:ui` writes to, relative to the repository root. */
export const UI_DIST = fileURLToPath(new URL('../../dist/ui', import.meta.url));
/** The UI's vite config; the bundle also contains the engine (src/). */
export const UI_CONFIG = fileURLToPath(new URL('../../ui/vite.config.ts', import.meta.url));
const UI_SOURCES = [fileURLToPath(new URL('../../ui', import.meta.url)), fileURLToPath(new URL('..', import.meta.url))];

export interface StaticOptions {
  /** Folder holding index.html and assets/ (default: dist/ui). */
  root?: string;
  /** Paths under this prefix are left to the API (default: /api). */
  apiPrefix?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Content-Security-Policy for the UI's pages: scripts only from our origin (no inline script, no eval), requests
 * only to our origin. Defence in depth: the UI renders all data as text nodes anyway.
 */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL pathname to a path relative to the root, or null when it could point outside it (`..`, encoded
 * separators that climb, backslashes, NUL, dot-files) or is not valid percent-encoding.
 */
export function safeRelativePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  for (const s of segments) if (s === '..' || s === '.' || s.startsWith('.')) return null;
  return segments.join('/');
}

export function hasUi(root: string = UI_DIST): boolean {
  return existsSync(path.join(root, 'index.html'));
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The built UI is missing, or older than a file of the UI or of the engine it bundles (a checkout from git). */
export function uiNeedsBuild(root: string = UI_DIST): boolean {
  if (!hasUi(root)) return true;
  if (!UI_SOURCES.every((d) => existsSync(d))) return false;
  const built = statSync(path.join(root, 'index.html')).mtimeMs;
  return UI_SOURCES.some((d) => newestMtime(d) > built);
}

/**
 * Builds the UI into dist/ui with vite (a dev dependency: present after `npm ci`) and returns the time taken in ms.
 * It builds into a fresh folder and swaps it in, so a server (or a second build) never sees a half-written UI.
 * Vite's own errors (a syntax error in ui/ or src/) propagate; callers print them.
 */
export async function buildUi(options: { quiet?: boolean } = {}): Promise<number> {
  const t0 = performance.now();
  const { build } = await import('vite');
  const tmp = `${UI_DIST}.build-${process.pid}-${Date.now()}`;
  try {
    await build({ configFile: UI_CONFIG, logLevel: options.quiet ? 'error' : 'warn', build: { outDir: tmp, emptyOutDir: true } });
    const old = `${UI_DIST}.old-${process.pid}-${Date.now()}`;
    if (existsSync(UI_DIST)) renameSync(UI_DIST, old);
    renameSync(tmp, UI_DIST);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return performance.now() - t0;
}

/** Builds the UI when it is missing or stale; returns true when it built. */
export async function ensureUi(options: { quiet?: boolean } = {}): Promise<boolean> {
  if (!uiNeedsBuild()) return false;
  await buildUi(options);
  return true;
}

/** Hono middleware serving the UI; calls `next()` for the API and for files that do not exist. */
export function serveUi(options: StaticOptions = {}): MiddlewareHandler {
  const root = path.resolve(options.root ?? UI_DIST);
  const apiPrefix = options.apiPrefix ?? '/api';
  let realRoot: string | null = null;

  const inside = async (file: string): Promise<boolean> => {
    realRoot ??= await realpath(root).catch(() => null);
    if (!realRoot) return false;
    const real = await realpath(file).catch(() => null);
    return real !== null && (real === realRoot || real.startsWith(realRoot + path.sep));
  };

  const send = async (file: string, method: string, fallback: boolean): Promise<Response | null> => {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || !(await inside(file))) return null;
    const body = method === 'HEAD' ? null : await readFile(file);
    const type = contentType(file);
    const headers: Record<string, string> = {
      'content-type': type,
      'content-length': String(info.size),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // Hashed assets never change; pages are revalidated so a rebuild shows at once.
      'cache-control': !fallback && file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = UI_CSP;
      headers['x-frame-options'] = 'DENY';
    }
    return new Response(body, { status: 200, headers });
  };

  return async (c, next) => {
    const method = c.req.method;
    const pathname = new URL(c.req.url).pathname;
    if ((method !== 'GET' && method !== 'HEAD') || pathname === apiPrefix || pathname.startsWith(apiPrefix + '/')) {
      return next();
    }
    const rel = safeRelativePath(pathname);
    if (rel === null) return c.json({ error: { code: 'bad-path', message: 'invalid path' } }, 400);
    const target = path.join(root, rel === '' ? 'index.html' : rel);
    const direct = await send(target, method, false);
    if (direct) return direct;
    // SPA fallback: a route of the UI (a page navigation, or no file extension), never a missing asset.
    const last = rel.split('/').pop() ?? '';
    const navigation = (c.req.header('accept') ?? '').includes('text/html');
    if (!rel.startsWith('assets/') && (navigation || !last.includes('.'))) {
      const page = await send(path.join(root, 'index.html'), method, true);
      if (page) return page;
    }
    return next();
  };
}
