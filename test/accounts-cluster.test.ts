/** Cross-document accounts: normalisation, word diff, MinHash/LSH, clustering, flags and filters. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, wordsOf } from '../src/accounts/normalize.js';
import { formatDiff, lcsLength, lcsPairs, wordDiff } from '../src/accounts/diff.js';
import { estimateJaccard, lshCandidates, minHasher, shingles } from '../src/accounts/minhash.js';
import { accountsOver, clusterQuotes, type AccountQuote } from '../src/accounts/cluster.js';

let n = 0;
function q(speaker: string | null, content: string, outlet: string, date: string | null = '2024-03-01', via: string[] = []): AccountQuote {
  n++;
  return { docId: `${outlet}/${n}`, quoteId: 'q1', speakerKey: speaker, speakerName: speaker, content, outlet, date, via };
}

test('normalise: case, accents, curly quotes, apostrophes, numbers', () => {
  assert.equal(fold('Élysée’s « Déclaration »'), "elysee's « declaration »");
  assert.deepEqual(wordsOf('« L’Europe doit se réveiller ! »'), ['l', 'europe', 'doit', 'se', 'reveiller']);
  assert.deepEqual(wordsOf('8 000 emplois, 1,200 jobs, 2024 500'), ['8000', 'emplois', '1200', 'jobs', '2024', '500']);
  assert.deepEqual(wordsOf('petite-bourgeoise'), ['petite', 'bourgeoise']);
});

test('word diff: only words count, shown in their original spelling', () => {
  const ops = wordDiff('« Nous ne céderons pas sur l’âge de départ. »', 'nous ne cèderons jamais sur l\'âge de départ');
  assert.equal(formatDiff(ops), "nous ne cèderons [-pas-] {+jamais+} sur l'âge de départ");
  assert.deepEqual(wordDiff('Same words.', '"same WORDS"').map((o) => o.op), ['same']);
  assert.deepEqual(wordDiff('', 'new words').map((o) => [o.op, o.text]), [['added', 'new words']]);
});

test('LCS length (bit-parallel, several 32-bit blocks) agrees with the subsequence the diff is built on', () => {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let t = 0; t < 5000; t++) {
    const alphabet = 1 + Math.floor(rand() * 6);
    const word = () => `w${Math.floor(rand() * alphabet)}`;
    const a = Array.from({ length: Math.floor(rand() * 100) }, word);
    const b = Array.from({ length: Math.floor(rand() * 100) }, word);
    assert.equal(lcsLength(a, b), lcsPairs(a, b).length, `${a.join(' ')} | ${b.join(' ')}`);
  }
  assert.equal(lcsLength(['nous', 'ne', 'céderons', 'pas'], ['nous', 'ne', 'céderons', 'jamais', 'pas']), 4);
});

test('MinHash estimates Jaccard; LSH finds near-duplicates and not unrelated texts', () => {
  const h = minHasher(128);
  const ids = (s: string) => s.split(' ').map((w) => w.charCodeAt(0) * 1000 + w.length);
  const a = h.signature(shingles(ids('alpha beta gamma delta epsilon zeta eta theta iota kappa')));
  const b = h.signature(shingles(ids('alpha beta gamma delta epsilon zeta eta theta iota lambda')));
  assert.ok(estimateJaccard(a, b) > 0.5 && estimateJaccard(a, b) < 1);
  const h48 = minHasher(48);
  const sigs = [
    'we will defend every inch of allied territory',
    'we will defend every inch of the allied territory',
    'the harvest was poor this year in the north',
  ].map((s) => h48.signature(shingles(s.split(' ').map((w) => [...w].reduce((x, c) => x * 31 + c.charCodeAt(0), 7) >>> 0))));
  const pairs: string[] = [];
  lshCandidates(sigs, 24, 2, (i, j) => pairs.push(`${i}-${j}`));
  assert.ok(pairs.includes('0-1'));
  assert.ok(!pairs.includes('0-2') && !pairs.includes('1-2'));
});

test('clusters: robust to punctuation, case, accents, curly quotes, truncation and small wording changes', () => {
  const records = [
    q('Anne Roy', "Nous ne céderons pas sur l'âge de départ, c'est une question de responsabilité", 'lemonde.fr', '2024-03-02'),
    q('Anne Roy', "« nous ne cederons pas sur l’âge de départ, c’est une question de responsabilité ! »", 'afp.com', '2024-03-01'),
    q('Anne Roy', 'NOUS NE CÉDERONS PAS SUR L\'ÂGE DE DÉPART…', 'bfmtv.com', '2024-03-03'),
    q('Anne Roy', "Nous ne reculerons pas sur l'âge de départ, c'est une question de responsabilité", 'liberation.fr', '2024-03-04'),
    q('Anne Roy', 'Le budget de la culture augmentera de 6 %', 'lemonde.fr', '2024-03-02'),
  ];
  const { clusters } = clusterQuotes(records);
  assert.equal(clusters.length, 1);
  const c = clusters[0]!;
  assert.equal(c.size, 4);
  assert.equal(c.speakerName, 'Anne Roy');
  assert.equal(c.first.outlet, 'afp.com');
  assert.equal(c.first.date, '2024-03-01');
  assert.deepEqual(c.outlets, ['afp.com', 'lemonde.fr', 'bfmtv.com', 'liberation.fr']);
  // The first two are one version (same words once normalised); it is the most common.
  assert.equal(c.versions.length, 3);
  assert.equal(c.versions[0]!.count, 2);
  assert.deepEqual(c.versions[0]!.diff, []);
  const reworded = c.versions.find((v) => v.outlets.includes('liberation.fr'))!;
  assert.match(formatDiff(reworded.diff), /\[-[Cc][ée]derons-\] \{\+reculerons\+\}/);
  assert.ok(c.flags.includes('wording-differs'));
  assert.ok(!c.flags.includes('speaker-conflict'));
});

test('clusters: the earliest appearance is the earliest publication, not the day the words were spoken', () => {
  // Both outlets report Tuesday's words; one published on Tuesday, the other on Wednesday.
  const late = { ...q('Frank Doyle', 'We will not sign a contract that leaves retirees behind', 'apnews.com', '2024-03-05'), docId: 'a-wednesday', published: '2024-03-06' };
  const early = { ...q('Frank Doyle', 'the union would not sign any contract that left retirees behind', 'reuters.com', '2024-03-05'), docId: 'z-tuesday', published: '2024-03-05' };
  const undated = { ...q('Frank Doyle', 'We will not sign a contract that leaves retirees behind', 'blog.example', null), docId: '0-undated', published: null };
  const [c] = clusterQuotes([late, undated, early]).clusters;
  assert.equal(c!.first.docId, 'z-tuesday');
  assert.equal(c!.first.published, '2024-03-05');
  assert.deepEqual(c!.outlets, ['reuters.com', 'apnews.com', 'blog.example']);
});

test('clusters: the same words attributed to different speakers by different outlets', () => {
  const words = "Le nucléaire est incontestablement une filière d'avenir pour notre industrie";
  const { clusters, conflicts } = clusterQuotes([
    q('Manuel Valls', words, 'europe1.fr'),
    q('Manuel Valls', words, 'lefigaro.fr'),
    q('Arnaud Montebourg', words.replace('incontestablement ', ''), 'bfmtv.com'),
  ]);
  assert.equal(conflicts.length, 1);
  assert.deepEqual(conflicts[0]!.speakers.map((s) => [s.speakerKey, s.outlets]), [['Manuel Valls', ['europe1.fr', 'lefigaro.fr']], ['Arnaud Montebourg', ['bfmtv.com']]]);
  const valls = clusters.find((c) => c.speakerKey === 'Manuel Valls')!;
  assert.ok(valls.flags.includes('speaker-conflict'));
  assert.deepEqual(valls.otherSpeakers.map((o) => o.speakerName), ['Arnaud Montebourg']);
});

test('clusters: one article quoting two people who said the same words is not a speaker conflict', () => {
  const slogan = 'We will not accept a contract that leaves retirees behind';
  const both = [
    { ...q('Frank Doyle', slogan, 'apnews.com'), docId: 'ap/rally', quoteId: 'q1' },
    { ...q('Maria Lopez', slogan, 'apnews.com'), docId: 'ap/rally', quoteId: 'q2' },
  ];
  const { clusters, conflicts } = clusterQuotes([...both, q('Frank Doyle', slogan, 'reuters.com')]);
  assert.deepEqual(conflicts, []);
  assert.deepEqual(clusters.map((c) => [c.speakerName, c.flags]), [['Frank Doyle', []]]);
  // Another outlet giving the words to Maria Lopez alone makes it one.
  const apart = clusterQuotes([both[0]!, q('Maria Lopez', slogan, 'bbc.co.uk'), q('Frank Doyle', slogan, 'reuters.com')]);
  assert.equal(apart.conflicts.length, 1);
  assert.ok(apart.clusters[0]!.flags.includes('speaker-conflict'));
});

test('clusters: one outlet gives the words directly, another only as indirect speech', () => {
  const { clusters } = clusterQuotes([
    q('Frank Doyle', 'We will not sign a contract that leaves retirees behind', 'apnews.com'),
    q('Frank Doyle', 'the union would not sign any contract that left retirees behind', 'reuters.com'),
  ]);
  assert.equal(clusters.length, 1);
  assert.equal(clusters[0]!.versions.length, 2);
});

test('clusters: a short fragment joins one statement and never chains two', () => {
  const records = [
    q('Gavin Ellison', 'This ruling is a disgrace, and we will fight it in every court', 'a.com'),
    q('Gavin Ellison', 'This ruling is a disgrace, and we will fight it in every court', 'b.com'),
    q('Gavin Ellison', 'The budget is a disgrace for the families of this state and for our teachers', 'c.com'),
    q('Gavin Ellison', 'a disgrace', 'd.com'),
  ];
  const { clusters } = clusterQuotes(records, { minSize: 1 });
  const sizes = clusters.map((c) => c.size).sort();
  assert.deepEqual(sizes, [1, 3]);
});

test('clusters: different statements of one speaker stay apart; deterministic', () => {
  const records = [
    q('Ann Lee', 'We will stop the boats', 'x.com'),
    q('Ann Lee', 'Inflation has halved this year', 'y.com'),
    q('Ann Lee', 'We will stop the boats, and we will do it this year', 'z.com'),
  ];
  const one = clusterQuotes(records);
  assert.equal(one.clusters.length, 1);
  assert.deepEqual(JSON.stringify(one), JSON.stringify(clusterQuotes(records)));
});

test('accountsOver: speaker, since/until, flagged and minimum size filters', () => {
  const records = [
    q('Emmanuel Macron', "L'Europe doit se réveiller et investir dans sa défense", 'lemonde.fr', '2024-01-10'),
    q('Emmanuel Macron', "L'Europe doit se réveiller et investir dans sa propre défense", 'lefigaro.fr', '2024-02-10'),
    q('Emmanuel Macron', "L'Europe doit se réveiller et investir dans sa défense", 'rfi.fr', '2024-02-11'),
    q('Olaf Scholz', 'Wir werden die Ukraine unterstützen solange es nötig ist', 'spiegel.de', '2024-02-12'),
    q('Olaf Scholz', 'Wir werden die Ukraine unterstützen, solange es nötig ist', 'zeit.de', '2024-02-13'),
  ];
  assert.equal(accountsOver(records).clusters.length, 2);
  const macron = accountsOver(records, { speaker: 'macron' });
  assert.deepEqual(macron.clusters.map((c) => c.speakerName), ['Emmanuel Macron']);
  assert.equal(macron.clusters[0]!.size, 3);
  const since = accountsOver(records, { speaker: 'Macron', since: '2024-02-01' });
  assert.equal(since.clusters[0]!.size, 2);
  assert.equal(since.clusters[0]!.first.outlet, 'lefigaro.fr');
  assert.equal(accountsOver(records, { until: '2024-01' }).clusters.length, 0);
  assert.deepEqual(accountsOver(records, { flagged: true }).clusters.map((c) => c.speakerName), ['Emmanuel Macron']);
  assert.equal(accountsOver(records, { minSize: 3 }).clusters.length, 1);
  assert.equal(accountsOver(records, { limit: 1 }).clusters.length, 1);
});

test('clusters: quotes without speaker or words do not break clustering', () => {
  const { clusters, stats } = clusterQuotes([q(null, 'Nobody knows who said this', 'a.com'), q(null, 'Nobody knows who said this', 'b.com'), q('X', '', 'c.com'), q('X', '…', 'd.com')]);
  assert.equal(clusters.length, 0);
  assert.equal(stats.records, 4);
});
