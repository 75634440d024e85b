/** Resolves a day word ("mardi", "yesterday") against a document date (ISO yyyy-mm-dd). */
import type { TimeWords } from '../lang/pack.js';

export function resolveDate(docDate: string | null, word: string, time: TimeWords): string | null {
  if (!docDate || !/^\d{4}-\d{2}-\d{2}/.test(docDate)) return null;
  const base = new Date(`${docDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(base.getTime())) return null;
  const rel = time.relativeDays[word];
  let offset: number;
  if (rel !== undefined) offset = rel;
  else {
    const wd = time.weekdays.indexOf(word);
    if (wd < 0) return null;
    // News speaks of the most recent such day up to the publication day ("mardi" in a Wednesday article = yesterday).
    const today = (base.getUTCDay() + 6) % 7; // Monday = 0
    offset = -((today - wd + 7) % 7);
  }
  base.setUTCDate(base.getUTCDate() + offset);
  return base.toISOString().slice(0, 10);
}

/**
 * A calendar date written as day + month ("24 mai", "le 3 mars 2012") or month + day ("May 24", "May 24, 2012"), from
 * the tokens' lower-case forms; the year, when absent, is the document's (or the year before, for a date after it).
 */
export function resolveDayMonth(docDate: string | null, day: number, month: number, year: number | null): string | null {
  if (day < 1 || day > 31 || month < 0 || month > 11) return null;
  let y = year;
  if (y === null) {
    if (!docDate || !/^\d{4}-\d{2}-\d{2}/.test(docDate)) return null;
    y = Number(docDate.slice(0, 4));
    const candidate = `${y}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (candidate > docDate.slice(0, 10)) y -= 1; // "on December 30" in a January article is last year's
  }
  const iso = `${y}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) || d.getUTCDate() !== day ? null : iso;
}
