/** Name agreement, as EVAL.md rule 3 and score.py's `tokens` / `same_name` define it. */
import { isCombining } from './python.js';

/** Words that never identify a person or body on their own (score.py's STOP, verbatim, accented entries included). */
export const STOP: ReadonlySet<string> = new Set(
  `le la les l de du des d un une et à a au aux en the an of and for m mme mlle mr mrs ms dr sir lord
president président presidente présidente ministre minister premier prime secretary secrétaire porte parole spokesman
spokeswoman spokesperson chef head leader dirigeant directeur directrice general général générale said says
il elle ils elles he she they him her his lui leur who qui`.split(/\s+/),
);

/** Folded words of a name: NFKD, combining marks dropped, lower case, ASCII letters and digits, 3+ characters. */
export function nameTokens(s: unknown): Set<string> {
  if (typeof s !== 'string' || s === '') return new Set();
  let folded = '';
  for (const c of s.normalize('NFKD')) if (!isCombining(c)) folded += c;
  const words = folded.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => w.length >= 3 && !STOP.has(w)));
}

/** One name's words all contained in the other's: 'Clinton' ~ 'Hillary Clinton', not 'Marine' ~ 'Jean-Marie'. */
export function sameName(goldName: unknown, predName: unknown): boolean {
  const g = nameTokens(goldName);
  const p = nameTokens(predName);
  return g.size > 0 && p.size > 0 && (subset(g, p) || subset(p, g));
}

function subset(a: Set<string>, b: Set<string>): boolean {
  for (const w of a) if (!b.has(w)) return false;
  return true;
}
