/**
 * The scorer: one behaviour per test on hand-built gold and predictions, then (when ../shared and python3 are
 * present) agreement with the reference score.py on real gold sets and many perturbed prediction files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { score, type GoldDoc, type Json, type Scores } from '../src/eval/score.js';
import { sameName, nameTokens } from '../src/eval/names.js';
import { fixed3, floatRepr, round3Repr, splitWords, isCombining } from '../src/eval/python.js';
import { formatJson, formatText } from '../src/eval/report.js';
import { readGold, readPredictions } from '../src/eval/jsonl.js';
import { runEngine } from '../src/eval/run.js';
import { SelonError } from '../src/errors.js';
import { run as evalCommand } from '../src/cli/eval.js';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared');
const SCORE_PY = join(SHARED, 'tools/score.py');

/* ---------- builders ---------- */

const TEXT = 'x'.repeat(400);

function gq(start: number, end: number, extra: Json = {}): Json {
  return { kind: 'direct', content: { start, end }, speaker: null, addressee: null, via: [], ...extra };
}

function pq(start: number, end: number, extra: Json = {}): Json {
  return { kind: 'direct', content: { start, end }, speaker: null, addressee: null, via: [], ...extra };
}

function gold(quotes: Json[], notSpeech: Json[] = [], id = 'd1'): GoldDoc {
  return { id, text: TEXT, quotes, not_speech: notSpeech };
}

function run(golds: Json[], preds: Json[], kinds?: string[], notSpeech: Json[] = []): Scores {
  return score([gold(golds, notSpeech)], new Map([['d1', { id: 'd1', quotes: preds }]]), kinds ? new Set(kinds) : undefined);
}

const speaker = (name: string, start = 0, end = 0): Json => ({
  name,
  mention: end > start ? { start, end, text: TEXT.slice(start, end) } : null,
});

/* ---------- Python formatting ---------- */

test('floats print as Python repr() prints them', () => {
  const cases: [number, string][] = [
    [0, '0.0'], [1, '1.0'], [0.5, '0.5'], [0.871, '0.871'], [1 / 3, '0.3333333333333333'], [0.0001, '0.0001'],
    [0.00001, '1e-05'], [1.5e-7, '1.5e-07'], [1e16, '1e+16'], [123456789012345.6, '123456789012345.6'], [15, '15.0'],
  ];
  for (const [x, repr] of cases) assert.equal(floatRepr(x), repr, String(x));
});

test("'{:.3f}' and round(x, 3) settle exact ties to even, like Python", () => {
  assert.equal(fixed3(0.0625), '0.062');
  assert.equal(fixed3(0.1875), '0.188');
  assert.equal(fixed3(0.3125), '0.312');
  assert.equal(fixed3(2 / 3), '0.667');
  assert.equal(fixed3(0.8705), '0.871'); // 0.8705 is stored just above the tie
  assert.equal(fixed3(2.675), '2.675');
  assert.equal(round3Repr(0.87), '0.87');
  assert.equal(round3Repr(1), '1.0');
  assert.equal(round3Repr(0.0625), '0.062');
  assert.equal(round3Repr(1 / 3), '0.333');
});

test('str.split() and unicodedata.combining() follow Python', () => {
  assert.deepEqual(splitWords('  a\u00a0b\x1fc\u0085d\ufeffe '), ['a', 'b', 'c', 'd\ufeffe']);
  assert.equal(isCombining('\u0301'), true);
  assert.equal(isCombining('\u0316'), true);
  assert.equal(isCombining('\u093c'), true); // nukta, class 7
  assert.equal(isCombining('\u034f'), false); // grapheme joiner: a mark of class 0
  assert.equal(isCombining('e'), false);
});

/* ---------- names ---------- */

test('names agree when one word set holds the other, after folding', () => {
  const table: [string, string, boolean][] = [
    ['Hillary Clinton', 'Clinton', true],
    ['Clinton', 'Hillary Clinton', true],
    ['Marine Le Pen', 'Jean-Marie Le Pen', false],
    ['François Hollande', 'FRANCOIS HOLLANDE', true],
    ['M. Dupont', 'Dupont', true],
    ['la ministre Anne Roy', 'Anne Roy', true],
    ['le président', 'le président', false], // only stop words: no name at all
    ['Xi', 'Xi', false], // words under three letters are dropped
    ['Le Pen', 'Marine Le Pen', true],
    ['générale Dupont', 'Générale Dupont', true],
  ];
  for (const [a, b, agree] of table) assert.equal(sameName(a, b), agree, `${a} ~ ${b}`);
  assert.deepEqual([...nameTokens('Le porte-parole Wang Wenbin')], ['wang', 'wenbin']);
  assert.deepEqual([...nameTokens('la Générale des Eaux')].sort(), ['eaux', 'generale']); // 'generale' is not in STOP
  assert.equal(sameName(null, 'Dupont'), false);
});

/* ---------- pairing ---------- */

test('a pair needs overlap of at least half of each side', () => {
  assert.equal(run([gq(0, 10)], [pq(0, 5)]).quote_f1, 1);
  assert.equal(run([gq(0, 10)], [pq(0, 4)]).quote_f1, 0);
  assert.equal(run([gq(0, 10)], [pq(0, 20)]).quote_f1, 1);
  assert.equal(run([gq(0, 10)], [pq(0, 21)]).quote_f1, 0);
});

test('pairs are taken by decreasing overlap, not by gold order', () => {
  const r = run([gq(0, 10, { speaker: speaker('Anne Roy') }), gq(5, 15, { speaker: speaker('Paul Martin') })], [
    pq(4, 14, { speaker: speaker('Paul Martin') }),
  ]);
  assert.equal(r.quote_r, 0.5);
  assert.equal(r.e2e_r, 0.5); // paired with the second gold quote (overlap 9 > 6), whose speaker is Martin
});

test('overlap ties go to the earlier gold quote, then the earlier prediction', () => {
  const golds = [gq(0, 10, { speaker: speaker('Anne Roy') }), gq(0, 10, { speaker: speaker('Paul Martin') })];
  assert.equal(run(golds, [pq(0, 10, { speaker: speaker('Anne Roy') })]).e2e_f1 > 0, true);
  assert.equal(run(golds, [pq(0, 10, { speaker: speaker('Paul Martin') })]).e2e_p, 0);
  const preds = [pq(0, 10, { speaker: speaker('Paul Martin') }), pq(0, 10, { speaker: speaker('Anne Roy') })];
  const r = run([golds[0]!], preds);
  assert.equal(r.quote_p, 0.5);
  assert.equal(r.e2e_r, 0); // the first prediction took the gold quote
});

test('fragments are the pieces when given; empty fragments fall back to content', () => {
  const g = gq(0, 15, { fragments: [[0, 5], [10, 15]] }); // length 10
  assert.equal(run([g], [pq(0, 15)]).quote_f1, 1); // overlap 10 ≥ 15/2
  assert.equal(run([g], [pq(0, 21)]).quote_f1, 0); // overlap 10 < 21/2
  assert.equal(run([g], [pq(0, 0, { fragments: [[0, 5], [10, 15]] })]).quote_f1, 1);
  assert.equal(run([g], [pq(5, 10, { fragments: [] })]).quote_f1, 0); // [] → content 5–10, no overlap
  assert.equal(run([g], [pq(0, 15, { fragments: [[9, 3], [0, 5]] })]).quote_f1, 1); // backwards piece dropped
  assert.equal(run([gq(3, 3)], [pq(3, 3)]).quote_f1, 0); // empty spans never pair
});

/* ---------- speakers ---------- */

test('speaker right by mention overlap, by name, or by the gold mention text', () => {
  const g = gq(100, 150, { speaker: { name: 'Insurgency Wiki History section', mention: { start: 10, end: 40, text: 'The History section of the site' } } });
  const e2e = (sp: unknown): number => run([g], [pq(100, 150, { speaker: sp })]).e2e_f1;
  assert.equal(e2e({ name: 'nobody known', mention: { start: 20, end: 30 } }), 0);
  assert.equal(e2e({ name: 'nobody known', mention: { start: 20, end: 35 } }), 1); // overlap 15 ≥ 30/2
  assert.equal(e2e({ name: 'Insurgency Wiki', mention: null }), 1);
  assert.equal(e2e({ name: 'section of the site', mention: null }), 1); // agrees with the mention text
  assert.equal(e2e({ name: 'nobody known', mention: { start: 0, end: 90 } }), 0); // mention over 80 characters
  assert.equal(e2e({ name: 'Insurgency Wiki a b c d e f g', mention: { start: 10, end: 40 } }), 0); // 9 words
  assert.equal(e2e({ name: 'Insurgency Wiki b c d e f g', mention: { start: 10, end: 40 } }), 1); // 8 words
  assert.equal(e2e(null), 0);
});

test('a null gold speaker is right only against no speaker ({} counts as none)', () => {
  const g = gq(0, 10);
  assert.equal(run([g], [pq(0, 10)]).e2e_f1, 1);
  assert.equal(run([g], [pq(0, 10, { speaker: {} })]).e2e_f1, 1);
  assert.equal(run([g], [pq(0, 10, { speaker: speaker('Anne Roy') })]).e2e_f1, 0);
  assert.equal(run([gq(0, 10, { speaker: speaker('Anne Roy') })], [pq(0, 10, { speaker: {} })]).e2e_f1, 0);
});

/* ---------- kinds ---------- */

test('--kinds keeps gold of those kinds and predictions of those kinds or without a kind', () => {
  const golds = [gq(0, 10), gq(20, 30, { kind: 'indirect' })];
  const preds = [pq(0, 10, { kind: 'indirect' }), pq(20, 30, { kind: 'indirect' })];
  const blind = run(golds, preds);
  assert.equal(blind.quote_f1, 1); // without --kinds a prediction's kind need not match
  const direct = run(golds, preds, ['direct']);
  assert.deepEqual([direct.gold, direct.pred, direct.quote_r], [1, 0, 0]);
  const noKind = { content: { start: 0, end: 10 } };
  assert.deepEqual([run(golds, [noKind], ['direct']).pred, run(golds, [noKind], ['direct']).quote_f1], [1, 1]);
  assert.equal(run(golds, [{ ...noKind, kind: null }], ['direct']).pred, 0); // present but null: dropped
  assert.deepEqual(run(golds, preds).recall_by_kind, { direct: 1, indirect: 1 });
});

/* ---------- addressee, via, not speech, missing ---------- */

test('addressees: agreeing names are hits, others a false positive and a false negative', () => {
  const g = gq(0, 10, { addressee: { name: 'Michelle Bachelet' } });
  const add = (a: unknown): [number, number, number] => {
    const r = run([g], [pq(0, 10, { addressee: a })]);
    return [r.addressee_p, r.addressee_r, r.addressee_gold];
  };
  assert.deepEqual(add({ name: 'Bachelet' }), [1, 1, 1]);
  assert.deepEqual(add({ name: 'Xi Jinping' }), [0, 0, 1]);
  assert.deepEqual(add(null), [0, 0, 1]);
  const fp = run([gq(0, 10)], [pq(0, 10, { addressee: { name: 'Xi Jinping' } })]);
  assert.deepEqual([fp.addressee_p, fp.addressee_gold], [0, 0]);
  const unpaired = run([g], [pq(50, 60, { addressee: { name: 'Bachelet' } })]);
  assert.equal(unpaired.addressee_gold, 0); // only paired quotes count
});

test('via: each gold channel found or missed, each predicted one matched or not', () => {
  const g = gq(0, 10, { via: [{ name: 'CCTV' }, { name: 'Xinhua' }] });
  const r = run([g], [pq(0, 10, { via: [{ name: 'agence Xinhua' }, { name: 'BBC' }, null] })]);
  assert.equal(r.via_gold, 2);
  assert.equal(r.via_r, 0.5);
  assert.equal(r.via_p, 1 / 3);
});

test('predictions covering half a not-speech span are counted, paired or not', () => {
  const ns = [{ start: 100, end: 120, text: TEXT.slice(100, 120) }];
  assert.equal(run([], [pq(105, 114)], undefined, ns).scare_quote_fp, 0);
  assert.equal(run([], [pq(105, 115)], undefined, ns).scare_quote_fp, 1); // exactly half
  assert.equal(run([], [pq(100, 110)], undefined, ns).scare_quote_fp, 1);
  assert.equal(run([], [pq(90, 200), pq(110, 130)], undefined, ns).scare_quote_fp, 2);
  assert.equal(run([], [pq(100, 110, { kind: 'mixed' })], ['direct'], ns).scare_quote_fp, 0);
});

test('a gold document without predictions is missing and all its quotes are misses', () => {
  const r = score([gold([gq(0, 10)]), gold([gq(0, 10)], [], 'd2')], new Map([['d1', { quotes: [pq(0, 10)] }]]));
  assert.deepEqual([r.docs, r.missing_docs, r.gold, r.pred, r.quote_r], [2, 1, 2, 1, 0.5]);
});

test('the report prints score.py lines', () => {
  const r = run([gq(0, 10), gq(20, 30, { kind: 'indirect' }), gq(40, 50, { kind: 'indirect' })], [pq(0, 10)]);
  assert.equal(
    formatText(r).split('\n')[2],
    "recall by kind {'direct': 1.0, 'indirect': 0.0} | e2e recall by kind {'direct': 1.0, 'indirect': 0.0}",
  );
  assert.match(formatJson(r), /^\{"docs": 1, "missing_docs": 0, "gold": 3, "pred": 1, "quote_p": 1\.0, "quote_r": 0\.3333333333333333, /);
});

/* ---------- files and CLI ---------- */

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'selon-eval-'));
}

test('a bad gold line is a configuration error naming its line', () => {
  const dir = tmp();
  try {
    const good = JSON.stringify({ id: 'a', text: 'abc', quotes: [] });
    const cases: [string, RegExp][] = [
      ['{"id": ', /:3: not JSON/],
      [JSON.stringify({ id: 'b', text: 'abc', quotes: [{ content: { start: 0, end: 1 } }] }), /:3: quote 1 has no kind/],
      [JSON.stringify({ id: 'b', text: 'abc', quotes: [{ kind: 'direct', content: { start: 0, end: 2, text: 'bc' } }] }), /:3: quote 1 content text "bc" differs/],
      [JSON.stringify({ id: 'b', text: 'abc', quotes: [{ kind: 'direct', content: { start: 0, end: 9 } }] }), /:3: quote 1 content ends at 9/],
      [JSON.stringify({ text: 'abc', quotes: [] }), /:3: no "id"/],
    ];
    for (const [line, reason] of cases) {
      const path = join(dir, 'gold.jsonl');
      writeFileSync(path, `${good}\n\n${line}\n`);
      assert.throws(() => readGold(path, true), (e: unknown) => e instanceof SelonError && e.code === 'E007' && reason.test(e.message));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('prediction lines that cannot be read are reported and skipped', () => {
  const dir = tmp();
  try {
    const path = join(dir, 'pred.jsonl');
    writeFileSync(path, '\uFEFF{"id": "a", "quotes": []}\r\n[1]\r\nnot json\r\n{"id": "a", "quotes": [{}]}\r\n');
    const { docs, problems } = readPredictions(path);
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /:2: not a JSON object/);
    assert.equal((docs.get('a')!.quotes as unknown[]).length, 1); // the last line for an id wins
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function selon(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/selon.js'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('selon eval: --help, a bad gold file, scoring a predictions file (as a process)', () => {
  const dir = tmp();
  try {
    const help = selon(['eval', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--kinds/);
    const goldPath = join(dir, 'gold.jsonl');
    const predPath = join(dir, 'pred.jsonl');
    const text = '« Non », a dit M. Dupont.';
    writeFileSync(goldPath, JSON.stringify({ id: 'a', lang: 'fr', text, quotes: [gq(2, 5, { speaker: speaker('Dupont') })] }) + '\n');
    writeFileSync(predPath, JSON.stringify({ id: 'a', quotes: [pq(2, 5, { speaker: { name: 'M. Dupont' } })] }) + '\n');
    const ok = selon(['eval', goldPath, '--pred', predPath]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^docs 1 \(missing 0\) gold 1 pred 1\nquote P 1\.000 R 1\.000 F1 1\.000 \| e2e P 1\.000/);
    writeFileSync(goldPath, 'nope\n');
    const bad = selon(['eval', goldPath]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /E007 .*gold\.jsonl:1: not JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('selon eval: usage errors are configuration errors', async () => {
  const usage = (code: string) => (e: unknown) => e instanceof SelonError && e.code === code;
  await assert.rejects(evalCommand([]), usage('E004'));
  await assert.rejects(evalCommand(['a.jsonl', 'b.jsonl']), usage('E004'));
  await assert.rejects(evalCommand(['g.jsonl', '--nope']), usage('E004'));
  await assert.rejects(evalCommand(['g.jsonl', '--kinds', 'direct,quoted']), usage('E003'));
  await assert.rejects(evalCommand(['g.jsonl', '--lang', 'de']), usage('E003'));
  await assert.rejects(evalCommand(['g.jsonl', '--pred', 'p.jsonl', '--out', 'o.jsonl']), usage('E004'));
  await assert.rejects(evalCommand(['/nonexistent/gold.jsonl']), usage('E007'));
});

/* ---------- agreement with score.py ---------- */

const hasPython = spawnSync('python3', ['--version']).status === 0;
const canCompare = hasPython && existsSync(SCORE_PY);

/** Deterministic pseudo-random numbers (mulberry32), so every perturbed file is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Perturb = (q: Json, r: () => number, doc: GoldDoc) => Json[];

const NAMES = ['Marine Le Pen', 'Jean-Marie Le Pen', 'le président', 'Obama', 'Barack Obama', 'CCTV', 'Xinhua', 'il', 'a b c d e f g h i'];
const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
const clone = (q: Json): Json => structuredClone(q);

function shiftSpan(q: Json, r: () => number): Json {
  const c = q.content as Json;
  const len = (c.end as number) - (c.start as number);
  const d = Math.round((r() - 0.5) * len * 1.4);
  const e = Math.round((r() - 0.5) * len * 1.4);
  return { ...q, content: { start: (c.start as number) + d, end: Math.max((c.start as number) + d, (c.end as number) + e) } };
}

function splitFragments(q: Json, r: () => number): Json {
  const c = q.content as Json;
  const [s, e] = [c.start as number, c.end as number];
  const cut = s + Math.floor((e - s) * r());
  const gap = Math.floor(r() * 6);
  return { ...q, fragments: pick(r, [[[s, cut], [cut + gap, e]], [], [[e, s]], [[s, cut]], null]) };
}

function wrongSpeaker(q: Json, r: () => number, doc: GoldDoc): Json {
  const roll = r();
  const sp = (q.speaker ?? null) as Json | null;
  if (roll < 0.15) return { ...q, speaker: null };
  if (roll < 0.25) return { ...q, speaker: {} };
  if (roll < 0.55) return { ...q, speaker: { name: pick(r, NAMES), mention: null } };
  if (roll < 0.7 && sp?.mention) {
    const m = sp.mention as Json;
    const d = Math.round((r() - 0.5) * 12);
    return { ...q, speaker: { name: 'zzz', mention: { start: (m.start as number) + d, end: (m.end as number) + d } } };
  }
  if (roll < 0.8) return { ...q, speaker: { name: 'zzz', mention: { start: 0, end: Math.min((doc.text as string).length, 80 + Math.floor(r() * 2)) } } };
  return q;
}

function wrongRefs(q: Json, r: () => number): Json {
  const ref = (): unknown => pick(r, [{ name: pick(r, NAMES) }, {}, null, { name: '' }]);
  const via = Array.from({ length: Math.floor(r() * 3) }, ref);
  return { ...q, addressee: r() < 0.5 ? q.addressee : ref(), via: r() < 0.5 ? q.via : via };
}

function wrongKind(q: Json, r: () => number): Json {
  const roll = r();
  if (roll < 0.2) {
    const { kind: _dropped, ...rest } = q;
    return rest;
  }
  if (roll < 0.3) return { ...q, kind: null };
  return { ...q, kind: pick(r, ['direct', 'mixed', 'indirect']) };
}

const PERTURBATIONS: Record<string, Perturb> = {
  perfect: (q) => [clone(q)],
  dropped: (q, r) => (r() < 0.35 ? [] : [clone(q)]),
  shifted: (q, r) => [shiftSpan(clone(q), r)],
  speakers: (q, r, d) => [wrongSpeaker(clone(q), r, d)],
  fragments: (q, r) => [splitFragments(clone(q), r)],
  kinds: (q, r) => [wrongKind(clone(q), r)],
  refs: (q, r) => [wrongRefs(clone(q), r)],
  duplicated: (q, r, d) => (r() < 0.4 ? [wrongSpeaker(clone(q), r, d), clone(q)] : [clone(q)]),
  mixed: (q, r, d) => {
    if (r() < 0.2) return [];
    let p = clone(q);
    for (const f of [shiftSpan, splitFragments, wrongKind, wrongRefs]) if (r() < 0.4) p = f(p, r);
    return [wrongSpeaker(p, r, d)];
  },
};

const BIG_SET_PERTURBATIONS = ['perfect', 'fragments', 'mixed'];

function perturbFile(golds: GoldDoc[], name: string, seed: number): string {
  const r = rng(seed);
  const f = PERTURBATIONS[name]!;
  const lines: string[] = [];
  golds.forEach((doc, i) => {
    if (name !== 'perfect' && i % 5 === 4) return; // a missing document
    const quotes = doc.quotes.flatMap((q) => f(q, r, doc));
    for (const n of (doc.not_speech as Json[] | undefined) ?? []) if (name !== 'perfect' && r() < 0.5) quotes.push({ kind: 'direct', content: { start: n.start, end: n.end } });
    if (r() < 0.5) quotes.reverse(); // prediction order matters for ties
    lines.push(JSON.stringify({ id: doc.id, quotes }));
  });
  lines.push('{"quotes": []}'); // a document without id, as score.py keys it under None
  return lines.join('\n') + '\n';
}

/** Runs score.py's own main() once per job in a single Python process; returns what each printed. */
function pythonOutputs(jobs: string[][]): string[] {
  const driver = `
import sys, json, io, contextlib
sys.path.insert(0, ${JSON.stringify(join(SHARED, 'tools'))})
import score, functools
score.load = functools.lru_cache(maxsize=None)(score.load)  # score() only reads what load() returns
out = []
for argv in json.load(sys.stdin):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        score.main(argv)
    out.append(buf.getvalue())
print(json.dumps(out))
`;
  const stdout = execFileSync('python3', ['-c', driver], { input: JSON.stringify(jobs), encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(stdout) as string[];
}

const loaded = new Map<string, unknown>();
function once<T>(key: string, load: () => T): T {
  if (!loaded.has(key)) loaded.set(key, load());
  return loaded.get(key) as T;
}

function ourOutput(argv: string[]): string {
  const kindsAt = argv.indexOf('--kinds');
  const kinds = kindsAt >= 0 ? new Set(argv[kindsAt + 1]!.split(',')) : undefined;
  const [goldPath, predPath] = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--kinds');
  const golds = once(`g${goldPath}`, () => readGold(goldPath!, false));
  const scores = score(golds, once(`p${predPath}`, () => readPredictions(predPath!)).docs, kinds);
  return argv.includes('--json') ? formatJson(scores) : formatText(scores);
}

function assertSameFigures(ours: Scores, theirs: Scores, label: string): void {
  for (const [k, v] of Object.entries(theirs)) {
    const mine = (ours as unknown as Record<string, unknown>)[k];
    if (typeof v === 'number') assert.ok(Math.abs((mine as number) - v) < 1e-9, `${label}: ${k} ${mine} vs ${v}`);
    else assert.deepEqual(Object.keys(mine as object), Object.keys(v as object), `${label}: ${k}`);
  }
}

const SETS = ['frnews', 'ennews', 'polnear', 'aads_french'].map((s) => join(SHARED, 'data', s, 'dev.jsonl'));

test('agreement with score.py on gold sets and perturbed predictions', { skip: canCompare ? false : 'needs ../shared/tools/score.py and python3' }, (t) => {
  const dir = tmp();
  try {
    const jobs: string[][] = [];
    for (const goldPath of SETS.filter(existsSync)) {
      const golds = readGold(goldPath, false);
      const base = goldPath.split('/').at(-2)!;
      const preds: string[] = [];
      const big = base === 'polnear' || base === 'aads_french';
      Object.keys(PERTURBATIONS).forEach((name, k) => {
        if (big && !BIG_SET_PERTURBATIONS.includes(name)) return; // hundreds of quotes a document: a few files suffice
        const path = join(dir, `${base}-${name}.jsonl`);
        writeFileSync(path, perturbFile(golds, name, 1000 + k));
        preds.push(path);
      });
      if (base === 'frnews' || base === 'ennews') {
        const path = join(dir, `${base}-engine.jsonl`);
        writeFileSync(path, runEngine(readGold(goldPath, true)).extractions.map((x) => JSON.stringify(x)).join('\n') + '\n');
        preds.push(path);
      }
      for (const pred of preds) {
        for (const kinds of big ? [[], ['--kinds', 'direct']] : [[], ['--kinds', 'direct'], ['--kinds', 'mixed,indirect']]) {
          jobs.push([goldPath, pred, ...kinds, '--json'], [goldPath, pred, ...kinds]);
        }
      }
    }
    const theirs = pythonOutputs(jobs);
    jobs.forEach((argv, i) => {
      const label = argv.slice(1).map((a) => a.split('/').at(-1)).join(' ');
      const ours = ourOutput(argv);
      if (argv.includes('--json')) assertSameFigures(JSON.parse(ours) as Scores, JSON.parse(theirs[i]!) as Scores, label);
      assert.equal(ours, theirs[i], label);
    });
    t.diagnostic(`${jobs.length} score.py runs agree character for character`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the perturbations really move the figures (the agreement test is not vacuous)', { skip: canCompare ? false : 'needs ../shared' }, () => {
  const goldPath = SETS[0]!;
  const golds = readGold(goldPath, false);
  const f1 = new Set<string>();
  for (const [k, name] of Object.keys(PERTURBATIONS).entries()) {
    const docs = new Map(perturbFile(golds, name, 1000 + k).trim().split('\n').map((l) => JSON.parse(l) as Json).map((d) => [d.id ?? null, d]));
    const r = score(golds, docs);
    f1.add(`${r.quote_f1.toFixed(3)} ${r.e2e_f1.toFixed(3)} ${r.via_f1.toFixed(3)}`);
    if (name === 'perfect') assert.deepEqual([r.quote_f1, r.e2e_f1], [1, 1]);
  }
  assert.ok(f1.size >= 6, [...f1].join(' / '));
  assert.ok(readFileSync(goldPath, 'utf8').length > 0);
});
