/**
 * A light structural check of a selon/1 record before it is stored: enough that every column the store fills is
 * there and well typed. Returns the first problem found, or null.
 */
const KINDS = new Set(['direct', 'mixed', 'indirect']);
const VERDICTS = new Set(['consistent', 'variant', 'divergent']);

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNullableStr = (v: unknown): boolean => v === null || v === undefined || typeof v === 'string';

function checkRef(ref: unknown, where: string): string | null {
  if (ref === null) return null;
  if (!isObj(ref) || !isStr(ref.name)) return `${where} must be null or an object with a string name`;
  return null;
}

function checkQuote(q: unknown, i: number): string | null {
  const where = `quotes[${i}]`;
  if (!isObj(q)) return `${where} must be an object`;
  if (!isStr(q.id) || q.id === '') return `${where}.id must be a non-empty string`;
  if (!isStr(q.kind) || !KINDS.has(q.kind)) return `${where}.kind must be direct, mixed or indirect`;
  if (!isObj(q.content) || !isStr(q.content.text)) return `${where}.content must be a span with text`;
  if (typeof q.confidence !== 'number') return `${where}.confidence must be a number`;
  if (!Array.isArray(q.via)) return `${where}.via must be an array`;
  for (const [j, v] of q.via.entries()) {
    const problem = checkRef(v, `${where}.via[${j}]`) ?? (v === null ? `${where}.via[${j}] must be an object` : null);
    if (problem) return problem;
  }
  if (q.time !== null && q.time !== undefined && (!isObj(q.time) || !isNullableStr(q.time.date))) return `${where}.time must be null or have a date`;
  return checkRef(q.speaker ?? null, `${where}.speaker`) ?? checkRef(q.addressee ?? null, `${where}.addressee`);
}

function checkAccount(a: unknown, i: number): string | null {
  const where = `accounts[${i}]`;
  if (!isObj(a)) return `${where} must be an object`;
  if (!isStr(a.id) || !Array.isArray(a.quotes) || !a.quotes.every(isStr)) return `${where} must have an id and quote ids`;
  if (!isStr(a.verdict) || !VERDICTS.has(a.verdict)) return `${where}.verdict must be consistent, variant or divergent`;
  return null;
}

export function recordProblem(value: unknown): string | null {
  if (!isObj(value)) return 'a selon/1 record must be a JSON object';
  if (value.schema !== 'selon/1') return 'schema must be "selon/1"';
  if (!isStr(value.id) || value.id === '') return 'id must be a non-empty string';
  if (!isStr(value.text)) return 'text must be a string';
  if (!isObj(value.engine) || !isStr(value.engine.version)) return 'engine.version must be a string';
  if (value.status !== 'ok' && value.status !== 'skipped') return 'status must be "ok" or "skipped"';
  if (!isNullableStr(value.lang) || !isNullableStr(value.date)) return 'lang and date must be strings or null';
  if (!isObj(value.meta)) return 'meta must be an object';
  for (const key of ['quotes', 'entities', 'boilerplate', 'accounts', 'messages']) {
    if (!Array.isArray(value[key])) return `${key} must be an array`;
  }
  const quotes = value.quotes as unknown[];
  for (const [i, q] of quotes.entries()) {
    const problem = checkQuote(q, i);
    if (problem) return problem;
  }
  const accounts = value.accounts as unknown[];
  for (const [i, a] of accounts.entries()) {
    const problem = checkAccount(a, i);
    if (problem) return problem;
  }
  return duplicateId(quotes as Obj[], 'quote') ?? duplicateId(accounts as Obj[], 'account');
}

function duplicateId(items: Obj[], what: string): string | null {
  const seen = new Set<unknown>();
  for (const item of items) {
    if (seen.has(item.id)) return `${what} id "${String(item.id)}" appears twice`;
    seen.add(item.id);
  }
  return null;
}
