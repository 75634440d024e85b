/**
 * Who may talk to the API. With a token, every request needs `Authorization: Bearer TOKEN` (or the `selon_token`
 * cookie, so a browser can load the UI). A browser opening a page of the UI without it gets a sign-in form instead
 * of the page; the form posts the token to /signin, which sets the cookie (HttpOnly, SameSite=Strict) and goes back
 * to the page. On loopback without a token, the Host header must name the loopback, so a web page cannot reach a
 * local selon through DNS rebinding.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Context, Handler, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { HttpError } from './errors.js';
import { UI_CSP } from './static.js';

export const TOKEN_COOKIE = 'selon_token';
export const SIGNIN_PATH = '/signin';
/** Largest sign-in form body accepted (bytes). */
export const SIGNIN_BODY_LIMIT = 8 * 1024;

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export function requireToken(token: string, apiPrefix = '/api'): MiddlewareHandler {
  return async (c, next) => {
    const given = bearer(c.req.header('authorization')) ?? getCookie(c, TOKEN_COOKIE) ?? null;
    if (given === null || !sameSecret(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="selon"');
      if (wantsPage(c, apiPrefix)) return signinPage(c, pathAndQuery(c), false);
      throw new HttpError(401, 'unauthorized', 'this server needs "Authorization: Bearer TOKEN"');
    }
    await next();
  };
}

/** A browser navigating to a page of the UI (not the API, not a script's fetch). */
function wantsPage(c: Context, apiPrefix: string): boolean {
  const path = new URL(c.req.url).pathname;
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return false;
  if (path === apiPrefix || path.startsWith(`${apiPrefix}/`)) return false;
  return (c.req.header('accept') ?? '').includes('text/html');
}

function pathAndQuery(c: Context): string {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

/** Where to go after signing in: a path of this server only ("/search?q=x"), never another site ("//evil", "https:…"). */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value) || /[\\\u0000-\u001f]/.test(value)) return '/';
  if (value === SIGNIN_PATH || value.startsWith(`${SIGNIN_PATH}?`)) return '/';
  return value;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The sign-in form: plain HTML, no script, in French and English. Answers 401 (the page asked for is not shown). */
function signinPage(c: Context, next: string, wrong: boolean): Response {
  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>selon — jeton d'accès · access token</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#222}
label{display:block;margin:1rem 0 .25rem}input{font:inherit;width:100%;padding:.4rem;box-sizing:border-box}
button{font:inherit;margin-top:1rem;padding:.4rem 1.2rem}.error{color:#a00}</style></head>
<body><main><h1>selon</h1>
<p lang="fr">Ce serveur demande un jeton d'accès.</p><p lang="en">This server needs an access token.</p>
${wrong ? `<p class="error" role="alert" data-testid="signin-error">Jeton incorrect · Wrong token</p>` : ''}
<form method="post" action="${SIGNIN_PATH}" data-testid="signin">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<label for="token">Jeton d'accès · Access token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Entrer · Sign in</button>
</form></main></body></html>
`;
  c.header('Content-Security-Policy', UI_CSP);
  c.header('X-Frame-Options', 'DENY');
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(html, 401);
}

/**
 * POST /signin (an HTML form: token, next). The right token sets the token cookie and redirects to `next` (303);
 * a wrong one shows the form again (401). Anything but a form body is a 415.
 */
export function signinHandler(token: string): Handler {
  return async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
      throw new HttpError(415, 'unsupported-media-type', 'send the sign-in form (application/x-www-form-urlencoded)');
    }
    const form = await c.req.parseBody();
    const next = safeNext(form['next']);
    const given = form['token'];
    if (typeof given !== 'string' || !sameSecret(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="selon"');
      return signinPage(c, next, true);
    }
    setCookie(c, TOKEN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Strict' });
    c.header('Cache-Control', 'no-store');
    return c.redirect(next, 303);
  };
}

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The hostname of a Host header, lower-cased, without its port. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d*$/, '');
}

export function allowHosts(hosts: string[]): MiddlewareHandler {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!allowed.has(hostName(host))) throw new HttpError(403, 'forbidden-host', `requests must name this server as ${hosts.join(' or ')}`);
    await next();
  };
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}
