/**
 * Every record `extract` gives keeps the selon/1 contract (schema/selon-1.schema.json plus span integrity), on
 * sentences in both languages, odd inputs, HTML and the shipped gold articles; and the validator rejects broken ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extract, type DocumentInput } from '../src/index.js';
import { validateExtraction } from '../src/schema.js';
import type { Extraction } from '../src/types.js';

const ROOT = resolve(import.meta.dirname, '..');

function assertValid(x: unknown, label: string): void {
  assert.deepEqual(validateExtraction(x), [], label);
}

const FRENCH = [
  '« Non », a dit M. Dupont.',
  '« Nous ne céderons pas », a-t-il déclaré mardi devant les députés.',
  'La ministre Anne Roy a déclaré : « Le projet sera présenté en juin. »',
  "Selon l'AFP, le sommet a été reporté.",
  'Le porte-parole a affirmé que la décision était « irrévocable ».',
  "« C'est la grande bourgeoisie qui s'exprime quand je vous vois », lui avait dit Christian Jacob.",
  "Xi Jinping a déclaré à Michelle Bachelet, selon CCTV et Xinhua, que « les droits de l'homme » étaient respectés.",
  '« Le premier paragraphe continue\n\n« et le second paragraphe termine », a dit Paul.',
  "« Une citation jamais fermée a dit quelqu'un\n\nUn autre paragraphe.",
  'Les « stagiaires » ont été reçus. LIRE AUSSI : Une vidéo incroyable. Inscrivez-vous à notre newsletter.',
  '« Il a dit « professeur » en souriant », raconte Marie.',
];

const ENGLISH = [
  '"We will not back down," the spokesman said on Tuesday.',
  'Anne Roy said: "The plan will be ready in June."',
  'According to the UN transcript, she told him that the camps were "vocational schools".',
  "“The first paragraph goes on\n\n“and the second one ends,” she said.",
  'The company said it would cut 520 jobs, according to Reuters. Read more: Markets fall.',
  '"It\'s a \'test\'," he told reporters in an interview with the BBC.',
];

const ODD: [string, string | DocumentInput][] = [
  ['empty', ''],
  ['whitespace', ' \n\t \n'],
  ['unsupported language', 'Der Bundeskanzler sagte am Dienstag, dass die Regierung die Steuern nicht erhöhen werde.'],
  ['emoji and astral characters', '« 😀 Nous gagnerons 𝒜 », a dit Anne 🇫🇷 Roy.'],
  ['carriage returns', '« Non »,\r\na dit M. Dupont.\r\n\r\n« Oui », a dit Paul.'],
  ['unmatched marks', '« '.repeat(300) + 'fin » » "'.repeat(50)],
  ['deep nesting', '« '.repeat(60) + 'a dit Paul' + ' »'.repeat(60)],
  ['no punctuation', 'mot '.repeat(5000)],
  ['forced language', { text: '« Non », a dit M. Dupont.', lang: 'fr', date: '2022-05-25', id: 'x1', url: 'https://example.org/a' }],
  ['html', { html: '<html><head><title>Sommet</title></head><body><article><h1>Sommet</h1><p>« Nous partirons demain », a déclaré la ministre Anne Roy mardi devant les journalistes réunis à Paris pour le sommet annuel.</p><p>Selon l\'AFP, le sommet a été reporté à une date ultérieure, ce que le porte-parole du gouvernement a confirmé.</p></article></body></html>' }],
  ['html without body', { html: '<html><head><title>x</title></head><body></body></html>' }],
];

test('French sentences give valid selon/1 records', () => {
  for (const text of FRENCH) assertValid(extract(text, { lang: 'fr' }), text);
});

test('English sentences give valid selon/1 records', () => {
  for (const text of ENGLISH) assertValid(extract(text, { lang: 'en' }), text);
});

test('odd inputs give valid records (skipped ones with a reason)', () => {
  for (const [label, input] of ODD) {
    const x = extract(input);
    assertValid(x, label);
    if (x.status === 'skipped') assert.ok(x.reason, label);
  }
  assert.equal(extract('').reason, 'empty');
  assert.equal(extract(ODD[2]![1]).reason, 'unsupported-language');
});

function goldDocs(): { id: string; text: string; lang: string; date: string | null }[] {
  const dir = join(ROOT, 'data/gold');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()))
    .map((l) => JSON.parse(l));
}

test('the shipped gold articles give valid records', () => {
  const docs = goldDocs();
  assert.ok(docs.length >= 20, 'data/gold ships the frnews and ennews dev sets');
  for (const d of docs) assertValid(extract({ id: d.id, text: d.text, lang: d.lang, date: d.date }), d.id);
});

/* ---------- the validator rejects what breaks the contract ---------- */

const TEXT = 'La ministre Anne Roy a déclaré mardi : « Nous partirons demain. »\n\nLIRE AUSSI : Le sommet.';

function record(): Extraction {
  const span = (start: number, end: number) => ({ start, end, text: TEXT.slice(start, end) });
  return {
    schema: 'selon/1',
    engine: { version: '0.1.0', packs: { fr: '0.1.0' } },
    id: 'doc-1',
    status: 'ok',
    reason: null,
    lang: 'fr',
    date: '2022-05-24',
    meta: { url: null, title: null, author: null, site: null, source: null },
    text: TEXT,
    quotes: [{
      id: 'q1',
      kind: 'direct',
      content: span(41, 63),
      fragments: [[41, 48], [49, 63]],
      speaker: { name: 'Anne Roy', entity: 'e1', mention: span(3, 20) },
      cue: span(21, 30),
      addressee: null,
      via: [],
      time: { text: 'mardi', date: '2022-05-24', start: 31, end: 36 },
      continues: null,
      confidence: 0.9,
      evidence: ['fr.colon.preposed'],
    }],
    entities: [{ id: 'e1', name: 'Anne Roy', type: 'person', gender: 'f', mentions: [span(3, 20)] }],
    boilerplate: [{ ...span(68, TEXT.length), kind: 'teaser', rule: 'fr.teaser.lire-aussi' }],
    accounts: [],
    messages: [{ severity: 'info', ruleId: 'example', start: 0, end: 2, note: 'a note' }],
  };
}

test('a hand-built record with every field filled is valid', () => {
  assert.equal(TEXT.slice(41, 63), 'Nous partirons demain.');
  assertValid(record(), 'hand-built');
});

const BREAKS: [string, (x: Extraction) => void, RegExp][] = [
  ['unknown kind', (x) => { (x.quotes[0] as { kind: string }).kind = 'quoted'; }, /kind/],
  ['extra property', (x) => { (x as unknown as Record<string, unknown>).extra = 1; }, /additional/],
  ['wrong schema', (x) => { (x as { schema: string }).schema = 'selon/2'; }, /schema/],
  ['skipped without reason', (x) => { x.status = 'skipped'; x.quotes = []; }, /reason/],
  ['skipped with quotes', (x) => { x.status = 'skipped'; x.reason = 'empty'; }, /quotes/],
  ['ok with a reason', (x) => { x.reason = 'empty'; }, /reason/],
  ['confidence above 1', (x) => { x.quotes[0]!.confidence = 1.5; }, /confidence/],
  ['no evidence', (x) => { x.quotes[0]!.evidence = []; }, /evidence/],
  ['bad date', (x) => { x.date = '2022-5-24'; }, /date/],
  ['meta key missing', (x) => { delete x.meta.site; }, /meta/],
  ['entity type', (x) => { (x.entities[0] as { type: string }).type = 'animal'; }, /type/],
  ['negative offset', (x) => { x.messages[0]!.start = -1; }, /messages/],
  ['span text differs', (x) => { x.quotes[0]!.content.text = 'Nous partirons.'; }, /content: text differs/],
  ['span past the text', (x) => { x.entities[0]!.mentions[0]!.end = 999; }, /outside the text/],
  ['mention text differs', (x) => { x.quotes[0]!.speaker!.mention!.text = 'Anne Roy'; }, /speaker\/mention: text differs/],
  ['time text differs', (x) => { x.quotes[0]!.time!.text = 'lundi'; }, /time: text differs/],
  ['fragment outside content', (x) => { x.quotes[0]!.fragments = [[30, 48]]; }, /fragments\/0/],
  ['fragments out of order', (x) => { x.quotes[0]!.fragments = [[49, 63], [41, 48]]; }, /fragments\/1/],
  ['unknown entity', (x) => { x.quotes[0]!.speaker!.entity = 'e9'; }, /no entity "e9"/],
  ['continues itself', (x) => { x.quotes[0]!.continues = 'q1'; }, /continues/],
  ['quote on boilerplate', (x) => { x.boilerplate[0]!.start = 50; x.boilerplate[0]!.text = TEXT.slice(50); }, /overlaps boilerplate/],
  ['account of unknown quotes', (x) => {
    x.accounts = [{ id: 'a1', speaker: 'e1', quotes: ['q1', 'q7'], channels: [[], []], verdict: 'variant', similarity: 0.5, evidence: [] }];
  }, /no quote "q7"/],
  ['duplicate quote id', (x) => { x.quotes.push({ ...x.quotes[0]!, fragments: null }); }, /used twice/],
];

test('the validator rejects records that break the contract', () => {
  for (const [label, breakIt, expected] of BREAKS) {
    const x = record();
    breakIt(x);
    const problems = validateExtraction(x);
    assert.ok(problems.some((p) => expected.test(p)), `${label}: ${problems.join('; ') || 'no problem found'}`);
  }
});
