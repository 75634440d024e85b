/**
 * `selon accounts`: every version of the same words across documents — from a store, or from selon/1 JSONL files
 * written by `selon extract` — with the outlets that carry each version, the earliest appearance, the words that
 * differ, and the same words attributed to different speakers.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import type { Extraction } from '../types.js';
import { SelonError } from '../errors.js';
import { dateProblem, rangeProblem } from '../store/record.js';
import { DEFAULT_STORE_URL, openStore } from '../store/store.js';
import { accountsOver, type AccountQuote, type AccountsFilters, type AccountsReport, type QuoteCluster } from '../accounts/cluster.js';
import { accountsFromStore, quotesFromExtraction, resolveSpeakers } from '../accounts/sources.js';
import { formatDiff } from '../accounts/diff.js';
import { recordProblem } from '../store/validate.js';

export const summary = 'every version of the same words across documents, and where outlets disagree';

const HELP = `Usage: selon accounts [options]

Clusters the stored quotes by speaker and near-duplicate wording (case, accents, punctuation, quote marks, "…"
truncation and small wording changes set aside). For each cluster: the earliest appearance, the outlets, and each
version with a word diff against the most common one. Flags: wording-differs (outlets carry different wording),
speaker-conflict (the same words attributed to different speakers).

  --store URL       sqlite:PATH or postgres://… (default ${DEFAULT_STORE_URL})
  --input FILE      read selon/1 records (JSONL from "selon extract") instead of a store; repeatable
  --speaker NAME    clusters of this speaker ("Macron" also finds "Emmanuel Macron")
  --since DATE      quotes from this date on (yyyy, yyyy-mm or yyyy-mm-dd)
  --until DATE      quotes up to this date
  --flagged         only clusters with a flag
  --min-size N      clusters of at least N quotes (default 2)
  --limit N         at most N clusters
  --format F        text (default) or json

Exit codes: 0 everything was read; 1 some input could not be read (each file or line named on stderr, with the
reason; the rest is read and reported); 2 usage or configuration error (a store that does not exist included).
`;

const OPTIONS = {
  store: { type: 'string' }, input: { type: 'string', multiple: true }, speaker: { type: 'string' }, since: { type: 'string' },
  until: { type: 'string' }, flagged: { type: 'boolean' }, 'min-size': { type: 'string' }, limit: { type: 'string' },
  format: { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

export interface AccountsCommand {
  store: string;
  inputs: string[];
  filters: AccountsFilters;
  format: 'text' | 'json';
}

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new SelonError('E003', `--${name} must be a whole number of at least 1, not "${value}"`);
  return Number(value);
}

/** A filter date, checked as selon search checks its own: the shape and a day that exists ("2023-02-29" is none). */
function date(name: string, value: string | undefined): string | undefined {
  const problem = value === undefined ? null : dateProblem(value);
  if (problem) throw new SelonError('E003', `--${name} must be yyyy, yyyy-mm or yyyy-mm-dd, not "${value}": ${problem}`);
  return value;
}

/** A period that is empty by construction (--since after --until) is refused, not answered with nothing. */
function period(since: string | undefined, until: string | undefined): { since?: string; until?: string } {
  const checked = { since: date('since', since), until: date('until', until) };
  const problem = rangeProblem(checked.since, checked.until);
  if (problem) throw new SelonError('E003', `--${problem.replace(/^from/, 'since').replace(/ to /, ' --until ')}`);
  return checked;
}

export function parseAccountsArgs(argv: string[]): AccountsCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true });
  } catch (err) {
    throw new SelonError('E004', (err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new SelonError('E003', `--format must be text or json, not "${format}"`);
  if (v.input && v.store) throw new SelonError('E003', '--input and --store are two sources: give one');
  return {
    store: v.store ?? DEFAULT_STORE_URL,
    inputs: v.input ?? [],
    format,
    filters: {
      speaker: v.speaker,
      ...period(v.since, v.until),
      flagged: v.flagged,
      minSize: count('min-size', v['min-size']),
      limit: count('limit', v.limit),
    },
  };
}

/** The reason a JSONL line is not a selon/1 record, or null when it is one. */
function notARecord(line: string): { reason: string } | { record: Extraction } {
  let x: unknown;
  try {
    x = JSON.parse(line);
  } catch (err) {
    return { reason: `not JSON (${(err as Error).message})` };
  }
  if (!x || typeof x !== 'object' || Array.isArray(x)) return { reason: 'not a JSON object' };
  const o = x as Partial<Extraction>;
  if (o.schema !== 'selon/1') return { reason: `not a selon/1 record (schema ${JSON.stringify(o.schema ?? null)}; write one with "selon extract --format jsonl")` };
  const problem = recordProblem(o);
  if (problem) return { reason: `not a valid selon/1 record: ${problem}` };
  return { record: o as Extraction };
}

/**
 * Quote records of selon/1 JSONL files (gzipped or not). A file that cannot be read and a line that is not a selon/1
 * record are each reported as a problem naming the file (and line) and the reason; everything else is read.
 */
export function readExtractions(paths: string[], read: (p: string) => Buffer = (p) => readFileSync(p === '-' ? 0 : p)): { records: AccountQuote[]; problems: string[] } {
  const records: AccountQuote[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      const bytes = read(path);
      text = new TextDecoder().decode(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      problems.push(`${path}: cannot read (${e.code ?? e.message})`);
      continue;
    }
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const got = notARecord(line);
      if ('reason' in got) problems.push(`${path}:${i + 1}: ${got.reason}`);
      else records.push(...quotesFromExtraction(got.record));
    });
  }
  return { records: resolveSpeakers(records), problems };
}

/** At most this many problems are listed one by one on stderr; the rest are counted. */
const LISTED_PROBLEMS = 20;

const dateOf = (d: string | null) => d ?? 'undated';

function clusterText(c: QuoteCluster): string[] {
  const flags = c.flags.length ? `  [${c.flags.join(', ')}]` : '';
  const first = `${dateOf(c.first.published ?? c.first.date)} ${c.first.outlet ?? c.first.docId}`;
  const out = [`${c.id}  ${c.speakerName ?? c.speakerKey} — ${c.size} quotes, ${c.outlets.length} outlets, first ${first} (${c.first.docId})${flags}`];
  for (const [k, v] of c.versions.entries()) {
    const where = v.outlets.length ? v.outlets.join(', ') : v.appearances.map((a) => a.docId).join(', ');
    out.push(`   ×${v.count}  « ${v.text} »  (${where})`);
    if (k > 0) out.push(`        ${formatDiff(v.diff)}`);
  }
  for (const o of c.otherSpeakers) out.push(`   also attributed to ${o.speakerName ?? o.speakerKey} (${o.outlets.join(', ') || `${o.count} quotes`})`);
  return out;
}

export function formatReport(report: AccountsReport): string {
  const s = report.stats;
  const lines = [`${report.clusters.length} clusters (${s.records} quotes, ${s.texts} distinct wordings)`, ''];
  for (const c of report.clusters) lines.push(...clusterText(c), '');
  if (report.conflicts.length) {
    lines.push(`same words, different speakers (${report.conflicts.length}):`);
    for (const k of report.conflicts) {
      lines.push(`  « ${k.text} »`);
      for (const sp of k.speakers) lines.push(`     ${sp.speakerName ?? sp.speakerKey}: ${sp.count} (${sp.outlets.join(', ')})`);
    }
  }
  return lines.join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  const cmd = parseAccountsArgs(argv);
  if (cmd === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  let report: AccountsReport;
  let problems: string[] = [];
  if (cmd.inputs.length) {
    const read = readExtractions(cmd.inputs);
    problems = read.problems;
    report = accountsOver(read.records, cmd.filters);
  } else {
    // A reader: a mistyped path is an error, not a new empty store.
    const store = await openStore(cmd.store, { create: false });
    try {
      report = await accountsFromStore(store, cmd.filters);
    } finally {
      await store.close();
    }
  }
  process.stdout.write(cmd.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
  if (problems.length) {
    const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => `  ${p}\n`).join('');
    const more = problems.length > LISTED_PROBLEMS ? `  … and ${problems.length - LISTED_PROBLEMS} more\n` : '';
    process.stderr.write(`selon accounts: ${problems.length} input problem(s), the rest was read:\n${listed}${more}`);
    return 1;
  }
  return 0;
}
