/**
 * The few pieces of Python semantics the reference scorer (../shared/tools/score.py) relies on, so the port agrees
 * with it figure for figure: truthiness, str.split(), unicodedata.combining(), float repr, '{:.3f}' and round(x, 3).
 */

/** Python's truth value of a JSON value: null, false, 0, '', [] and {} are false. */
export function truthy(x: unknown): boolean {
  if (x === null || x === undefined || x === false || x === 0 || x === '') return false;
  if (Array.isArray(x)) return x.length > 0;
  if (typeof x === 'object') return Object.keys(x).length > 0;
  return true;
}

/** Python's str.isspace() set: JavaScript's \s without U+FEFF, plus U+001C–U+001F and U+0085. */
const PY_SPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** `s.split()` with no argument: runs of whitespace separate, empty pieces dropped. */
export function splitWords(s: string): string[] {
  return s.split(PY_SPACE).filter((w) => w !== '');
}

const combiningCache = new Map<string, boolean>();

/**
 * `unicodedata.combining(c) != 0`. JavaScript exposes no canonical combining class, but canonical reordering shows
 * it: a mark with class c > 0 swaps with a neighbouring mark of another non-zero class, a class-0 character never does.
 * Probing with two marks of different classes (220 and 230) covers every non-zero class.
 */
export function isCombining(c: string): boolean {
  if (c.codePointAt(0)! < 0x300) return false;
  let known = combiningCache.get(c);
  if (known === undefined) {
    known = reorders(c, '\u0316') || reorders(c, '\u0301');
    combiningCache.set(c, known);
  }
  return known;
}

function reorders(c: string, mark: string): boolean {
  return ('a' + c + mark).normalize('NFD') === ('a' + mark + c).normalize('NFD');
}

/** Python's repr() of a float: shortest round-trip digits, exponent form below 1e-4 or from 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = x.toExponential().split('e') as [string, string];
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const decpt = Number(exp) + 1;
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    return `${sign}${digits[0]}${frac}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/**
 * Python's f'{x:.3f}': the exact binary value rounded to 3 decimals, ties to even. toFixed rounds ties up, so exact
 * ties (1/16, 3/16, …: doubles sit at least 2^-57 from any other tie, far above 1e-25) are settled here.
 */
export function fixed3(x: number): string {
  const exact = x.toFixed(25);
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 4);
  if (!/^50*$/.test(tail)) return x.toFixed(3);
  const kept = exact.slice(0, dot + 4);
  const last = Number(kept[kept.length - 1]);
  if (last % 2 === 0) return kept;
  return x.toFixed(3);
}

/** repr(round(x, 3)): the float nearest the 3-decimal rounding, printed as Python prints floats. */
export function round3Repr(x: number): string {
  return floatRepr(Number(fixed3(x)));
}

/** repr() of a str, for dict keys: single quotes unless the string holds one and no double quote. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}

/** json.dumps() of a str (ensure_ascii): everything outside printable ASCII escaped as \uXXXX. */
export function jsonStr(s: string): string {
  return JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Python's ordering of str: by code point (JavaScript's < compares UTF-16 units). */
export function compareStr(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
