/**
 * Serves the built web UI (dist/ui) from selon's HTTP server: files by their exact path inside the root and nowhere
 * else, with the right content type; any other extension-less GET falls back to index.html so the UI's own routes
 * (/search, /speakers/…) load on refresh. /api/* is never touched: the API answers (or 404s) it.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';

/** The folder `npm run build:ui` writes to, relative to the repository root. */
export const UI_DIST = fileURLToPath(new URL('../../dist/ui', import.meta.url));

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
