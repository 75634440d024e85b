/**
 * segment: paragraphs, sentences and tokens. Paragraphs are separated by blank lines (or by single line breaks when
 * the text has no blank line at all). Sentences end at . ! ? … followed by space and an upper-case letter, a quote
 * mark or a digit, unless the period closes a known abbreviation or an initial. Tokens keep exact offsets.
 */
import type { Stage } from '../pipeline.js';
import type { Message, Paragraph, Sentence, Token, TokenKind } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import { QUOTE_CHARS } from '../lib/marks.js';

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*(?:[-‑][\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)*|[\p{S}\p{P}]|[^\s\p{L}\p{M}\p{N}\p{S}\p{P}]/gu;
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
  if (QUOTE_CHARS.has(s)) return 'quote';
  const c = s.charCodeAt(0);
  // ASCII fast paths; the Unicode classes below settle everything else.
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 'word';
  if (c >= 48 && c <= 57) return 'number';
  if (c < 128) return 'punct';
  if (/^[\p{L}\p{M}]/u.test(s)) return 'word';
  if (/^\p{N}/u.test(s)) return 'number';
  return 'punct';
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
    for (const para of paragraphs) {
      // Raw token bounds, flat: [start0, end0, start1, end1, …] (no tuple per token).
      const raw: number[] = [];
      WORD.lastIndex = para.start;
      for (let m = WORD.exec(text); m && m.index < para.end; m = WORD.exec(text)) splitWord(m[0], m.index, pack, raw);
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
        const lower = str.toLowerCase();
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
        if (!SENTENCE_END.has(str)) continue;
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
