/** `selon/io`: the library reads what the CLI reads, in input order, and hands back every input that gave no record. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extractPaths, type PathOutcome } from 'selon/io';
import { ARTICLE_FR, articlePage, rssFeed, tempFolder, warcFile } from './io-build.js';

const { dir, put } = tempFolder('selon-lib-');


async function collect(outcomes: AsyncIterable<PathOutcome>): Promise<PathOutcome[]> {
  const out: PathOutcome[] = [];
  for await (const o of outcomes) out.push(o);
  return out;
}

const brief = (list: PathOutcome[]) =>
  list.map((o) => (o.kind === 'record' ? [o.record.id, o.record.status, o.record.reason] : [o.source, o.kind, o.reason]));

test('folders, gzip, feeds and WARC as records in input order; unreadable inputs as problems naming them', async () => {
  const root = join(dir, 'batch');
  put('batch/a.html.gz', gzipSync(articlePage('Le CERN confirme')));
  put('batch/b.rss', rssFeed([{ title: 'Un', guid: 'urn:fil:1', date: 'Tue, 24 May 2022 08:00:00 GMT', html: ARTICLE_FR }]));
  put('batch/c.warc', await warcFile([
    { type: 'request', url: 'https://news.example/a' },
    { id: 'urn:uuid:w1', url: 'https://news.example/a', contentType: 'text/html; charset=utf-8', body: articlePage('Higgs') },
  ]));
  put('batch/d.txt', 'Der Minister hat am Dienstag gesagt, dass die Reform im nächsten Monat umgesetzt werden soll.');
  put('batch/e.html', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)));
  const missing = join(dir, 'missing.txt');
  const outcomes = await collect(extractPaths([root, missing]));
  assert.deepEqual(brief(outcomes), [
    [`${root}/a.html.gz`, 'ok', null],
    ['urn:fil:1', 'ok', null],
    ['urn:uuid:w1', 'ok', null],
    [`${root}/d.txt`, 'skipped', 'unsupported-language'],
    [`${root}/e.html`, 'failed', 'binary-content'],
    [missing, 'failed', 'not-found'],
  ]);
  const records = outcomes.flatMap((o) => (o.kind === 'record' ? [o.record] : []));
  assert.ok(records.slice(0, 3).every((r) => r.quotes.some((q) => q.speaker?.name === 'Michel Spiro')));
  assert.deepEqual([records[1]!.date, records[2]!.date, records[2]!.meta.url], ['2022-05-24', '2022-05-25', 'https://news.example/a']);
  assert.ok(records[2]!.messages.some((m) => m.ruleId === 'io.warc-date'), 'what reading noticed rides in the record');
});

test('options: the language forced, a confidence floor, and a forced input format', async () => {
  const path = put('page.html', articlePage('Le CERN confirme'));
  const record = async (options: Parameters<typeof extractPaths>[1]) => {
    const [o] = await collect(extractPaths([path], options));
    assert.equal(o!.kind, 'record');
    return (o as Extract<PathOutcome, { kind: 'record' }>).record;
  };
  const page = await record({});
  assert.deepEqual([page.text.startsWith('Le CERN confirme\n\n'), page.lang, page.quotes.length > 0], [true, 'fr', true]);
  const asText = await record({ inputFormat: 'text', lang: 'en' });
  assert.deepEqual([asText.text.startsWith('<!DOCTYPE html>'), asText.lang], [true, 'en']);
  assert.equal((await record({ minConfidence: 1 })).quotes.length, 0);
});
