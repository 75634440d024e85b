/**
 * Are two quotes of one speaker versions of the same speech event, and if so, how do they compare? Pure functions
 * over plain data, used by the compare-accounts stage and by the pair evaluation.
 */
import type { Verdict } from '../types.js';
import { compareWording, type PreparedText, type Wording } from './similarity.js';
import { fold, wordsOf } from './normalize.js';
import type { AccountLexicon } from './lexicon.js';

/** One version: a quote with its continuations. */
export interface Version {
  content: string;
  kind: 'direct' | 'mixed' | 'indirect';
  /** Names of the channels the words came through ("readout", "CCTV"); [] when the text gives none. */
  via: string[];
  addressee: { name: string; entity: string | null } | null;
  time: { text: string; date: string | null } | null;
  /** The content prepared for comparison, when the caller compares it many times. */
  prepared?: PreparedText;
}

export interface Judgement {
  /** null: not versions of the same speech event. */
  verdict: Verdict | null;
  similarity: number;
  evidence: string[];
  wording: Wording;
}

/** Rule ids, as they appear in `accounts[].evidence`. */
export const RULES = {
  sameSpeaker: 'accounts.same-speaker',
  sameWording: 'accounts.wording.same',
  overlap: 'accounts.wording.overlap',
  truncation: 'accounts.wording.truncation',
  marker: 'accounts.marker.second-version',
  denial: 'accounts.marker.denial',
  channels: 'accounts.channels.differ',
  kinds: 'accounts.kinds.differ',
  addressee: 'accounts.addressee.same',
  time: 'accounts.time.same',
  negation: 'accounts.negation.differs',
  continuation: 'accounts.continuation',
} as const;

/** Names agree when one's words are all among the other's ("Xi" and "Xi Jinping"), as EVAL.md's name rule. */
export function namesAgree(a: string, b: string): boolean {
  const wa = wordsOf(a);
  const wb = new Set(wordsOf(b));
  if (wa.length === 0 || wb.size === 0) return false;
  const [small, large] = wa.length <= wb.size ? [wa, wb] : [[...wb], new Set(wa)];
  return small.every((w) => large.has(w));
}

const channelKey = (via: string[]) => [...new Set(via.map((v) => fold(v).trim()))].sort().join('|');

export function channelsDiffer(a: Version, b: Version): boolean {
  return channelKey(a.via) !== channelKey(b.via);
}

/**
 * Do two addressees name different people? Only when it is certain: two different entities, or two proper names
 * (capitalised) that do not agree. Common nouns ("the crowd", "protesters", "ses joueurs") name the same people in
 * many ways.
 */
function differentAddressees(a: Version['addressee'], b: Version['addressee']): boolean | null {
  if (!a || !b) return null;
  if (a.entity && b.entity) return a.entity !== b.entity;
  const proper = (n: string) => /^\p{Lu}/u.test(n.trim());
  if (proper(a.name) && proper(b.name)) return !namesAgree(a.name, b.name);
  return namesAgree(a.name, b.name) ? false : null;
}

function sameTime(a: Version['time'], b: Version['time']): boolean | null {
  if (!a || !b) return null;
  if (a.date && b.date) return a.date === b.date;
  return fold(a.text) === fold(b.text);
}

/** What the text around two versions says about them (found by the caller in the sentences around the quotes). */
export interface Surroundings {
  /** An explicit sign of a second, different version ("une autre version", "the transcript contradicts"). */
  marker: boolean;
  /** A denial of the reported words ("dément avoir tenu ces propos", "denied it, saying: …"). */
  denial: boolean;
  /** The marker is hedged ("légèrement différente", "slightly different"): the versions differ in wording only. */
  hedged?: boolean;
  /**
   * No other quote stands between the two versions. A marker speaks of the versions it follows: in "A (X). B (Y).
   * C (X). The two versions differ.", it sets B against C, not A against C. Default true.
   */
  adjacent?: boolean;
}

/**
 * Judges two versions of one speaker. Same words: `consistent`. Otherwise the versions report the same speech event
 * when the text marks a second version (or denies the reported words), they came through different channels and no
 * other quote stands between them: `divergent`. Failing that, overlapping wording makes them `variant`. Versions
 * whose addressees or times disagree report two speech events (the same words told to two interviewers, a promise
 * in January and its retraction in March): no account, whatever the wording.
 */
export function judgeVersions(a: Version, b: Version, lex: AccountLexicon, surroundings: Surroundings | (() => Surroundings)): Judgement {
  const wording = compareWording(a.prepared ?? a.content, b.prepared ?? b.content, lex);
  const evidence: string[] = [RULES.sameSpeaker];
  const none = (): Judgement => ({ verdict: null, similarity: wording.similarity, evidence, wording });
  const addressees = differentAddressees(a.addressee, b.addressee);
  const time = sameTime(a.time, b.time);
  if (addressees === true || time === false) return none();
  if (addressees === false) evidence.push(RULES.addressee);
  if (time === true) evidence.push(RULES.time);
  const routes = channelsDiffer(a, b);
  if (routes) evidence.push(RULES.channels);
  if (a.kind !== b.kind) evidence.push(RULES.kinds);
  const judged = (verdict: Verdict, ...rules: string[]): Judgement => ({
    verdict,
    similarity: wording.similarity,
    evidence: [...evidence, ...rules],
    wording,
  });
  if (wording.sameWording) return judged('consistent', RULES.sameWording);
  // The text around the versions is read only when it can decide (it is the costly part).
  const around = routes ? (typeof surroundings === 'function' ? surroundings() : surroundings) : null;
  const marked = !!around && ((around.marker && !(around.hedged && wording.nearDuplicate)) || around.denial);
  if (around && marked && around.adjacent !== false) {
    const rules: string[] = [around.marker && !(around.hedged && wording.nearDuplicate) ? RULES.marker : RULES.denial];
    if (wording.negationDiffers) rules.push(RULES.negation);
    return judged('divergent', ...rules);
  }
  // Overlapping words with opposite polarity ("le record sera battu" / "les records n'ont pas été battus") are two
  // statements unless one is a fragment of the other (frwikinews-44959, Météo France).
  if (wording.nearDuplicate && (!wording.negationDiffers || wording.truncation)) {
    return judged('variant', wording.truncation ? RULES.truncation : RULES.overlap);
  }
  return none();
}
