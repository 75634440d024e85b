/**
 * The progress bar: documents, docs/s, and the share done with an ETA when the input size is known; drawn on a
 * terminal only. The terminal cases run selon under a real pseudo-terminal (util-linux `script`), not a fake stream.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Progress } from '../src/io/progress.js';

const BIN = fileURLToPath(new URL('../bin/selon.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'selon-progress-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SENTENCE = '« Nous avons de quoi nous occuper jusqu\'en 2030 », a déclaré Michel Spiro, le président du conseil du CERN.';
const input = join(dir, 'docs.jsonl');
writeFileSync(input, Array.from({ length: 120 }, (_, i) => JSON.stringify({ id: `d${i}`, text: SENTENCE })).join('\n') + '\n');

/** A stream that keeps what is written to it. */
function screen(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  return { stream: { write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream, written };
}

test('with the input size known: a bar, the share done, documents, docs/s and an ETA', () => {
  const { stream, written } = screen();
  const progress = new Progress(stream, 1000);
  progress.tick(250);
  assert.equal(written.length, 1);
  assert.match(written[0]!, /^\r\x1b\[K\[#{6}\.{18}\] 25% · 1 docs · [\d.]+ docs\/s · ETA \d+:\d\d$/);
});

test('with the size unknown (stdin): documents and docs/s, no share and no ETA', () => {
  const { stream, written } = screen();
  new Progress(stream, null).tick(250);
  assert.match(written[0]!, /^\r\x1b\[K1 docs · [\d.]+ docs\/s$/);
});

test('redrawn at most ten times a second; cleared only when shown', () => {
  const { stream, written } = screen();
  const progress = new Progress(stream, null);
  progress.clear();
  assert.deepEqual(written, []);
  for (let i = 0; i < 50; i++) progress.tick(0);
  assert.equal(written.length, 1, 'fifty documents in a few milliseconds: one drawing');
  progress.clear();
  assert.deepEqual(written.slice(1), ['\r\x1b[K']);
});

/** Runs a command; resolves with its stderr, or its stdout when asked (what `script` shows of the terminal). */
function run(command: string, args: string[], want: 'stdout' | 'stderr' = 'stderr'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const got = { stdout: '', stderr: '' };
    child.stdout.on('data', (c) => (got.stdout += c));
    child.stderr.on('data', (c) => (got.stderr += c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(got[want]) : reject(new Error(`exit ${code}: ${got.stderr}`))));
  });
}

test('not a terminal: no bar, only the summary', async () => {
  const stderr = await run(process.execPath, [BIN, 'extract', '--format', 'jsonl', '--errors', join(dir, 'e.jsonl'), input]);
  assert.ok(!stderr.includes('\r') && !stderr.includes('\x1b'), JSON.stringify(stderr.slice(0, 200)));
  assert.match(stderr, /^selon extract: read 120 in /);
});

const hasScript = spawnSync('script', ['--version']).status === 0;

test('on a terminal: the bar is drawn, with an ETA for files and none for stdin, then cleared for the summary', { skip: !hasScript && 'no util-linux script for a pseudo-terminal' }, async () => {
  const selon = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} extract --format jsonl`;
  const file = await run('script', ['-qec', `${selon} ${JSON.stringify(input)} > /dev/null`, '/dev/null'], 'stdout');
  assert.match(file, /\r\x1b\[K\[[#.]{24}\] \d+% · \d+ docs · [\d.]+ docs\/s · ETA \d+:\d\d/);
  assert.match(file, /\r\x1b\[Kselon extract: read 120 in /, 'the bar is cleared before the summary');
  const stdin = await run('script', ['-qec', `${selon} - < ${JSON.stringify(input)} > /dev/null`, '/dev/null'], 'stdout');
  assert.match(stdin, /\r\x1b\[K\d+ docs · [\d.]+ docs\/s/);
  assert.ok(!stdin.includes('ETA'), 'no ETA when the size is unknown');
});
