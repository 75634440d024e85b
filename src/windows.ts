/**
 * Very long documents (a book, a scraped page of a million paragraphs) are read in windows of whole paragraphs, each
 * through the whole pipeline, and the windows' records are joined into one. The engine's working memory then stays
 * bounded by the window, not the document, and time stays linear however long the text. A news article is far below
 * one window and never takes this path.
 *
 * What the join keeps: every span is shifted to the whole text; quote, entity and account ids are renumbered in text
 * order; entities of the same type and name in different windows are one entity. What it cannot keep: a pronoun, a
 * continuation or an account never reaches across a window boundary. A message says the document was windowed.
 */
import type { Account, Boilerplate, Extraction, Message, OutputEntity, OutputQuote, Ref, Span } from './types.js';

export interface Window {
  start: number;
  end: number;
}

/** Paragraph breaks as src/stages/segment.ts sees them: blank lines when the text has any, else line breaks. */
function breaks(text: string): RegExp {
  return /\n[ \t\r]*\n/.test(text) ? /\n[ \t\r]*\n/g : /\n/g;
}

/** The offset just after the last paragraph break within [from, limit]; -1 when there is none. */
function breakBefore(text: string, re: RegExp, from: number, limit: number): number {
  let found = -1;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index + m[0].length <= limit; m = re.exec(text)) found = m.index + m[0].length;
  return found;
}

/** The offset just after the first paragraph break from `from` on; the text's end when there is none. */
function breakAfter(text: string, re: RegExp, from: number): number {
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/** Cuts a text into windows of at most `size` characters at paragraph breaks (a longer paragraph is a window alone). */
export function windowsOf(text: string, size: number): Window[] {
  if (text.length <= size) return [{ start: 0, end: text.length }];
  const re = breaks(text);
  const out: Window[] = [];
  for (let start = 0; start < text.length;) {
    let end = start + size >= text.length ? text.length : breakBefore(text, re, start, start + size);
    if (end <= start) end = breakAfter(text, re, start + size);
    out.push({ start, end });
    start = end;
  }
  return out;
}

const shift = <T extends Span>(span: T, by: number): T => ({ ...span, start: span.start + by, end: span.end + by });

/** Joins the records of a document's windows (in text order) into the record of the whole document. */
export function joinWindows(text: string, parts: Array<{ window: Window; record: Extraction }>): Extraction {
  const quotes: OutputQuote[] = [];
  const entities: OutputEntity[] = [];
  const boilerplate: Boilerplate[] = [];
  const accounts: Account[] = [];
  const messages: Message[] = [];
  const entityByKey = new Map<string, OutputEntity>();
  for (const { window, record } of parts) {
    const by = window.start;
    const quoteId = new Map<string, string>();
    const entityId = new Map<string, string>();
    for (const e of record.entities) {
      const key = `${e.type}|${e.name.toLowerCase()}`;
      let joined = entityByKey.get(key);
      if (!joined) {
        joined = { ...e, id: `e${entities.length + 1}`, mentions: [] };
        entities.push(joined);
        entityByKey.set(key, joined);
      }
      joined.mentions.push(...e.mentions.map((m) => shift(m, by)));
      entityId.set(e.id, joined.id);
    }
    const ref = (r: Ref | null): Ref | null =>
      r && { ...r, entity: r.entity === null ? null : entityId.get(r.entity) ?? null, mention: r.mention && shift(r.mention, by) };
    for (const q of record.quotes) quoteId.set(q.id, `q${quotes.length + quoteId.size + 1}`);
    for (const q of record.quotes) {
      quotes.push({
        ...q,
        id: quoteId.get(q.id)!,
        content: shift(q.content, by),
        fragments: q.fragments && q.fragments.map(([s, e]) => [s + by, e + by]),
        speaker: ref(q.speaker),
        cue: q.cue && shift(q.cue, by),
        addressee: ref(q.addressee),
        via: q.via.map((v) => ref(v)!),
        time: q.time && shift(q.time, by),
        continues: q.continues && (quoteId.get(q.continues) ?? null),
      });
    }
    for (const b of record.boilerplate) boilerplate.push(shift(b, by));
    for (const a of record.accounts) {
      accounts.push({ ...a, id: `a${accounts.length + 1}`, speaker: entityId.get(a.speaker) ?? a.speaker, quotes: a.quotes.map((id) => quoteId.get(id)!) });
    }
    for (const m of record.messages) messages.push(shift(m, by));
  }
  messages.push({
    severity: 'info',
    ruleId: 'windowed',
    start: 0,
    end: 0,
    note: `a long document, read in ${parts.length} windows of whole paragraphs: pronouns, continuations and accounts do not reach across windows`,
  });
  return { ...parts[0]!.record, text, quotes, entities, boilerplate, accounts, messages };
}
