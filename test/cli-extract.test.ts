/** `selon extract` end to end, run as a user runs it: formats, ids, order with --jobs, stdin, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../src/types.js';
import { run } from '../src/cli/extract.js';
import { ARTICLE_FR, articlePage, tempFolder, warcFile } from './io-build.js';

const BIN = fileURLToPath(new URL('../bin/selon.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const { dir, put } = tempFolder('selon-cli-');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function selon(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'extract', ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}


const jsonl = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Extraction);

const FR = [
  '« Nous avons de quoi nous occuper avec le LHC jusqu\'en 2030 », a déclaré Michel Spiro, le président du conseil du CERN.',
  'Selon le CERN, la particule découverte est compatible avec la théorie du boson de Higgs, mais les chercheurs restent prudents.',
];
const EN = '"We have enough to keep us busy until 2030," said Michel Spiro, the president of the CERN council, on Tuesday.';

test('--help prints the usage and exits 0', async () => {
  const help = await selon(['--help']);
  assert.equal(help.code, 0);
  for (const word of ['--format', '--jobs', '--errors', '--input-format', 'auto|fr|en', 'Exit codes']) assert.ok(help.stdout.includes(word), word);
});

test('usage and configuration errors are refused before any input is read', async () => {
  const cases: Array<[string[], string]> = [
    [['--bogus', 'x'], 'E004'], [['--format', 'xml', 'x'], 'E003'], [['--jobs', '0', 'x'], 'E003'], [['--jobs', '1.5', 'x'], 'E003'],
    [['--min-confidence', '2', 'x'], 'E003'], [['--min-confidence', 'high', 'x'], 'E003'], [['--lang', 'de', 'x'], 'E003'],
    [['--input-format', 'pdf', 'x'], 'E003'], [['--errors', dir, 'x'], 'E003'],
  ];
  for (const [args, code] of cases) await assert.rejects(run(args), { name: 'SelonError', code }, args.join(' '));
});

test('a usage error exits 2 with the message on stderr', async () => {
  const result = await selon(['--format', 'xml', 'x']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^selon extract: E003 .*--format must be one of text, json, jsonl, csv/);
  assert.equal(result.stdout, '');
});

test('jsonl (the default off a terminal): one record per line, ids and text as given', async () => {
  const path = put('in.jsonl', [JSON.stringify({ id: 'fr-1', text: FR.join('\n\n'), date: '2012-07-04' }), JSON.stringify({ text: EN })].join('\n') + '\n');
  const result = await selon([path]);
  assert.equal(result.code, 0, result.stderr);
  const records = jsonl(result.stdout);
  assert.deepEqual(records.map((r) => [r.id, r.schema, r.status, r.lang]), [['fr-1', 'selon/1', 'ok', 'fr'], [`${path}:2`, 'selon/1', 'ok', 'en']]);
  assert.equal(records[0]!.text, FR.join('\n\n'));
  assert.equal(records[0]!.date, '2012-07-04');
  for (const r of records) for (const q of r.quotes) assert.equal(r.text.slice(q.content.start, q.content.end), q.content.text);
});

test('json: one object for one document, an array for several, [] for none', async () => {
  const one = put('one.txt', FR[0]!);
  const two = put('two.txt', FR[1]!);
  const single = await selon(['--format', 'json', one]);
  assert.equal(JSON.parse(single.stdout).id, one);
  const several = await selon(['--format', 'json', one, two]);
  assert.deepEqual((JSON.parse(several.stdout) as Extraction[]).map((r) => r.id), [one, two]);
  mkdirSync(join(dir, 'nothing'), { recursive: true });
  put('nothing/readme.md', 'not an input');
  const none = await selon(['--format', 'json', join(dir, 'nothing')]);
  assert.deepEqual(JSON.parse(none.stdout), []);
  assert.equal(none.code, 0);
});

test('csv: a header and one row per quote, ids first', async () => {
  const path = put('quotes.txt', FR[0]!);
  const result = await selon(['--format', 'csv', path]);
  const [header, ...rows] = result.stdout.trimEnd().split('\r\n');
  assert.equal(header, 'document_id,quote_id,kind,speaker,cue,addressee,via,content,start,end,confidence');
  assert.ok(rows.length >= 1, result.stdout);
  assert.ok(rows[0]!.startsWith(`${path},q1,direct,`), rows[0]);
});

test('text: a readable listing, speaker → « words » [confidence]', async () => {
  const path = put('listing.txt', FR[0]!);
  const result = await selon(['--format', 'text', path]);
  assert.match(result.stdout, new RegExp(`^== ${path} · fr · 1 quote`));
  assert.match(result.stdout, /\n {2}Michel Spiro → « Nous avons de quoi nous occuper avec le LHC jusqu'en 2030 » \[0\.\d\d\]\n/);
});

test('html pages through the CLI: meta and text from the page, in-body teaser flagged', async () => {
  const page = join(FIXTURES, 'fr/higgs-teaser-newsletter/source.html');
  const [record] = jsonl((await selon([page])).stdout);
  assert.equal(record!.id, page);
  assert.equal(record!.meta.source, page);
  assert.equal(record!.meta.site, 'Le Quotidien des Sciences');
  assert.equal(record!.date, '2012-07-04');
  assert.ok(record!.boilerplate.some((b) => b.text.startsWith('READ Une vidéo incroyable')));
});

test('--jobs 2 writes the same records in the same order as --jobs 1', async () => {
  // Sizes vary a lot so that later small documents finish before earlier big ones.
  const lines = Array.from({ length: 60 }, (_, i) =>
    JSON.stringify({ id: `d${String(i).padStart(2, '0')}`, text: Array.from({ length: i % 7 === 0 ? 20 : 1 }, () => FR.join(' ')).join('\n\n') }));
  const path = put('order.jsonl', lines.join('\n') + '\n');
  const one = await selon(['--jobs', '1', path]);
  const two = await selon(['--jobs', '2', path]);
  assert.equal(two.code, 0, two.stderr);
  assert.deepEqual(jsonl(two.stdout).map((r) => r.id), lines.map((_, i) => `d${String(i).padStart(2, '0')}`));
  assert.equal(two.stdout, one.stdout);
});

test('stdin: "-" (or no path) reads piped input, sniffed or forced with --input-format; id "-"', async () => {
  const text = await selon(['-'], FR[0]);
  assert.deepEqual(jsonl(text.stdout).map((r) => [r.id, r.text]), [['-', FR[0]]]);
  const lines = await selon([], `${JSON.stringify({ id: 'x', text: EN })}\n${JSON.stringify({ text: FR[1] })}\n`);
  assert.deepEqual(jsonl(lines.stdout).map((r) => r.id), ['x', '-:2']);
  const html = await selon(['--input-format', 'html', '-'], `<p>${FR[0]}</p><p>${FR[1]}</p>`);
  assert.equal(jsonl(html.stdout)[0]!.text, `${FR[0]}\n\n${FR[1]}`);
});

test('exit 0 when documents are only skipped; the reason is in the record, the summary and --errors', async () => {
  const path = put('de.txt', 'Der Minister hat am Dienstag gesagt, dass die Reform im nächsten Monat umgesetzt werden soll.');
  const errors = join(dir, 'skipped.jsonl');
  const result = await selon(['--errors', errors, path]);
  assert.equal(result.code, 0);
  assert.deepEqual(jsonl(result.stdout).map((r) => [r.status, r.reason]), [['skipped', 'unsupported-language']]);
  assert.match(result.stderr, /skipped {2}1 \(unsupported-language 1\)/);
  const listed = readFileSync(errors, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(listed.map((e) => [e.status, e.id, e.reason]), [['skipped', path, 'unsupported-language']]);
});

test('csv has no row for a skipped document, so the summary names it; formats with a record for it only count it', async () => {
  const path = put('de-csv.txt', 'Der Minister hat am Dienstag gesagt, dass die Reform im nächsten Monat umgesetzt werden soll.');
  const named = `skipped: ${path} — unsupported-language: language "de" has no pack`;
  const csv = await selon(['--format', 'csv', path]);
  assert.equal(csv.code, 0);
  assert.equal(csv.stdout, 'document_id,quote_id,kind,speaker,cue,addressee,via,content,start,end,confidence\r\n');
  assert.ok(csv.stderr.includes(named), csv.stderr);
  const lines = await selon(['--format', 'jsonl', path]);
  assert.match(lines.stderr, /skipped {2}1 \(unsupported-language 1\)/);
  assert.ok(!lines.stderr.includes(named), lines.stderr);
});

test('exit 1 when an input cannot be read; the rest is still written', async () => {
  const good = put('good.txt', FR[0]!);
  const missing = join(dir, 'missing.txt');
  const result = await selon([missing, good]);
  assert.equal(result.code, 1);
  assert.deepEqual(jsonl(result.stdout).map((r) => r.id), [good]);
  assert.match(result.stderr, new RegExp(`failed: ${missing} — not-found`));
});

test('--lang forces the language; --min-confidence drops weaker quotes', async () => {
  const path = put('forced.txt', FR[0]!);
  const [forced] = jsonl((await selon(['--lang', 'en', path])).stdout);
  assert.equal(forced!.lang, 'en');
  const [all] = jsonl((await selon([path])).stdout);
  const [none] = jsonl((await selon(['--min-confidence', '1', path])).stdout);
  assert.ok(all!.quotes.length > 0);
  assert.ok(none!.quotes.every((q) => q.confidence >= 1));
  assert.ok(none!.quotes.length < all!.quotes.length);
});

test('WARC: a page with no publication date of its own is dated by its WARC-Date; a page\'s own date wins', async () => {
  // Both records were crawled on 2022-05-25 (WARC-Date 2022-05-25T10:00:00Z, set by io-build); one page says when it
  // was published.
  const dated = articlePage('Higgs', ARTICLE_FR).replace('<head>', '<head><meta property="article:published_time" content="2012-07-04T09:00:00+02:00">');
  const path = join(dir, 'crawl.warc');
  writeFileSync(path, await warcFile([
    { id: 'urn:uuid:undated', url: 'https://news.example/a', contentType: 'text/html; charset=utf-8', body: articlePage('Higgs') },
    { id: 'urn:uuid:dated', url: 'https://news.example/b', contentType: 'text/html; charset=utf-8', body: dated },
  ]));
  for (const jobs of ['1', '2']) {
    const result = await selon(['--jobs', jobs, path]);
    assert.equal(result.code, 0, result.stderr);
    const [undated, own] = jsonl(result.stdout);
    assert.deepEqual([undated!.id, undated!.date, own!.id, own!.date], ['urn:uuid:undated', '2022-05-25', 'urn:uuid:dated', '2012-07-04']);
    assert.deepEqual([undated!, own!].map((r) => r.messages.filter((m) => m.ruleId === 'io.warc-date').length), [1, 0]);
    // The crawl date is given to the engine, not pasted on afterwards: "mardi" resolves against it.
    assert.match(JSON.stringify(undated!.quotes), /2022-05-24/);
    assert.match(JSON.stringify(own!.quotes), /2012-07-03/);
  }
});
