/**
 * Bytes → text, as DESIGN.md's decoding rules say: UTF-8 with a leading BOM removed, invalid bytes replaced by
 * U+FFFD and reported with their position; HTML in its declared charset. Browser-safe (TextDecoder only).
 */
import type { Message } from '../types.js';
import { MAX_DECODE_MESSAGES, SNIFF_BYTES } from './limits.js';

export interface Decoded {
  text: string;
  messages: Message[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Plain text: UTF-8 (UTF-16 when a UTF-16 BOM says so). The BOM is not part of the text. */
export function decodeText(bytes: Uint8Array): Decoded {
  const bom = bomEncoding(bytes);
  const encoding = bom?.encoding ?? 'utf-8';
  const body = bom ? bytes.subarray(bom.length) : bytes;
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), messages: [] };
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    return { text, messages: replacementMessages(text, `invalid ${encoding.toUpperCase()} bytes replaced by U+FFFD`) };
  }
}

/** One message per run of U+FFFD, up to a cap. */
export function replacementMessages(text: string, note: string): Message[] {
  const out: Message[] = [];
  let runs = 0;
  for (const m of text.matchAll(/\uFFFD+/g)) {
    runs++;
    if (out.length < MAX_DECODE_MESSAGES) {
      out.push({ severity: 'warning', ruleId: 'io.invalid-bytes', start: m.index!, end: m.index! + m[0].length, note });
    }
  }
  if (runs > out.length) {
    const more = runs - out.length;
    out.push({ severity: 'warning', ruleId: 'io.invalid-bytes', start: 0, end: 0, note: `${more} more runs of invalid bytes` });
  }
  return out;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Charsets selon decodes. Latin-1 is read as Windows-1252, as browsers do (the WHATWG Encoding standard maps the
 * label so: pages labelled ISO-8859-1 routinely contain 0x80–0x9F quotes and dashes). Latin-9 is common on French
 * sites. Other charsets are reported unsupported: they mean languages selon has no pack for.
 */
const CHARSETS: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', iso_8859_1: 'windows-1252', 'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252', l1: 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252',
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'x-cp1252': 'windows-1252',
  'iso-8859-15': 'iso-8859-15', iso_8859_15: 'iso-8859-15', 'iso-8859-15:1998': 'iso-8859-15', latin9: 'iso-8859-15',
  l9: 'iso-8859-15',
};

export type HtmlDecoded = Decoded | { unsupported: string };

/**
 * HTML bytes → text. The charset comes from a BOM, then the HTTP Content-Type, then a <meta> or XML declaration in
 * the first bytes; undeclared pages are UTF-8 when valid, else Windows-1252 (the usual legacy encoding of French and
 * English pages).
 */
export function decodeMarkup(bytes: Uint8Array, contentType: string | null = null): HtmlDecoded {
  if (bomEncoding(bytes)) return decodeText(bytes);
  const label = charsetOf(contentType ?? '') ?? declaredCharset(bytes);
  if (label) {
    const encoding = CHARSETS[label];
    if (!encoding) return { unsupported: label };
    return decodeAs(bytes, encoding);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), messages: [] };
  } catch {
    const text = decodeWindows1252(bytes);
    const note = 'no charset declared and not valid UTF-8: read as Windows-1252';
    return { text, messages: [{ severity: 'info', ruleId: 'io.charset-guessed', start: 0, end: 0, note }] };
  }
}

function decodeAs(bytes: Uint8Array, encoding: string): Decoded {
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), messages: [] };
  if (encoding !== 'utf-8') return { text: new TextDecoder(encoding).decode(bytes), messages: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), messages: [] };
  } catch {
    // Offsets point into the text built from the page, not the markup: the message says what, not where.
    const note = 'invalid UTF-8 bytes in the page replaced by U+FFFD';
    const text = new TextDecoder('utf-8').decode(bytes);
    return { text, messages: [{ severity: 'warning', ruleId: 'io.invalid-bytes', start: 0, end: 0, note }] };
  }
}

/** Windows-1252 bytes 0x80–0x9F (curly quotes, dashes, €, œ); undefined bytes keep their C1 code point. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x92 → U+0092, not ’), unlike browsers; the C1 range
 * is mapped here so both give the same text.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function charsetOf(contentType: string): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? m[1]!.toLowerCase() : null;
}

/** `<meta charset>`, `<meta http-equiv content="…; charset=…">` or `<?xml encoding="…"?>` near the start. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml ? xml[1]!.toLowerCase() : null;
}

/** NUL bytes or many control characters in the first bytes: not text in any charset selon reads. */
export function looksBinary(head: Uint8Array): boolean {
  if (bomEncoding(head)?.encoding.startsWith('utf-16')) return false;
  let control = 0;
  const n = Math.min(head.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.1;
}
