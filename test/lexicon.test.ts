/**
 * The speech-verb and first-name lexicons of the French and English packs: real forms map to the right lemma and
 * finiteness, non-speech words are absent, frames are right for the verbs the stages rely on, first names carry the
 * right gender, and the generated files match their sources (scripts/gen-lexicon.ts --check).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SpeechVerb, VerbForm } from '../src/lang/pack.js';
import * as frVerbs from '../src/lang/fr/verbs.js';
import * as enVerbs from '../src/lang/en/verbs.js';
import { verbForms as frForms } from '../src/lang/fr/verb-forms.generated.js';
import { verbForms as enForms } from '../src/lang/en/verb-forms.generated.js';
import { firstNames as frNames } from '../src/lang/fr/first-names.generated.js';
import { firstNames as enNames } from '../src/lang/en/first-names.generated.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** [text as it appears, lemma, nonFinite]; the form looked up is the last word, lower-cased. */
type FormCase = [string, string, VerbForm['nonFinite'] | null];

const frCases: FormCase[] = [
  ['a déclaré', 'déclarer', 'participle'],
  ['explique', 'expliquer', null],
  ['indique', 'indiquer', null],
  ['prévient', 'prévenir', null],
  ['conclut', 'conclure', null],
  ['renchérit', 'renchérir', null],
  ['souligne', 'souligner', null],
  ['Affirme', 'affirmer', null],
  ['a-t-il estimé', 'estimer', 'participle'],
  ['a lancé', 'lancer', 'participle'],
  ['avant de poursuivre', 'poursuivre', 'infinitive'],
  ['dit', 'dire', null],
  ['dites', 'dire', 'participle'],
  ['disant', 'dire', 'gerund'],
  ['a promis', 'promettre', 'participle'],
  ['répondit', 'répondre', null],
  ["s'est exclamée", 'exclamer', 'participle'],
  ['accusent', 'accuser', null],
  ['traite', 'traiter', null],
  ['avait appelé', 'appeler', 'participle'],
  ['a tweeté', 'tweeter', 'participle'],
  ['reconnaît', 'reconnaître', null],
  ['reconnait', 'reconnaître', null],
  ['appuie', 'appuyer', null],
  ['a ajouté', 'ajouter', 'participle'],
  ['craignent', 'craindre', null],
];

const enCases: FormCase[] = [
  ['said', 'say', null],
  ['says', 'say', null],
  ['told', 'tell', null],
  ['tells', 'tell', null],
  ['stated', 'state', null],
  ['claims', 'claim', null],
  ['warned', 'warn', null],
  ['vowed', 'vow', null],
  ['has written', 'write', 'participle'],
  ['saying', 'say', 'gerund'],
  ['denies', 'deny', null],
  ['replied', 'reply', null],
  ['labelled', 'label', null],
  ['labeled', 'label', null],
  ['sobbed', 'sob', null],
  ['admitted', 'admit', null],
  ['urged', 'urge', null],
  ['dubbed', 'dub', null],
  ['echoes', 'echo', null],
  ['quipped', 'quip', null],
];

function lastWord(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").split(/[\s-]+|(?<=')/).at(-1)!;
}

function checkForms(forms: Record<string, VerbForm>, cases: FormCase[]) {
  for (const [text, lemma, nonFinite] of cases) {
    const form = lastWord(text);
    const found = forms[form];
    assert.ok(found, `${form} (from "${text}") is a speech verb form`);
    assert.equal(found.lemma, lemma, `${form} → ${lemma}`);
    assert.equal(found.nonFinite ?? null, nonFinite, `${form} finiteness`);
  }
}

test('French forms map to their lemma and finiteness', () => checkForms(frForms, frCases));
test('English forms map to their lemma and finiteness', () => checkForms(enForms, enCases));

test('non-speech words are not verb forms', () => {
  // "tente" (tenter) introduces "tente-t-il de corriger" but is not itself speech.
  for (const w of ['tente', 'maison', 'table', 'est', 'a', 'sommes', 'somme', 'maintenant', 'relations', 'selon', 'pour']) {
    assert.equal(frForms[w], undefined, `fr ${w}`);
  }
  // Base forms that are nearly always nouns are not generated: "the state", "the United States", "in order to".
  for (const w of ['according', 'the', 'table', 'house', 'is', 'was', 'has', 'to', 'that', 'direct', 'state', 'states', 'order']) {
    assert.equal(enForms[w], undefined, `en ${w}`);
  }
});

type FrameCase = [string, Partial<SpeechVerb>];

const frFrames: FrameCase[] = [
  ['dire', { frame: 'both' }],
  ['déclarer', { frame: 'both' }],
  ['affirmer', { frame: 'both', infinitive: true }],
  ['nier', { infinitive: true }],
  ['promettre', { infinitive: true }],
  ['annoncer', { frame: 'both' }],
  ['exclamer', { frame: 'direct' }],
  ['lancer', { frame: 'direct', needsQuote: true }],
  ['trouver', { needsQuote: true }],
  ['accuser', { objectInfinitive: true }],
  ['appeler', { objectInfinitive: true, namingFrame: true }],
  ['demander', { objectInfinitive: true }],
  ['prévenir', { addresseeObject: true }],
  ['informer', { addresseeObject: true }],
  ['assurer', { addresseeObject: true }],
  ['traiter', { namingFrame: true }],
  ['qualifier', { namingFrame: true }],
];

const enFrames: FrameCase[] = [
  ['say', { frame: 'both' }],
  ['tell', { frame: 'both', addresseeObject: true, objectInfinitive: true }],
  ['exclaim', { frame: 'direct' }],
  ['vow', { infinitive: true }],
  ['promise', { infinitive: true }],
  ['deny', { infinitive: true }],
  ['urge', { objectInfinitive: true }],
  ['ask', { objectInfinitive: true }],
  ['warn', { addresseeObject: true }],
  ['inform', { addresseeObject: true }],
  ['call', { namingFrame: true, objectInfinitive: true }],
  ['describe', { namingFrame: true }],
  ['dub', { namingFrame: true }],
  ['post', { needsQuote: true }],
];

function checkFrames(verbs: Record<string, SpeechVerb>, cases: FrameCase[]) {
  for (const [lemma, expected] of cases) {
    const verb = verbs[lemma];
    assert.ok(verb, `${lemma} is a speech verb`);
    for (const [k, v] of Object.entries(expected)) assert.equal(verb[k as keyof SpeechVerb], v, `${lemma}.${k}`);
  }
}

test('French frames', () => checkFrames(frVerbs.verbs, frFrames));
test('English frames', () => checkFrames(enVerbs.verbs, enFrames));

function checkConsistency(lang: string, verbs: Record<string, SpeechVerb>, forms: Record<string, VerbForm>, ambiguous: string[]) {
  const withForms = new Set<string>();
  for (const [form, { lemma }] of Object.entries(forms)) {
    assert.ok(verbs[lemma], `${lang} ${form}: lemma ${lemma} is listed`);
    assert.match(form, /^[\p{Ll}'-]+$/u, `${lang} ${form} is one lower-case word`);
    withForms.add(lemma);
  }
  for (const [key, verb] of Object.entries(verbs)) {
    assert.equal(verb.lemma, key, `${lang} ${key}: key and lemma agree`);
    assert.ok(withForms.has(key), `${lang} ${key} has forms`);
  }
  for (const form of ambiguous) assert.ok(forms[form], `${lang} ambiguous form ${form} is a generated form`);
}

test('lexicon tables are consistent', () => {
  checkConsistency('fr', frVerbs.verbs, frForms, frVerbs.ambiguousForms);
  checkConsistency('en', enVerbs.verbs, enForms, enVerbs.ambiguousForms);
  for (const form of frVerbs.skipForms) assert.equal(frForms[form], undefined, `fr skipped form ${form}`);
  for (const form of enVerbs.skipForms) assert.equal(enForms[form], undefined, `en skipped form ${form}`);
  for (const lemma of frVerbs.reflexiveOnly) assert.ok(frVerbs.verbs[lemma], `reflexive ${lemma} is listed`);
  const enLemmas = [
    ...enVerbs.thatOptional, ...Object.keys(enVerbs.requiredParticles), ...Object.keys(enVerbs.particles),
    ...Object.keys(enVerbs.objectMarkers),
  ];
  for (const lemma of enLemmas) assert.ok(enVerbs.verbs[lemma], `en ${lemma} is listed`);
  for (const lemma of Object.keys(enVerbs.objectMarkers)) assert.ok(enVerbs.verbs[lemma]!.objectInfinitive, `${lemma} objectInfinitive`);
});

test('ambiguous homographs are flagged', () => {
  for (const w of ['juge', 'communiqué', 'prévenu', 'presse']) assert.ok(frVerbs.ambiguousForms.includes(w), `fr ${w}`);
  for (const w of ['reports', 'ruling', 'suspect', 'alleged', 'warning']) assert.ok(enVerbs.ambiguousForms.includes(w), `en ${w}`);
});

test('first names carry their gender', () => {
  const fr: [string, string | null][] = [['marine', 'f'], ['jean', 'm'], ['jean-marie', 'm'], ['marie', 'f'], ['pierre', 'm'],
    ['camille', null], ['dominique', null], ['ségolène', 'f'], ['françois', 'm'], ['mohamed', 'm']];
  for (const [name, gender] of fr) {
    assert.ok(name in frNames, `fr ${name} is a first name`);
    assert.equal(frNames[name], gender, `fr ${name}`);
  }
  const en: [string, string | null][] = [['mary', 'f'], ['john', 'm'], ['donald', 'm'], ['hillary', 'f'], ['bill', 'm'],
    ['barack', 'm'], ['elizabeth', 'f'], ['taylor', null], ['jean', null], ['emmanuel', 'm']];
  for (const [name, gender] of en) {
    assert.ok(name in enNames, `en ${name} is a first name`);
    assert.equal(enNames[name], gender, `en ${name}`);
  }
  // Common words and places are not first names ("Saïd", spelled "said" in the INSEE file, is one in French).
  for (const w of ['maison', 'the', 'janvier', 'juste', 'france']) assert.equal(w in frNames, false, `fr ${w}`);
  for (const w of ['maison', 'the', 'said', 'even', 'my', 'france', 'washington']) assert.equal(w in enNames, false, `en ${w}`);
});

test('generated files stay compact', () => {
  for (const lang of ['fr', 'en']) {
    for (const file of ['verb-forms.generated.ts', 'first-names.generated.ts']) {
      const size = statSync(join(root, 'src', 'lang', lang, file)).size;
      assert.ok(size < 300_000, `${lang}/${file} is ${size} bytes`);
    }
  }
});

test('generated files match their sources (npm run gen:lexicon)', () => {
  // Names are checked only where ../shared/data is present; verb forms are always checked.
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'gen-lexicon.ts'), '--check'], { cwd: root, stdio: 'pipe' });
});
