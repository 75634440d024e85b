/**
 * One batch of bad inputs, processed as a user would: each bad input is named with its reason (stderr summary and
 * --errors), everything else is processed, and the counts add up to the number of inputs. Tests run as root, so
 * unreadable inputs are made with links and paths, not file modes.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../src/types.js';
import { ARTICLE_FR, articlePage, warcFile } from './io-build.js';

const BIN = fileURLToPath(new URL('../bin/selon.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'selon-bad-'));
const batch = join(dir, 'batch');
after(() => rmSync(dir, { recursive: true, force: true }));

const TEXT_FR = 'Le ministre a déclaré mardi devant les députés que la réforme des retraites serait appliquée dès le mois prochain.';

/** A page of about `mb` megabytes of ordinary article markup, written in pieces. */
function writeHugePage(path: string, mb: number): void {
  const fd = openSync(path, 'w');
  writeSync(fd, '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Énorme</title></head><body><article>');
  const para = `<div class="c"><p>${TEXT_FR}</p></div>\n`.repeat(1000);
  for (let written = 0; written < mb * 1024 * 1024; written += Buffer.byteLength(para)) writeSync(fd, para);
  writeSync(fd, '</article></body></html>');
  closeSync(fd);
}

before(async () => {
  mkdirSync(batch, { recursive: true });
  const put = (name: string, data: string | Uint8Array) => writeFileSync(join(batch, name), data);
  put('good.txt', TEXT_FR);
  put('good.html', articlePage('Le CERN confirme'));
  put('lines.jsonl', [JSON.stringify({ id: 'l1', text: TEXT_FR }), '{"id": "l2", "text": "cassé', JSON.stringify({ id: 'l3', text: TEXT_FR })].join('\n'));
  put('truncated.jsonl.gz', gzipSync(JSON.stringify({ id: 'z', text: TEXT_FR.repeat(20) })).subarray(0, 40));
  const warc = await warcFile([
    { id: 'urn:uuid:w1', contentType: 'text/html; charset=utf-8', body: articlePage('Premier') },
    { id: 'urn:uuid:w2', contentType: 'text/html; charset=utf-8', body: articlePage('Second', ARTICLE_FR.repeat(3)) },
  ]);
  put('cut.warc', warc.subarray(0, warc.length - 500));
  put('binary.html', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  put('no-body.html', '<html><head><title>Rubrique</title></head><body><nav><a href="/a">A</a> <a href="/b">B</a></nav></body></html>');
  writeHugePage(join(batch, 'huge.html'), 50);
  put('invalid-utf8.txt', Buffer.concat([Buffer.from('Le ministre a d'), Buffer.from([0xe9, 0xff]), Buffer.from(TEXT_FR.slice(15))]));
  put('not-xml.xml', 'Ceci ressemble à un flux mais ne commence pas par un chevron.');
  symlinkSync(join(batch, 'gone.html'), join(batch, 'dangling.html'));
});

/** Runs selon extract; `stdin` is a path opened as the child's standard input (a directory included). */
function selon(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const input = stdin === undefined ? 'ignore' : openSync(stdin, 'r');
    const child = spawn(process.execPath, [BIN, 'extract', ...args], { cwd: dir, stdio: [input, 'pipe', 'pipe'] });
    if (typeof input === 'number') closeSync(input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c) => (stdout += c));
    child.stderr!.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('a batch of bad inputs: each named with its reason, the rest processed, the counts add up', async () => {
  const missing = join(dir, 'missing.html');
  const fileAsDir = `${join(batch, 'good.txt')}/`;
  const errors = join(dir, 'errors.jsonl');
  const started = Date.now();
  // `- < folder`: a directory where a file (stdin) is expected.
  const run = await selon([batch, missing, fileAsDir, '-', '--jobs', '2', '--errors', errors], batch);
  assert.ok(Date.now() - started < 60_000, 'the 50 MB page does not hold the batch up');
  assert.equal(run.code, 1, run.stderr);

  // Input order: the folder's entries by name (cut.warc's first record, lines.jsonl's good lines), then the paths.
  const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Extraction);
  const at = (name: string) => join(batch, name);
  assert.deepEqual(records.map((r) => [r.id, r.status, r.reason]), [
    ['urn:uuid:w1', 'ok', null],
    [at('good.html'), 'ok', null],
    [at('good.txt'), 'ok', null],
    [at('invalid-utf8.txt'), 'ok', null],
    ['l1', 'ok', null],
    ['l3', 'ok', null],
    [at('no-body.html'), 'skipped', 'no-body'],
  ]);

  const invalid = records.find((r) => r.id === at('invalid-utf8.txt'))!;
  assert.ok(invalid.text.startsWith('Le ministre a d\uFFFD\uFFFD'));
  assert.ok(invalid.messages.some((m) => m.ruleId === 'io.invalid-bytes' && m.start === 15 && m.end === 17));

  const expected: Array<[string, string, string]> = [
    ['failed', at('binary.html'), 'binary-content'],
    ['failed', `${at('cut.warc')}#urn:uuid:w2`, 'truncated-warc'],
    ['failed', at('dangling.html'), 'dangling-symlink'],
    ['skipped', at('huge.html'), 'too-large'],
    ['failed', `${at('lines.jsonl')}:2`, 'bad-json'],
    ['skipped', at('no-body.html'), 'no-body'],
    ['failed', at('not-xml.xml'), 'not-xml'],
    ['failed', at('truncated.jsonl.gz'), 'truncated-gzip'],
    ['failed', missing, 'not-found'],
    ['failed', fileAsDir, 'not-a-directory'],
    ['failed', '-', 'is-a-directory'],
  ];
  const listed = readFileSync(errors, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(listed.map((e) => [e.status, e.source, e.reason]), expected);
  for (const [status, source, reason] of expected.filter(([, s]) => !s.endsWith('no-body.html'))) {
    assert.ok(run.stderr.includes(`${status}: ${source} — ${reason}`), `${source} named on stderr`);
  }

  const count = (label: string) => Number(new RegExp(`${label} +(\\d+)`).exec(run.stderr)![1]);
  const read = Number(/read (\d+)/.exec(run.stderr)![1]);
  assert.deepEqual({ read, ok: count('ok'), skipped: count('skipped'), failed: count('failed') }, { read: 17, ok: 6, skipped: 2, failed: 9 });
  assert.equal(count('ok') + count('skipped') + count('failed'), read);
  assert.match(run.stderr, /skipped {2}2 \(no-body 1, too-large 1\)/);
});
