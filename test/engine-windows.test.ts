/**
 * Long documents are read in windows of whole paragraphs (src/windows.ts): windows cut at paragraph breaks only, and
 * the joined record is the record of the whole text — spans shifted and exact, ids renumbered, an entity named in two
 * windows one entity, a message saying the document was windowed. A small `windowChars` makes an ordinary article
 * long enough to be windowed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../src/index.js';
import { windowsOf } from '../src/windows.js';
import { validateExtraction } from '../src/schema.js';

const PARAGRAPHS = [
  '« Nous ne céderons pas », a déclaré mardi la ministre de l’Intérieur, Anne Roy.',
  'Selon l’AFP, le président a refusé de commenter la décision du Conseil.',
  'Le maire de Lyon, Paul Martin, a affirmé que la ville porterait plainte.',
  '« C’est une erreur », a estimé Paul Martin. « Et nous le prouverons. »',
  'Anne Roy a ajouté que la loi serait votée avant l’été.',
  'LIRE AUSSI : Les dix décisions du Conseil',
  'La police a indiqué que trois personnes avaient été arrêtées.',
];
const TEXT = PARAGRAPHS.join('\n\n');

test('windows cut at paragraph breaks only, cover the text, and stay under the size unless a paragraph is longer', () => {
  const windows = windowsOf(TEXT, 200);
  assert.ok(windows.length >= 3, `${windows.length} windows`);
  assert.equal(windows[0]!.start, 0);
  assert.equal(windows.at(-1)!.end, TEXT.length);
  for (let k = 0; k < windows.length; k++) {
    const w = windows[k]!;
    if (k > 0) assert.equal(w.start, windows[k - 1]!.end);
    assert.ok(w.end - w.start <= 200, `window ${k} has ${w.end - w.start} characters`);
    if (w.end < TEXT.length) assert.match(TEXT.slice(w.end - 2, w.end), /\n\n$/);
  }
  const long = 'one paragraph of text without any break at all';
  assert.deepEqual(windowsOf(long, 10), [{ start: 0, end: long.length }]);
  assert.deepEqual(windowsOf(TEXT, TEXT.length), [{ start: 0, end: TEXT.length }]);
});

test('a windowed record is the whole text’s record: same quotes, exact spans, ids renumbered, one entity per name', () => {
  const whole = extract(TEXT, { lang: 'fr' });
  const windowed = extract(TEXT, { lang: 'fr', windowChars: 200 });
  assert.deepEqual(validateExtraction(windowed), []);
  assert.equal(windowed.text, TEXT);
  const shape = (x: typeof whole) => x.quotes.map((q) => [q.kind, q.content.start, q.content.text, q.speaker?.name ?? null, q.cue?.text ?? null]);
  assert.deepEqual(shape(windowed), shape(whole));
  assert.deepEqual(windowed.quotes.map((q) => q.id), windowed.quotes.map((_, i) => `q${i + 1}`));
  for (const q of windowed.quotes) {
    for (const span of [q.content, q.cue, q.speaker?.mention].filter((s) => s)) assert.equal(TEXT.slice(span!.start, span!.end), span!.text);
  }
  const continued = windowed.quotes.find((q) => q.continues);
  assert.ok(continued, 'the continuation inside one window is kept');
  assert.equal(windowed.quotes.find((q) => q.id === continued.continues)?.speaker?.name, 'Paul Martin');
  const roy = windowed.entities.filter((e) => e.name === 'Anne Roy');
  assert.equal(roy.length, 1, 'Anne Roy, named in two windows, is one entity');
  assert.ok(roy[0]!.mentions.length >= 2);
  for (const m of roy[0]!.mentions) assert.equal(TEXT.slice(m.start, m.end), m.text);
  for (const q of windowed.quotes) if (q.speaker?.name === 'Anne Roy') assert.equal(q.speaker.entity, roy[0]!.id);
  assert.deepEqual(windowed.boilerplate.map((b) => b.text), ['LIRE AUSSI : Les dix décisions du Conseil']);
  assert.ok(windowed.messages.some((m) => m.ruleId === 'windowed'));
  assert.ok(!whole.messages.some((m) => m.ruleId === 'windowed'), 'a text within one window is read whole');
});
