/**
 * How close the wording of two versions is. Everything here is language-neutral; the function words a language
 * ignores come in through a Lexicon built from its pack.
 */
import { contentTerms, hasNegation, stem, wordsOf, type Lexicon } from './normalize.js';
import { lcsLength } from './diff.js';

export interface Wording {
  /** Reported similarity in [0, 1]: the larger of the content-term Dice coefficient and the word-sequence ratio. */
  similarity: number;
  /** Dice coefficient of the two sets of content terms. */
  dice: number;
  /** Share of the shorter version's content terms found in the longer one. */
  containment: number;
  /** 2·LCS / (n + m) over all words (stemmed), in order. */
  sequence: number;
  /** Same words in the same order once case, accents, punctuation and spelling variants are set aside. */
  sameWording: boolean;
  /** The shorter version's content terms all appear, in order, in the longer one (a truncation or fragment). */
  truncation: boolean;
  /** Exactly one of the two versions is negated. */
  negationDiffers: boolean;
  /** Content terms of the shorter and the longer version. */
  shorter: number;
  longer: number;
  /** The versions overlap enough to be the same words (verbatim or variant). */
  nearDuplicate: boolean;
}

/**
 * Thresholds, set on data/accounts/pairs-dev.jsonl (eval-pairs.ts prints the figures they give): Dice over content
 * terms at 0.5 separates paraphrases and re-translations from different statements of the same speaker; containment
 * of 0.75 covers truncations that also change a word; the word-sequence ratio catches versions that differ only in
 * function words.
 */
export const THRESHOLDS = { dice: 0.5, containment: 0.75, containmentMinTerms: 3, sequence: 0.7 };

/** A text's words, stems and content terms, computed once when a text is compared with many others. */
export interface PreparedText {
  words: string[];
  stems: string[];
  terms: string[];
  termSet: Set<string>;
  negated: boolean;
}

export function prepareText(text: string, lex: Lexicon): PreparedText {
  const words = wordsOf(text);
  const terms = contentTerms(words, lex);
  return { words, stems: words.map(stem), terms, termSet: new Set(terms), negated: hasNegation(words, lex) };
}

export function compareWording(a: string | PreparedText, b: string | PreparedText, lex: Lexicon): Wording {
  const pa = typeof a === 'string' ? prepareText(a, lex) : a;
  const pb = typeof b === 'string' ? prepareText(b, lex) : b;
  const sa = pa.stems;
  const sb = pb.stems;
  const sameWording = sa.length > 0 && sa.length === sb.length && sa.every((w, i) => w === sb[i]);
  const ta = pa.terms;
  const tb = pb.terms;
  const setA = pa.termSet;
  const setB = pb.termSet;
  let shared = 0;
  for (const t of setA) if (setB.has(t)) shared++;
  const dice = setA.size + setB.size === 0 ? 0 : (2 * shared) / (setA.size + setB.size);
  const [small, large] = setA.size <= setB.size ? [ta, tb] : [tb, ta];
  const smallSet = new Set(small);
  const containment = smallSet.size === 0 ? 0 : shared / smallSet.size;
  const sequence = sa.length + sb.length === 0 ? 0 : (2 * lcsLength(sa, sb)) / (sa.length + sb.length);
  // In order needs all of them first: the LCS is run only when every term of the shorter version is in the longer.
  const truncation = small.length > 0 && shared === smallSet.size && lcsLength(small, large) === small.length;
  const negationDiffers = pa.negated !== pb.negated;
  const nearDuplicate =
    sameWording ||
    dice >= THRESHOLDS.dice ||
    truncation ||
    (containment >= THRESHOLDS.containment && smallSet.size >= THRESHOLDS.containmentMinTerms) ||
    sequence >= THRESHOLDS.sequence;
  return {
    similarity: round(sameWording ? 1 : Math.max(dice, sequence)),
    dice,
    containment,
    sequence,
    sameWording,
    truncation,
    negationDiffers,
    shorter: smallSet.size,
    longer: new Set(large).size,
    nearDuplicate,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
