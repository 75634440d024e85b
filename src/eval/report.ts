/** Prints Scores exactly as score.py does: its four text lines, or its json.dumps() line. */
import { INT_KEYS, type Scores } from './score.js';
import { compareStr, fixed3, floatRepr, jsonStr, round3Repr, strRepr } from './python.js';

/** Kinds in Python's sorted() order (JavaScript objects would put integer-like keys first). */
function kindsOf(byKind: Record<string, number>): string[] {
  return Object.keys(byKind).sort(compareStr);
}

/** `{k: round(v, 3) …}` as Python prints a dict: `{'direct': 0.871, 'indirect': 0.5}`. */
function dictRepr(byKind: Record<string, number>): string {
  return '{' + kindsOf(byKind).map((k) => `${strRepr(k)}: ${round3Repr(byKind[k]!)}`).join(', ') + '}';
}

export function formatText(r: Scores): string {
  const f = fixed3;
  return [
    `docs ${r.docs} (missing ${r.missing_docs}) gold ${r.gold} pred ${r.pred}`,
    `quote P ${f(r.quote_p)} R ${f(r.quote_r)} F1 ${f(r.quote_f1)} | ` +
      `e2e P ${f(r.e2e_p)} R ${f(r.e2e_r)} F1 ${f(r.e2e_f1)} | speaker acc ${f(r.speaker_acc)}`,
    `recall by kind ${dictRepr(r.recall_by_kind)} | e2e recall by kind ${dictRepr(r.e2e_recall_by_kind)}`,
    `addressee P ${f(r.addressee_p)} R ${f(r.addressee_r)} F1 ${f(r.addressee_f1)} (gold ${r.addressee_gold}) | ` +
      `via P ${f(r.via_p)} R ${f(r.via_r)} F1 ${f(r.via_f1)} (gold ${r.via_gold}) | ` +
      `quotes on not-speech spans ${r.scare_quote_fp}`,
  ].join('\n') + '\n';
}

function jsonValue(key: string, v: number | Record<string, number>): string {
  if (typeof v === 'number') return INT_KEYS.has(key) ? String(v) : floatRepr(v);
  return '{' + kindsOf(v).map((k) => `${jsonStr(k)}: ${floatRepr(v[k]!)}`).join(', ') + '}';
}

/** json.dumps(r): Python's separators (', ' and ': '), ints without a point, floats as repr(). */
export function formatJson(r: Scores): string {
  const entries = Object.entries(r) as [string, number | Record<string, number>][];
  return '{' + entries.map(([k, v]) => `${jsonStr(k)}: ${jsonValue(k, v)}`).join(', ') + '}\n';
}
