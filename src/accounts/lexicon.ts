/** Lexicons and marker patterns built once per language pack from `pack.accounts`. */
import type { AccountWords, LanguagePack } from '../lang/pack.js';
import { fold, wordsOf, type Lexicon } from './normalize.js';

/** A phrase as folded words; a word ending in "*" matches any word it begins. */
export type Phrase = { word: string; prefix: boolean }[];

export interface AccountLexicon extends Lexicon {
  markers: Phrase[];
  denials: Phrase[];
  reportNouns: Phrase[];
  hedges: Phrase[];
}

const cache = new WeakMap<AccountWords, AccountLexicon>();

export function compilePhrase(text: string): Phrase {
  return fold(text)
    .split(/[\s']+/)
    .filter(Boolean)
    .map((w) => (w.endsWith('*') ? { word: w.slice(0, -1), prefix: true } : { word: w, prefix: false }));
}

const foldAll = (words: string[]) => new Set(words.flatMap((w) => wordsOf(w)));

export function lexiconOf(words: AccountWords): AccountLexicon {
  let lex = cache.get(words);
  if (!lex) {
    lex = {
      stop: foldAll(words.stopWords),
      negations: foldAll(words.negations),
      markers: words.markers.map(compilePhrase),
      denials: words.denials.map(compilePhrase),
      reportNouns: words.reportNouns.map(compilePhrase),
      hedges: words.hedges.map(compilePhrase),
    };
    cache.set(words, lex);
  }
  return lex;
}

export function lexiconFor(pack: LanguagePack): AccountLexicon {
  return lexiconOf(pack.accounts);
}

/** One lexicon for quotes of any of the given languages (cross-document clustering, where records mix languages). */
export function mergedLexicon(packs: LanguagePack[]): AccountLexicon {
  const merged: AccountWords = { stopWords: [], negations: [], markers: [], denials: [], reportNouns: [], hedges: [] };
  for (const p of packs) {
    for (const key of Object.keys(merged) as (keyof AccountWords)[]) merged[key].push(...p.accounts[key]);
  }
  return lexiconOf(merged);
}

/** Positions in `words` where `phrase` starts. */
export function phraseAt(words: readonly string[], i: number, phrase: Phrase): boolean {
  if (i + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const p = phrase[k]!;
    const w = words[i + k]!;
    if (p.prefix ? !w.startsWith(p.word) : w !== p.word) return false;
  }
  return true;
}

export function findPhrase(words: readonly string[], phrases: Phrase[]): number {
  for (let i = 0; i < words.length; i++) for (const p of phrases) if (phraseAt(words, i, p)) return i;
  return -1;
}
