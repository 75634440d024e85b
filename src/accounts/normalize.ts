/**
 * Normalised words for comparing two versions of the same words: case, accents, curly vs straight quotes and
 * apostrophes, punctuation and truncation marks ("…", "[...]") never make two versions differ. Language-neutral:
 * the words a language ignores when comparing come from its pack (`pack.accounts.stopWords`).
 */

/** Lower-case, accent-free, with typographic apostrophes folded to "'". */
export function fold(text: string): string {
  // Most words are plain ASCII: nothing to decompose.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().replace(/`/g, "'");
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’‘ʼ`´]/g, "'");
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Folded words of a text. Elisions and hyphens split ("l'homme" → l, homme; "petite-bourgeoise" → petite,
 * bourgeoise); digits grouped by separators stay one number ("1,200", "8 000" → 1200, 8000).
 */
export function wordsOf(text: string): string[] {
  let folded = fold(text);
  if (/\d/.test(folded)) folded = folded.replace(/(?<!\d{3})(\d)[ \u00a0\u202f,.](?=\d{3}\b)/g, '$1');
  return folded.match(WORD) ?? [];
}

/** Words of `text` with their spans, for diffs that show the original spelling. */
export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const word = fold(m[0]);
    if (word) out.push({ word, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/**
 * The stem used to match content words across inflection, tense and person shifts ("céderons" / "céderaient",
 * "admired" / "admiring"): the first five letters. Crude and language-neutral; five letters was the shortest prefix
 * that kept the verbatim and variant pairs of data/accounts/pairs-dev.jsonl matched without merging unrelated words.
 */
export const STEM_LENGTH = 5;

export function stem(word: string): string {
  return word.length > STEM_LENGTH && !/^\d/.test(word) ? word.slice(0, STEM_LENGTH) : word;
}

export interface Lexicon {
  /** Folded function words ignored in content comparisons. */
  stop: Set<string>;
  /** Folded negation words ("ne", "pas", "never", "not"), tracked apart: a version that negates what the other asserts. */
  negations: Set<string>;
}

/** Content terms: stems of the words that are not function words, one-letter words or negations. */
export function contentTerms(words: string[], lex: Lexicon): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 2 && !/^\d/.test(w)) continue;
    if (lex.stop.has(w) || lex.negations.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

export function hasNegation(words: string[], lex: Lexicon): boolean {
  return words.some((w) => lex.negations.has(w));
}
