/**
 * Every crash or broken record the robustness suite found (fuzzing, pathological inputs, load, faults), reduced to its
 * smallest input, with the contract it broke. A row stays here after the fix, so the bug cannot come back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, type DocumentInput, type ExtractOptions } from '../src/index.js';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { connect, type AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app.js';
import { openStore } from '../src/store/store.js';
import { checkCase } from './fuzz-support.js';

interface Row {
  /** What went wrong, and where it was found. */
  found: string;
  input: string | DocumentInput;
  options?: ExtractOptions;
}

const CONTRACT: Row[] = [
  {
    found: 'fuzz: a verb governing an empty quoted fragment gave a mixed quote with empty content (build-quotes, governedFragment)',
    input: 'Il a déclaré «»',
    options: { lang: 'fr' },
  },
  { found: 'fuzz: the same with a blank fragment', input: 'Il a déclaré « » à Michelle.', options: { lang: 'fr' } },
  { found: 'fuzz: the same before a run of opening marks', input: 'a déclaré« »«« à Michelle', options: { lang: 'fr' } },
  {
    found: 'fuzz (long run, seed 500499): an incise at the very end of a quote left an empty second fragment (build-quotes, inner incise)',
    input: '« Nous partons demain matin, disent-ils, »',
    options: { lang: 'fr' },
  },
  { found: 'fuzz: the same in an unclosed quote', input: '« Nous partons demain matin, disent-ils,', options: { lang: 'fr' } },
];

/** Inputs that once hung the engine: each runs in a child process with a time limit, so a hang fails the test. */
const HANGS: Row[] = [
  {
    found: 'fuzz (long run, seed 1500024): a run of apostrophes before an according-frame hung extraction (hours for 300 characters: ' +
      'catastrophic backtracking in the incise-gap regex of clauseStartBefore, src/quotes/context.ts)',
    input: "'".repeat(300) + '”\'According to a UN transcript, Bachelet told Xi that she was "concerned".',
    options: { lang: 'en' },
  },
  { found: 'fuzz: the same in French', input: "'".repeat(300) + 'Selon la transcription, Bachelet a dit à Xi qu’elle était « inquiète ».', options: { lang: 'fr' } },
];

for (const row of HANGS) {
  test(`finishes and keeps the contract — ${row.found}`, () => {
    const script = `import { checkCase } from ${JSON.stringify(new URL('./fuzz-support.ts', import.meta.url).href)};
      const row = JSON.parse(process.argv[1]);
      process.stdout.write(JSON.stringify(checkCase({ input: { text: row.input }, options: { id: 'regression', ...row.options } })));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(row)], {
      encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
    assert.equal(run.signal, null, `extraction did not finish within 60 s: ${JSON.stringify(row.input).slice(0, 80)}…`);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });
}

for (const row of CONTRACT) {
  test(`keeps the selon/1 contract — ${row.found}`, () => {
    const input = typeof row.input === 'string' ? { text: row.input } : row.input;
    assert.deepEqual(checkCase({ input, options: { id: 'regression', ...row.options } }), [], JSON.stringify(row.input));
  });
}

test('a quote whose incise ends it has one piece: the words before the incise', () => {
  const [q] = extract('« Nous partons demain matin, disent-ils, »', { lang: 'fr' }).quotes;
  assert.equal(q?.content.text, 'Nous partons demain matin');
  assert.equal(q?.fragments, null);
});

test('an empty quoted fragment is not a quote', () => {
  assert.deepEqual(extract('Il a déclaré «»', { lang: 'fr' }).quotes, []);
});

test('a client that hangs up in the middle of its body is not logged as an internal error', async () => {
  const lines: string[] = [];
  const store = await openStore('sqlite::memory:');
  const app = createApp({ store, log: (line) => lines.push(line) });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  try {
    await once(server, 'listening');
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text": "« Non », a dit');
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(lines, []);
  } finally {
    await new Promise((r) => server.close(r));
    await store.close();
  }
});
