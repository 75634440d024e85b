/**
 * Accounts benchmark: cross-document clustering of 100,000 quotes (target: under a minute on this machine), plus the
 * within-document stage and the pair evaluation. Printed, never asserted.
 *
 * The quotes: statements made of the words of the bundled Wikinews corpus (data/demo, CC BY 2.5) — its real sentences
 * first, then word sequences drawn with the corpus's word frequencies, so unrelated statements share the common words
 * real ones share — spoken by a Zipf-distributed population of speakers, each reported 1 to 6 times by outlets over two
 * years, the way syndication and rewriting change them: case, accents, straight vs curly quotes, truncation with "…",
 * a word dropped or replaced. 2 % of reports give the words to another speaker. Because the generator knows which
 * reports share a statement and which are misattributed, the run also prints how well the clusters recover them.
 *
 * Run alone: node --import tsx bench/accounts.bench.ts [--quotes N]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterQuotes, type AccountQuote } from '../src/accounts/cluster.js';
import { parsePairs } from '../src/accounts/pairs.js';
import { evaluatePairs } from '../src/accounts/eval-pairs.js';
import { compareAccounts } from '../src/stages/compare-accounts.js';
import { packFor } from '../src/lang/index.js';
import { segment } from '../src/stages/segment.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import type { Document, QuoteDraft } from '../src/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentences(): string[] {
  const out: string[] = [];
  const dir = join(ROOT, 'data/demo');
  if (!existsSync(dir)) throw new Error('data/demo not found');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { text: string };
      for (const s of d.text.split(/(?<=[.!?»"])\s+|\n+/)) {
        const words = s.trim().split(/\s+/);
        if (words.length >= 8 && words.length <= 40) out.push(words.join(' '));
      }
    }
  }
  return out;
}

interface Generated {
  records: AccountQuote[];
  /** The statement each record reports. */
  statement: number[];
  /** Indices of the records that give the words to another speaker, with the speaker who said them. */
  misattributed: { record: number; speaker: string }[];
}

export function generate(count: number, seed = 1): Generated {
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const pool = sentences();
  const speakers = Array.from({ length: 3000 }, (_, i) => `speaker-${i}`);
  const zipf = () => Math.min(speakers.length - 1, Math.floor(Math.pow(random(), 2.5) * speakers.length));
  const outlets = Array.from({ length: 60 }, (_, i) => `outlet${i}.example`);
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
  const perturb = (text: string): string => {
    const r = random();
    if (r < 0.35) return text;
    if (r < 0.45) return text.toUpperCase();
    if (r < 0.55) return fold(text);
    if (r < 0.65) return `“${text.replace(/[«»"]/g, '')}”`;
    const words = text.split(' ');
    if (r < 0.8) return `${words.slice(0, Math.max(4, Math.ceil(words.length * (0.5 + random() * 0.4)))).join(' ')} …`;
    const k = Math.floor(random() * words.length);
    if (r < 0.9) words.splice(k, 1);
    else words[k] = pick(pick(pool).split(' '));
    return words.join(' ');
  };
  const vocabulary = pool.flatMap((x) => x.split(' '));
  const statementOf = (i: number): string => {
    if (i < pool.length) return pool[i]!;
    const length = 8 + Math.floor(random() * 25);
    return Array.from({ length }, () => pick(vocabulary)).join(' ');
  };
  const records: AccountQuote[] = [];
  const statement: number[] = [];
  const misattributed: Generated['misattributed'] = [];
  let s = 0;
  while (records.length < count) {
    const text = statementOf(s);
    const speaker = speakers[zipf()]!;
    const reports = 1 + Math.floor(Math.pow(random(), 2) * 6);
    const day = Math.floor(random() * 700);
    for (let k = 0; k < reports && records.length < count; k++) {
      const who = random() < 0.02 ? speakers[zipf()]! : speaker;
      const date = new Date(Date.UTC(2023, 0, 1 + day + Math.floor(random() * 4))).toISOString().slice(0, 10);
      const outlet = pick(outlets);
      if (who !== speaker && k > 0) misattributed.push({ record: records.length, speaker });
      records.push({ docId: `${outlet}/${s}-${k}`, quoteId: 'q1', speakerKey: who, speakerName: who, content: perturb(text), outlet, date, via: [] });
      statement.push(s);
    }
    s++;
  }
  return { records, statement, misattributed };
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

/** Pairwise precision and recall of the speaker clusters against the generated statements (same speaker, same statement). */
function recovery(g: Generated, clusters: ReturnType<typeof clusterQuotes>['clusters']): { precision: number; recall: number } {
  const index = new Map(g.records.map((r, i) => [r.docId, i]));
  const clusterOf = new Int32Array(g.records.length).fill(-1);
  clusters.forEach((c, ci) => {
    for (const v of c.versions) for (const a of v.appearances) clusterOf[index.get(a.docId)!] = ci;
  });
  const key = (i: number) => `${g.statement[i]}|${g.records[i]!.speakerKey}`;
  const truth = new Map<string, number[]>();
  g.records.forEach((_, i) => truth.set(key(i), [...(truth.get(key(i)) ?? []), i]));
  let truePairs = 0;
  let found = 0;
  for (const members of truth.values()) {
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) {
      truePairs++;
      if (clusterOf[members[x]!]! >= 0 && clusterOf[members[x]!] === clusterOf[members[y]!]) found++;
    }
  }
  let predicted = 0;
  let right = 0;
  const byCluster = new Map<number, number[]>();
  clusterOf.forEach((c, i) => c >= 0 && byCluster.set(c, [...(byCluster.get(c) ?? []), i]));
  for (const members of byCluster.values()) {
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) {
      predicted++;
      if (key(members[x]!) === key(members[y]!)) right++;
    }
  }
  return { precision: predicted ? right / predicted : 1, recall: truePairs ? found / truePairs : 1 };
}

function stageBench(docs: number): number {
  const pack = packFor('fr')!;
  const pool = sentences().slice(0, 400);
  const built: Document[] = [];
  for (let d = 0; d < docs; d++) {
    const parts = Array.from({ length: 30 }, (_, k) => `« ${pool[(d * 7 + k) % pool.length]} », a dit X.`);
    const text = parts.join(' ');
    const base = segment.run({ id: `d${d}`, text, lang: 'fr', date: null, meta: {}, layers: {}, messages: [] }, pack, DEFAULT_CONFIG);
    let at = 0;
    const quotes: QuoteDraft[] = parts.map((p, k) => {
      const start = text.indexOf(p, at) + 2;
      at = start;
      const end = start + p.length - 15;
      return {
        id: `q${k + 1}`, kind: 'direct', content: { start, end }, fragments: null, cue: null, quoted: null, speakerMention: null,
        speakerEntity: `e${(k % 3) + 1}`, speakerName: null, addressee: null, via: [], time: null, continues: null, confidence: 1,
        evidence: [], sentence: 0,
      };
    });
    built.push({ ...base, layers: { ...base.layers, quotes, entities: [] } });
  }
  const [, ms] = time(() => built.forEach((doc) => compareAccounts.run(doc, pack, DEFAULT_CONFIG)));
  return ms;
}

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--quotes');
  const count = at >= 0 ? Number(argv[at + 1]) : 100_000;
  console.log(`accounts: generating ${count.toLocaleString('en')} quotes…`);
  const [g, genMs] = time(() => generate(count));
  const statements = new Set(g.statement).size;
  console.log(`  ${g.records.length.toLocaleString('en')} quotes of ${statements.toLocaleString('en')} statements (${(genMs / 1000).toFixed(1)} s)`);
  // Every cluster, singletons included (the speaker who said the words may be quoted once only).
  const [result, ms] = time(() => clusterQuotes(g.records, { minSize: 1 }));
  const { stats } = result;
  const mem = process.memoryUsage().rss / 1024 / 1024;
  console.log(`  clustered in ${(ms / 1000).toFixed(1)} s (target < 60 s): ${stats.texts.toLocaleString('en')} distinct wordings, ` +
    `${stats.candidates.toLocaleString('en')} candidate pairs, ${stats.clusters.toLocaleString('en')} clusters, ` +
    `${result.conflicts.length.toLocaleString('en')} speaker conflicts; rss ${mem.toFixed(0)} MB`);
  const r = recovery(g, result.clusters);
  console.log(`  statements recovered (pairwise, same speaker): precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`);
  // A report that gives the words to another speaker: is the cluster of the speaker who said them flagged, naming
  // the other speaker?
  const clusterOfDoc = new Map<string, (typeof result.clusters)[number]>();
  for (const c of result.clusters) for (const v of c.versions) for (const a of v.appearances) clusterOfDoc.set(a.docId, c);
  const byStatement = new Map<number, number[]>();
  g.statement.forEach((st, i) => byStatement.set(st, [...(byStatement.get(st) ?? []), i]));
  const found = g.misattributed.filter(({ record, speaker }) => {
    const wrong = g.records[record]!.speakerKey;
    const original = byStatement.get(g.statement[record]!)!.find((i) => g.records[i]!.speakerKey === speaker);
    const c = original === undefined ? undefined : clusterOfDoc.get(g.records[original]!.docId);
    return !!c && c.flags.includes('speaker-conflict') && c.otherSpeakers.some((o) => o.speakerKey === wrong);
  }).length;
  console.log(`  misattributions flagged (speaker-conflict naming the other speaker): ${found} of ${g.misattributed.length}`);
  const docs = 200;
  const stageMs = stageBench(docs);
  console.log(`  compare-accounts stage: ${docs} documents × 30 quotes in ${stageMs.toFixed(0)} ms (${(stageMs / docs).toFixed(2)} ms/doc)`);
  const pairs = parsePairs(readFileSync(join(ROOT, 'data/accounts/pairs-dev.jsonl'), 'utf8'));
  const [, evalMs] = time(() => evaluatePairs(pairs));
  console.log(`  pair evaluation: ${pairs.length} pairs in ${evalMs.toFixed(0)} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
