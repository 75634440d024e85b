/**
 * flag-boilerplate: marks whole blocks (lines, or paragraphs) that are scraping residue — teasers, newsletter
 * promos, share lines, credits — using the pack's patterns. Flagged text stays in place; it only carries no quotes.
 */
import type { Stage } from '../pipeline.js';
import type { Boilerplate, Span } from '../types.js';
import type { BoilerplateRule, LanguagePack } from '../lang/pack.js';

/** A block longer than this is prose, not a teaser line, even when it starts like one. */
const MAX_BLOCK = 400;

const compiled = new WeakMap<LanguagePack, Array<{ rule: BoilerplateRule; re: RegExp }>>();

function rulesOf(pack: LanguagePack) {
  let rules = compiled.get(pack);
  if (!rules) {
    rules = pack.boilerplate.map((rule) => ({ rule, re: new RegExp(rule.pattern, 'iu') }));
    compiled.set(pack, rules);
  }
  return rules;
}

/** The lines of a paragraph, trimmed, as spans. */
function linesOf(text: string, para: Span): Span[] {
  const out: Span[] = [];
  for (let start = para.start; start <= para.end; ) {
    const newline = text.indexOf('\n', start);
    const i = newline < 0 || newline > para.end ? para.end : newline;
    let s = start;
    let e = i;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = i + 1;
  }
  return out;
}

export const flagBoilerplate: Stage = {
  name: 'flag-boilerplate',
  requires: ['paragraphs'],
  produces: ['boilerplate'],
  run(doc, pack) {
    const { text } = doc;
    const rules = rulesOf(pack);
    const boilerplate: Boilerplate[] = [];
    for (const para of doc.layers.paragraphs!) {
      for (const line of linesOf(text, para)) {
        if (line.end - line.start > MAX_BLOCK) continue;
        const block = text.slice(line.start, line.end);
        const hit = rules.find(({ re }) => re.test(block));
        if (hit) boilerplate.push({ ...line, text: block, kind: hit.rule.kind, rule: hit.rule.id });
      }
    }
    return { ...doc, layers: { ...doc.layers, boilerplate } };
  },
};
