/**
 * Keeps HTML parsing bounded. Browser-safe. Scripts, styles, SVG and comments never hold article text (Readability
 * drops them anyway) but can be most of a page's weight, so they are cut before parsing; what remains is capped.
 * JSON-LD scripts are kept: they carry the page's metadata.
 */

/** Characters of markup handed to the parser at most. A real article page is well under 1 M once scripts are gone;
 * linkedom + Readability take about 1 s per M characters of dense markup on this machine, so the cap bounds any page
 * to about 2 s. */
export const MAX_PARSE_CHARS = 2_000_000;

const OPENING = /<(script|style|svg|noscript|template)\b([^>]{0,4000})>|<!--/gi;
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

/** Removes non-text elements in one linear pass, then caps the length. */
export function guardHtml(html: string, maxChars = MAX_PARSE_CHARS): GuardedHtml {
  const kept = stripNonText(html);
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
