/**
 * Scores the accounts rules on the labelled pair set.
 *   node --import tsx src/accounts/eval-pairs.ts [data/accounts/pairs-dev.jsonl] [--json] [--errors]
 * Prints, per language and overall: divergent precision/recall (the stage's verdict `divergent` vs the label), near-
 * duplicate precision/recall for the stage (consistent|variant vs verbatim|variant, on pairs that report one speech
 * event) and for cross-document clustering (same cluster vs verbatim|variant), and the confusion table.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packFor } from '../lang/index.js';
import { compareAccounts, versionsOf } from '../stages/compare-accounts.js';
import { channelsDiffer, judgeVersions, namesAgree } from './versions.js';
import { lexiconFor } from './lexicon.js';
import { DEFAULT_CONFIG } from '../config.js';
import { clusterQuotes, type AccountQuote } from './cluster.js';
import { pairDocument, parsePairs, type LabelledPair, type PairLabel } from './pairs.js';

export type Predicted = 'consistent' | 'variant' | 'divergent' | 'none';

export interface PairOutcome {
  id: string;
  lang: string;
  label: PairLabel;
  predicted: Predicted;
  similarity: number | null;
  /** Same cross-document cluster when the two quotes are clustered with every other quote of the set. */
  clustered: boolean;
  /**
   * The versions report one speech event: their annotated addressees or times do not disagree. Words told to two
   * interviewers are near-duplicates for clustering, but the stage groups only versions of one event.
   */
  oneEvent: boolean;
}

export interface PR {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface PairFigures {
  pairs: number;
  divergent: PR;
  nearDuplicate: PR;
  clustering: PR;
  confusion: Record<PairLabel, Record<Predicted, number>>;
}

/** The stage's verdict on one pair. */
export function judgePair(p: LabelledPair): { predicted: Predicted; similarity: number | null } {
  const pack = packFor(p.lang)!;
  const done = compareAccounts.run(pairDocument(p), pack, DEFAULT_CONFIG);
  const account = (done.layers.accounts ?? []).find((a) => a.quotes.includes('q1') && a.quotes.includes('q2'));
  if (account) return { predicted: account.verdict, similarity: account.similarity };
  // The stage leaves out a version repeated with the same words, channel and form (a headline restating the lead):
  // one account told twice. The pair is still the same words, so it counts as consistent here.
  const versions = versionsOf(done);
  const [a, b] = [versions.find((v) => v.quotes.some((q) => q.id === 'q1')), versions.find((v) => v.quotes.some((q) => q.id === 'q2'))];
  if (a && b) {
    const j = judgeVersions(a, b, lexiconFor(pack), { marker: false, denial: false });
    if (j.verdict === 'consistent' && !channelsDiffer(a, b) && a.kind === b.kind) return { predicted: 'consistent', similarity: j.similarity };
  }
  return { predicted: 'none', similarity: null };
}

/** Clusters the quotes of all pairs together (each quote its own document) and reports which pairs share a cluster. */
export function clusterPairs(pairs: LabelledPair[]): Set<string> {
  const records: AccountQuote[] = pairs.flatMap((p) =>
    (['a', 'b'] as const).map((side) => ({
      docId: `${p.id}/${side}`,
      quoteId: 'q1',
      speakerKey: `${p.id}:${p.speaker}`,
      speakerName: p.speaker,
      content: p[side].content,
      outlet: p[side].via[0] ?? null,
      date: null,
      via: p[side].via,
      lang: p.lang,
    })),
  );
  const { clusters } = clusterQuotes(records);
  const together = new Set<string>();
  for (const c of clusters) {
    const sides = new Map<string, number>();
    for (const v of c.versions) for (const app of v.appearances) {
      const id = app.docId.slice(0, app.docId.lastIndexOf('/'));
      sides.set(id, (sides.get(id) ?? 0) + 1);
    }
    for (const [id, n] of sides) if (n === 2) together.add(id);
  }
  return together;
}

function pr(tp: number, fp: number, fn: number): PR {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { precision: r(tp + fp ? tp / (tp + fp) : 1), recall: r(tp + fn ? tp / (tp + fn) : 1), tp, fp, fn };
}

export function outcomes(pairs: LabelledPair[]): PairOutcome[] {
  const together = clusterPairs(pairs);
  return pairs.map((p) => ({ id: p.id, lang: p.lang, label: p.label, ...judgePair(p), clustered: together.has(p.id), oneEvent: oneEvent(p) }));
}

/** As the stage reads addressees, only two proper names disagree for certain ("TF1" and "L'Équipe", not "the crowd"). */
function oneEvent(p: LabelledPair): boolean {
  const proper = (x: string | null): x is string => !!x && /^\p{Lu}/u.test(x);
  const addressees = proper(p.a.addressee) && proper(p.b.addressee) && !namesAgree(p.a.addressee, p.b.addressee);
  return !addressees && !(p.a.time && p.b.time && p.a.time !== p.b.time);
}

export function figures(results: PairOutcome[]): PairFigures {
  const near = (l: PairLabel) => l === 'verbatim' || l === 'variant';
  const count = (f: (o: PairOutcome) => boolean) => results.filter(f).length;
  const isDiv = (o: PairOutcome) => o.predicted === 'divergent';
  const isNear = (o: PairOutcome) => o.predicted === 'consistent' || o.predicted === 'variant';
  const confusion = {} as PairFigures['confusion'];
  for (const l of ['verbatim', 'variant', 'divergent', 'unrelated'] as PairLabel[]) {
    confusion[l] = { consistent: 0, variant: 0, divergent: 0, none: 0 };
    for (const o of results) if (o.label === l) confusion[l][o.predicted]++;
  }
  return {
    pairs: results.length,
    divergent: pr(count((o) => isDiv(o) && o.label === 'divergent'), count((o) => isDiv(o) && o.label !== 'divergent'), count((o) => !isDiv(o) && o.label === 'divergent')),
    // The stage groups versions of one speech event only: two events' versions are expected apart.
    nearDuplicate: pr(count((o) => isNear(o) && near(o.label) && o.oneEvent), count((o) => isNear(o) && !(near(o.label) && o.oneEvent)), count((o) => !isNear(o) && near(o.label) && o.oneEvent)),
    clustering: pr(count((o) => o.clustered && near(o.label)), count((o) => o.clustered && !near(o.label)), count((o) => !o.clustered && near(o.label))),
    confusion,
  };
}

function table(name: string, f: PairFigures): string {
  const line = (label: string, x: PR) =>
    `  ${label.padEnd(26)} P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}   (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`;
  const rows = Object.entries(f.confusion).map(
    ([l, c]) => `    ${l.padEnd(10)} ${String(c.consistent).padStart(10)} ${String(c.variant).padStart(8)} ${String(c.divergent).padStart(9)} ${String(c.none).padStart(6)}`,
  );
  return [
    `${name}: ${f.pairs} pairs`,
    line('divergent (stage)', f.divergent),
    line('near-duplicate (stage)', f.nearDuplicate),
    line('near-duplicate (clusters)', f.clustering),
    `    ${'label'.padEnd(10)} ${'consistent'.padStart(10)} ${'variant'.padStart(8)} ${'divergent'.padStart(9)} ${'none'.padStart(6)}`,
    ...rows,
  ].join('\n');
}

export function evaluatePairs(pairs: LabelledPair[]): { all: PairFigures; byLang: Record<string, PairFigures>; results: PairOutcome[] } {
  const results = outcomes(pairs);
  const byLang: Record<string, PairFigures> = {};
  for (const lang of [...new Set(results.map((r) => r.lang))].sort()) byLang[lang] = figures(results.filter((r) => r.lang === lang));
  return { all: figures(results), byLang, results };
}

async function main(argv: string[]): Promise<void> {
  const file = argv.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../../data/accounts/pairs-dev.jsonl', import.meta.url));
  let pairs: LabelledPair[];
  try {
    pairs = parsePairs(readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(`eval-pairs: ${file}: ${e.code ? `cannot read (${e.code})` : e.message}\n`);
    process.exitCode = 1;
    return;
  }
  if (!pairs.length) {
    process.stderr.write(`eval-pairs: ${file}: no pairs\n`);
    process.exitCode = 1;
    return;
  }
  const { all, byLang, results } = evaluatePairs(pairs);
  if (argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ file, all, byLang }, null, 2) + '\n');
    return;
  }
  const out = [table('all', all), ...Object.entries(byLang).map(([l, f]) => table(l, f))];
  if (argv.includes('--errors')) {
    const near = (l: string) => l === 'verbatim' || l === 'variant';
    const wrong = results.filter(
      (o) =>
        (o.predicted === 'divergent') !== (o.label === 'divergent') ||
        (o.predicted === 'consistent' || o.predicted === 'variant') !== near(o.label) ||
        o.clustered !== near(o.label),
    );
    const byId = new Map(pairs.map((p) => [p.id, p]));
    out.push(
      'errors:\n' +
        wrong
          .map((o) => {
            const p = byId.get(o.id)!;
            return `  ${o.id} ${o.label} → ${o.predicted} (sim ${o.similarity ?? '-'}, clustered ${o.clustered}) ${p.speaker}: ${p.a.content.slice(0, 50)} | ${p.b.content.slice(0, 50)}`;
          })
          .join('\n'),
    );
  }
  process.stdout.write(out.join('\n\n') + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
