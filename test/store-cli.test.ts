/** selon ingest / search / serve / reindex as a user runs them: real processes on a real SQLite file. */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/store.js';
import { makeRecord } from '../src/store/synthetic.js';
import { parseSearchArgs, printable } from '../src/cli/search.js';
import { parseServeArgs } from '../src/cli/serve.js';
import { parseIngestArgs } from '../src/cli/ingest.js';
import { ENGINE_VERSION } from '../src/config.js';
import { SelonError } from '../src/errors.js';

const BIN = fileURLToPath(new URL('../bin/selon.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'selon-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function selon(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, SELON_TOKEN: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const FR = '« Nous ne céderons rien sur la sécurité des Français », a déclaré mardi Emmanuel Macron devant les députés.\n';
const EN = '"We will not back down on security," Prime Minister Rishi Sunak said on Tuesday.';

describe('selon ingest and search', () => {
  const store = `sqlite:${join(dir, 'cli.db')}`;
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  writeFileSync(join(corpus, 'macron.txt'), FR);
  writeFileSync(join(corpus, 'news.jsonl'), [
    JSON.stringify({ id: 'bbc-1', text: EN, lang: 'en', date: '2023-01-10', url: 'https://www.bbc.co.uk/news/1' }),
    '{not json',
    JSON.stringify({ id: 'de-1', text: 'Das ist ein deutscher Text über das Wetter.', lang: 'de' }),
  ].join('\n'));

  test('ingest reads a folder, reports what failed, exits 1 because a line was unreadable', () => {
    const r = selon('ingest', corpus, '--store', store);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /failed: .*news\.jsonl:2 — bad-json/);
    assert.match(r.err, /selon ingest: read 4 /);
    assert.match(r.err, /ok +2\n +skipped +1 \(unsupported-language 1\)\n +failed +1 \(bad-json 1\)/);
    assert.match(r.err, /stored +3 added, 0 replaced, 0 unchanged/);
  });

  test('ingesting again stores nothing new', () => {
    const r = selon('ingest', join(corpus, 'macron.txt'), '--store', store, '--jobs', '1');
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /0 added, 0 replaced, 1 unchanged/);
    assert.match(selon('ingest', corpus, '--store', store).err, /0 added, 0 replaced, 3 unchanged/);
  });

  test('search --format json: an array of quote records with document id, speaker and outlet', () => {
    const r = selon('search', 'securite', '--store', store, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const hits = JSON.parse(r.out);
    assert.ok(Array.isArray(hits));
    assert.equal(hits.length, 1);
    assert.equal(hits[0].document.id, join(corpus, 'macron.txt'));
    assert.equal(hits[0].speaker.name, 'Emmanuel Macron');
    assert.match(hits[0].quote.content.text, /sécurité/);
    const en = JSON.parse(selon('search', '--store', store, '--lang', 'en', '--format', 'json').out);
    assert.deepEqual(en.map((h: { document: { outlet: string } }) => h.document.outlet), ['bbc.co.uk']);
    assert.deepEqual(JSON.parse(selon('search', 'nothing-like-this', '--store', store, '--format', 'json').out), []);
  });

  test('search text output and filters', () => {
    const r = selon('search', '--store', store, '--speaker', 'Macron');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Emmanuel Macron/);
    assert.match(r.out, /« Nous ne céderons rien/);
    assert.match(r.err, /1 of 1 quote/);
    assert.match(selon('search', '--store', store, '--from', '2023-01', '--to', '2023').err, /1 of 1 quote/);
    assert.match(selon('search', '--store', store, '--all', '--format', 'json').err, /2 of 2 quotes/);
  });

  test('on a terminal, ingest draws extract\'s progress bar, clears it, then prints the summary', { skip: !existsSync('/usr/bin/script') && 'needs script(1) for a terminal' }, () => {
    // script(1) runs the command on a pseudo-terminal, so stderr is a TTY as in a user's shell.
    const command = [process.execPath, BIN, 'ingest', corpus, '--store', `sqlite:${join(dir, 'tty.db')}`, '--jobs', '1']
      .map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('/usr/bin/script', ['-qefc', command, '/dev/null'], { encoding: 'utf8', cwd: dir, env: { ...process.env, SELON_TOKEN: '' } });
    const screen = r.stdout;
    assert.match(screen, /\r\x1b\[K\[#*\.*\] \d+% · \d+ docs · [\d.]+ docs\/s · ETA \d+:\d\d/, JSON.stringify(screen.slice(0, 300)));
    assert.match(screen, /\r\x1b\[Kselon ingest: read 4 /, 'the bar is cleared before the summary');
    assert.match(screen, /stored +3 added/);
  });

  test('usage and configuration errors exit 2 with a reason', () => {
    for (const args of [['search', '--store', `sqlite:${join(dir, 'missing.db')}`], ['search', '--from', 'hier'], ['search', '--bogus'],
      ['search', '--store', 'postgres://u:pw@h/db'], ['ingest'], ['ingest', 'x', '--lang', 'de'], ['serve', '--port', 'http'],
    ['serve', 'extra'], ['reindex', '--store', `sqlite:${join(dir, 'missing.db')}`]]) {
      const r = selon(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, /E00\d/);
      assert.doesNotMatch(r.err, /\n\s+at /);
    }
  });
});

describe('a reader that stops early (selon … | head -1)', () => {
  const ROOT = fileURLToPath(new URL('..', import.meta.url));

  /** Runs selon with its stdout read by a reader that closes the pipe after the first line, as `| head -1` does. */
  function headOne(args: string[]): Promise<{ code: number | null; first: string; err: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.includes('\n')) child.stdout.destroy();
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, first: out.split('\n')[0]!, err }));
    });
  }

  test('search and extract end quietly when stdout is closed: no EPIPE, no stack trace', async () => {
    const url = `sqlite:${join(dir, 'head.db')}`;
    const data = [join(ROOT, 'data/gold'), join(ROOT, 'data/demo')];
    const ingest = selon('ingest', ...data, '--store', url);
    assert.equal(ingest.code, 0, ingest.err);
    assert.match(ingest.err, /stored +\d+ added/);
    // Each of these writes far more than a pipe holds (64 KB), so the reader goes away while selon is still writing.
    for (const args of [['search', '--all', '--format', 'json', '--store', url], ['search', '--all', '--store', url],
      ['extract', ...data, '--format', 'jsonl', '--jobs', '1']]) {
      const r = await headOne(args);
      assert.ok(r.first.length > 0, `${args[0]} wrote nothing: ${r.err}`);
      assert.doesNotMatch(r.err, /EPIPE|Error|\n\s+at /, `${args.join(' ')}:\n${r.err}`);
      assert.equal(r.code, 0, `${args.join(' ')}:\n${r.err}`);
    }
  });
});

describe('selon reindex', () => {
  test('re-extracts records of another engine version from their stored text', async () => {
    const url = `sqlite:${join(dir, 'reindex.db')}`;
    const store = await openStore(url);
    const old = { ...makeRecord({ id: 'old', engine: '0.0.1', date: '2022-05-24' }), text: FR };
    await store.ingest(old);
    await store.close();
    const r = selon('reindex', '--store', url);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /1 to re-extract, 1 done, 0 failed/);
    const again = await openStore(url);
    const record = await again.getDocument('old');
    await again.close();
    assert.equal(record?.engine.version, ENGINE_VERSION);
    assert.equal(record?.text, FR);
    assert.equal(record?.date, '2022-05-24');
    assert.match(selon('reindex', '--store', url).err, /0 to re-extract/);
  });
});

describe('selon serve', () => {
  test('serves the API on the loopback and stops on SIGTERM', async () => {
    const url = `sqlite:${join(dir, 'serve.db')}`;
    await (await openStore(url)).close();
    const child = spawn(process.execPath, [BIN, 'serve', '--store', url, '--port', '0', '--no-ui'], { cwd: dir, env: { ...process.env, SELON_TOKEN: '' } });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
        setTimeout(() => reject(new Error(`no URL in ${out}`)), 20_000);
      });
      const res = await fetch(`${base}api/openapi.json`);
      assert.equal(res.status, 200);
      assert.equal((await res.json()).openapi, '3.1.0');
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
  });

  test('refuses a non-loopback host without a token', () => {
    const r = selon('serve', '--host', '0.0.0.0', '--port', '0', '--store', `sqlite:${join(dir, 'serve.db')}`);
    assert.equal(r.code, 2);
    assert.match(r.err, /--token/);
  });
});

describe('argument parsing', () => {
  test('search options become filters', () => {
    const cmd = parseSearchArgs(['porte-parole', 'du', 'gouvernement', '--speaker', 'Le Pen', '--from', '2022', '--via', 'AFP', '--limit', '50', '--format', 'json']);
    assert.notEqual(cmd, 'help');
    if (cmd === 'help') return;
    assert.equal(cmd.filters.q, 'porte-parole du gouvernement');
    assert.equal(cmd.filters.speaker, 'Le Pen');
    assert.equal(cmd.filters.pageSize, 50);
    assert.equal(cmd.format, 'json');
    assert.throws(() => parseSearchArgs(['--limit', '500']), (e: SelonError) => e.code === 'E003');
    assert.throws(() => parseSearchArgs(['--format', 'csv']), (e: SelonError) => e.code === 'E003');
  });

  test('search refuses dates that do not exist, periods that end before they start, and queries without a word', () => {
    const refused: [string[], RegExp][] = [
      [['--from', '2022-13'], /--from must be yyyy, yyyy-mm or yyyy-mm-dd, not "2022-13": there is no month 13/],
      [['--to', '2021-02-29'], /--to .*"2021-02-29": 2021-02 has no day 29/],
      [['--from', '2024-06', '--to', '2024-05-31'], /--from 2024-06 is after --to 2024-05-31/],
      [['*'], /the query "\*" holds no word to search for/],
      [['--', '-', '?'], /the query "- \?" holds no word/],
    ];
    for (const [args, reason] of refused) {
      assert.throws(() => parseSearchArgs(args), (e: SelonError) => e.code === 'E003' && reason.test(e.message), args.join(' '));
    }
    for (const args of [['--from', '2024-02-29'], ['--from', '2024-05', '--to', '2024-05-01'], ['--from', '2024', '--to', '2024']]) {
      assert.doesNotThrow(() => parseSearchArgs(args), args.join(' '));
    }
  });

  test('serve takes its token from --token or SELON_TOKEN, and refuses short ones', () => {
    assert.deepEqual(parseServeArgs([], { SELON_TOKEN: 'from-the-env' }), { store: 'sqlite:selon.db', port: 8787, host: '127.0.0.1', token: 'from-the-env', ui: true });
    const cmd = parseServeArgs(['--token', 'given-token', '--host', '0.0.0.0', '--port', '0'], { SELON_TOKEN: 'from-the-env' });
    assert.ok(cmd !== 'help' && cmd.token === 'given-token' && cmd.port === 0);
    assert.throws(() => parseServeArgs(['--token', 'short'], {}), (e: SelonError) => e.code === 'E003');
  });

  test('ingest needs a path and takes extract\'s options', () => {
    assert.throws(() => parseIngestArgs([]), (e: SelonError) => e.code === 'E003');
    assert.throws(() => parseIngestArgs(['a', '--min-confidence', '2']), (e: SelonError) => e.code === 'E003');
    const cmd = parseIngestArgs(['a', 'b', '--jobs', '3', '--lang', 'fr', '--input-format', 'warc', '--store', 'sqlite:x.db']);
    assert.ok(cmd !== 'help');
    assert.deepEqual([cmd.paths, cmd.jobs, cmd.settings.lang, cmd.inputFormat, cmd.store], [['a', 'b'], 3, 'fr', 'warc', 'sqlite:x.db']);
  });

  test('terminal output cannot carry control sequences from stored text', () => {
    assert.equal(printable('a\u001b[31mred\u0007\u202eb\nc'), 'a\ufffd[31mred\ufffd\ufffdb\nc');
  });
});
