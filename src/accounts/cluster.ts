/**
 * Across documents: every version of the same words. Pure functions over quote records (from the store or from
 * selon/1 extractions). Quotes are clustered by speaker and near-duplicate content — MinHash/LSH over shingles of
 * normalised words finds candidate pairs, the wording rules of similarity.ts confirm them — and, separately, by
 * content alone, to flag the same words attributed to different speakers by different outlets.
 *
 * Short fragments and truncations ("a disgrace", "This man cannot remain in power …") attach to the one cluster they
 * match best instead of merging clusters, so a fragment shared by two different statements never chains them.
 */
import type { LanguagePack } from '../lang/pack.js';
import type { QuoteKind } from '../types.js';
import { PACKS } from '../lang/index.js';
import { mergedLexicon, type AccountLexicon } from './lexicon.js';
import { wordDiff, type DiffOp } from './diff.js';
import { candidatePairs } from './candidates.js';
import { buildTexts, type Text } from './texts.js';
import { UnionFind } from './union-find.js';

/** One quote as the cross-document clustering sees it. */
export interface AccountQuote {
  docId: string;
  quoteId: string;
  /** The canonical speaker (the store's speaker id, or a normalised name); null when the quote has no speaker. */
  speakerKey: string | null;
  speakerName?: string | null;
  content: string;
  /** The outlet that published the document (site name or host). */
  outlet: string | null;
  /** ISO date (yyyy-mm-dd) the words were spoken: the quote's resolved time, else the publication date. */
  date: string | null;
  /** Publication date of the document, when known: what orders appearances ("first reported by"). */
  published?: string | null;
  via: string[];
  lang?: string | null;
  kind?: QuoteKind;
  url?: string | null;
  title?: string | null;
}

export interface Appearance {
  docId: string;
  quoteId: string;
  outlet: string | null;
  /** When the words were spoken (the quote's resolved time, else the publication date). */
  date: string | null;
  /** When the document was published, when known. */
  published: string | null;
  via: string[];
  speakerName: string | null;
  url: string | null;
}

export interface ClusterVersion {
  /** The words as the first record with this wording gives them. */
  text: string;
  count: number;
  outlets: string[];
  appearances: Appearance[];
  /** Word diff from the most common version to this one (empty for the most common version itself). */
  diff: DiffOp[];
  /** Similarity in [0, 1] to the most common version. */
  similarity: number;
}

export type ClusterFlag = 'wording-differs' | 'speaker-conflict';

export interface OtherSpeaker {
  speakerKey: string;
  speakerName: string | null;
  outlets: string[];
  count: number;
}

export interface QuoteCluster {
  id: string;
  speakerKey: string;
  speakerName: string | null;
  size: number;
  /** Earliest appearance (by publication date, else the date of the words, then document id); undated ones last. */
  first: Appearance;
  outlets: string[];
  /** The most common version first. */
  versions: ClusterVersion[];
  flags: ClusterFlag[];
  /** Other speakers the same words are attributed to (content-only clusters), with the outlets that do so. */
  otherSpeakers: OtherSpeaker[];
}

export interface SpeakerConflict {
  text: string;
  speakers: OtherSpeaker[];
}

export interface ClusterOptions {
  /** Words ignored in comparisons; default: every pack's lexicon merged. */
  lexicon?: AccountLexicon;
  /** Clusters with fewer records are left out of `clusters` (default 2). */
  minSize?: number;
  /** MinHash signature length and LSH bands (rows = size / bands). */
  signatureSize?: number;
  bands?: number;
}

export interface ClusterResult {
  clusters: QuoteCluster[];
  conflicts: SpeakerConflict[];
  stats: { records: number; texts: number; candidates: number; clusters: number; singletons: number };
}

function defaultLexicon(): AccountLexicon {
  return mergedLexicon(Object.values(PACKS) as LanguagePack[]);
}

function appearance(r: AccountQuote): Appearance {
  return {
    docId: r.docId, quoteId: r.quoteId, outlet: r.outlet, date: r.date, published: r.published ?? null, via: r.via,
    speakerName: r.speakerName ?? null, url: r.url ?? null,
  };
}

/** Dates compared as ISO strings, a missing one last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

/**
 * Earlier first. An appearance is when an outlet published the words: two outlets reporting Tuesday's words, one on
 * Tuesday and one on Wednesday, appear in that order. Without a publication date, the date of the words stands in.
 * Undated last; ties by the date of the words, then document id, then quote id.
 */
export function compareAppearances(a: Appearance, b: Appearance): number {
  const byPublication = compareDates(a.published ?? a.date, b.published ?? b.date);
  if (byPublication) return byPublication;
  const bySpeech = compareDates(a.date, b.date);
  if (bySpeech) return bySpeech;
  return a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.quoteId < b.quoteId ? -1 : a.quoteId > b.quoteId ? 1 : 0;
}

const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/** Clusters quote records across documents. Deterministic for a given input order. */
export function clusterQuotes(records: AccountQuote[], options: ClusterOptions = {}): ClusterResult {
  const lex = options.lexicon ?? defaultLexicon();
  const minSize = options.minSize ?? 2;
  const size = options.signatureSize ?? 48;
  const bands = options.bands ?? 16;
  const { texts, textOf } = buildTexts(records, lex);

  const speakerOf = (r: AccountQuote) => r.speakerKey;
  const speakersOfText = texts.map((t) => distinct(t.records.map((ri) => speakerOf(records[ri]!))));
  const { links, candidates } = candidatePairs(texts, speakersOfText, { signatureSize: size, bands });

  // Entries: one per (speaker, text). Near links join entries of the same speaker and texts of any speaker.
  const entryIds = new Map<string, number>();
  const entries: { speaker: string; text: number }[] = [];
  const entryOf = (speaker: string, text: number) => {
    const k = `${text}\u0000${speaker}`;
    let id = entryIds.get(k);
    if (id === undefined) {
      id = entries.length;
      entries.push({ speaker, text });
      entryIds.set(k, id);
    }
    return id;
  };
  texts.forEach((_, ti) => speakersOfText[ti]!.forEach((s) => entryOf(s, ti)));
  const entryUF = new UnionFind(entries.length);
  const textUF = new UnionFind(texts.length);
  const parts: { piece: number; whole: number; score: number }[] = [];
  for (const { a, b, link } of links) {
    if (link.kind === 'part') {
      parts.push(link.part === 'a' ? { piece: a, whole: b, score: link.score } : { piece: b, whole: a, score: link.score });
      continue;
    }
    textUF.union(a, b);
    for (const s of speakersOfText[a]!) if (speakersOfText[b]!.includes(s)) entryUF.union(entryOf(s, a), entryOf(s, b));
  }
  // Fragments: an entry still on its own joins the cluster of the partner it matches best.
  const sizeOf = new Map<number, number>();
  for (let e = 0; e < entries.length; e++) sizeOf.set(entryUF.find(e), (sizeOf.get(entryUF.find(e)) ?? 0) + 1);
  const best = new Map<number, { to: number; score: number }>();
  for (const { piece, whole, score } of parts) {
    for (const s of speakersOfText[piece]!) {
      if (!speakersOfText[whole]!.includes(s)) continue;
      const from = entryOf(s, piece);
      const to = entryOf(s, whole);
      if (sizeOf.get(entryUF.find(from)) !== 1) continue;
      const prev = best.get(from);
      if (!prev || score > prev.score || (score === prev.score && to < prev.to)) best.set(from, { to, score });
    }
  }
  for (const [from, { to }] of best) entryUF.union(from, to);

  // Content clusters spanning several speakers: the same words attributed to different people.
  const textGroups = new Map<number, number[]>();
  texts.forEach((_, ti) => {
    const root = textUF.find(ti);
    const list = textGroups.get(root);
    if (list) list.push(ti);
    else textGroups.set(root, [ti]);
  });
  const conflictOfText = new Map<number, OtherSpeaker[]>();
  const conflicts: SpeakerConflict[] = [];
  for (const tis of textGroups.values()) {
    const bySpk = new Map<string, number[]>();
    for (const ti of tis) for (const ri of texts[ti]!.records) {
      const s = speakerOf(records[ri]!);
      if (s === null) continue;
      const list = bySpk.get(s);
      if (list) list.push(ri);
      else bySpk.set(s, [ri]);
    }
    if (bySpk.size < 2 || !attributedApart([...bySpk.values()].map((ris) => new Set(ris.map((ri) => records[ri]!.docId))))) continue;
    // Outlets in the order they carried the words, whatever order the records came in.
    const speakers: OtherSpeaker[] = [...bySpk].map(([key, ris]) => ({
      speakerKey: key,
      speakerName: records[ris[0]!]!.speakerName ?? null,
      outlets: distinct(ris.map((ri) => appearance(records[ri]!)).sort(compareAppearances).map((a) => a.outlet)),
      count: ris.length,
    }));
    speakers.sort((x, y) => y.count - x.count || (x.speakerKey < y.speakerKey ? -1 : 1));
    conflicts.push({ text: texts[tis[0]!]!.sample, speakers });
    for (const ti of tis) conflictOfText.set(ti, speakers);
  }

  // Speaker clusters.
  const groups = new Map<number, number[]>();
  for (let e = 0; e < entries.length; e++) {
    const root = entryUF.find(e);
    const list = groups.get(root);
    if (list) list.push(e);
    else groups.set(root, [e]);
  }
  const clusters: QuoteCluster[] = [];
  let singletons = 0;
  for (const members of groups.values()) {
    const speaker = entries[members[0]!]!.speaker;
    const recs = members.flatMap((e) => texts[entries[e]!.text]!.records.filter((ri) => speakerOf(records[ri]!) === speaker));
    if (recs.length < 2) singletons++;
    if (recs.length < minSize) continue;
    clusters.push(buildCluster(records, recs, members.map((e) => entries[e]!.text), textOf, texts, speaker, conflictOfText));
  }
  clusters.sort((x, y) => y.size - x.size || compareAppearances(x.first, y.first));
  clusters.forEach((c, k) => (c.id = `c${k + 1}`));
  return { clusters, conflicts, stats: { records: records.length, texts: texts.length, candidates, clusters: clusters.length, singletons } };
}

/** Beyond this many speakers for one wording, the speakers are not compared pair by pair: the group is a conflict. */
const MAX_CONFLICT_SPEAKERS = 200;

/**
 * Do documents give the same words to different speakers? Yes when one document gives them to a speaker and not to
 * another, while some other document gives them to that other speaker and not to the first. One article quoting two
 * people who said the same words (a slogan, a joint statement) is not a conflict.
 */
function attributedApart(docsBySpeaker: Set<string>[]): boolean {
  if (docsBySpeaker.length > MAX_CONFLICT_SPEAKERS) return true;
  const outside = (a: Set<string>, b: Set<string>) => {
    for (const d of a) if (!b.has(d)) return true;
    return false;
  };
  for (let i = 0; i < docsBySpeaker.length; i++) {
    for (let j = i + 1; j < docsBySpeaker.length; j++) {
      const a = docsBySpeaker[i]!;
      const b = docsBySpeaker[j]!;
      if (outside(a, b) && outside(b, a)) return true;
    }
  }
  return false;
}

function buildCluster(
  records: AccountQuote[],
  recs: number[],
  textIds: number[],
  textOf: Int32Array,
  texts: Text[],
  speaker: string,
  conflictOfText: Map<number, OtherSpeaker[]>,
): QuoteCluster {
  const apps = recs.map((ri) => appearance(records[ri]!)).sort(compareAppearances);
  // Versions: records with the same normalised words (case, accents, punctuation, quote marks set aside).
  const byKey = new Map<number, number[]>();
  for (const ri of recs) {
    const key = textOf[ri]!;
    const list = byKey.get(key);
    if (list) list.push(ri);
    else byKey.set(key, [ri]);
  }
  const groups = [...byKey.values()].map((ris) => ris.map((ri) => ({ ri, app: appearance(records[ri]!) })).sort((x, y) => compareAppearances(x.app, y.app)));
  groups.sort((x, y) => y.length - x.length || compareAppearances(x[0]!.app, y[0]!.app));
  const main = records[groups[0]![0]!.ri]!.content;
  const versions: ClusterVersion[] = groups.map((g, k) => {
    const text = records[g[0]!.ri]!.content;
    const diff = k === 0 ? [] : wordDiff(main, text);
    const same = diff.filter((o) => o.op === 'same').reduce((n, o) => n + o.words.length, 0);
    const total = texts[textOf[groups[0]![0]!.ri]!]!.stems.length + texts[textOf[g[0]!.ri]!]!.stems.length;
    return {
      text,
      count: g.length,
      outlets: distinct(g.map((x) => x.app.outlet)),
      appearances: g.map((x) => x.app),
      diff,
      similarity: k === 0 ? 1 : Math.round(((2 * same) / Math.max(1, total)) * 1000) / 1000,
    };
  });
  const flags: ClusterFlag[] = [];
  const outletsWithVersion = versions.map((v) => new Set(v.outlets));
  const differs =
    versions.length > 1 &&
    outletsWithVersion.some((a, i) => outletsWithVersion.some((b, j) => i !== j && [...a].some((o) => !b.has(o)) && b.size > 0 && a.size > 0));
  if (differs) flags.push('wording-differs');
  const others = new Map<string, OtherSpeaker>();
  for (const ti of textIds) for (const o of conflictOfText.get(ti) ?? []) if (o.speakerKey !== speaker) others.set(o.speakerKey, o);
  if (others.size) flags.push('speaker-conflict');
  const names = recs.map((ri) => records[ri]!.speakerName).filter((n): n is string => !!n);
  return {
    id: '',
    speakerKey: speaker,
    speakerName: mostCommon(names) ?? null,
    size: recs.length,
    first: apps[0]!,
    outlets: distinct(apps.map((a) => a.outlet)),
    versions,
    flags,
    otherSpeakers: [...others.values()],
  };
}

function mostCommon(xs: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | undefined;
  for (const [x, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && x.length > best.length)) best = x;
  return best;
}

export { accountsOver, speakerKeyOf, type AccountsFilters, type AccountsReport } from './report.js';
