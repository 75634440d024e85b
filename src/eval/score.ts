/**
 * The evaluation algorithm of EVAL.md: a line-for-line port of ../shared/tools/score.py, the reference. Inputs are
 * plain JSON (gold lines in selon-gold/1, predictions in selon/1) read with Python's semantics: a missing key, null,
 * 0, '' and an empty list or object all count as absent where score.py tests truthiness.
 */
import { compareStr, splitWords, truthy } from './python.js';
import { sameName } from './names.js';

export type Json = Record<string, unknown>;

/** A gold document: score.py reads its `id`, `quotes` (each with a `kind`) and `not_speech`. */
export interface GoldDoc extends Json {
  id: unknown;
  quotes: Json[];
}

export const ALL_KINDS: readonly string[] = ['direct', 'mixed', 'indirect'];

/** A mention longer than this (characters) is a phrase, not a name: it cannot make a speaker right. */
export const MAX_MENTION = 80;
/** A predicted name of more words than this is a list of candidates, never right. */
export const MAX_NAME = 8;

export interface Scores {
  docs: number;
  missing_docs: number;
  gold: number;
  pred: number;
  quote_p: number;
  quote_r: number;
  quote_f1: number;
  e2e_p: number;
  e2e_r: number;
  e2e_f1: number;
  speaker_acc: number;
  recall_by_kind: Record<string, number>;
  e2e_recall_by_kind: Record<string, number>;
  addressee_p: number;
  addressee_r: number;
  addressee_f1: number;
  addressee_gold: number;
  via_p: number;
  via_r: number;
  via_f1: number;
  via_gold: number;
  scare_quote_fp: number;
}

/** Keys of Scores that Python holds as int (printed without a decimal point in --json). */
export const INT_KEYS: ReadonlySet<string> = new Set([
  'docs', 'missing_docs', 'gold', 'pred', 'addressee_gold', 'via_gold', 'scare_quote_fp',
]);

type Piece = [number, number];

function obj(x: unknown): Json {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : {};
}

function list(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

/** `x.get(key, dflt)`: the default only when the key is absent (a null value stays null). */
function get(o: Json, key: string, dflt: unknown = null): unknown {
  return key in o ? o[key] : dflt;
}

/** The pieces of a quote: its fragments when given, else its content span; empty pieces dropped. */
export function spans(q: Json): Piece[] {
  const c = truthy(q.content) ? obj(q.content) : {};
  const frs = truthy(q.fragments) ? list(q.fragments) : [[get(c, 'start', 0), get(c, 'end', 0)]];
  return frs.map((f) => [list(f)[0], list(f)[1]] as Piece).filter(([s, e]) => e > s);
}

export function overlap(a: Piece, b: Piece): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

export function piecesOverlap(xs: Piece[], ys: Piece[]): number {
  let sum = 0;
  for (const x of xs) for (const y of ys) sum += overlap(x, y);
  return sum;
}

function mentionOk(pm: unknown): pm is Json {
  if (pm === null || pm === undefined) return false;
  const m = obj(pm);
  const len = (get(m, 'end', 0) as number) - (get(m, 'start', 0) as number);
  return len > 0 && len <= MAX_MENTION;
}

/** EVAL.md rule 4: mention overlap, or name agreement with the gold name or the gold mention's text. */
export function speakerRight(g: Json, p: Json): boolean {
  const gs = g.speaker;
  const ps = p.speaker;
  if (!truthy(gs)) return !truthy(ps);
  if (!truthy(ps)) return false;
  const gsp = obj(gs);
  const psp = obj(ps);
  const name = get(psp, 'name');
  if (splitWords(truthy(name) ? String(name) : '').length > MAX_NAME) return false;
  const gm = get(gsp, 'mention');
  const pm = get(psp, 'mention');
  if (truthy(gm) && mentionOk(pm)) {
    const m = obj(gm);
    const gl = (m.end as number) - (m.start as number);
    const ov = overlap([m.start as number, m.end as number], [pm.start as number, pm.end as number]);
    if (ov * 2 >= gl) return true;
  }
  return sameName(get(gsp, 'name'), name) || (gm !== null && gm !== undefined && sameName(get(obj(gm), 'text'), name));
}

export function refMatch(goldRef: unknown, predRef: unknown): boolean {
  if (!truthy(goldRef) || !truthy(predRef)) return false;
  return sameName(get(obj(goldRef), 'name'), get(obj(predRef), 'name'));
}

export function prf(tp: number, fp: number, fn: number): [number, number, number] {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

interface Tally {
  gold: number; pred: number; match: number; e2e: number;
  add_tp: number; add_fp: number; add_fn: number;
  via_tp: number; via_fp: number; via_fn: number;
  scare_fp: number; missing_docs: number;
  /** Per gold kind: [gold, matched, matched with the speaker right]. */
  byKind: Map<string, [number, number, number]>;
}

/** Scores predictions (keyed by document id) against gold documents, keeping the given kinds. */
export function score(goldDocs: GoldDoc[], predDocs: Map<unknown, Json>, kinds: ReadonlySet<string> = new Set(ALL_KINDS)): Scores {
  const t: Tally = {
    gold: 0, pred: 0, match: 0, e2e: 0, add_tp: 0, add_fp: 0, add_fn: 0, via_tp: 0, via_fp: 0, via_fn: 0,
    scare_fp: 0, missing_docs: 0, byKind: new Map(),
  };
  for (const gd of goldDocs) scoreDoc(gd, predDocs.get(gd.id ?? null), kinds, t);
  return figures(goldDocs.length, t);
}

function keepPred(q: Json, kinds: ReadonlySet<string>): boolean {
  // score.py: q.get('kind', <a member of kinds>) in kinds — a quote without `kind` is kept, `kind: null` is not.
  return !('kind' in q) || kinds.has(q.kind as string);
}

function scoreDoc(gd: GoldDoc, pd: Json | undefined, kinds: ReadonlySet<string>, t: Tally): void {
  const golds = gd.quotes.filter((q) => kinds.has(q.kind as string));
  let preds: Json[] = [];
  if (pd === undefined) t.missing_docs += 1;
  else preds = (truthy(pd.quotes) ? list(pd.quotes) : []).map(obj).filter((q) => keepPred(q, kinds));
  t.gold += golds.length;
  t.pred += preds.length;
  t.scare_fp += countOnNotSpeech(gd, preds);
  for (const [i, j] of pairQuotes(golds, preds)) tallyPair(golds[i]!, preds[j]!, t);
  for (const g of golds) kindRow(t, g.kind as string)[0] += 1;
}

function countOnNotSpeech(gd: Json, preds: Json[]): number {
  const notSpeech = (truthy(gd.not_speech) ? list(gd.not_speech) : []).map((n) => {
    const o = obj(n);
    return [o.start, o.end] as Piece;
  });
  return preds.filter((p) => notSpeech.some((n) => piecesOverlap(spans(p), [n]) * 2 >= n[1] - n[0])).length;
}

/** EVAL.md rule 2: candidate pairs by decreasing overlap, ties by gold order then prediction order; one pair each. */
export function pairQuotes(golds: Json[], preds: Json[]): [number, number][] {
  const candidates: [number, number, number][] = [];
  golds.forEach((g, i) => {
    const gp = spans(g);
    const glen = gp.reduce((n, [s, e]) => n + (e - s), 0);
    preds.forEach((p, j) => {
      const pp = spans(p);
      const plen = pp.reduce((n, [s, e]) => n + (e - s), 0);
      const ov = piecesOverlap(gp, pp);
      if (ov && 2 * ov >= glen && 2 * ov >= plen) candidates.push([ov, i, j]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedG.has(i) || usedP.has(j)) continue;
    usedG.add(i);
    usedP.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

function kindRow(t: Tally, kind: string): [number, number, number] {
  let row = t.byKind.get(kind);
  if (!row) t.byKind.set(kind, (row = [0, 0, 0]));
  return row;
}

function tallyPair(g: Json, p: Json, t: Tally): void {
  t.match += 1;
  const ok = speakerRight(g, p) ? 1 : 0;
  t.e2e += ok;
  const row = kindRow(t, g.kind as string);
  row[1] += 1;
  row[2] += ok;
  const ga = g.addressee;
  const pa = p.addressee;
  if (truthy(ga) && truthy(pa) && refMatch(ga, pa)) t.add_tp += 1;
  else {
    t.add_fn += truthy(ga) ? 1 : 0;
    t.add_fp += truthy(pa) ? 1 : 0;
  }
  const gv = truthy(g.via) ? list(g.via) : [];
  const pv = truthy(p.via) ? list(p.via) : [];
  const hit = gv.filter((v) => pv.some((w) => refMatch(v, w))).length;
  t.via_tp += hit;
  t.via_fn += gv.length - hit;
  t.via_fp += pv.filter((w) => !gv.some((v) => refMatch(v, w))).length;
}

function figures(docs: number, t: Tally): Scores {
  const [quote_p, quote_r, quote_f1] = prf(t.match, t.pred - t.match, t.gold - t.match);
  const [e2e_p, e2e_r, e2e_f1] = prf(t.e2e, t.pred - t.e2e, t.gold - t.e2e);
  const [addressee_p, addressee_r, addressee_f1] = prf(t.add_tp, t.add_fp, t.add_fn);
  const [via_p, via_r, via_f1] = prf(t.via_tp, t.via_fp, t.via_fn);
  const rows = [...t.byKind.entries()].sort((a, b) => compareStr(a[0], b[0]));
  return {
    docs, missing_docs: t.missing_docs, gold: t.gold, pred: t.pred,
    quote_p, quote_r, quote_f1, e2e_p, e2e_r, e2e_f1,
    speaker_acc: t.match ? t.e2e / t.match : 0,
    recall_by_kind: Object.fromEntries(rows.map(([k, v]) => [k, v[0] ? v[1] / v[0] : 0])),
    e2e_recall_by_kind: Object.fromEntries(rows.map(([k, v]) => [k, v[0] ? v[2] / v[0] : 0])),
    addressee_p, addressee_r, addressee_f1, addressee_gold: t.add_tp + t.add_fn,
    via_p, via_r, via_f1, via_gold: t.via_tp + t.via_fn,
    scare_quote_fp: t.scare_fp,
  };
}
