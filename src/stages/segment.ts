/**
 * segment: paragraphs, sentences and tokens. Paragraphs are separated by blank lines (or by single line breaks when
 * the text has no blank line at all). Sentences end at . ! ? … followed by space and an upper-case letter, a quote
 * mark or a digit, unless the period closes a known abbreviation or an initial. Tokens keep exact offsets.
 */
import type { Stage } from '../pipeline.js';
import type { Message, Paragraph, Sentence, Token, TokenKind } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import { QUOTE_CHARS } from '../lib/marks.js';

/*
 * Raw tokens are what the pattern
 *   [\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*(?:[-‑][\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)*|[\p{S}\p{P}]|[^\s\p{L}\p{M}\p{N}\p{S}\p{P}]
 * matches, read by hand (`scanTokens`): a word is letters, marks and digits, joined by an apostrophe to letters or
 * marks ("aujourd'hui", "Trump's") and by a hyphen to more of the same ("a-t-il", "COVID-19"); any other character
 * but a space is a token of its own. Reading code units against a class table costs a fraction of the regular
 * expression, whose match objects were most of the stage's garbage.
 */
const SPACE = 0;
/** \p{L} or \p{M} */
const LETTER = 1;
/** \p{N} */
const DIGIT = 2;
/** \p{S}, \p{P}, and whatever is in no class above (controls, private use, lone surrogates). */
const OTHER = 3;

/** Classes of the Basic Multilingual Plane, filled as characters are met (OTHER + 1 marks "not yet known"). */
const BMP_CLASS = new Uint8Array(0x10000).fill(OTHER + 1);

function classify(char: string): number {
  if (/^\s$/u.test(char)) return SPACE;
  if (/^[\p{L}\p{M}]$/u.test(char)) return LETTER;
  if (/^\p{N}$/u.test(char)) return DIGIT;
  return OTHER;
}

/** The class of the code point at i (a surrogate pair is one code point; a lone surrogate is OTHER). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classify(text.slice(i, i + 2));
  }
  let k = BMP_CLASS[c]!;
  if (k > OTHER) BMP_CLASS[c] = k = classify(String.fromCharCode(c));
  return k;
}

/** Code units taken by the code point at i. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** End of the run of code points from i whose class is LETTER, or LETTER or DIGIT when `digits`. */
function runEnd(text: string, i: number, end: number, digits: boolean): number {
  while (i < end) {
    const k = classAt(text, i);
    if (k !== LETTER && !(digits && k === DIGIT)) break;
    i += widthAt(text, i);
  }
  return i;
}

const isApostrophe = (c: number) => c === 0x27 || c === 0x2019;
const isHyphen = (c: number) => c === 0x2d || c === 0x2011;

/** Raw token bounds of text[from, to), flat ([start0, end0, start1, end1, …]), each word split by `splitWord`. */
function scanTokens(text: string, from: number, to: number, pack: LanguagePack, out: number[]): void {
  let i = from;
  while (i < to) {
    const k = classAt(text, i);
    if (k === SPACE) {
      i++;
      continue;
    }
    if (k === OTHER) {
      const w = widthAt(text, i);
      const c = text.charCodeAt(i);
      if (isApostrophe(c) || isHyphen(c)) splitWord(text.slice(i, i + w), i, pack, out);
      else out.push(i, i + w);
      i += w;
      continue;
    }
    let j = runEnd(text, i, to, true);
    let joined = false;
    for (;;) {
      const c = text.charCodeAt(j);
      if (j + 1 < to && isApostrophe(c) && classAt(text, j + 1) === LETTER) j = runEnd(text, j + 1, to, false);
      else if (j + 1 < to && isHyphen(c) && classAt(text, j + 1) !== SPACE && classAt(text, j + 1) !== OTHER) j = runEnd(text, j + 1, to, true);
      else break;
      joined = true;
    }
    if (joined) splitWord(text.slice(i, j), i, pack, out);
    else out.push(i, j);
    i = j;
  }
}

const SENTENCE_END = new Set(['.', '!', '?', '…']);
/** Longest sentence kept whole, in tokens: news sentences stay far below (the longest in the frnews, ennews and
 * PolNeAR dev sets has 107). */
const MAX_SENTENCE_TOKENS = 400;

export function findParagraphs(text: string): Paragraph[] {
  const separator = /\n[ \t\r]*\n/.test(text) ? /\n(?:[ \t\r]*\n)+/g : /\r?\n/g;
  const out: Paragraph[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, index: out.length });
  };
  for (const m of text.matchAll(separator)) {
    push(start, m.index!);
    start = m.index! + m[0].length;
  }
  push(start, text.length);
  return out;
}

/** Splits a raw word into tokens: elisions ("l'"), possessive suffixes ("'s"), inverted clitics ("a-t-il"). */
function splitWord(word: string, offset: number, pack: LanguagePack, out: number[]): void {
  // Most words hold no apostrophe and no hyphen: nothing to split.
  if (!/['’\-‑]/.test(word)) {
    out.push(offset, offset + word.length);
    return;
  }
  const { elisions, apostropheSuffixes } = pack.tokenization;
  const apo = word.search(/['’]/);
  if (apo > 0) {
    const head = word.slice(0, apo).toLowerCase();
    if (elisions.includes(head)) {
      out.push(offset, offset + apo + 1);
      return splitWord(word.slice(apo + 1), offset + apo + 1, pack, out);
    }
    const tail = word.slice(apo + 1).toLowerCase();
    if (apostropheSuffixes.includes(tail)) {
      splitWord(word.slice(0, apo), offset, pack, out);
      out.push(offset + apo, offset + word.length);
      return;
    }
  }
  const parts = word.split(/([-‑])/);
  if (parts.length >= 3) {
    const last = parts[parts.length - 1]!.toLowerCase();
    if (pack.invertedClitics.includes(last)) {
      // "a-t-il" → "a" "-t-" "il"; "dit-elle" → "dit" "-" "elle"
      const beforeLast = parts.length >= 5 && pack.euphonic.includes(parts[parts.length - 3]!.toLowerCase());
      const cut = parts.slice(0, beforeLast ? -4 : -2).join('');
      const cliticStart = word.length - last.length;
      splitWord(cut, offset, pack, out);
      out.push(offset + cut.length, offset + cliticStart);
      out.push(offset + cliticStart, offset + word.length);
      return;
    }
  }
  out.push(offset, offset + word.length);
}

function kindOf(s: string): TokenKind {
  // Quote marks are single characters.
  if (s.length === 1 && QUOTE_CHARS.has(s)) return 'quote';
  const k = classAt(s, 0);
  return k === LETTER ? 'word' : k === DIGIT ? 'number' : 'punct';
}

/** Whether text[start, end) is its own lower case for certain: ASCII without capitals (most words; toLowerCase costs more). */
function isOwnLowerCase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return false;
  }
  return true;
}

function isAbbreviation(tokens: Token[], i: number, pack: LanguagePack): boolean {
  const prev = tokens[i - 1];
  if (!prev || prev.end !== tokens[i]!.start) return false;
  const word = prev.norm;
  if (prev.kind === 'word' && word.length === 1 && prev.upper) return true; // initial: "J. Smith"
  return pack.abbreviations.includes(word + '.');
}

export const segment: Stage = {
  name: 'segment',
  requires: [],
  produces: ['paragraphs', 'sentences', 'tokens'],
  run(doc, pack) {
    const { text } = doc;
    const paragraphs = findParagraphs(text);
    const tokens: Token[] = [];
    const sentences: Sentence[] = [];
    const messages: Message[] = [...doc.messages];
    // Raw token bounds of a paragraph, flat: [start0, end0, start1, end1, …] (no tuple per token; one array for all).
    const raw: number[] = [];
    for (const para of paragraphs) {
      raw.length = 0;
      scanTokens(text, para.start, para.end, pack, raw);
      let sentStartTok = tokens.length;
      let sentStart = para.start;
      let longReported = false;
      const close = (endTok: number, end: number) => {
        if (endTok <= sentStartTok) return;
        const idx = sentences.length;
        for (let k = sentStartTok; k < endTok; k++) tokens[k]!.sentence = idx;
        sentences.push({ start: sentStart, end, index: idx, paragraph: para.index, tokens: [sentStartTok, endTok] });
        sentStartTok = endTok;
      };
      const count = raw.length / 2;
      for (let r = 0; r < count; r++) {
        const s = raw[2 * r]!;
        const e = raw[2 * r + 1]!;
        const str = text.slice(s, e);
        const kind = kindOf(str);
        const lower = isOwnLowerCase(text, s, e) ? str : str.toLowerCase();
        tokens.push({ start: s, end: e, kind, norm: lower.includes('’') ? lower.replace(/’/g, "'") : lower, upper: kind === 'word' && lower[0] !== str[0], sentence: -1 });
        if (tokens.length - 1 === sentStartTok) sentStart = s;
        // A "sentence" of thousands of tokens (a text without punctuation) is cut, so that every search within a
        // sentence stays local and time stays linear; the first cut of a paragraph is reported.
        if (tokens.length - sentStartTok >= MAX_SENTENCE_TOKENS) {
          if (!longReported) messages.push({ severity: 'info', ruleId: 'long-sentence', start: sentStart, end: e, note: `no sentence end within ${MAX_SENTENCE_TOKENS} tokens; cut here` });
          longReported = true;
          close(tokens.length, e);
          continue;
        }
        if (e - s !== 1 || !SENTENCE_END.has(str)) continue;
        // Absorb following sentence-final punctuation and closing quote marks: « Fin. » / "End."
        let j = r + 1;
        while (j < count && raw[2 * j] === raw[2 * j - 1] && /^[.!?…»”"’)]$/.test(text.slice(raw[2 * j]!, raw[2 * j + 1]!))) j++;
        if (j >= count) continue;
        const nextStr = text.slice(raw[2 * j]!, raw[2 * j + 1]!);
        const gap = text.slice(raw[2 * j - 1]!, raw[2 * j]!);
        if (!/\s/.test(gap)) continue;
        if (!/^[\p{Lu}\p{N}«“„‹"(—–-]/u.test(nextStr)) continue;
        if (str === '.' && isAbbreviation(tokens, tokens.length - 1, pack)) continue;
        for (let k = r + 1; k < j; k++) {
          const ks = raw[2 * k]!;
          const ke = raw[2 * k + 1]!;
          const kstr = text.slice(ks, ke);
          tokens.push({ start: ks, end: ke, kind: kindOf(kstr), norm: kstr, upper: false, sentence: -1 });
        }
        r = j - 1;
        close(tokens.length, raw[2 * j - 1]!);
      }
      close(tokens.length, para.end);
    }
    return { ...doc, messages, layers: { ...doc.layers, paragraphs, sentences, tokens } };
  },
};
