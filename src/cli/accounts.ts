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
import { DATE_PATTERN } from '../store/record.js';
import { DEFAULT_STORE_URL, openStore } from '../store/store.js';
import { accountsOver, type AccountQuote, type AccountsFilters, type AccountsReport, type QuoteCluster } from '../accounts/cluster.js';
import { accountsFromStore, quotesFromExtraction, resolveSpeakers } from '../accounts/sources.js';
import { formatDiff } from '../accounts/diff.js';

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

function date(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !DATE_PATTERN.test(value)) throw new SelonError('E003', `--${name} must be yyyy, yyyy-mm or yyyy-mm-dd, not "${value}"`);
  return value;
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
      since: date('since', v.since),
      until: date('until', v.until),
      flagged: v.flagged,
      minSize: count('min-size', v['min-size']),
      limit: count('limit', v.limit),
    },
  };
}

/** Quote records of selon/1 JSONL files (gzipped or not). Lines that are not selon/1 records are counted, not fatal. */
export function readExtractions(paths: string[], read: (p: string) => Buffer = (p) => readFileSync(p === '-' ? 0 : p)): { records: AccountQuote[]; skipped: number } {
  const records: AccountQuote[] = [];
  let skipped = 0;
  for (const path of paths) {
    const bytes = read(path);
    const text = new TextDecoder().decode(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const x = JSON.parse(line) as Extraction;
        if (x.schema !== 'selon/1' || !Array.isArray(x.quotes)) throw new Error('not selon/1');
        records.push(...quotesFromExtraction(x));
      } catch {
        skipped++;
      }
    }
  }
  return { records: resolveSpeakers(records), skipped };
}

const dateOf = (d: string | null) => d ?? 'undated';

function clusterText(c: QuoteCluster): string[] {
  const flags = c.flags.length ? `  [${c.flags.join(', ')}]` : '';
  const first = `${dateOf(c.first.date)} ${c.first.outlet ?? c.first.docId}`;
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
  if (cmd.inputs.length) {
    let read;
    try {
      read = readExtractions(cmd.inputs);
    } catch (err) {
      process.stderr.write(`selon accounts: cannot read ${(err as NodeJS.ErrnoException).path ?? ''} ${(err as Error).message}\n`);
      return 1;
    }
    if (read.skipped) process.stderr.write(`selon accounts: ${read.skipped} lines were not selon/1 records\n`);
    report = accountsOver(read.records, cmd.filters);
  } else {
    const store = await openStore(cmd.store);
    try {
      report = await accountsFromStore(store, cmd.filters);
    } finally {
      await store.close();
    }
  }
  process.stdout.write(cmd.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
  return 0;
}
