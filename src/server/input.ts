/** The JSON an /api/extract or /api/documents caller sends for one document: {text | html, lang?, date?, url?, id?, title?}. */
import type { DocumentInput, ExtractOptions } from '../index.js';
import { dateProblem } from '../store/record.js';
import { badRequest } from './errors.js';

const KNOWN = new Set(['text', 'html', 'lang', 'date', 'url', 'id', 'title']);

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`${name} must be a string`);
  return v;
}

export interface ExtractRequest {
  input: DocumentInput;
  options: ExtractOptions;
}

export function extractRequest(body: Record<string, unknown>, defaultId: string): ExtractRequest {
  const unknown = Object.keys(body).filter((k) => !KNOWN.has(k));
  if (unknown.length) throw badRequest(`unknown field ${unknown.map((k) => JSON.stringify(k)).join(', ')}; send text or html, with lang, date, url, id, title`);
  const text = optionalString(body, 'text');
  const html = optionalString(body, 'html');
  if (text === undefined && html === undefined) throw badRequest('missing field: send "text" or "html"');
  if (text !== undefined && html !== undefined) throw badRequest('send "text" or "html", not both');
  const lang = optionalString(body, 'lang');
  if (lang !== undefined && lang !== 'auto' && !/^[a-z]{2}$/.test(lang)) throw badRequest(`lang must be "auto" or a two-letter code, not "${lang}"`);
  const date = optionalString(body, 'date');
  if (date !== undefined) {
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(date) ? dateProblem(date) : 'not yyyy-mm-dd';
    if (problem) throw badRequest(`date must be yyyy-mm-dd, not "${date}": ${problem}`);
  }
  const id = optionalString(body, 'id') ?? defaultId;
  if (id === '') throw badRequest('id must not be empty');
  const title = optionalString(body, 'title');
  const input: DocumentInput = { id, text, html, date: date ?? null, url: optionalString(body, 'url') ?? null };
  if (title !== undefined) input.meta = { title };
  return { input, options: { id, lang: lang ?? 'auto' } };
}
