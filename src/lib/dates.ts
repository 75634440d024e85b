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
