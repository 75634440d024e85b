import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMarkup, decodeText, decodeWindows1252, looksBinary } from '../src/io/decode.js';
import { formatFromContent, formatFromName } from '../src/io/sniff.js';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

test('text: a leading UTF-8 BOM is removed, line endings are kept', () => {
  const { text, messages } = decodeText(bytes([0xef, 0xbb, 0xbf], '« Non », a dit M. Dupont.\r\nFin.'));
  assert.equal(text, '« Non », a dit M. Dupont.\r\nFin.');
  assert.deepEqual(messages, []);
});

test('text: invalid UTF-8 bytes become U+FFFD with a message at their position', () => {
  const { text, messages } = decodeText(bytes('caf', [0xe9], ' cr', [0xe8, 0xe8], 'me'));
  assert.equal(text, 'caf\uFFFD cr\uFFFD\uFFFDme');
  assert.deepEqual(messages.map((m) => [m.ruleId, m.start, m.end, text.slice(m.start, m.end)]), [
    ['io.invalid-bytes', 3, 4, '\uFFFD'],
    ['io.invalid-bytes', 7, 9, '\uFFFD\uFFFD'],
  ]);
});

test('text: many invalid runs are capped, the rest summed in one message', () => {
  const parts: Array<string | number[]> = [];
  for (let i = 0; i < 50; i++) parts.push('a', [0xff]);
  const { messages } = decodeText(bytes(...parts));
  assert.equal(messages.length, 21);
  assert.match(messages[20]!.note, /30 more/);
});

test('text: UTF-16 with a BOM is decoded', () => {
  const { text } = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Dit-il.', 'utf16le')]));
  assert.equal(text, 'Dit-il.');
});

test('windows-1252: 0x80–0x9F are the curly quotes, dashes and œ, not C1 controls', () => {
  assert.equal(decodeWindows1252(Buffer.from([0x64, 0x92, 0xe9, 0x93, 0x9c, 0x94, 0x96, 0x80])), 'd’é“œ”–€');
});

test('markup: the charset comes from the HTTP header, then <meta>, then the XML declaration', () => {
  const page = bytes('<html><head><meta charset="iso-8859-1"></head><body>l', [0x92, 0xe9], 't', [0xe9], '</body></html>');
  assert.equal((decodeMarkup(page) as { text: string }).text, '<html><head><meta charset="iso-8859-1"></head><body>l’été</body></html>');
  const header = decodeMarkup(bytes('<p>', [0xa4], '</p>'), 'text/html; charset=ISO-8859-15');
  assert.equal((header as { text: string }).text, '<p>€</p>');
  const xml = decodeMarkup(bytes('<?xml version="1.0" encoding="windows-1252"?><rss>', [0x85], '</rss>'));
  assert.equal((xml as { text: string }).text, '<?xml version="1.0" encoding="windows-1252"?><rss>…</rss>');
  const equiv = decodeMarkup(bytes('<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><p>é</p>'));
  assert.equal((equiv as { text: string }).text, '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><p>é</p>');
});

test('markup: other charsets are reported unsupported', () => {
  assert.deepEqual(decodeMarkup(bytes('<meta charset="Shift_JIS"><p>x</p>')), { unsupported: 'shift_jis' });
});

test('markup: undeclared and not UTF-8 is read as Windows-1252, with a note', () => {
  const result = decodeMarkup(bytes('<p>', [0xe9, 0x92], '</p>')) as { text: string; messages: { ruleId: string }[] };
  assert.equal(result.text, '<p>é’</p>');
  assert.equal(result.messages[0]!.ruleId, 'io.charset-guessed');
});

test('binary content is told from text', () => {
  assert.equal(looksBinary(bytes('%PDF-1.4', [0, 1, 2, 3])), true);
  assert.equal(looksBinary(Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 3 ? 7 : 65)))), true);
  assert.equal(looksBinary(bytes('Bonjour\r\n\tà tous ', [0xe9])), false);
  assert.equal(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi', 'utf16le')])), false);
});

test('formats: from the name (through .gz), else from the first bytes', () => {
  assert.deepEqual(
    ['a.txt', 'b.HTM', 'c.jsonl.gz', 'd.ndjson', 'e.rss', 'f.atom', 'g.xml', 'h.warc.gz', 'i.dat', 'j.gz'].map(formatFromName),
    ['text', 'html', 'jsonl', 'jsonl', 'feed', 'feed', 'feed', 'warc', null, null],
  );
  assert.equal(formatFromContent(bytes('WARC/1.1\r\n')), 'warc');
  assert.equal(formatFromContent(bytes('  {"text": "x"}\n')), 'jsonl');
  assert.equal(formatFromContent(bytes('<?xml version="1.0"?>\n<rss version="2.0">')), 'feed');
  assert.equal(formatFromContent(bytes('<feed xmlns="http://www.w3.org/2005/Atom">')), 'feed');
  assert.equal(formatFromContent(bytes([0xef, 0xbb, 0xbf], '<!doctype html><html>')), 'html');
  assert.equal(formatFromContent(bytes('Le ministre a dit.')), 'text');
});
