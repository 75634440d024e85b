/**
 * User search text → PostgreSQL full-text queries, read the way the SQLite store reads it (src/store/match.ts):
 * quoted phrases and whitespace-separated chunks, all required; a trailing star asks for a prefix. Nothing the user
 * types is parsed as tsquery syntax.
 *
 *   sécurité porte-parole   → parts "sécurité", "porte-parole"   (each read by phraseto_tsquery, which splits
 *                              "porte-parole" exactly as the indexed text was split)
 *   "ne céderons pas"       → part "ne céderons pas"
 *   secur*                  → prefix part 'secur':*               (to_tsquery, operands of letters and digits only)
 *
 * selon_query (migrations.ts) reads the parts in every configuration, which unaccent and stem them.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CHUNK = /["\u201c\u201d\u00ab\u00bb]([^"\u201c\u201d\u00ab\u00bb]*)["\u201c\u201d\u00ab\u00bb]|(\S+)/gu;

function phrase(words: string[], prefix: 'none' | 'last' | 'each'): string {
  const operands = words.map((w, i) => {
    const star = prefix === 'each' || (prefix === 'last' && i === words.length - 1);
    return `'${w}'${star ? ':*' : ''}`;
  });
  return operands.length === 1 ? operands[0]! : `(${operands.join(' <-> ')})`;
}

/** The tsquery text for a user query, or null when it holds no word. `prefix` makes every word a prefix. */
export function toTsQuery(input: string, options: { prefix?: boolean } = {}): string | null {
  const parts: string[] = [];
  for (const m of input.normalize('NFC').matchAll(CHUNK)) {
    const chunk = m[1] ?? m[2] ?? '';
    const words = chunk.match(WORD);
    if (!words) continue;
    const starred = m[2] !== undefined && /[\p{L}\p{N}\p{M}]\*$/u.test(chunk);
    parts.push(phrase(words, options.prefix ? 'each' : starred ? 'last' : 'none'));
  }
  return parts.length > 0 ? parts.join(' & ') : null;
}

export interface SearchParts {
  /** Each part: plain text for phraseto_tsquery, or tsquery text for a prefix part. */
  texts: string[];
  prefix: boolean[];
}

/** The parts of a user query, or null when it holds no word. */
export function searchParts(input: string): SearchParts | null {
  const parts: SearchParts = { texts: [], prefix: [] };
  for (const m of input.normalize('NFC').matchAll(CHUNK)) {
    const chunk = m[1] ?? m[2] ?? '';
    const words = chunk.match(WORD);
    if (!words) continue;
    const starred = m[2] !== undefined && /[\p{L}\p{N}\p{M}]\*$/u.test(chunk);
    parts.texts.push(starred ? phrase(words, 'last') : chunk);
    parts.prefix.push(starred);
  }
  return parts.texts.length > 0 ? parts : null;
}
