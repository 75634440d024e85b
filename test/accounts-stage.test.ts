/**
 * compare-accounts on hand-built Documents (quotes, speakers, channels set by hand, so the tests do not wait on the
 * engine's attribution). Sentences from the Wikinews development articles (CC BY 2.5, data/gold) and sentences
 * written for selon.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountsOf, verdictOf, type QuoteSpec } from './accounts-fixtures.js';
import type { Lang } from '../src/types.js';

type Row = [string, Lang, string, QuoteSpec[], 'consistent' | 'variant' | 'divergent' | null];

const TABLE: Row[] = [
  // ---- consistent: the same words through another channel or in another form
  ['fr headline and lead (frwikinews-44999)', 'fr',
    "France : pour Montebourg, le nucléaire est une « filière d'avenir »\n\nLe ministre du Redressement productif a déclaré dimanche sur BFM TV que « le nucléaire est une filière d'avenir ».",
    [{ words: "le nucléaire est une « filière d'avenir »", speaker: 'Arnaud Montebourg', kind: 'mixed' },
     { words: "le nucléaire est une filière d'avenir", speaker: 'Arnaud Montebourg', kind: 'mixed', via: ['BFM TV'] }], 'consistent'],
  ['en curly vs straight quotes, two channels', 'en',
    '“We will not raise taxes on working people,” the minister told reporters. According to Reuters, she said: "We will not raise taxes on working people."',
    [{ words: 'We will not raise taxes on working people,', speaker: 'Ann Lee' },
     { words: 'We will not raise taxes on working people.', speaker: 'Ann Lee', via: ['Reuters'] }], 'consistent'],
  // ---- variant: truncation, paraphrase, direct vs indirect
  ['fr fragment of the longer quote (frwikinews-44581)', 'fr',
    "Dans les colonnes du Times, l'ancien leader frontiste Jean-Marie Le Pen décrit sa fille, Marine Le Pen, comme « petite-bourgeoise ». « Je suis un homme du peuple. Ma fille, quoi qu'elle puisse en dire, est une petite-bourgeoise », explique-t-il.",
    [{ words: 'petite-bourgeoise', speaker: 'Jean-Marie Le Pen', kind: 'mixed', via: ['The Times'] },
     { words: "Je suis un homme du peuple. Ma fille, quoi qu'elle puisse en dire, est une petite-bourgeoise", speaker: 'Jean-Marie Le Pen', via: ['The Times'] }], 'variant'],
  ['fr indirect clause vs direct sentence (frwikinews-44999)', 'fr',
    "Le ministre a déclaré dimanche sur BFM TV que « le nucléaire est une filière d'avenir ». « Pour ma part, je considère que le nucléaire est une filière d'avenir », a-t-il conclu.",
    [{ words: "le nucléaire est une filière d'avenir", speaker: 'Arnaud Montebourg', kind: 'mixed', via: ['BFM TV'] },
     { words: "Pour ma part, je considère que le nucléaire est une filière d'avenir", speaker: 'Arnaud Montebourg' }], 'variant'],
  ['en headline clause vs fuller lead clause (GUM_news_imprisoned)', 'en',
    'Australian woman claims Church of Scientology imprisoned her for twelve years\n\nValeska Paris, an Australian woman and former Scientologist, has claimed that the Church of Scientology imprisoned her for twelve years aboard the Scientology - owned cruise ship, Freewinds.',
    [{ words: 'Church of Scientology imprisoned her for twelve years', speaker: 'Valeska Paris', kind: 'indirect' },
     { words: 'the Church of Scientology imprisoned her for twelve years aboard the Scientology - owned cruise ship, Freewinds', speaker: 'Valeska Paris', kind: 'indirect' }], 'variant'],
  ['en direct in one channel, indirect in another', 'en',
    '“We will not sign a contract that leaves retirees behind,” the union president told members. He later told the AP that the union would not sign any contract that left retirees behind.',
    [{ words: 'We will not sign a contract that leaves retirees behind,', speaker: 'Frank Doyle', addressee: 'members' },
     { words: 'the union would not sign any contract that left retirees behind', speaker: 'Frank Doyle', kind: 'indirect', via: ['AP'] }], 'variant'],
  ['fr re-translation', 'fr',
    "« Nous sommes prêts à reprendre les négociations sans conditions préalables », a déclaré le ministre, selon l'agence TASS. Dans la traduction diffusée par Reuters, il affirme : « Nous sommes disposés à reprendre les négociations sans préconditions ».",
    [{ words: 'Nous sommes prêts à reprendre les négociations sans conditions préalables', speaker: 'Igor Sokolov', via: ['TASS'] },
     { words: 'Nous sommes disposés à reprendre les négociations sans préconditions', speaker: 'Igor Sokolov', via: ['Reuters'] }], 'variant'],
  // ---- divergent: two versions of one speech event, the text says they differ
  ['fr the motivating case in miniature: readout vs UN transcript', 'fr',
    "La lecture a affirmé que Helena Marsh avait déclaré à Chen Weiguo qu'elle « admirait les efforts et les réalisations de la Chine en matière de droits de l'homme ». Selon la transcription de l'ONU, elle lui a dit : « J'ai fait part de mes préoccupations sur la détention arbitraire au Xinjiang. » Les deux versions diffèrent.",
    [{ words: "admirait les efforts et les réalisations de la Chine en matière de droits de l'homme", speaker: 'Helena Marsh', kind: 'mixed', via: ['lecture'], addressee: 'Chen Weiguo' },
     { words: "J'ai fait part de mes préoccupations sur la détention arbitraire au Xinjiang.", speaker: 'Helena Marsh', via: ["transcription de l'ONU"], addressee: 'Chen Weiguo' }], 'divergent'],
  ['fr a denial with the speaker\'s own version', 'fr',
    "Selon Le Canard enchaîné, le ministre aurait lancé en réunion : « Ces gens-là ne votent pas pour nous. » Pierre Lacombe dément avoir tenu ces propos et affirme avoir dit : « Nous devons convaincre tous les électeurs. »",
    [{ words: 'Ces gens-là ne votent pas pour nous.', speaker: 'Pierre Lacombe', via: ['Le Canard enchaîné'] },
     { words: 'Nous devons convaincre tous les électeurs.', speaker: 'Pierre Lacombe' }], 'divergent'],
  ['en two readouts of one call', 'en',
    "The White House readout said Hale told Chen he had “concerns about Beijing's unfair trade practices”. China's account of the call made no mention of trade, saying instead that Hale assured Chen the US “does not seek a new Cold War”.",
    [{ words: "concerns about Beijing's unfair trade practices", speaker: 'Robert Hale', kind: 'mixed', via: ['White House readout'], addressee: 'Chen' },
     { words: 'does not seek a new Cold War', speaker: 'Robert Hale', kind: 'mixed', via: ["China's account"], addressee: 'Chen' }], 'divergent'],
  ['en a clip that cuts the words', 'en',
    'A clip shared by the campaign shows the senator saying: “We should cut Social Security.” The full video tells a different story; she says “we should cut Social Security taxes for low-income workers”.',
    [{ words: 'We should cut Social Security.', speaker: 'the senator', via: ['clip'] },
     { words: 'we should cut Social Security taxes for low-income workers', speaker: 'the senator', via: ['full video'] }], 'divergent'],
  ['en the issue\'s own words: the transcript "says something else entirely"', 'en',
    "According to China's readout, Helena Marsh told Chen Weiguo she “admired China's achievements”. The UN's own transcript of her words says something else entirely: “I raised concerns about arbitrary detention,” she told him.",
    [{ words: "admired China's achievements", speaker: 'Helena Marsh', kind: 'mixed', via: ["China's readout"], addressee: 'Chen Weiguo' },
     { words: 'I raised concerns about arbitrary detention,', speaker: 'Helena Marsh', via: ["the UN's own transcript"], addressee: 'Chen Weiguo' }], 'divergent'],
  ['fr the transcript "dit tout à fait autre chose"', 'fr',
    "Selon le compte rendu chinois, Helena Marsh a dit à Chen Weiguo qu'elle « admirait les réalisations de la Chine ». La transcription de l'ONU dit tout à fait autre chose : « J'ai soulevé des inquiétudes sur la détention arbitraire », lui a-t-elle déclaré.",
    [{ words: 'admirait les réalisations de la Chine', speaker: 'Helena Marsh', kind: 'mixed', via: ['compte rendu chinois'], addressee: 'Chen Weiguo' },
     { words: "J'ai soulevé des inquiétudes sur la détention arbitraire", speaker: 'Helena Marsh', via: ["transcription de l'ONU"], addressee: 'Chen Weiguo' }], 'divergent'],
  // ---- no account: different statements of one speaker
  ['fr two statements of one speaker (frwikinews-45644)', 'fr',
    "Selon Rami Abd al-Rahman, « la capture de Saraqeb est un sérieux revers pour le gouvernement ». « Saraqeb est un passage obligé entre Damas et Lattaquié », a-t-il ajouté.",
    [{ words: 'la capture de Saraqeb est un sérieux revers pour le gouvernement', speaker: 'Rami Abd al-Rahman', kind: 'mixed' },
     { words: 'Saraqeb est un passage obligé entre Damas et Lattaquié', speaker: 'Rami Abd al-Rahman' }], null],
  ['fr overlapping words, opposite polarity (frwikinews-44959)', 'fr',
    "Météo France prévoit que le record d’août sera battu dans la région Centre. A Bordeaux, le record pour la deuxième quinzaine d’août a été battu.\n\nLa nuit fut chaude dans plusieurs régions : Météo France a relevé 27,3 degrés à Nice et 23 degrés à Toulouse, mais précise que les records de chaleurs n'ont pas été battus.",
    [{ words: 'le record d’août sera battu dans la région Centre', speaker: 'Météo France', kind: 'indirect' },
     { words: "les records de chaleurs n'ont pas été battus", speaker: 'Météo France', kind: 'indirect' }], null],
  ['en two statements, two channels, no sign of a second version', 'en',
    "Berlin's readout said Brenner told Ferrand Germany would support Ukraine “for as long as it takes”. The Elysee's account said the two leaders also discussed “reform of the European electricity market”.",
    [{ words: 'for as long as it takes', speaker: 'Klaus Brenner', kind: 'mixed', via: ["Berlin's readout"], addressee: 'Ferrand' },
     { words: 'reform of the European electricity market', speaker: 'Klaus Brenner', kind: 'mixed', via: ["Elysee's account"] }], null],
  ['fr "version" said by the speaker is not a marker', 'fr',
    "« La nouvelle version du logiciel sera disponible en juin », a annoncé la directrice. Selon un communiqué, elle a ajouté que « les prix resteront inchangés ».",
    [{ words: 'La nouvelle version du logiciel sera disponible en juin', speaker: 'Claire Dupont' },
     { words: 'les prix resteront inchangés', speaker: 'Claire Dupont', kind: 'mixed', via: ['communiqué'] }], null],
  ['fr a denial about facts, not about words', 'fr',
    "Le ministère dément toute responsabilité dans l'accident. Selon l'AFP, il a indiqué que « l'enquête déterminera les causes ». Dans un communiqué, il a ajouté que « les familles seront indemnisées ».",
    [{ words: "l'enquête déterminera les causes", speaker: 'le ministère', kind: 'mixed', via: ['AFP'] },
     { words: 'les familles seront indemnisées', speaker: 'le ministère', kind: 'mixed', via: ['communiqué'] }], null],
  ['en the same words told to two interviewers: two speech events', 'en',
    '“This is the happiest day of my career,” Diego Ferreyra told TyC Sports after the final. He told Olé that winning was “the happiest day of my whole career”.',
    [{ words: 'This is the happiest day of my career,', speaker: 'Diego Ferreyra', via: ['TyC Sports'], addressee: 'TyC Sports' },
     { words: 'the happiest day of my whole career', speaker: 'Diego Ferreyra', kind: 'mixed', via: ['Olé'], addressee: 'Olé' }], null],
  ['fr les mêmes mots dits à deux médias : deux prises de parole', 'fr',
    "« Je suis fier de ce groupe, on a tout donné », a confié Karim Diallo à TF1. À L'Équipe, l'attaquant a dit être « fier du groupe » car les joueurs avaient « tout donné ».",
    [{ words: 'Je suis fier de ce groupe, on a tout donné', speaker: 'Karim Diallo', via: ['TF1'], addressee: 'TF1' },
     { words: 'être « fier du groupe » car les joueurs avaient « tout donné »', speaker: 'Karim Diallo', kind: 'mixed', via: ["L'Équipe"], addressee: "L'Équipe" }], null],
  ['en different occasions (January, March)', 'en',
    '“We will cut property taxes in the first year,” Cole promised in January. In March, he admitted that a different plan was needed: “property tax relief will have to wait”.',
    [{ words: 'We will cut property taxes in the first year,', speaker: 'Wade Cole', time: { text: 'January', date: null } },
     { words: 'property tax relief will have to wait', speaker: 'Wade Cole', time: { text: 'March', date: null } }], null],
];

for (const [name, lang, text, specs, expected] of TABLE) {
  test(`compare-accounts: ${name} → ${expected ?? 'no account'}`, () => {
    assert.equal(verdictOf(lang, text, specs), expected);
  });
}

test('compare-accounts: the account carries channels per quote, similarity and evidence', () => {
  const [a, ...rest] = accountsOf('fr', TABLE[7]![2], TABLE[7]![3]);
  assert.equal(rest.length, 0);
  assert.deepEqual(a!.quotes, ['q1', 'q2']);
  assert.deepEqual(a!.channels, [['lecture'], ["transcription de l'ONU"]]);
  assert.equal(a!.speaker, 'e1');
  assert.ok(a!.similarity >= 0 && a!.similarity < 0.3, `similarity ${a!.similarity}`);
  for (const rule of ['accounts.same-speaker', 'accounts.marker.second-version', 'accounts.channels.differ', 'accounts.addressee.same', 'accounts.kinds.differ']) {
    assert.ok(a!.evidence.includes(rule), `evidence ${rule} in ${a!.evidence}`);
  }
});

test('compare-accounts: a version with no channel gets []', () => {
  const [a] = accountsOf('fr', TABLE[8]![2], TABLE[8]![3]);
  assert.deepEqual(a!.channels, [['Le Canard enchaîné'], []]);
});

test('compare-accounts: continuations belong with the quote they continue', () => {
  const text = "« Nous ne céderons rien », a déclaré Anne Roy sur France Inter. « Et nous irons jusqu'au bout. » Selon l'AFP, la ministre a affirmé qu'elle ne céderait rien.";
  const accounts = accountsOf('fr', text, [
    { words: 'Nous ne céderons rien', speaker: 'Anne Roy', via: ['France Inter'] },
    { words: "Et nous irons jusqu'au bout.", speaker: 'Anne Roy', continues: 0 },
    { words: 'elle ne céderait rien', speaker: 'Anne Roy', kind: 'indirect', via: ['AFP'] },
  ]);
  assert.equal(accounts.length, 1);
  assert.deepEqual(accounts[0]!.quotes, ['q1', 'q2', 'q3']);
  assert.deepEqual(accounts[0]!.channels, [['France Inter'], ['France Inter'], ['AFP']]);
  assert.equal(accounts[0]!.verdict, 'variant');
  assert.ok(accounts[0]!.evidence.includes('accounts.continuation'));
});

test('compare-accounts: a quote repeated with the same words, channel and form is not an account', () => {
  const text = "Le Pen traite sa fille de « petite-bourgeoise »\n\nDans les colonnes du Times, Jean-Marie Le Pen décrit sa fille comme « petite-bourgeoise ».";
  assert.deepEqual(accountsOf('fr', text, [
    { words: 'petite-bourgeoise', speaker: 'Jean-Marie Le Pen', kind: 'mixed', via: ['The Times'] },
    { words: 'petite-bourgeoise', speaker: 'Jean-Marie Le Pen', kind: 'mixed', via: ['The Times'] },
  ]), []);
});

test('compare-accounts: quotes of different speakers are never one account', () => {
  const text = "« Le nucléaire est une filière d'avenir », a déclaré Arnaud Montebourg. Manuel Valls a affirmé que « le nucléaire est une filière d'avenir ».";
  assert.deepEqual(accountsOf('fr', text, [
    { words: "Le nucléaire est une filière d'avenir", speaker: 'Arnaud Montebourg' },
    { words: "le nucléaire est une filière d'avenir", speaker: 'Manuel Valls', kind: 'mixed' },
  ]), []);
});

test('compare-accounts: a marker sets the versions it follows against each other, not a quote further back', () => {
  const text = "« Les droits de l'homme ne doivent pas être politisés », a dit Chen Weiguo, selon CCTV. La lecture affirme que Helena Marsh lui a dit qu'elle « admirait les réalisations de la Chine ». Selon la transcription de l'ONU, Helena Marsh a déclaré : « J'ai exprimé mes préoccupations. » Les deux versions diffèrent.";
  const accounts = accountsOf('fr', text, [
    // The engine may attribute the transcript's quote to the wrong person: even then, q1 and q3 are not versions.
    { words: "Les droits de l'homme ne doivent pas être politisés", speaker: 'Chen Weiguo', via: ['CCTV'] },
    { words: 'admirait les réalisations de la Chine', speaker: 'Helena Marsh', kind: 'mixed', via: ['lecture'] },
    { words: "J'ai exprimé mes préoccupations.", speaker: 'Chen Weiguo', via: ["transcription de l'ONU"] },
  ]);
  assert.deepEqual(accounts, []);
});

test('compare-accounts: three versions of one statement form one account', () => {
  const text = "Le ministre a qualifié la grève d'« irresponsable ». « Cette grève est irresponsable et pénalise d'abord les usagers », a-t-il déclaré au Monde. Sur RTL, il a répété que cette grève était irresponsable et pénalisait les usagers.";
  const accounts = accountsOf('fr', text, [
    { words: 'irresponsable', speaker: 'Antoine Ribeiro', kind: 'mixed' },
    { words: "Cette grève est irresponsable et pénalise d'abord les usagers", speaker: 'Antoine Ribeiro', via: ['Le Monde'] },
    { words: 'cette grève était irresponsable et pénalisait les usagers', speaker: 'Antoine Ribeiro', kind: 'indirect', via: ['RTL'] },
  ]);
  assert.equal(accounts.length, 1);
  assert.deepEqual(accounts[0]!.quotes, ['q1', 'q2', 'q3']);
  assert.equal(accounts[0]!.verdict, 'variant');
});

test('compare-accounts: no quotes, no accounts; quotes without a speaker are left out', () => {
  assert.deepEqual(accountsOf('en', 'Nothing was said.', []), []);
  const text = '“We will win,” someone said. “We will win,” a voice repeated on the radio.';
  assert.deepEqual(accountsOf('en', text, [{ words: 'We will win,', speaker: null }, { words: 'We will win,', speaker: null, via: ['radio'] }]), []);
});
