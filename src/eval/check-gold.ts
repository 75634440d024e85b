/** Checks one selon-gold/1 line: what score.py needs, plus offsets that point where they say. */
import type { Json } from './score.js';

function isObj(x: unknown): x is Json {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** A span {start, end, text?}: whole numbers in order, inside the text, its text the slice it names. */
function spanProblem(x: unknown, text: string | null, what: string): string | null {
  if (!isObj(x)) return `${what} is not an object`;
  const { start, end } = x;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `${what} needs whole-number start and end`;
  if ((start as number) < 0 || (end as number) < (start as number)) return `${what} has start ${start} and end ${end}`;
  if (text === null) return null;
  if ((end as number) > text.length) return `${what} ends at ${end}, past the text (${text.length})`;
  if (typeof x.text === 'string' && text.slice(start as number, end as number) !== x.text) {
    return `${what} text ${JSON.stringify(x.text)} differs from the text at ${start}-${end}`;
  }
  return null;
}

function fragmentsProblem(x: unknown, what: string): string | null {
  if (x === null || x === undefined) return null;
  if (!Array.isArray(x)) return `${what} fragments is not a list`;
  const bad = x.find((f) => !Array.isArray(f) || f.length < 2 || !Number.isInteger(f[0]) || !Number.isInteger(f[1]));
  return bad === undefined ? null : `${what} has a fragment that is not [start, end]`;
}

function quoteProblem(q: unknown, text: string | null, what: string): string | null {
  if (!isObj(q)) return `${what} is not an object`;
  if (typeof q.kind !== 'string') return `${what} has no kind`;
  const content = spanProblem(q.content, text, `${what} content`);
  if (content) return content;
  const fragments = fragmentsProblem(q.fragments, what);
  if (fragments) return fragments;
  if (q.speaker !== null && q.speaker !== undefined) {
    if (!isObj(q.speaker)) return `${what} speaker is not an object or null`;
    const m = q.speaker.mention;
    if (m !== null && m !== undefined) return spanProblem(m, text, `${what} speaker mention`);
  }
  return null;
}

/** The reason a parsed gold line is unusable, or null when it is fine. */
export function checkGold(doc: unknown, needText: boolean): string | null {
  if (!isObj(doc)) return 'not a JSON object';
  if (!('id' in doc)) return 'no "id"';
  const text = typeof doc.text === 'string' ? doc.text : null;
  if (needText && text === null) return 'no "text" string to run the engine on';
  if (!Array.isArray(doc.quotes)) return '"quotes" is not a list';
  for (const [i, q] of doc.quotes.entries()) {
    const problem = quoteProblem(q, text, `quote ${i + 1}`);
    if (problem) return problem;
  }
  const notSpeech = doc.not_speech ?? [];
  if (!Array.isArray(notSpeech)) return '"not_speech" is not a list';
  for (const [i, n] of notSpeech.entries()) {
    const problem = spanProblem(n, text, `not_speech ${i + 1}`);
    if (problem) return problem;
  }
  return null;
}
