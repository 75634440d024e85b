/**
 * Cross-document speakers in SQLite. Each normalised name has a row; `canonical` says which speaker it belongs to.
 * A lone surname ("Macron") belongs to the unique full name with that surname ("Emmanuel Macron"); when a second
 * full name with the same surname appears ("Jean-Marie Le Pen" after "Marine Le Pen"), the lone surname stands alone
 * again. The rule is re-applied whenever a name row appears or disappears, so the result does not depend on the
 * order documents arrive in.
 */
import type { Database } from 'better-sqlite3';
import { speakerKey } from '../names.js';
import { sql } from './statements.js';

export interface NameRow {
  pk: number;
  canonical: number;
}

/** The name row for a speaker name as a record gives it, created on first sight; null for an empty name. */
export function nameRowFor(db: Database, name: string, type: string | null): NameRow | null {
  const key = speakerKey(name);
  if (!key) return null;
  let row = sql(db, 'SELECT pk, canonical FROM speakers WHERE key = ?').get(key.key) as NameRow | undefined;
  if (!row) {
    const info = sql(db, 'INSERT INTO speakers (key, name, surname, full, type, canonical) VALUES (?, ?, ?, ?, ?, 0)')
      .run(key.key, key.display, key.surname, key.full ? 1 : 0, type);
    const pk = Number(info.lastInsertRowid);
    sql(db, 'UPDATE speakers SET canonical = pk WHERE pk = ?').run(pk);
    settleSurname(db, key.surname);
    row = sql(db, 'SELECT pk, canonical FROM speakers WHERE pk = ?').get(pk) as NameRow;
  }
  addAlias(db, row.pk, name.trim());
  return row;
}

function addAlias(db: Database, pk: number, alias: string): void {
  if (sql(db, 'INSERT OR IGNORE INTO speaker_aliases (speaker, alias) VALUES (?, ?)').run(pk, alias).changes === 0) return;
  const names = sql(db, 'SELECT alias FROM speaker_aliases WHERE speaker = ?').pluck().all(pk) as string[];
  sql(db, 'DELETE FROM speakers_fts WHERE rowid = ?').run(pk);
  sql(db, 'INSERT INTO speakers_fts (rowid, names) VALUES (?, ?)').run(pk, names.join(' · '));
}

/** Points the lone-surname row of `surname` at the unique full name with that surname, or back at itself. */
export function settleSurname(db: Database, surname: string): void {
  const solo = sql(db, 'SELECT pk, canonical FROM speakers WHERE key = ? AND full = 0').get(surname) as NameRow | undefined;
  if (!solo) return;
  const fulls = sql(db, 'SELECT pk FROM speakers WHERE surname = ? AND full = 1 LIMIT 2').pluck().all(surname) as number[];
  const target = fulls.length === 1 ? fulls[0]! : solo.pk;
  if (solo.canonical === target) return;
  sql(db, 'UPDATE speakers SET canonical = ? WHERE pk = ?').run(target, solo.pk);
  sql(db, 'UPDATE quotes SET speaker = ? WHERE name = ?').run(target, solo.pk);
  sql(db, 'UPDATE accounts SET speaker = ? WHERE name = ?').run(target, solo.pk);
  // The quotes of the lone surname are now searched by their new speaker's name ("emmanuel" finds "M. Macron").
  sql(db, 'UPDATE quotes_fts SET canonical = ? WHERE rowid IN (SELECT pk FROM quotes WHERE name = ?)').run(canonicalName(db, target), solo.pk);
}

/** The name a canonical speaker is shown (and searched) by. */
export function canonicalName(db: Database, canonical: number): string {
  return sql(db, 'SELECT name FROM speakers WHERE pk = ?').pluck().get(canonical) as string;
}

/** Deletes name rows no quote or account uses any more, and re-settles their surnames. */
export function removeUnusedNames(db: Database, pks: Iterable<number>): void {
  for (const pk of pks) {
    const used = sql(db, `SELECT EXISTS (SELECT 1 FROM quotes WHERE name = ?) OR EXISTS (SELECT 1 FROM accounts WHERE name = ?)`)
      .pluck().get(pk, pk);
    if (used) continue;
    const row = sql(db, 'SELECT surname FROM speakers WHERE pk = ?').get(pk) as { surname: string } | undefined;
    if (!row) continue;
    sql(db, 'DELETE FROM speakers_fts WHERE rowid = ?').run(pk);
    sql(db, 'DELETE FROM speakers WHERE pk = ?').run(pk);
    settleSurname(db, row.surname);
  }
}

/** Canonical speaker ids whose names match a user-given name: same key, same surname, or the name's words in order. */
export function speakersNamed(db: Database, name: string): number[] {
  const key = speakerKey(name);
  if (!key) return [];
  return sql(db, `SELECT DISTINCT canonical FROM speakers
    WHERE key = ? OR surname = ? OR (' ' || key || ' ') LIKE ? ESCAPE '\\'`)
    .pluck().all(key.key, key.key, `% ${escapeLike(key.key)} %`) as number[];
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
