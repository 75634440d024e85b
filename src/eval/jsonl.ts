/** Reads gold (selon-gold/1) and prediction (selon/1) JSONL files, one JSON object per non-blank line. */
import { readFileSync } from 'node:fs';
import { SelonError } from '../errors.js';
import { splitWords } from './python.js';
import type { GoldDoc, Json } from './score.js';
import { checkGold } from './check-gold.js';

export interface Line {
  /** 1-based physical line number. */
  n: number;
  text: string;
}

/** Non-blank lines, split as Python's universal newlines split them (\r\n, \r, \n); a leading BOM dropped. */
export function jsonLines(content: string): Line[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return lines.map((text, i) => ({ n: i + 1, text })).filter((l) => splitWords(l.text).length > 0);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new SelonError(what === 'gold' ? 'E007' : 'E005', `${path}: ${(err as Error).message}`);
  }
}

/** Gold documents, checked: a bad line is a configuration error naming the line and the reason. */
export function readGold(path: string, needText: boolean): GoldDoc[] {
  return jsonLines(readText(path, 'gold')).map(({ n, text }) => {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new SelonError('E007', `${path}:${n}: not JSON (${(err as Error).message})`);
    }
    const problem = checkGold(doc, needText);
    if (problem) throw new SelonError('E007', `${path}:${n}: ${problem}`);
    return doc as GoldDoc;
  });
}

export interface Predictions {
  /** By document id, the last line winning as in score.py's dict. */
  docs: Map<unknown, Json>;
  /** Lines that could not be read, with their numbers. */
  problems: string[];
}

/** Prediction documents keyed by `id` (absent id → null, as Python's d.get('id')). Broken lines are reported, skipped. */
export function readPredictions(path: string): Predictions {
  const docs = new Map<unknown, Json>();
  const problems: string[] = [];
  for (const { n, text } of jsonLines(readText(path, 'predictions'))) {
    try {
      const doc: unknown = JSON.parse(text);
      if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a JSON object');
      docs.set((doc as Json).id ?? null, doc as Json);
    } catch (err) {
      problems.push(`${path}:${n}: ${(err as Error).message}`);
    }
  }
  return { docs, problems };
}
