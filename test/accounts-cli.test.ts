/** `selon compare` and `selon accounts`, run as commands on files and on a SQLite store. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRecord } from '../src/store/synthetic.js';
import { openStore } from '../src/store/store.js';
import { alignQuotes } from '../src/accounts/align.js';
import { formatDiff } from '../src/accounts/diff.js';

const BIN = fileURLToPath(new URL('../bin/selon.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'selon-accounts-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function selon(...args: string[]): { code: number; out: string; err: string } {
  try {
    const out = execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, out, err: '' };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

/** Two outlets report one statement: A gives the words directly and whole, B splits them into indirect speech and a
 * direct piece, and adds a quote of its own. */
const A = makeRecord({
  id: 'outlet-a', lang: 'fr', site: 'Le Quotidien', date: '2024-03-05',
  quotes: [
    { content: "Nous ne céderons pas sur l'âge de départ, c'est une question de responsabilité", speaker: 'Anne Roy', via: ['France Inter'] },
    { content: "Le gouvernement n'écoute personne", speaker: 'Marc Petit' },
  ],
});
const B = makeRecord({
  id: 'outlet-b', lang: 'fr', site: "L'Hebdo", date: '2024-03-06',
  quotes: [
    { content: "le gouvernement ne céderait pas sur l'âge de départ", speaker: 'Anne Roy', kind: 'indirect' },
    { content: "C'est une question de responsabilité", speaker: 'Anne Roy' },
    { content: 'La réforme sera menée à son terme', speaker: 'Louis Ferrand' },
  ],
});

test('compare (library): one outlet direct and whole, the other indirect and in pieces', () => {
  const al = alignQuotes(A, B);
  assert.deepEqual(al.matched.map((m) => [m.a.id, m.b.id, m.verdict, m.speakerConflict]), [
    ['q1', 'q1', 'variant', false],
    ['q1', 'q2', 'variant', false],
  ]);
  assert.equal(formatDiff(al.matched[0]!.diff), "[-Nous-] {+le gouvernement+} ne [-céderons-] {+céderait+} pas sur l'âge de départ [-c'est une question de responsabilité-]");
  assert.deepEqual(al.onlyA.map((q) => q.content.text), ["Le gouvernement n'écoute personne"]);
  assert.deepEqual(al.onlyB.map((q) => q.content.text), ['La réforme sera menée à son terme']);
});

test('compare (library): the same words given to different speakers are matched and flagged', () => {
  const x = makeRecord({ id: 'x', lang: 'en', quotes: [{ content: 'We will defend every inch of allied territory', speaker: 'Lars Eriksen' }] });
  const y = makeRecord({ id: 'y', lang: 'en', quotes: [{ content: 'We will defend every inch of allied territory.', speaker: 'Anna Richter' }] });
  const al = alignQuotes(x, y);
  assert.equal(al.matched.length, 1);
  assert.equal(al.matched[0]!.verdict, 'consistent');
  assert.equal(al.matched[0]!.speakerConflict, true);
});

test('selon compare A B: text and json on selon/1 records', () => {
  const a = join(dir, 'a.jsonl');
  const b = join(dir, 'b.jsonl');
  writeFileSync(a, JSON.stringify(A) + '\n');
  writeFileSync(b, JSON.stringify(B) + '\n');
  const text = selon('compare', a, b);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /matched \(2\):/);
  assert.match(text.out, /only in A \(1\):\n {2}Marc Petit: « Le gouvernement n'écoute personne »/);
  assert.match(text.out, /only in B \(1\):\n {2}Louis Ferrand: « La réforme sera menée à son terme »/);
  assert.match(text.out, /diff: \[-Nous-\] \{\+le gouvernement\+\}/);
  const json = selon('compare', a, b, '--format', 'json');
  assert.equal(json.code, 0, json.err);
  const parsed = JSON.parse(json.out);
  assert.deepEqual(Object.keys(parsed), ['a', 'b', 'matched', 'onlyA', 'onlyB']);
  assert.equal(parsed.matched.length, 2);
  assert.deepEqual(parsed.matched[1].diff.map((o: { op: string }) => o.op), ['removed', 'same']);
});

test('selon compare: usage and unreadable input', () => {
  assert.equal(selon('compare', join(dir, 'only-one.txt')).code, 2);
  assert.equal(selon('compare', 'a', 'b', '--format', 'xml').code, 2);
  const missing = selon('compare', join(dir, 'nope.txt'), join(dir, 'nope2.txt'));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /cannot read .*nope\.txt: ENOENT/);
  assert.match(selon('compare', '--help').out, /Usage: selon compare A B/);
});

test('selon compare / accounts: a selon/1 record with missing or mistyped fields is named with the reason, not a crash', () => {
  const good = join(dir, 'good-a.jsonl');
  writeFileSync(good, JSON.stringify(A) + '\n');
  const broken = join(dir, 'broken-record.jsonl');
  const { quotes, ...noQuotes } = A;
  writeFileSync(broken, JSON.stringify(noQuotes) + '\n');
  const run = selon('compare', broken, good);
  assert.equal(run.code, 1);
  assert.match(run.err, /cannot read .*broken-record\.jsonl: not a valid selon\/1 record: quotes/);
  assert.doesNotMatch(run.err, /TypeError|\n\s+at /);
  const badQuote = join(dir, 'bad-quote.jsonl');
  writeFileSync(badQuote, JSON.stringify({ ...A, quotes: [{ ...quotes[0], content: null }] }) + '\n');
  const acc = selon('accounts', '--input', badQuote, '--input', good);
  assert.equal(acc.code, 1);
  assert.match(acc.err, /bad-quote\.jsonl:1: not a valid selon\/1 record: quotes\[0\]\.content/);
  assert.doesNotMatch(acc.err, /TypeError|\n\s+at /);
});

const RECORDS = [
  makeRecord({ id: 'd1', lang: 'fr', site: 'afp.com', date: '2024-03-01', quotes: [{ content: "L'Europe doit se réveiller et investir dans sa défense", speaker: 'Louis Ferrand' }] }),
  makeRecord({ id: 'd2', lang: 'fr', site: 'lemonde.fr', date: '2024-03-02', quotes: [{ content: "l'Europe doit se réveiller et investir dans sa propre défense", speaker: 'Louis Ferrand' }] }),
  makeRecord({ id: 'd3', lang: 'fr', site: 'rfi.fr', date: '2024-03-02', quotes: [{ content: "L’Europe doit se réveiller et investir dans sa défense !", speaker: 'Ferrand' }] }),
  makeRecord({ id: 'd4', lang: 'fr', site: 'bfmtv.com', date: '2024-03-03', quotes: [{ content: "L'Europe doit se réveiller et investir dans sa défense", speaker: 'Anna Richter' }] }),
  makeRecord({ id: 'd5', lang: 'fr', site: 'lefigaro.fr', date: '2023-12-01', quotes: [{ content: 'Le budget de la culture augmentera de 6 %', speaker: 'Leïla Benali' }] }),
];

test('selon accounts --input: clusters, versions, flags from selon/1 JSONL', () => {
  const file = join(dir, 'records.jsonl');
  writeFileSync(file, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const json = selon('accounts', '--input', file, '--format', 'json');
  assert.equal(json.code, 0, json.err);
  const report = JSON.parse(json.out);
  assert.equal(report.clusters.length, 1);
  const c = report.clusters[0];
  // "Ferrand" joins "Louis Ferrand" (the one full name with that surname).
  assert.equal(c.size, 3);
  assert.equal(c.speakerName, 'Louis Ferrand');
  assert.equal(c.first.docId, 'd1');
  assert.deepEqual(c.outlets, ['afp.com', 'lemonde.fr', 'rfi.fr']);
  assert.equal(c.versions.length, 2);
  assert.deepEqual(c.flags, ['wording-differs', 'speaker-conflict']);
  assert.deepEqual(c.otherSpeakers.map((o: { speakerName: string }) => o.speakerName), ['Anna Richter']);
  const text = selon('accounts', '--input', file, '--speaker', 'Ferrand');
  assert.match(text.out, /c1 {2}Louis Ferrand — 3 quotes, 3 outlets, first 2024-03-01 afp\.com \(d1\) {2}\[wording-differs, speaker-conflict\]/);
  assert.match(text.out, /{\+propre\+}/);
  assert.match(text.out, /also attributed to Anna Richter \(bfmtv\.com\)/);
  assert.match(selon('accounts', '--input', file, '--since', '2024-03-02').out, /^1 clusters/);
  assert.equal(selon('accounts', '--input', file, '--since', 'yesterday').code, 2);
});

test('selon accounts --store: the same clusters from a SQLite store', async () => {
  const url = `sqlite:${join(dir, 'store.db')}`;
  const store = await openStore(url);
  await store.ingestMany(RECORDS);
  await store.close();
  const json = selon('accounts', '--store', url, '--format', 'json', '--speaker', 'Louis Ferrand');
  assert.equal(json.code, 0, json.err);
  const report = JSON.parse(json.out);
  assert.equal(report.clusters.length, 1);
  assert.equal(report.clusters[0].size, 3);
  assert.equal(report.clusters[0].first.outlet, 'afp.com');
  assert.ok(report.clusters[0].flags.includes('speaker-conflict'));
});

test('accounts over a store: the store\'s quote stream is read, not page after page', async () => {
  const { accountsFromStore, fromStoredQuote } = await import('../src/accounts/sources.js');
  const url = `sqlite:${join(dir, 'store2.db')}`;
  const store = await openStore(url);
  try {
    await store.ingestMany(RECORDS);
    const first = (await store.searchQuotes({ pageSize: 100 })).items[0]!;
    assert.equal(fromStoredQuote(first).docId, first.document.id);
    assert.equal(fromStoredQuote(first).published, first.document.date);
    // Paging re-counts and re-scans the store for every page of 100: a large store is read as one stream instead.
    const paged = store.searchQuotes.bind(store);
    let pages = 0;
    store.searchQuotes = async (f) => { pages++; return paged(f); };
    const report = await accountsFromStore(store, { speaker: 'Ferrand' });
    assert.equal(pages, 0);
    assert.equal(report.stats.records, 5);
    assert.equal(report.clusters[0]!.size, 3);
    // A source that can only page still works.
    const pagedOnly = await accountsFromStore({ searchQuotes: (f) => paged(f) }, { speaker: 'Ferrand' });
    assert.deepEqual(JSON.stringify(pagedOnly), JSON.stringify(report));
  } finally {
    await store.close();
  }
});

test('selon accounts --input: a missing file and lines that are not selon/1 records are named; the rest is read', () => {
  const good = join(dir, 'good.jsonl');
  const junk = join(dir, 'junk.jsonl');
  writeFileSync(good, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(junk, 'not json\n{"id":"x","text":"a plain document"}\n');
  const run = selon('accounts', '--input', good, '--input', junk, '--input', join(dir, 'missing.jsonl'), '--format', 'json');
  assert.equal(run.code, 1);
  assert.equal(JSON.parse(run.out).clusters[0].size, 3, 'the good file is still reported');
  assert.match(run.err, /3 input problem/);
  assert.match(run.err, /junk\.jsonl:1: not JSON/);
  assert.match(run.err, /junk\.jsonl:2: not a selon\/1 record/);
  assert.match(run.err, /missing\.jsonl: cannot read \(ENOENT\)/);
});

test('selon accounts --store: a store that does not exist is an error, and is not created', () => {
  const path = join(dir, 'mistyped.db');
  const run = selon('accounts', '--store', `sqlite:${path}`);
  assert.equal(run.code, 2);
  assert.match(run.err, /mistyped\.db: no store there yet/);
  assert.equal(existsSync(path), false);
});

test('selon accounts --since/--until: a day that does not exist and a reversed period are refused as selon search refuses them', async () => {
  const { parseAccountsArgs } = await import('../src/cli/accounts.js');
  const { parseSearchArgs } = await import('../src/cli/search.js');
  const { SelonError } = await import('../src/errors.js');
  const bad: [string[], string[], RegExp][] = [
    [['--since', '2023-02-29'], ['--from', '2023-02-29'], /yyyy-mm-dd, not "2023-02-29": 2023-02 has no day 29/],
    [['--until', '2022-13'], ['--to', '2022-13'], /not "2022-13": there is no month 13/],
    [['--since', 'yesterday'], ['--from', 'yesterday'], /not "yesterday": not yyyy, yyyy-mm or yyyy-mm-dd/],
  ];
  for (const [accounts, search, reason] of bad) {
    for (const [parse, args] of [[parseAccountsArgs, accounts], [parseSearchArgs, search]] as const) {
      assert.throws(() => parse(args), (e: InstanceType<typeof SelonError>) => e.code === 'E003' && reason.test(e.message), args.join(' '));
    }
  }
  assert.throws(() => parseAccountsArgs(['--since', '2024-06', '--until', '2024-05-31']),
    (e: InstanceType<typeof SelonError>) => e.code === 'E003' && /--since 2024-06 is after --until 2024-05-31/.test(e.message));
  const ok = parseAccountsArgs(['--since', '2024-02-29', '--until', '2024-02']);
  assert.ok(ok !== 'help');
  assert.deepEqual([ok.filters.since, ok.filters.until], ['2024-02-29', '2024-02'], 'a leap day and a period of one month');
  const file = join(dir, 'one.jsonl');
  writeFileSync(file, `${JSON.stringify(A)}\n`);
  for (const [args, reason] of [[['--since', '2023-02-29'], /--since must be .*2023-02 has no day 29/], [['--since', '2024-04', '--until', '2024-03'], /--since 2024-04 is after --until 2024-03/]] as const) {
    const r = selon('accounts', '--input', file, ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /^selon accounts: E003 invalid option value: /);
    assert.match(r.err, reason);
    assert.equal(r.out, '');
  }
});
