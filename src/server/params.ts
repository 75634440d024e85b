/** Reading and checking request input: query parameters and JSON bodies. A bad value is a 400 with its reason. */
import type { Context } from 'hono';
import { dateProblem, rangeProblem } from '../store/record.js';
import { MAX_PAGE_SIZE } from '../store/store.js';
import { toMatchQuery } from '../store/match.js';
import { badRequest, HttpError } from './errors.js';

/** Longest free-text query accepted (characters): longer ones are not searches but abuse. */
export const MAX_QUERY_LENGTH = 1000;

export class Query {
  constructor(private readonly c: Context) {
    // A parameter that is not valid percent-encoding ("q=%E0") would otherwise reach the search as its raw text.
    for (const part of new URL(c.req.url).search.slice(1).split('&')) {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        const name = part.split('=')[0]!;
        throw badRequest(`the query parameter "${name.slice(0, 40)}" is not valid percent-encoding (UTF-8): "${part.slice(0, 80)}"`);
      }
    }
  }

  text(name: string, max = MAX_QUERY_LENGTH): string | undefined {
    const v = this.c.req.query(name);
    if (v === undefined || v === '') return undefined;
    if (v.length > max) throw badRequest(`${name} is longer than ${max} characters`);
    return v;
  }

  /** Search words: a query holding no letter or digit ("*", "?") would match everything, so it is refused. */
  words(name: string): string | undefined {
    const v = this.text(name);
    if (v !== undefined && v.trim() !== '' && toMatchQuery(v) === null) {
      throw badRequest(`${name} "${v}" holds no word to search for (letters or digits)`);
    }
    return v?.trim() === '' ? undefined : v;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    if (!values.includes(v as T)) throw badRequest(`${name} must be one of ${values.join(', ')}, not "${v}"`);
    return v as T;
  }

  lang(name = 'lang'): string | undefined {
    const v = this.text(name);
    if (v !== undefined && !/^[a-z]{2}$/.test(v)) throw badRequest(`${name} must be a two-letter language code, not "${v}"`);
    return v;
  }

  date(name: string): string | undefined {
    const v = this.text(name);
    const problem = v === undefined ? null : dateProblem(v);
    if (problem) throw badRequest(`${name} must be a date (yyyy, yyyy-mm or yyyy-mm-dd), not "${v}": ${problem}`);
    return v;
  }

  /** Two dates bounding a period (inclusive); an empty period (from after to) is a 400. */
  period(fromName: string, toName: string): { from?: string; to?: string } {
    const from = this.date(fromName);
    const to = this.date(toName);
    const problem = rangeProblem(from, to);
    if (problem) throw badRequest(`${fromName} and ${toName}: ${problem.replace(/^from/, fromName).replace(/ to /, ` ${toName} `)}`);
    return { from, to };
  }

  positive(name: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const v = this.text(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < 1 || n > max) throw badRequest(`${name} must be a whole number from 1 to ${max}, not "${v}"`);
    return n;
  }

  flag(name: string): boolean {
    const v = this.text(name);
    if (v === undefined) return false;
    if (['1', 'true', 'yes'].includes(v)) return true;
    if (['0', 'false', 'no'].includes(v)) return false;
    throw badRequest(`${name} must be 1 or 0, not "${v}"`);
  }

  paging(): { page?: number; pageSize?: number } {
    return { page: this.positive('page', 1_000_000), pageSize: this.positive('pageSize', MAX_PAGE_SIZE) };
  }
}

/** A positive integer path parameter. */
export function idParam(value: string, what: string): number {
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1) throw badRequest(`${what} must be a positive whole number, not "${value}"`);
  return Number(value);
}

/** The request body as a JSON object; 415 for another content type, 400 for malformed JSON or a non-object. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new HttpError(415, 'unsupported-media-type', 'send the body as application/json');
  }
  const raw = await c.req.text();
  if (raw.trim() === '') throw badRequest('the request body is empty; send a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw badRequest(`malformed JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('the body must be a JSON object');
  return value as Record<string, unknown>;
}
