/**
 * Who may talk to the API. With a token, every request needs `Authorization: Bearer TOKEN` (or the `selon_token`
 * cookie, so a browser can load the UI). On loopback without a token, the Host header must name the loopback, so a
 * web page cannot reach a local selon through DNS rebinding.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HttpError } from './errors.js';

export const TOKEN_COOKIE = 'selon_token';

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

export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const given = bearer(c.req.header('authorization')) ?? getCookie(c, TOKEN_COOKIE) ?? null;
    if (given === null || !sameSecret(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="selon"');
      throw new HttpError(401, 'unauthorized', 'this server needs "Authorization: Bearer TOKEN"');
    }
    await next();
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
