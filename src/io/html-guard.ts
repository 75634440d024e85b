/**
 * Keeps HTML parsing bounded. Browser-safe. Scripts, styles, SVG and comments never hold article text (Readability
 * drops them anyway) but can be most of a page's weight, so they are cut before parsing; what remains is capped.
 * JSON-LD scripts are kept: they carry the page's metadata. Navigation, footers and asides are cut too: Readability
 * removes footers and asides from the article it returns, and <nav> is navigation by definition; on a page with a
 * full menu and footer they are a third of the elements, and the parse and Readability cost follows the element
 * count (13 → 8 ms a page on bench/ingest.bench.ts pages, same text).
 */

/** Characters of markup handed to the parser at most. A real article page is well under 1 M once scripts are gone;
 * linkedom + Readability take about 1 s per M characters of dense markup on this machine, so the cap bounds any page
 * to about 2 s. */
export const MAX_PARSE_CHARS = 2_000_000;

// Attribute text stops at "<" as well as ">": a tag left open then fails fast instead of scanning ahead (linear time).
const OPENING = /<(script|style|svg|noscript|template)\b([^<>]{0,4000})>|<!--/gi;
const CLOSING: Record<string, RegExp> = {
  script: /<\/script\s*>/gi,
  style: /<\/style\s*>/gi,
  svg: /<\/svg\s*>/gi,
  noscript: /<\/noscript\s*>/gi,
  template: /<\/template\s*>/gi,
};

export interface GuardedHtml {
  html: string;
  /** The markup was longer than MAX_PARSE_CHARS after cleaning and was cut. */
  truncated: boolean;
}

/** Removes non-text elements in two linear passes, then caps the length. */
export function guardHtml(html: string, maxChars = MAX_PARSE_CHARS): GuardedHtml {
  const kept = stripChrome(stripNonText(html));
  if (kept.length <= maxChars) return { html: kept, truncated: false };
  const cut = kept.lastIndexOf('<', maxChars);
  return { html: kept.slice(0, cut > maxChars / 2 ? cut : maxChars), truncated: true };
}

function stripNonText(html: string): string {
  const parts: string[] = [];
  let from = 0;
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(html); m; m = OPENING.exec(html)) {
    const tag = m[1]?.toLowerCase();
    if (tag === 'script' && /ld\+json/i.test(m[2] ?? '')) continue;
    const end = closingEnd(html, tag, OPENING.lastIndex);
    parts.push(html.slice(from, m.index));
    from = end;
    if (end >= html.length) break; // unclosed: the rest is script or comment, nothing to read there
    OPENING.lastIndex = end;
  }
  if (from === 0) return html;
  parts.push(html.slice(from));
  return parts.join('');
}

function closingEnd(html: string, tag: string | undefined, from: number): number {
  if (!tag) {
    const end = html.indexOf('-->', from);
    return end < 0 ? html.length : end + 3;
  }
  const close = CLOSING[tag]!;
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? m.index + m[0].length : html.length;
}

const CHROME = /<(\/?)(nav|footer|aside)\b[^<>]{0,4000}>/gi;

/** Cuts whole <nav>, <footer> and <aside> elements, nested ones included; one left open is kept as it is. */
function stripChrome(html: string): string {
  const parts: string[] = [];
  let from = 0;
  let depth = 0;
  let start = 0;
  CHROME.lastIndex = 0;
  for (let m = CHROME.exec(html); m; m = CHROME.exec(html)) {
    if (!m[1]) {
      if (depth++ === 0) start = m.index;
    } else if (depth > 0 && --depth === 0) {
      parts.push(html.slice(from, start));
      from = m.index + m[0].length;
    }
  }
  if (from === 0) return html;
  parts.push(html.slice(from));
  return parts.join('');
}
