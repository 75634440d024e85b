/**
 * Word classes: what a token is (a verb form, a role's first word, a pronoun, a capitalised word, …) as bits of one
 * integer per token, computed once per document. find-mentions and find-cues ask several such questions of nearly
 * every token; asked of the lexicon's Maps and Sets, that was several lookups per token per stage. Here each distinct
 * word is looked up once per pack into a bit-set, each token once per document, and the stages test bits; a table
 * whose value is needed (the VerbForm, the RoleInfo) is read only after its bit says the word is there.
 * Derived, never edited: every class is a table of lang/lexicon.ts or a record of the pack.
 */
import type { Token } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import { isLetter, lexicon } from '../lang/lexicon.js';
import { asMap } from './records.js';
import { tokenAt } from './tokens.js';

// Classes of the word (token.norm), from the pack.
/** May open a mention (Lexicon.mentionStarters). */
export const MENTION_STARTER = 1 << 0;
/** First word of a role, a body or a media name (the keys of roleFirstLen, bodyFirstLen, mediaFirstLen). */
export const ROLE_FIRST = 1 << 1;
export const BODY_FIRST = 1 << 2;
export const MEDIA_FIRST = 1 << 3;
/** A one-word role or body key. */
export const ROLE = 1 << 4;
export const BODY = 1 << 5;
export const VERB_FORM = 1 << 6;
export const AMBIGUOUS = 1 << 7;
/** First word of an according-frame (Lexicon.framesByFirst). */
export const FRAME_FIRST = 1 << 8;
export const FUNCTION_WORD = 1 << 9;
export const NOT_NAME = 1 << 10;
export const PARTICLE = 1 << 11;
export const AUXILIARY = 1 << 12;
export const ADVERB = 1 << 13;
export const NEGATION = 1 << 14;
export const PREVERBAL_CLITIC = 1 << 15;
export const COMPLEMENTIZER = 1 << 16;
export const OF_WORD = 1 << 17;
export const PRONOUN = 1 << 18;
export const DETERMINER = 1 << 19;
/** A key of the pack's first names, whatever its gender (null included). */
export const FIRST_NAME = 1 << 20;
/** An honorific, or its abbreviation before the dot ("mr" of "mr."): where Lexicon.honorific may match. */
export const HONORIFIC = 1 << 21;

// Classes of the token, from the document.
export const WORD = 1 << 24;
/** A capitalised word, or a lower-case particle glued to a capital ("al-Rahman", "el-Sisi"). */
export const CAPITALISED = 1 << 25;
/** A word token for which Lexicon.isPlainWord holds. */
export const PLAIN = 1 << 26;

const packCache = new WeakMap<LanguagePack, Map<string, number>>();

/** Each word of the pack's tables → the bits of the classes it belongs to. */
export function wordClasses(pack: LanguagePack): Map<string, number> {
  let classes = packCache.get(pack);
  if (classes) return classes;
  const lex = lexicon(pack);
  const map = new Map<string, number>();
  const add = (words: Iterable<string>, bit: number) => {
    for (const w of words) map.set(w, (map.get(w) ?? 0) | bit);
  };
  add(lex.mentionStarters, MENTION_STARTER);
  add(lex.roleFirstLen.keys(), ROLE_FIRST);
  add(lex.bodyFirstLen.keys(), BODY_FIRST);
  add(lex.mediaFirstLen.keys(), MEDIA_FIRST);
  add(lex.roles.keys(), ROLE);
  add(lex.bodies.keys(), BODY);
  add(lex.verbForms.keys(), VERB_FORM);
  add(lex.ambiguous, AMBIGUOUS);
  add(lex.framesByFirst.keys(), FRAME_FIRST);
  add(lex.functionWords, FUNCTION_WORD);
  add(lex.notNames, NOT_NAME);
  add(lex.particles, PARTICLE);
  add(lex.auxiliaries, AUXILIARY);
  add(lex.adverbs, ADVERB);
  add(lex.negations, NEGATION);
  add(lex.preverbalClitics, PREVERBAL_CLITIC);
  add(lex.complementizers, COMPLEMENTIZER);
  add(lex.ofWords, OF_WORD);
  add(asMap(pack.pronouns).keys(), PRONOUN);
  add(asMap(pack.determiners).keys(), DETERMINER);
  add(asMap(pack.firstNames).keys(), FIRST_NAME);
  for (const h of lex.honorifics.keys()) add(h.endsWith('.') ? [h, h.slice(0, -1)] : [h], HONORIFIC);
  packCache.set(pack, map);
  return map;
}

/**
 * Marks as capitalised the lower-case particles glued to a capitalised name ("al-Rahman", "el-Sisi"). They are found
 * from the hyphens of the text, far fewer than its words: testing every word for a hyphen took longer than this pass.
 */
function markGluedCapitals(tokens: Token[], text: string, classes: Int32Array): void {
  for (const hyphen of ['-', '‑']) {
    for (let at = text.indexOf(hyphen); at >= 0; at = text.indexOf(hyphen, at + 1)) {
      const k = tokenAt(tokens, at + 1) - 1; // the token starting at or before the hyphen
      const t = tokens[k];
      if (!t || at >= t.end || (classes[k]! & (WORD | CAPITALISED)) !== WORD) continue;
      if (/^\p{Ll}+[-‑]\p{Lu}/u.test(text.slice(t.start, t.end))) classes[k] = classes[k]! | CAPITALISED;
    }
  }
}

const docCache = new WeakMap<Token[], { pack: LanguagePack; text: string; classes: Int32Array }>();

/**
 * The classes of each token of a document, computed on first use and shared by the stages that read the same tokens
 * layer.
 */
export function tokenClasses(tokens: Token[], text: string, pack: LanguagePack): Int32Array {
  const hit = docCache.get(tokens);
  if (hit && hit.pack === pack && hit.text === text) return hit.classes;
  const byWord = wordClasses(pack);
  const classes = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let c = byWord.get(t.norm) ?? 0;
    if (t.kind === 'word') {
      c |= WORD;
      if (t.upper) c |= CAPITALISED;
      if ((c & (FUNCTION_WORD | VERB_FORM)) === 0 && isLetter(t.norm.charCodeAt(0))) c |= PLAIN;
    }
    classes[i] = c;
  }
  markGluedCapitals(tokens, text, classes);
  docCache.set(tokens, { pack, text, classes });
  return classes;
}

/** Does token i belong to any of the classes in `bits`? (false past the end) */
export function is(classes: Int32Array, i: number, bits: number): boolean {
  return (classes[i]! & bits) !== 0;
}
