/** The UI's pure helpers (text runs for highlighting, word differences, search-term marking, timeline buckets), and the bundle's freedom from Node-only code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRuns, quoteSpans } from '../ui/src/segments.js';
import { markChanged } from '../ui/src/diff.js';
import { markTerms, queryTerms } from '../ui/src/terms.js';
import { bucketize } from '../ui/src/components/Timeline.js';
import type { Boilerplate, OutputQuote } from '../src/types.js';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function quote(id: string, text: string, words: string, extra: Partial<OutputQuote> = {}): OutputQuote {
  const start = text.indexOf(words);
  return {
    id, kind: 'direct', content: { start, end: start + words.length, text: words }, fragments: null, speaker: null, cue: null,
    addressee: null, via: [], time: null, continues: null, confidence: 0.9, evidence: [], ...extra,
  };
}

test('runs cover the text exactly once, in order, and carry quote, boilerplate, mention and cue', () => {
  const text = '« Nous ne céderons pas », a déclaré la ministre Anne Roy.\n\nLIRE AUSSI  Une vidéo';
  const q = quote('q1', text, 'Nous ne céderons pas');
  const b: Boilerplate = { start: text.indexOf('LIRE'), end: text.length, text: 'LIRE AUSSI  Une vidéo', kind: 'teaser', rule: 'fr.teaser' };
  const mention = { start: text.indexOf('la ministre'), end: text.indexOf('Anne Roy') + 8 };
  const cue = { start: text.indexOf('a déclaré'), end: text.indexOf('a déclaré') + 9 };
  const runs = buildRuns(text, [q], [b], { mention, cue });
  assert.equal(runs.map((r) => text.slice(r.start, r.end)).join(''), text);
  for (let i = 1; i < runs.length; i++) assert.equal(runs[i]!.start, runs[i - 1]!.end);
  const pick = (s: string) => runs.find((r) => text.slice(r.start, r.end) === s);
  assert.equal(pick('Nous ne céderons pas')?.quote, 'q1');
  assert.equal(pick('Nous ne céderons pas')?.head, true);
  assert.equal(pick('la ministre Anne Roy')?.mention, true);
  assert.equal(pick('a déclaré')?.cue, true);
  assert.equal(pick('LIRE AUSSI  Une vidéo')?.boilerplate?.kind, 'teaser');
});

test('a quote split by an incise is highlighted fragment by fragment; one tab stop per quote', () => {
  const text = '« Nous irons, a-t-il dit, jusqu’au bout »';
  const a = text.indexOf('Nous irons');
  const b = text.indexOf('jusqu’au bout');
  const q = quote('q1', text, text.slice(a, b + 'jusqu’au bout'.length), { fragments: [[a, a + 10], [b, b + 13]] });
  assert.deepEqual(quoteSpans(q), [{ start: a, end: a + 10 }, { start: b, end: b + 13 }]);
  const runs = buildRuns(text, [q], []).filter((r) => r.quote);
  assert.deepEqual(runs.map((r) => text.slice(r.start, r.end)), ['Nous irons', 'jusqu’au bout']);
  assert.deepEqual(runs.map((r) => r.head), [true, false]);
});

test('spans past the end of the text are clamped, never thrown on', () => {
  const runs = buildRuns('abc', [quote('q1', 'abc', 'abc', { content: { start: 1, end: 99, text: 'bc' } })], []);
  assert.equal(runs.at(-1)!.end, 3);
});

test('word differences between two versions (case, accents and punctuation aside)', () => {
  const a = 'Je respecte la voie choisie par votre pays.';
  const b = 'Je RESPECTE la voie de votre pays, dit-elle';
  const changed = (x: string, y: string) => markChanged(x, y).filter((p) => p.changed).map((p) => p.text);
  assert.deepEqual(changed(a, b), ['choisie', 'par']);
  assert.deepEqual(changed(b, a), ['de', 'dit', 'elle']);
  assert.deepEqual(changed('Sécurité d’abord', 'securite d’abord'), []);
  assert.equal(markChanged(a, b).map((p) => p.text).join(''), a, 'pieces rebuild the text');
});

test('search terms are marked accent- and case-insensitively, to the end of the word', () => {
  assert.deepEqual(queryTerms('Sécurité "porte-parole" l\'a'), ['securite', 'porte', 'parole']);
  const pieces = markTerms('La sécurité des voyageurs, la SÉCURITÉ avant tout', queryTerms('securit'));
  assert.deepEqual(pieces.filter((p) => p.hit).map((p) => p.text), ['sécurité', 'SÉCURITÉ']);
  assert.deepEqual(markTerms('insécurité', ['securite']).filter((p) => p.hit), [], 'only at the start of a word');
  assert.deepEqual(markTerms('œuvre', ['oeuvre']).length, 1);
});

test('timeline buckets: months with gaps filled, years for long ranges', () => {
  const months = bucketize([{ value: '2024-01-15', count: 2 }, { value: '2024-03-02', count: 1 }]);
  assert.deepEqual(months, [{ label: '2024-01', count: 2 }, { label: '2024-02', count: 0 }, { label: '2024-03', count: 1 }]);
  const years = bucketize([{ value: '2006-02-23', count: 3 }, { value: '2012-05-22', count: 1 }]);
  assert.equal(years.length, 7);
  assert.deepEqual(years[0], { label: '2006', count: 3 });
  assert.deepEqual(bucketize([]), []);
});

/**
 * Every module the UI bundle holds, from ui/src/main.tsx through the engine (src/index.ts): relative imports that are
 * not type-only, followed; package imports collected with the file that makes them.
 */
function bundledModules(entry: string): { files: string[]; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const resolve = (from: string, spec: string): string => {
    const base = path.resolve(path.dirname(from), spec).replace(/\.js$/, '');
    const found = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => existsSync(f));
    assert.ok(found, `${spec} imported by ${from} resolves`);
    return found;
  };
  const walk = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    const imports = /^\s*(?:import|export)\s+(type\s)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
    for (const m of source.matchAll(imports)) {
      if (m[1]) continue;
      const spec = (m[2] ?? m[3] ?? m[4])!;
      if (spec.startsWith('.')) {
        if (!/\.css$/.test(spec)) walk(resolve(file, spec));
      } else packages.set(spec, path.relative(process.cwd(), file));
    }
  };
  walk(entry);
  return { files: [...files], packages };
}

test('the Read view bundles the engine with no Node-only code: no Node module, no Node global', () => {
  const entry = fileURLToPath(new URL('../ui/src/main.tsx', import.meta.url));
  const { files, packages } = bundledModules(entry);
  const engine = files.filter((f) => f.includes(`${path.sep}src${path.sep}`) && !f.includes(`${path.sep}ui${path.sep}`));
  assert.ok(engine.some((f) => f.endsWith(path.join('src', 'index.ts'))), 'the engine is in the bundle');
  assert.ok(engine.some((f) => f.endsWith(path.join('src', 'pipeline.ts'))));
  const node = new Set(builtinModules);
  for (const [spec, file] of packages) {
    assert.ok(!spec.startsWith('node:') && !node.has(spec.split('/')[0]!), `${file} imports the Node module "${spec}"`);
  }
  for (const file of files) {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const global = /\b(process\.\w+|Buffer\.\w+|require\(|__dirname|__filename)/.exec(code);
    assert.equal(global, null, `${path.relative(process.cwd(), file)} uses the Node global ${global?.[0]}`);
  }
});
