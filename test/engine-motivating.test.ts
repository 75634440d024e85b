/**
 * The motivating case of DESIGN.md, in an article written for this test (test/fixtures/engine/motivating-case.txt):
 * a head of state's words "selon CCTV et Xinhua" and "lui a-t-il dit"; the UN official's words twice, once through
 * the state readout (a nested report) and once "selon la transcription de l'ONU", with the article saying the two
 * differ; a spokesman "a déclaré mardi"; a quote that loses its closing guillemet before an incise; scare quotes and a
 * quote nested in a quote; a "READ" teaser and a newsletter box in the middle of the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extract } from '../src/index.js';
import { validateExtraction } from '../src/schema.js';

const text = readFileSync(new URL('./fixtures/engine/motivating-case.txt', import.meta.url), 'utf8');
const out = extract({ id: 'motivating-case', text, date: '2022-05-25' }, { lang: 'auto' });
const find = (words: string) => out.quotes.find((q) => q.content.text.includes(words));

test('the output is valid selon/1 and detected as French', () => {
  assert.deepEqual(validateExtraction(out), []);
  assert.equal(out.lang, 'fr');
});

test('the head of state speaks to the UN official, according to two outlets', () => {
  const q = find('chacun choisit sa voie')!;
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker?.name, 'Xi Jinping');
  assert.equal(q.speaker?.mention?.text, 'il');
  assert.equal(q.addressee?.name, 'Michelle Bachelet');
  assert.deepEqual(q.via.map((v) => v.name), ['CCTV', 'Xinhua']);
});

test('the readout version is a nested report: speaker, addressee, and the readout as channel', () => {
  const q = find('admirait les réalisations')!;
  assert.equal(q.kind, 'mixed');
  assert.equal(q.speaker?.name, 'Michelle Bachelet');
  assert.equal(q.addressee?.name, 'Xi Jinping');
  assert.deepEqual(q.via.map((v) => v.name), ['La lecture officielle']);
});

test('the transcript version has the transcript as channel, and the two versions diverge', () => {
  const q = find('inquiétudes')!;
  assert.equal(q.speaker?.name, 'Michelle Bachelet');
  assert.equal(q.addressee?.name, 'Xi Jinping');
  assert.deepEqual(q.via.map((v) => v.name), ["la transcription de l'ONU"]);
  const readout = find('admirait les réalisations')!;
  const account = out.accounts.find((a) => a.quotes.includes(q.id) && a.quotes.includes(readout.id));
  assert.ok(account, 'an account groups the two versions');
  assert.equal(account.verdict, 'divergent');
});

test('the spokesman is named, the day resolved against the publication date', () => {
  const q = find('pas une enquête')!;
  assert.equal(q.speaker?.name, 'Wang Wenbin');
  assert.equal(q.time?.text, 'mardi');
  assert.equal(q.time?.date, '2022-05-24');
});

test('a quote that lost its closing mark ends before its incise, and the next paragraph continues it', () => {
  const q = find('Nous avons reçu')!;
  assert.equal(q.speaker?.name, 'Wang Wenbin');
  assert.ok(!q.content.text.includes('poursuivi'), q.content.text);
  const next = find('relève de la propagande')!;
  assert.equal(next.continues, q.id);
  assert.equal(next.speaker?.name, 'Wang Wenbin');
});

test('scare quotes and a quote nested in a quote are not quotes of their own', () => {
  assert.equal(out.quotes.filter((q) => q.content.text === 'stagiaires' || q.content.text === 'professeur').length, 0);
});

test('the teaser and the newsletter box are flagged and carry no quote', () => {
  const kinds = out.boilerplate.map((b) => b.kind).sort();
  assert.deepEqual(kinds, ['promo', 'teaser']);
  for (const b of out.boilerplate) assert.ok(!out.quotes.some((q) => q.content.start < b.end && b.start < q.content.end));
});
