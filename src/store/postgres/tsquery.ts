/**
 * User search text → the text of a PostgreSQL tsquery, read the way the SQLite store reads it (src/store/match.ts):
 * every word is a plain operand, so operators, parentheses and stray quotes are searched as words, never parsed.
 *
 *   sécurité porte-parole   → 'sécurité' & ('porte' <-> 'parole')
 *   "ne céderons pas"       → ('ne' <-> 'céderons' <-> 'pas')
 *   secur*                  → 'secur':*
 *
 * Operands hold only letters, digits and marks, so quoting them is enough. The configurations (selon_query in
 * migrations.ts) unaccent and stem each operand.
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
