/**
 * User search text → a safe FTS5 MATCH expression. Every word becomes a quoted token, so operators (AND, OR, NOT,
 * NEAR), parentheses, column filters, stray quotes and hyphens are searched as words and never parsed as syntax.
 *
 *   sécurité porte-parole   → "sécurité" "porte parole"     (a hyphenated or elided word is a phrase)
 *   "ne céderons pas"       → "ne céderons pas"             (a quoted phrase stays a phrase)
 *   secur*                  → "secur"*                       (a trailing star asks for a prefix)
 */
import { SelonError } from '../errors.js';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Words of one chunk, joined as a phrase; empty when the chunk holds no letter or digit. */
function phraseOf(chunk: string): string {
  return (chunk.match(WORD) ?? []).join(' ');
}

/**
 * The MATCH expression for a user query, or null when the query holds no word at all.
 * With `prefix`, every word matches as a prefix (for name look-up as the user types).
 */
export function toMatchQuery(input: string, options: { prefix?: boolean } = {}): string | null {
  const parts: string[] = [];
  const text = input.normalize('NFC');
  // Quoted phrases first ("…" or “…” or «…»), then whitespace-separated chunks.
  const pattern = /["\u201c\u201d\u00ab\u00bb]([^"\u201c\u201d\u00ab\u00bb]*)["\u201c\u201d\u00ab\u00bb]|(\S+)/gu;
  for (const m of text.matchAll(pattern)) {
    const chunk = m[1] ?? m[2] ?? '';
    const phrase = phraseOf(chunk);
    if (!phrase) continue;
    const prefix = options.prefix || (m[2] !== undefined && /[\p{L}\p{N}\p{M}]\*$/u.test(chunk));
    parts.push(`"${phrase}"${prefix ? '*' : ''}`);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * Refuses (E003) a search query that holds text but no word ("*", "?", "()"): both stores would otherwise drop the
 * words filter and list every quote, the opposite of a search. A blank query is no query. The API and the CLI refuse
 * it first with their own wording; this is the same rule for a library caller.
 */
export function refuseWordless(q: string | undefined): void {
  if (q === undefined || q.trim() === '' || toMatchQuery(q) !== null) return;
  const shown = q.length > 80 ? `${q.slice(0, 80)}…` : q;
  throw new SelonError('E003', `the query "${shown}" holds no word to search for (letters or digits)`);
}
