/** Readers, one behaviour each, on inputs built here in a temporary folder. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expandPaths } from '../src/io/walk.js';
import { readInputs, type ReadOptions } from '../src/io/read-inputs.js';
import { splitLines, type Line } from '../src/io/lines.js';
import type { InputItem, DocItem } from '../src/io/items.js';
import { ARTICLE_FR, articlePage, atomFeed, rssFeed, tempFolder, warcFile } from './io-build.js';

const { dir, put } = tempFolder('selon-io-');


async function read(paths: string[], options: ReadOptions = {}): Promise<InputItem[]> {
  const { entries } = await expandPaths(paths);
  const out: InputItem[] = [];
  for await (const item of readInputs(entries, options)) out.push(item);
  return out;
}

const docs = (items: InputItem[]) => items.filter((i): i is DocItem => i.kind === 'doc');
const brief = (items: InputItem[]) =>
  items.map((i) => (i.kind === 'doc' ? ['doc', i.id] : i.kind === 'ignored' ? ['ignored', i.reason] : [i.kind, i.source, i.reason]));

test('text: the whole file is one document, id = the path as given', async () => {
  const path = put('a.txt', '\ufeff« Non », a dit M. Dupont.\n');
  const [item] = docs(await read([path]));
  assert.equal(item!.id, path);
  assert.equal(item!.input.text, '« Non », a dit M. Dupont.\n');
  assert.equal(item!.input.meta?.source, path);
});

test('jsonl: ids from the line, else FILE:LINE; a broken line is reported with its number and the rest read', async () => {
  const path = put('lines.jsonl', [
    '{"id": "a1", "text": "Premier.", "lang": "fr", "date": "2022-05-24", "url": "https://x.example/1"}',
    '',
    '{"text": "Sans id."}',
    '{"id": 42, "html": "<p>Page.</p>"}',
    '{"id": "broken", "text": ',
    '["not", "an", "object"]',
    '{"id": "x", "text": 3}',
    '{"id": "last", "text": "Fin."}\r',
  ].join('\n'));
  assert.deepEqual(brief(await read([path])), [
    ['doc', 'a1'],
    ['doc', `${path}:3`],
    ['doc', '42'],
    ['failed', `${path}:5`, 'bad-json'],
    ['failed', `${path}:6`, 'bad-record'],
    ['failed', `${path}:7`, 'bad-record'],
    ['doc', 'last'],
  ]);
  const [first, , page, last] = docs(await read([path]));
  assert.deepEqual({ lang: first!.input.lang, date: first!.input.date, url: first!.input.url }, { lang: 'fr', date: '2022-05-24', url: 'https://x.example/1' });
  assert.equal(page!.input.html, '<p>Page.</p>');
  assert.equal(last!.input.text, 'Fin.');
});

test('jsonl: invalid UTF-8 inside a line becomes U+FFFD with a message pointing into the text', async () => {
  const path = put('bad-utf8.jsonl', Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xe9]), Buffer.from(' noir"}\n')]));
  const [item] = docs(await read([path]));
  assert.equal(item!.input.text, 'caf\uFFFD noir');
  assert.deepEqual(item!.notes.map((n) => [n.start, n.end]), [[3, 4]]);
});

test('lines: a line over the limit is measured and dropped, the next ones are read', async () => {
  const chunks = (async function* () {
    yield Buffer.from('short\nthis line is far too');
    yield Buffer.from(' long for the limit\nok\r\nend');
  })();
  const lines: Line[] = [];
  for await (const line of splitLines(chunks, 10)) lines.push(line);
  assert.deepEqual(lines.map((l) => [l.number, l.bytes && Buffer.from(l.bytes).toString(), l.length]), [
    [1, 'short', 5], [2, null, 39], [3, 'ok', 3], [4, 'end', 3],
  ]);
});

test('gzip: any format gzipped, several members included, is read through', async () => {
  const a = gzipSync('{"id": "g1", "text": "Un."}\n');
  const b = gzipSync('{"id": "g2", "text": "Deux."}\n');
  const path = put('two-members.jsonl.gz', Buffer.concat([a, b]));
  assert.deepEqual(brief(await read([path])), [['doc', 'g1'], ['doc', 'g2']]);
  const html = put('page.html.gz', gzipSync(articlePage('Titre')));
  assert.match(docs(await read([html]))[0]!.input.html!, /Michel Spiro/);
});

test('gzip: a truncated file is a failure after the documents read before the cut', async () => {
  const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `t${i}`, text: `Phrase numéro ${i} ${'x'.repeat(i % 50)}.` })).join('\n');
  const full = gzipSync(lines);
  const path = put('cut.jsonl.gz', full.subarray(0, Math.floor(full.length * 0.6)));
  const items = await read([path]);
  const last = items.at(-1)!;
  assert.deepEqual([last.kind, (last as { reason: string }).reason], ['failed', 'truncated-gzip']);
  assert.ok(docs(items).length > 100, 'documents before the cut are kept');
});

test('feeds: RSS items become documents (guid, else link, else FILE#N); dates and links carried', async () => {
  const path = put('fil.rss', rssFeed([
    { title: 'Un', guid: 'urn:fil:1', link: 'https://news.example/1', date: 'Tue, 24 May 2022 08:00:00 GMT', html: ARTICLE_FR },
    { title: 'Deux', link: 'https://news.example/2', html: ARTICLE_FR },
    { title: 'Trois', html: ARTICLE_FR },
  ]));
  const items = docs(await read([path]));
  assert.deepEqual(items.map((d) => d.id), ['urn:fil:1', 'https://news.example/2', `${path}#3`]);
  assert.equal(items[0]!.input.url, 'https://news.example/1');
  assert.equal(items[0]!.input.date, '2022-05-24');
  assert.match(items[0]!.input.html!, /<title>Un<\/title>.*Michel Spiro/s);
});

test('feeds: Atom entries too, and a feed is recognised by its content whatever its name', async () => {
  const atom = atomFeed([{ title: 'Entrée', id: 'tag:wire,2022:1', link: 'https://wire.example/1', published: '2022-05-25T09:00:00Z', html: ARTICLE_FR }]);
  const path = put('wire.dat', atom);
  const [item] = docs(await read([path]));
  assert.deepEqual([item!.id, item!.input.url, item!.input.date], ['tag:wire,2022:1', 'https://wire.example/1', '2022-05-25']);
});

test('feeds: a .xml that is not XML, or XML that is not a feed, is a failure naming the file', async () => {
  const notXml = put('not.xml', 'Ceci n\'est pas un flux.');
  const sitemap = put('sitemap.xml', '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
  assert.deepEqual(brief(await read([notXml, sitemap])), [['failed', notXml, 'not-xml'], ['failed', sitemap, 'not-a-feed']]);
});

const WARC_SPECS = [
  { type: 'warcinfo' as const, body: 'software: test' },
  { type: 'request' as const, url: 'https://news.example/a' },
  { id: 'urn:uuid:aaaa', url: 'https://news.example/a', contentType: 'text/html; charset=utf-8', body: articlePage('Higgs') },
  { id: 'urn:uuid:bbbb', url: 'https://news.example/b', contentType: 'text/html; charset=ISO-8859-1',
    body: Buffer.from(articlePage('L\u2019été', ARTICLE_FR, 'x'), 'latin1').map((b) => (b === 0x19 ? 0x92 : b)) },
  { url: 'https://news.example/logo.png', contentType: 'image/png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
  { url: 'https://news.example/missing', status: 404, contentType: 'text/html', body: '<p>Not found</p>' },
  { id: 'urn:uuid:cccc', url: 'https://news.example/jp', contentType: 'text/html; charset=Shift_JIS', body: '<p>x</p>' },
  { type: 'metadata' as const, body: 'via: https://news.example/' },
];

for (const style of ['plain', 'per-record', 'whole'] as const) {
  test(`warc (${style}): HTML responses are documents, charsets decoded, other records counted`, async () => {
    const path = put(`crawl-${style}.warc${style === 'plain' ? '' : '.gz'}`, await warcFile(WARC_SPECS, style));
    const items = await read([path]);
    assert.deepEqual(brief(items), [
      ['ignored', 'warc-warcinfo'],
      ['ignored', 'warc-request'],
      ['doc', 'urn:uuid:aaaa'],
      ['doc', 'urn:uuid:bbbb'],
      ['ignored', 'warc-not-html'],
      ['ignored', 'warc-http-status'],
      ['skipped', `${path}#urn:uuid:cccc`, 'unsupported-charset'],
      ['ignored', 'warc-metadata'],
    ]);
    const [a, b] = docs(items);
    assert.equal(a!.input.url, 'https://news.example/a');
    assert.match(a!.input.html!, /a déclaré mardi Michel Spiro/);
    assert.match(b!.input.html!, /<title>L’été<\/title>/);
  });
}

test('warc: a file cut mid-record keeps the records before and reports the cut one', async () => {
  const full = await warcFile(WARC_SPECS.slice(2, 4));
  const path = put('cut.warc', full.subarray(0, full.length - 300));
  const items = await read([path]);
  assert.deepEqual(brief(items), [['doc', 'urn:uuid:aaaa'], ['failed', `${path}#urn:uuid:bbbb`, 'truncated-warc']]);
});

for (const style of ['per-record', 'whole'] as const) {
  test(`warc (${style} gzip): a .warc.gz cut short keeps the records before and fails the file as truncated gzip`, async () => {
    const specs = Array.from({ length: 30 }, (_, i) => ({ id: `urn:uuid:${i}`, contentType: 'text/html; charset=utf-8', body: articlePage(`Titre ${i}`) }));
    const full = await warcFile(specs, style);
    const path = put(`cut-${style}.warc.gz`, full.subarray(0, Math.floor(full.length / 2)));
    const items = await read([path]);
    assert.ok(docs(items).length >= 10, `records before the cut are kept (${docs(items).length})`);
    assert.deepEqual(brief(items.slice(-1)), [['failed', path, 'truncated-gzip']]);
  });
}

test('warc: gzip-encoded HTTP payloads are inflated', async () => {
  const path = put('encoded.warc', await warcFile([{ id: 'urn:uuid:gz', contentType: 'text/html', contentEncoding: 'gzip', body: gzipSync(articlePage('Gz')) }]));
  assert.match(docs(await read([path]))[0]!.input.html!, /Michel Spiro/);
});

test('warc: a file that is not a WARC is a failure', async () => {
  const path = put('fake.warc', 'GET / HTTP/1.1\r\n\r\n');
  assert.deepEqual(brief(await read([path])), [['failed', path, 'not-warc']]);
});

test('folders: walked in name order, ids = path as given + relative path; unknown and hidden entries ignored', async () => {
  const root = join(dir, 'tree');
  put('tree/b.txt', 'Deux.');
  put('tree/a/z.html', articlePage('Z'));
  put('tree/a/notes.md', '# notes');
  put('tree/.hidden.txt', 'caché');
  symlinkSync('..', join(root, 'a', 'up'));
  const items = await read([`${root}/`]);
  assert.deepEqual(brief(items), [
    ['ignored', 'hidden'],
    ['ignored', 'unknown-extension'],
    ['ignored', 'symlink-cycle'],
    ['doc', `${root}/a/z.html`],
    ['doc', `${root}/b.txt`],
  ]);
});

test('paths: missing, dangling link, a file used as a directory: each a failure naming the path', async () => {
  const file = put('plain.txt', 'x');
  const link = join(dir, 'dangling.html');
  symlinkSync(join(dir, 'nowhere.html'), link);
  const missing = join(dir, 'missing.txt');
  assert.deepEqual(brief(await read([missing, link, `${file}/`])), [
    ['failed', missing, 'not-found'],
    ['failed', link, 'dangling-symlink'],
    ['failed', `${file}/`, 'not-a-directory'],
  ]);
});

test('--input-format overrides names and content', async () => {
  const path = put('looks.html', '<p>Pas du HTML, du texte.</p>');
  const [item] = docs(await read([path], { format: 'text' }));
  assert.equal(item!.input.text, '<p>Pas du HTML, du texte.</p>');
});

test('empty files: an empty text is a document (the engine says "empty"); an empty JSONL or WARC is skipped', async () => {
  const txt = put('empty.txt', '');
  const jsonl = put('empty.jsonl', '');
  assert.deepEqual(brief(await read([txt, jsonl])), [['doc', txt], ['skipped', jsonl, 'empty-file']]);
});

test('a binary file named .jsonl is one failure, not one per line', async () => {
  const path = put('binary.jsonl', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)));
  assert.deepEqual(brief(await read([path])), [['failed', path, 'binary-content']]);
});
