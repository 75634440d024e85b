/** Output formats on hand-built records: CSV escaping, JSON framing, the text listing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUTPUT_FORMATS } from '../src/io/writers.js';
import type { Extraction, OutputQuote } from '../src/types.js';

function quote(over: Partial<OutputQuote>): OutputQuote {
  return {
    id: 'q1', kind: 'direct', content: { start: 2, end: 5, text: 'Non' }, fragments: null,
    speaker: { name: 'Dupont', entity: 'e1', mention: null }, cue: { start: 9, end: 14, text: 'a dit' }, addressee: null,
    via: [], time: null, continues: null, confidence: 0.92, evidence: [], ...over,
  };
}

function record(id: string, quotes: OutputQuote[], over: Partial<Extraction> = {}): Extraction {
  return {
    schema: 'selon/1', engine: { version: '0', packs: {} }, id, status: 'ok', reason: null, lang: 'fr', date: null,
    meta: {}, text: '', quotes, entities: [], boilerplate: [], accounts: [], messages: [], ...over,
  };
}

function write(format: keyof typeof OUTPUT_FORMATS, records: Extraction[]): string {
  const f = OUTPUT_FORMATS[format];
  const framer = f.frame();
  return framer.begin() + records.map((r) => framer.add(f.record(r))).join('') + framer.end();
}

test('csv: RFC 4180 quoting of commas, quote marks and line breaks; via names joined', () => {
  const q = quote({
    content: { start: 0, end: 30, text: 'Il a dit "oui", puis\nnon' },
    addressee: { name: 'Bachelet, Michelle', entity: null, mention: null },
    via: [{ name: 'CCTV', entity: null, mention: null }, { name: 'Xinhua', entity: null, mention: null }],
  });
  const out = write('csv', [record('doc "1"', [q]), record('empty', [])]);
  assert.equal(out,
    'document_id,quote_id,kind,speaker,cue,addressee,via,content,start,end,confidence\r\n' +
    '"doc ""1""",q1,direct,Dupont,a dit,"Bachelet, Michelle",CCTV; Xinhua,"Il a dit ""oui"", puis\nnon",0,30,0.92\r\n');
});

test('csv: a quote without speaker or cue leaves those fields empty', () => {
  const out = write('csv', [record('d', [quote({ speaker: null, cue: null, kind: 'indirect' })])]);
  assert.equal(out.split('\r\n')[1], 'd,q1,indirect,,,,,Non,2,5,0.92');
});

test('json: an object for one record, an array for two or more, [] for none', () => {
  assert.equal(JSON.parse(write('json', [record('a', [])])).id, 'a');
  assert.deepEqual(JSON.parse(write('json', [record('a', []), record('b', []), record('c', [])])).map((r: Extraction) => r.id), ['a', 'b', 'c']);
  assert.deepEqual(JSON.parse(write('json', [])), []);
});

test('jsonl: one compact line per record', () => {
  const out = write('jsonl', [record('a', [quote({})]), record('b', [])]);
  assert.deepEqual(out.split('\n').map((l) => (l ? JSON.parse(l).id : l)), ['a', 'b', '']);
});

test('text: heading per document, one line per quote with kind, addressee, via and confidence', () => {
  const q2 = quote({
    id: 'q2', kind: 'mixed', content: { start: 0, end: 9, text: 'un  grand\npas' },
    addressee: { name: 'Michelle Bachelet', entity: 'e2', mention: null },
    via: [{ name: 'CCTV', entity: null, mention: null }], speaker: null, confidence: 0.5,
  });
  const out = write('text', [
    record('doc-1', [quote({}), q2], { date: '2022-05-25', meta: { title: 'Titre' } }),
    record('doc-2', [], { status: 'skipped', reason: 'no-body' }),
  ]);
  assert.equal(out, [
    '== doc-1 · fr · 2022-05-25 · 2 quotes · Titre',
    '  Dupont → « Non » [0.92]',
    '  ? → « un grand pas » [mixed, to Michelle Bachelet, via CCTV, 0.50]',
    '',
    '== doc-2 — skipped: no-body',
    '', '',
  ].join('\n'));
});
