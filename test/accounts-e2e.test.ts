/**
 * Accounts end to end: text in, extract() (the whole engine), accounts out. Each case first checks the attribution the
 * accounts rules depend on (speaker, channels), so a failure says whether the engine or the accounts rules moved; the
 * same cases run on hand-built documents in accounts-stage.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../src/index.js';
import type { Extraction, OutputQuote } from '../src/types.js';
import { alignQuotes } from '../src/accounts/align.js';
import { validateExtraction } from '../src/schema.js';
import { clusterQuotes } from '../src/accounts/cluster.js';
import { quotesFromExtraction, resolveSpeakers } from '../src/accounts/sources.js';

const quoteWith = (x: Extraction, words: string): OutputQuote | undefined => x.quotes.find((q) => q.content.text.includes(words));

function accountWith(x: Extraction, ...quotes: (OutputQuote | undefined)[]) {
  return x.accounts.find((a) => quotes.every((q) => q && a.quotes.includes(q.id)));
}

test('extract: one speaker quoted directly, then the same words as indirect speech → a variant account', () => {
  const cases: [string, string, string, string][] = [
    ['fr', "La ministre du Travail, Anne Roy, s'est exprimée mardi.\n\n« Nous ne céderons pas sur les retraites », a déclaré Anne Roy sur France Inter.\n\nSelon l'AFP, Anne Roy a affirmé qu'elle ne céderait pas sur les retraites.", 'Nous ne céderons pas', 'ne céderait pas'],
    ['en', 'Governor Ann Lee spoke on Monday.\n\n"We will not raise taxes this year," Ann Lee told reporters.\n\nAccording to Reuters, Lee said she would not raise taxes this year.', 'We will not raise taxes', 'would not raise taxes'],
  ];
  for (const [lang, text, direct, indirect] of cases) {
    const x = extract(text, { lang });
    const account = accountWith(x, quoteWith(x, direct), quoteWith(x, indirect));
    assert.ok(account, `${lang}: an account with both versions in ${JSON.stringify(x.accounts)}`);
    assert.equal(account.verdict, 'variant');
    assert.equal(account.channels.length, account.quotes.length);
    assert.deepEqual(validateExtraction(x), [], 'the record, accounts included, is valid selon/1');
  }
});

test('extract: different statements of one speaker are not an account', () => {
  const x = extract("« Nous ne céderons pas sur les retraites », a déclaré Anne Roy. « Le budget de la culture augmentera de 6 % », a-t-elle ajouté.", { lang: 'fr' });
  assert.deepEqual(x.accounts, []);
});

const MOTIVATING: [string, string, string, string][] = [
  ['fr', "Michelle Bachelet s'est entretenue lundi avec Xi Jinping par vidéoconférence.\n\nSelon le compte rendu de Xinhua, Michelle Bachelet a déclaré à Xi Jinping qu'elle « admirait les efforts et les réalisations de la Chine en matière de droits de l'homme ».\n\nSelon la transcription de l'ONU, Michelle Bachelet a dit à Xi Jinping : « J'ai fait part de mes préoccupations sur la détention arbitraire au Xinjiang. » Les deux versions diffèrent nettement.", 'admirait', 'préoccupations'],
  ['en', "China's readout of the call said Michelle Bachelet told Xi Jinping that she “admired China's efforts and achievements in protecting human rights”.\n\nAccording to the UN transcript, Bachelet told Xi: “I raised concerns about arbitrary detention in Xinjiang.” The two versions differ sharply.", 'admired', 'raised concerns'],
  ['en', "Chinese President Xi Jinping held a video call with UN human rights chief Michelle Bachelet on Wednesday.\n\nAccording to a readout published by Xinhua, Bachelet told Xi that she \"admired China's efforts and achievements in protecting human rights\".\n\nBut the UN's own transcript of her remarks says something else entirely. \"I raised concerns about the application of counter-terrorism measures,\" Bachelet told Xi, according to the transcript.", 'admired', 'raised concerns'],
];

for (const [k, [lang, text, readout, transcript]] of MOTIVATING.entries()) {
  test(`extract (${lang}, case ${k + 1}): the motivating case in miniature — a readout's version vs the UN transcript → divergent`, () => {
    const x = extract(text, { lang });
    const a = quoteWith(x, readout);
    const b = quoteWith(x, transcript);
    const same = a?.speaker?.entity && a.speaker.entity === b?.speaker?.entity && /Bachelet/.test(a.speaker.name);
    const channels = (q?: OutputQuote) => (q?.via ?? []).map((v) => v.name).join(', ');
    const routes = a && b && channels(a) !== channels(b) && /transcri/.test(channels(b));
    assert.ok(
      same && routes && a && b,
      `engine attribution: readout version by ${a?.speaker?.name ?? '(no quote)'} via [${channels(a)}], ` +
        `transcript version by ${b?.speaker?.name ?? '(no quote)'} via [${channels(b)}]`,
    );
    const account = accountWith(x, a, b);
    assert.ok(account, JSON.stringify(x.accounts));
    assert.equal(account.verdict, 'divergent');
    assert.ok(account.evidence.includes('accounts.marker.second-version'));
    assert.deepEqual(validateExtraction(x), []);
  });
}

test('extract + compare: two articles report the same statement differently', () => {
  const a = extract("Retraites : la ministre reste ferme\n\n« Nous ne céderons pas sur l'âge de départ, c'est une question de responsabilité », a déclaré mardi la ministre du Travail, Anne Roy, sur France Inter.", { lang: 'fr', id: 'a' });
  const b = extract("Anne Roy ne cédera pas\n\n« Nous ne cèderons pas sur l'âge de départ », a affirmé Anne Roy mardi. « C'est une question de responsabilité », a-t-elle ajouté.", { lang: 'fr', id: 'b' });
  const al = alignQuotes(a, b);
  const pairs = al.matched.map((m) => [m.a.content.text.slice(0, 20), m.b.content.text.slice(0, 20)]);
  assert.ok(pairs.some(([, y]) => y!.startsWith('Nous ne cèderons')), JSON.stringify(pairs));
  assert.ok(pairs.some(([, y]) => y!.startsWith("C'est une question")), JSON.stringify(pairs));
  assert.equal(al.onlyB.length, 0);
});

/** Two outlets, one statement: the first gives the words directly, the second only as indirect speech, a day later. */
const OUTLETS: [string, string, string, string, string][] = [
  ['fr',
    "Retraites : la ministre ne cède pas\n\n« Nous ne céderons pas sur l'âge de départ », a déclaré mardi la ministre du Travail, Anne Roy, sur France Inter.",
    "Retraites\n\nLa ministre du Travail, Anne Roy, a assuré mardi qu'elle ne céderait pas sur l'âge de départ. Les syndicats appellent à la grève.",
    'Nous ne céderons pas', 'ne céderait pas'],
  ['en',
    'Union rejects pension offer\n\n"We will not sign a contract that leaves retirees behind," union president Frank Doyle told reporters on Tuesday.',
    'Pension talks stall\n\nUnion president Frank Doyle said on Tuesday that the union would not sign any contract that left retirees behind. Management declined to comment.',
    'We will not sign', 'would not sign'],
];

for (const [lang, direct, indirect, directWords, indirectWords] of OUTLETS) {
  test(`extract + compare + clusters (${lang}): one outlet gives the words directly, another only as indirect speech`, () => {
    const a = extract({ id: `${lang}-direct`, text: direct, date: '2024-03-05', url: 'https://first.example/a' }, { lang });
    const b = extract({ id: `${lang}-indirect`, text: indirect, date: '2024-03-06', url: 'https://second.example/b' }, { lang });
    const qa = quoteWith(a, directWords);
    const qb = quoteWith(b, indirectWords);
    assert.equal(qa?.kind, 'direct', JSON.stringify(a.quotes));
    assert.equal(qb?.kind, 'indirect', JSON.stringify(b.quotes));
    // selon compare: the two versions are matched, with the words that differ.
    const al = alignQuotes(a, b);
    const m = al.matched.find((x) => x.a.id === qa!.id && x.b.id === qb!.id);
    assert.ok(m, JSON.stringify(al.matched.map((x) => [x.a.content.text, x.b.content.text])));
    assert.equal(m.verdict, 'variant');
    assert.equal(m.speakerConflict, false);
    assert.ok(m.diff.some((o) => o.op === 'removed') && m.diff.some((o) => o.op === 'added'));
    // selon accounts: one cluster, both outlets, two versions, the wording flagged, first seen in the first outlet.
    const { clusters } = clusterQuotes(resolveSpeakers([...quotesFromExtraction(a), ...quotesFromExtraction(b)]));
    assert.equal(clusters.length, 1, JSON.stringify(clusters));
    const c = clusters[0]!;
    assert.deepEqual(c.outlets, ['first.example', 'second.example']);
    assert.equal(c.first.docId, `${lang}-direct`);
    assert.equal(c.versions.length, 2);
    assert.deepEqual(c.flags, ['wording-differs']);
  });
}
