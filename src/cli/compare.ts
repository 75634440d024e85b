/** `selon compare A B`: the quotes two articles share, and how their wording differs. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { extract, type DocumentInput } from '../index.js';
import type { Extraction, OutputQuote } from '../types.js';
import { SelonError } from '../errors.js';
import { alignQuotes, type Alignment } from '../accounts/align.js';
import { formatDiff } from '../accounts/diff.js';
import { recordProblem } from '../store/validate.js';

export const summary = 'compare two articles: the quotes they share, and the words that differ';

const HELP = `Usage: selon compare A B [options]

Extracts the quotes of two articles and aligns them: quotes found in both (with a word diff from A's wording to B's),
quotes only in A, quotes only in B. A and B are .txt, .html/.htm or .jsonl files (the first document of a JSONL file:
{"id","text"|"html","lang","date","url"}, or a selon/1 record from "selon extract", used as it is), gzipped or not;
- reads standard input.

  --format F     text (default) or json
  --lang L       auto (default), fr or en
`;

const OPTIONS = { format: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function decode(bytes: Buffer): string {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return new TextDecoder('utf-8').decode(raw).replace(/^\uFEFF/, '');
}

/** Reads one article into an Extraction: a selon/1 record as it is, anything else through the engine. */
export function readArticle(path: string, lang: string, read: (p: string) => Buffer = (p) => readFileSync(p === '-' ? 0 : p)): Extraction {
  let content: string;
  try {
    content = decode(read(path));
  } catch (err) {
    throw new ReadError(`${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const name = path.replace(/\.gz$/i, '').toLowerCase();
  const options = { lang, id: path };
  if (/\.(jsonl|json|ndjson)$/.test(name) || (path === '-' && content.trimStart().startsWith('{'))) {
    const line = content.split('\n').find((l) => l.trim());
    if (!line) throw new ReadError(`${path}: no document`);
    let doc: DocumentInput & { schema?: string };
    try {
      doc = JSON.parse(line);
    } catch {
      throw new ReadError(`${path}: the first line is not JSON`);
    }
    if (doc.schema === 'selon/1') {
      const problem = recordProblem(doc);
      if (problem) throw new ReadError(`${path}: not a valid selon/1 record: ${problem}`);
      return doc as unknown as Extraction;
    }
    return extract(doc, { ...options, id: doc.id ?? `${path}:1` });
  }
  if (/\.(html?|xhtml)$/.test(name) || /^\s*<(!doctype html|html)/i.test(content)) return extract({ html: content }, options);
  return extract(content, options);
}

class ReadError extends Error {}

function who(q: OutputQuote): string {
  return q.speaker?.name ?? '(no speaker)';
}

function via(q: OutputQuote): string {
  return q.via.length ? ` — via ${q.via.map((v) => v.name).join(', ')}` : '';
}

export function formatText(a: Extraction, b: Extraction, al: Alignment): string {
  const lines: string[] = [];
  const head = (tag: string, x: Extraction) => `${tag}: ${x.id} (${x.lang ?? '?'}, ${x.quotes.length} quotes${x.status === 'skipped' ? `, skipped: ${x.reason}` : ''})`;
  lines.push(head('A', a), head('B', b), '');
  lines.push(`matched (${al.matched.length}):`);
  for (const m of al.matched) {
    const speakers = m.speakerConflict ? `${who(m.a)} ≠ ${who(m.b)} (same words, different speakers)` : who(m.a);
    lines.push(`  [${m.verdict} ${m.similarity.toFixed(2)}] ${speakers}`);
    lines.push(`    A: « ${m.a.content.text} »${via(m.a)}`);
    lines.push(`    B: « ${m.b.content.text} »${via(m.b)}`);
    if (m.verdict !== 'consistent') lines.push(`    diff: ${formatDiff(m.diff)}`);
  }
  for (const [tag, list] of [['only in A', al.onlyA], ['only in B', al.onlyB]] as const) {
    lines.push('', `${tag} (${list.length}):`);
    for (const q of list) lines.push(`  ${who(q)}: « ${q.content.text} »${via(q)}`);
  }
  return lines.join('\n') + '\n';
}

export function toJson(a: Extraction, b: Extraction, al: Alignment): unknown {
  const doc = (x: Extraction) => ({ id: x.id, lang: x.lang, status: x.status, quotes: x.quotes.length });
  return { a: doc(a), b: doc(b), matched: al.matched, onlyA: al.onlyA, onlyB: al.onlyB };
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new SelonError('E004', (err as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new SelonError('E003', `--format must be text or json, not "${format}"`);
  const lang = parsed.values.lang ?? 'auto';
  if (!['auto', 'fr', 'en'].includes(lang)) throw new SelonError('E003', `--lang must be auto, fr or en, not "${lang}"`);
  if (parsed.positionals.length !== 2) {
    process.stderr.write(`selon compare: two articles are needed, got ${parsed.positionals.length}\n\n${HELP}`);
    return 2;
  }
  const [pa, pb] = parsed.positionals as [string, string];
  let a: Extraction;
  let b: Extraction;
  try {
    a = readArticle(pa, lang);
    b = readArticle(pb, lang);
  } catch (err) {
    if (err instanceof ReadError) {
      process.stderr.write(`selon compare: cannot read ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const al = alignQuotes(a, b);
  process.stdout.write(format === 'json' ? JSON.stringify(toJson(a, b, al), null, 2) + '\n' : formatText(a, b, al));
  return 0;
}
