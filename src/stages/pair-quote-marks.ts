/**
 * pair-quote-marks: finds quote marks and pairs them, paragraph by paragraph, with a stack. Directional marks pair
 * by the pack's conventions; straight quotes open or close by their neighbours; apostrophes inside words are not
 * marks. A quote left open at a paragraph end is closed there: silently when the next paragraph reopens it (the
 * multi-paragraph convention of both languages), with an `unclosed-quote` message otherwise.
 */
import type { Stage } from '../pipeline.js';
import type { Message, Paragraph, QuoteMark, Quoted, Sentence } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import { lowerBound } from '../lib/tokens.js';

interface Open {
  start: number;
  char: string;
  closers: string[];
}

/** The mark at i: a two-character mark ("''" in English typesetting) first, else the character itself. */
function markAt(text: string, i: number, multi: string[]): string {
  for (const m of multi) if (text.startsWith(m, i)) return m;
  return text[i]!;
}

const isSpace = (c: string | undefined) => c === undefined || /[\s]/u.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
/** Characters after which an opening mark may stand. */
const isOpenContext = (c: string | undefined) => c === undefined || /[\s([{\-—–:;,/]/u.test(c);
/** Characters before which a closing mark may stand. */
const isCloseContext = (c: string | undefined) => c === undefined || /[\s)\]}.,;:!?…\-—–/]/u.test(c);

function closersFor(pack: LanguagePack, char: string): string[] {
  const out = pack.quotePairs.filter(([o]) => o === char).map(([, c]) => c);
  if (pack.symmetricQuotes.includes(char)) out.push(char);
  return out;
}

function isOpener(pack: LanguagePack, char: string): boolean {
  return pack.quotePairs.some(([o]) => o === char) || pack.symmetricQuotes.includes(char);
}

/** Whether `char` at `i` can open a quote, judged by its neighbours (apostrophes and inch marks cannot). */
function canOpen(text: string, i: number, char: string): boolean {
  const before = text[i - 1];
  const after = text[i + char.length];
  if (isWordChar(before) && isWordChar(after)) return false; // l’opposition, don't
  if (char === '«' || char === '‹' || char === '„') return !isSpace(after) || after === ' ' || after === '\u00a0' || after === '\u202f';
  return isOpenContext(before) && !isSpace(after);
}

function canClose(text: string, i: number, len = 1): boolean {
  const before = text[i - 1];
  const after = text[i + len];
  if (isWordChar(before) && isWordChar(after)) return false;
  return isCloseContext(after) || !isWordChar(after);
}

/** The span between two marks without its surrounding spaces (French marks take a non-breaking space inside). */
function trimmed(text: string, start: number, end: number) {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/** The first closing mark of the carried quote's kind in a paragraph, if no opening mark comes before it. */
function danglingCloser(text: string, para: Paragraph, carried: Open, marks: Set<string>): number {
  for (let i = para.start; i < para.end; i++) {
    const c = text[i]!;
    if (!marks.has(c) || (isWordChar(text[i - 1]) && isWordChar(text[i + 1]))) continue;
    if (carried.closers.includes(c) && canClose(text, i) && !canOpen(text, i, c)) return i;
    return -1;
  }
  return -1;
}

interface MarkSet {
  /** First characters of every mark of the pack. */
  allChars: Set<string>;
  /** Marks longer than one character ("''"). */
  multi: string[];
  /** Finds the next character that can start a mark. */
  markRe: RegExp;
}

const markSets = new WeakMap<LanguagePack, MarkSet>();

/** The pack's marks, read once per pack (markRe is global: callers set lastIndex before each use). */
function marksOf(pack: LanguagePack): MarkSet {
  let set = markSets.get(pack);
  if (!set) {
    const allChars = new Set<string>([...pack.quotePairs.flat(), ...pack.symmetricQuotes].map((m) => m[0]!));
    const multi = pack.symmetricQuotes.filter((m) => m.length > 1);
    const markRe = new RegExp(`[${[...allChars].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'gu');
    set = { allChars, multi, markRe };
    markSets.set(pack, set);
  }
  return set;
}

function sentenceRange(sentences: Sentence[], start: number, end: number): [number, number] {
  const first = Math.min(lowerBound(sentences, start + 1, (s) => s.end), sentences.length - 1);
  let last = first;
  while (last + 1 < sentences.length && sentences[last + 1]!.start < end) last++;
  return [Math.max(first, 0), Math.max(last, 0)];
}

export const pairQuoteMarks: Stage = {
  name: 'pair-quote-marks',
  requires: ['paragraphs', 'sentences', 'tokens'],
  produces: ['quoteMarks', 'quoted'],
  run(doc, pack) {
    const { text } = doc;
    const paragraphs = doc.layers.paragraphs!;
    const sentences = doc.layers.sentences!;
    const marks: QuoteMark[] = [];
    const quoted: Quoted[] = [];
    const messages: Message[] = [...doc.messages];
    const { allChars, multi, markRe } = marksOf(pack);
    let carried: Open | null = null; // an outermost quote left open at the previous paragraph's end

    paragraphs.forEach((para: Paragraph, pi: number) => {
      const stack: Open[] = [];
      const reopens = carried !== null && text[para.start] === carried.char;
      // English quotes sometimes continue into a paragraph that does not reopen them and end there: "…better."
      const dangling = carried && !reopens ? danglingCloser(text, para, carried, allChars) : -1;
      if (dangling >= 0) {
        marks.push({ start: dangling, end: dangling + 1, char: text[dangling]!, role: 'close' });
        quoted.push({
          start: para.start, end: dangling + 1, inner: trimmed(text, para.start, dangling), open: { start: para.start, end: para.start },
          close: { start: dangling, end: dangling + 1 }, depth: 0, paragraph: pi, sentences: sentenceRange(sentences, para.start, dangling + 1), reopens: true,
        });
      }
      carried = null;
      const dialogue = pack.dialogueDashes.includes(text[para.start]!) && /\s/.test(text[para.start + 1] ?? '');
      const before = quoted.length;
      for (let i = dangling >= 0 ? dangling + 1 : para.start; i < para.end; i++) {
        // Jump to the next character that can be a mark.
        markRe.lastIndex = i;
        const hit = markRe.exec(text);
        if (!hit || hit.index >= para.end) break;
        i = hit.index;
        const c = markAt(text, i, multi);
        const top = stack[stack.length - 1];
        if (top && top.closers.includes(c) && canClose(text, i, c.length)) {
          stack.pop();
          marks.push({ start: i, end: i + c.length, char: c, role: 'close' });
          const openEnd = top.start + top.char.length;
          quoted.push({
            start: top.start, end: i + c.length, inner: trimmed(text, openEnd, i), open: { start: top.start, end: openEnd },
            close: { start: i, end: i + c.length }, depth: stack.length, paragraph: pi, sentences: sentenceRange(sentences, top.start, i + c.length),
            reopens: reopens && stack.length === 0 && top.start === para.start,
          });
          i += c.length - 1;
          continue;
        }
        if (isOpener(pack, c) && canOpen(text, i, c)) {
          // A straight quote never opens inside another straight quote: it closes it or is ignored.
          if (top && top.char === c && pack.symmetricQuotes.includes(c)) continue;
          stack.push({ start: i, char: c, closers: closersFor(pack, c) });
          marks.push({ start: i, end: i + c.length, char: c, role: 'open' });
        }
        i += c.length - 1;
      }
      if (dialogue) {
        // Quote marks inside a line of dialogue are nested in it.
        for (let k = before; k < quoted.length; k++) quoted[k] = { ...quoted[k]!, depth: quoted[k]!.depth + 1 };
        quoted.push({
          start: para.start, end: para.end, inner: trimmed(text, para.start + 1, para.end), open: { start: para.start, end: para.start + 1 },
          close: null, depth: 0, paragraph: pi, sentences: sentenceRange(sentences, para.start, para.end), reopens: false, dialogue: true,
        });
      }
      // Close whatever is left at the paragraph end.
      const next = paragraphs[pi + 1];
      const outer = stack[0];
      carried = null;
      for (let d = stack.length - 1; d >= 0; d--) {
        const open = stack[d]!;
        const openEnd = open.start + open.char.length;
        quoted.push({
          start: open.start, end: para.end, inner: trimmed(text, openEnd, para.end), open: { start: open.start, end: openEnd }, close: null,
          depth: d, paragraph: pi, sentences: sentenceRange(sentences, open.start, para.end),
          reopens: reopens && d === 0 && open.start === para.start,
        });
      }
      if (outer) {
        const continued = next !== undefined && (text[next.start] === outer.char || danglingCloser(text, next, outer, allChars) >= 0);
        if (continued) carried = outer;
        else messages.push({ severity: 'warning', ruleId: 'unclosed-quote', start: outer.start, end: para.end, note: `quote opened with ${outer.char} is not closed; closed at the end of its paragraph` });
      }
    });
    quoted.sort((a, b) => a.start - b.start || b.end - a.end);
    return { ...doc, messages, layers: { ...doc.layers, quoteMarks: marks, quoted } };
  },
};
