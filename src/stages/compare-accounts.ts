/**
 * compare-accounts: groups the quotes of one speaker that report the same speech event — through different channels
 * or in different forms — and says whether the versions agree (consistent), overlap (variant) or say different things
 * (divergent). A continuation belongs to the version it continues. Most quotes of one speaker are different
 * statements, so two versions need overlapping wording or an explicit sign in the text of a second version
 * ("une autre version", "the transcript contradicts"), from the pack; addressees and times that disagree rule a pair
 * out. The judging rules live in src/accounts/versions.ts, shared with the pair evaluation.
 */
import type { Stage } from '../pipeline.js';
import type { Account, Document, QuoteDraft, Span, Verdict } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import { lexiconFor, type AccountLexicon } from '../accounts/lexicon.js';
import { channelsDiffer, judgeVersions, RULES, type Judgement, type Version } from '../accounts/versions.js';
import { surroundingsOf } from '../accounts/surroundings.js';
import { prepareText } from '../accounts/similarity.js';
import { lowerBound } from '../lib/tokens.js';

/** A version in the document: the quotes (a head and its continuations) and what they say. */
interface DocVersion extends Version {
  speaker: string;
  quotes: QuoteDraft[];
  spans: Span[];
}

/** The speaker's entity: an account names its speaker by entity id (selon/1), so quotes without one are left out. */
function speakerKey(q: QuoteDraft, doc: Document): string | null {
  const m = q.speakerMention !== null ? doc.layers.mentions?.[q.speakerMention] : undefined;
  return q.speakerEntity ?? m?.entity ?? null;
}

function piecesOf(q: QuoteDraft): Span[] {
  return q.fragments && q.fragments.length ? q.fragments : [q.content];
}

/** Follows `continues` links to the first quote of a chain. */
function headOf(q: QuoteDraft, byId: Map<string, QuoteDraft>): QuoteDraft {
  if (!q.continues) return q;
  let head = q;
  const seen = new Set<string>([q.id]);
  while (head.continues && byId.has(head.continues) && !seen.has(head.continues)) {
    head = byId.get(head.continues)!;
    seen.add(head.id);
  }
  return head;
}

export function versionsOf(doc: Document): DocVersion[] {
  const quotes = doc.layers.quotes ?? [];
  const byId = new Map(quotes.map((q) => [q.id, q]));
  const groups = new Map<string, QuoteDraft[]>();
  for (const q of quotes) {
    const head = headOf(q, byId);
    const list = groups.get(head.id) ?? [];
    list.push(q);
    groups.set(head.id, list);
  }
  const out: DocVersion[] = [];
  for (const [headId, members] of groups) {
    const head = byId.get(headId)!;
    const speaker = speakerKey(head, doc) ?? members.map((m) => speakerKey(m, doc)).find(Boolean) ?? null;
    if (!speaker) continue;
    members.sort((x, y) => x.content.start - y.content.start);
    const spans = members.flatMap(piecesOf);
    const via = (members.find((m) => m.via.length)?.via ?? []).map((r) => r.name);
    out.push({
      speaker,
      quotes: members,
      spans,
      content: spans.map((s) => doc.text.slice(s.start, s.end)).join(' '),
      kind: head.kind,
      via,
      addressee: members.find((m) => m.addressee)?.addressee ?? null,
      time: members.find((m) => m.time)?.time ?? null,
    });
  }
  return out.sort((x, y) => x.spans[0]!.start - y.spans[0]!.start);
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
  return i;
}

/** Evidence in a fixed order, whatever the order the pairs were judged in. */
const RULE_ORDER: string[] = Object.values(RULES);

function verdictOf(judgements: Judgement[]): Verdict {
  if (judgements.some((j) => j.verdict === 'divergent')) return 'divergent';
  if (judgements.every((j) => j.verdict === 'consistent')) return 'consistent';
  return 'variant';
}

/** A group whose versions share words, channels and form is one account told twice (a headline repeated), not two. */
function isRepeat(versions: DocVersion[], judgements: Judgement[]): boolean {
  const first = versions[0]!;
  return (
    judgements.every((j) => j.verdict === 'consistent') &&
    versions.every((v) => v.kind === first.kind && v.via.join('|') === first.via.join('|'))
  );
}

/** No quote outside the two versions starts between the earlier version and the later one. */
function adjacent(a: DocVersion, b: DocVersion, starts: number[]): boolean {
  const [early, late] = a.spans[0]!.start <= b.spans[0]!.start ? [a, b] : [b, a];
  const lateStart = late.spans[0]!.start;
  const earlyEnd = Math.max(...early.quotes.filter((q) => q.content.start < lateStart).map((q) => q.content.start));
  const own = new Set([...a.quotes, ...b.quotes].map((q) => q.content.start));
  // `starts` is sorted: look only at the quotes between the two versions.
  for (let k = lowerBound(starts, earlyEnd + 1, (x) => x); k < starts.length && starts[k]! < lateStart; k++) if (!own.has(starts[k]!)) return false;
  return true;
}

/** Versions judged against each other: a speaker's nearby versions, and any two sharing a rare content word. */
const NEARBY = 2;
/** A content word in more than this many versions is too common to pair them on. */
const RARE = 8;

function candidatePairs(versions: DocVersion[]): Array<[number, number]> {
  const pairs = new Set<string>();
  const out: Array<[number, number]> = [];
  const push = (i: number, j: number) => {
    const key = i < j ? `${i},${j}` : `${j},${i}`;
    if (i === j || pairs.has(key)) return;
    pairs.add(key);
    out.push(i < j ? [i, j] : [j, i]);
  };
  const bySpeaker = new Map<string, number[]>();
  const pushTo = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  versions.forEach((v, i) => pushTo(bySpeaker, v.speaker, i));
  for (const list of bySpeaker.values()) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < Math.min(list.length, x + 1 + NEARBY); y++) push(list[x]!, list[y]!);
    const byTerm = new Map<string, number[]>();
    for (const i of list) for (const term of versions[i]!.prepared!.termSet) pushTo(byTerm, term, i);
    for (const holders of byTerm.values()) {
      if (holders.length > RARE) continue;
      for (let x = 0; x < holders.length; x++) for (let y = x + 1; y < holders.length; y++) push(holders[x]!, holders[y]!);
    }
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function sharesTerm(a: DocVersion, b: DocVersion): boolean {
  const [small, large] = a.prepared!.termSet.size <= b.prepared!.termSet.size ? [a, b] : [b, a];
  for (const t of small.prepared!.termSet) if (large.prepared!.termSet.has(t)) return true;
  return false;
}

export function compareVersionsOf(doc: Document, lex: AccountLexicon, pack: LanguagePack): Account[] {
  // Only a speaker with two versions or more can have an account: the others are never prepared nor judged.
  const all = versionsOf(doc);
  const count = new Map<string, number>();
  for (const v of all) count.set(v.speaker, (count.get(v.speaker) ?? 0) + 1);
  const versions = all.filter((v) => count.get(v.speaker)! > 1);
  for (const v of versions) v.prepared = prepareText(v.content, lex);
  const starts = (doc.layers.quotes ?? []).map((q) => q.content.start).sort((x, y) => x - y);
  const parent = versions.map((_, i) => i);
  const judged = new Map<string, Judgement>();
  for (const [i, j] of candidatePairs(versions)) {
    {
      const a = versions[i]!;
      const b = versions[j]!;
      // Versions that share no content word can only be marked as a second version through another channel: when
      // their channels are the same, nothing can pair them, and the wording is not worth comparing.
      if (!channelsDiffer(a, b) && !sharesTerm(a, b)) continue;
      const around = () => ({ ...surroundingsOf(doc, a.spans, b.spans, lex, pack), adjacent: adjacent(a, b, starts) });
      const verdict = judgeVersions(a, b, lex, around);
      if (!verdict.verdict) continue;
      judged.set(`${i},${j}`, verdict);
      parent[find(parent, j)] = find(parent, i);
    }
  }
  const components = new Map<number, number[]>();
  versions.forEach((_, i) => {
    const root = find(parent, i);
    const list = components.get(root);
    if (list) list.push(i);
    else components.set(root, [i]);
  });
  // Each judged pair belongs to the component of its first version: one pass, not one per component.
  const judgementsOf = new Map<number, Judgement[]>();
  for (const [key, j] of judged) {
    const root = find(parent, Number(key.slice(0, key.indexOf(','))));
    const list = judgementsOf.get(root);
    if (list) list.push(j);
    else judgementsOf.set(root, [j]);
  }
  const accounts: Account[] = [];
  for (const [root, members] of components) {
    if (members.length < 2) continue;
    const judgements = judgementsOf.get(root) ?? [];
    const group = members.map((i) => versions[i]!);
    if (isRepeat(group, judgements)) continue;
    const evidence = new Set<string>();
    for (const j of judgements) for (const e of j.evidence) evidence.add(e);
    if (group.some((v) => v.quotes.length > 1)) evidence.add(RULES.continuation);
    const entries = group.flatMap((v) => v.quotes.map((q) => ({ q, via: v.via })));
    entries.sort((x, y) => x.q.content.start - y.q.content.start);
    accounts.push({
      id: '',
      speaker: group[0]!.speaker,
      quotes: entries.map((e) => e.q.id),
      channels: entries.map((e) => e.via),
      verdict: verdictOf(judgements),
      similarity: Math.min(...judgements.map((j) => j.similarity)),
      evidence: RULE_ORDER.filter((r) => evidence.has(r)),
    });
  }
  accounts.forEach((a, k) => (a.id = `a${k + 1}`));
  return accounts;
}

export const compareAccounts: Stage = {
  name: 'compare-accounts',
  requires: ['quotes', 'entities', 'sentences'],
  produces: ['accounts'],
  run(doc, pack) {
    const accounts = compareVersionsOf(doc, lexiconFor(pack), pack);
    return { ...doc, layers: { ...doc.layers, accounts } };
  },
};
