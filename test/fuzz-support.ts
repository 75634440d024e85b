/**
 * What the fuzzer feeds `extract` and what it checks on every record. Shared by test/fuzz.test.ts (a short budget in
 * `npm test`) and scripts/fuzz.ts (`npm run fuzz -- --runs N [--seed S]`, the long run of docs/robustness.md).
 *
 * Inputs are news text in French and English — seed sentences written for this file, plus slices of the CC BY Wikinews
 * articles in data/demo — assembled into paragraphs and then damaged: quote marks of every kind dropped anywhere
 * (unbalanced, nested, runs of them), emoji and other astral characters, mixed scripts, control characters, CRLF and
 * other line breaks, lone surrogates, invisible characters, huge paragraphs, random Unicode.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { extract, type DocumentInput, type ExtractOptions } from '../src/index.js';
import { validateExtraction } from '../src/schema.js';
import type { Extraction } from '../src/types.js';

export const FR_SEEDS = [
  '« Nous ne céderons pas », a déclaré mardi le ministre de l’Intérieur, Jean Martin.',
  'Selon l’AFP, le président a refusé de commenter.',
  '« C’est une erreur », lui a-t-il dit.',
  'La porte-parole, Claire Dubois, a affirmé que le gouvernement « n’avait rien à cacher ».',
  'D’après le communiqué, les négociations reprendront jeudi.',
  'Le syndicat estime que la réforme est « injuste ».',
  '« Je suis très inquiète, a confié Marie Lefèvre. Nous attendons des réponses. »',
  'LIRE AUSSI : Une vidéo incroyable fait le buzz',
  'À lire aussi : les dix chiffres de la semaine',
  'Inscrivez-vous à notre newsletter pour recevoir nos articles.',
  'Photo : Jean Dupont / AFP',
  'Il a qualifié ces « stagiaires » de bénévoles.',
  '« Le texte du « professeur » est clair, et nous le suivrons », a dit M. Roy.',
  'Pour l’ONU, la situation est « catastrophique ».',
  'Selon CCTV et Xinhua, Xi Jinping a déclaré à Michelle Bachelet que la Chine « respecte les droits ».',
  '« Nous avons gagné », s’est réjoui l’entraîneur dans un entretien au Monde.',
  'Le porte-parole du ministère des Affaires étrangères, Wang Wenbin, a déclaré mardi que « rien n’a changé ».',
  '« La lecture a affirmé que Xi avait déclaré à Bachelet qu’elle « comprenait » la situation », selon la transcription de l’ONU.',
  'Elle a assuré avoir reçu des menaces.',
  '« Nous allons continuer,\n\n« Et nous ne lâcherons rien », a prévenu la maire.',
  'Mme Anne Roy, ministre de la Santé, a estimé dans un communiqué qu’il fallait « agir vite ».',
  '"On verra bien", a lancé le capitaine.',
  '« Non », a-t-elle répondu.',
  'Le rapport, intitulé « Un nouvel élan », a été publié lundi.',
]

export const EN_SEEDS = [
  '"We will not back down," the minister said on Tuesday.',
  'According to a UN transcript, Bachelet told Xi that she was "concerned".',
  'The spokesman, John Smith, said the company had "nothing to hide".',
  '“It’s over,” she told reporters. “We lost.”',
  'READ MORE: Incredible video goes viral',
  'Related: Ten things you missed this week',
  'Sign up for our newsletter to get the latest news.',
  'Photo: Jane Doe / Reuters',
  'Critics called the plan a "disaster", according to the BBC.',
  'The report, titled "A New Dawn", was published Monday.',
  '“I think,” said Dr. Alice Brown, “that we are close to a deal.”',
  'Smith said in an interview with CNN: “We are ready for whatever comes next.”',
  'Share this article on Facebook Twitter Email',
  '‘I don’t know,’ he said.',
  'Police said the suspect had fled, a spokeswoman told the Associated Press.',
  'The White House said in a statement that the president "remains committed".',
  '“We will fight on.\n\n“And we will win,” the mayor said.',
  'She claimed to have received threats.',
  '"It was a mistake," Mr. Jones told the Senate committee on Thursday.',
  'The readout said Xi told Bachelet that she "understood" the situation.',
]

/** Quote marks of every kind the packs know, and some they don't. */
export const QUOTE_MARKS = ['«', '»', '“', '”', '„', '‟', '‹', '›', '"', '‘', '’', '\'', '‚', "''", '``', '「', '」', '『', '』', '＂', '« ', ' »', '«\u00a0', '\u202f»'];

const ASTRAL = ['😀', '👨‍👩‍👧', '🇫🇷', '👍🏽', '𝕏', '𠜎', '𝄞', '🏳️‍🌈', '🙂', '\u{1F600}\u{1F600}', '🔥🔥🔥'];
const SCRIPTS = ['Привет мир', '北京表示', 'مرحبا بالعالم', 'नमस्ते', 'Ελλάδα', 'שלום', '東京で「こんにちは」と言った', 'Ǆemal', 'ﬁnance', 'e\u0301te\u0301', 'İstanbul', 'ß'];
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\u001b', '\u007f', '\u0085', '\u200b', '\u200d', '\u200e', '\u200f', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffd', '\u00ad', '\uffff'];
const BREAKS = ['\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\n\n\n\n', ' \n \n', '\u2029'];
const LONE = ['\ud800', '\udfff', '\udc00x', '\ud83d'];

/** Slices of real articles (CC BY Wikinews, data/demo) to mutate, when the folder is there. */
function demoTexts(): string[] {
  const out: string[] = [];
  for (const name of ['fr-wikinews-unannotated.jsonl', 'en-wikinews-unannotated.jsonl']) {
    try {
      const raw = readFileSync(new URL(`../data/demo/${name}`, import.meta.url), 'utf8');
      for (const line of raw.split('\n')) if (line.trim()) out.push((JSON.parse(line) as { text: string }).text);
    } catch {
      // The fuzzer still runs on its seed sentences alone.
    }
  }
  return out;
}
const DEMO = demoTexts();

/** A random slice of a real article, cut at any code unit (it may split a surrogate pair or a word). */
const demoSlice: fc.Arbitrary<string> = DEMO.length
  ? fc.tuple(fc.nat(DEMO.length - 1), fc.nat(), fc.integer({ min: 20, max: 600 })).map(([d, at, len]) => {
    const t = DEMO[d]!;
    const start = at % t.length;
    return t.slice(start, start + len);
  })
  : fc.constantFrom(...FR_SEEDS);

const sentence = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FR_SEEDS) },
  { weight: 4, arbitrary: fc.constantFrom(...EN_SEEDS) },
  { weight: 1, arbitrary: demoSlice },
);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));

/** A huge paragraph (up to ~20 KB, one input in 40): one sentence or quote mark repeated without a break. */
const huge = fc.tuple(fc.constantFrom(...FR_SEEDS, ...EN_SEEDS, ...QUOTE_MARKS), fc.integer({ min: 30, max: 150 }), fc.constantFrom(' ', '', '\u00a0'))
  .map(([s, n, sep]) => Array.from({ length: n }, () => s).join(sep));

const insertion = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...QUOTE_MARKS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...QUOTE_MARKS), { minLength: 2, maxLength: 12 }).map((a) => a.join('')) },
  { weight: 3, arbitrary: fc.constantFrom(...ASTRAL) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 2, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('«', '»', '"', '“', '”', ' ', 'a', ',', '.', '\n'), maxLength: 30 }) },
  { weight: 2, arbitrary: sentence },
);

type Mutation =
  | { op: 'insert'; at: number; what: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; length: number; what: string }
  | { op: 'upper'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), what: insertion }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }), what: insertion }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('upper' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }) },
);

function mutate(text: string, m: Mutation): string {
  const at = text.length ? m.at % (text.length + 1) : 0;
  switch (m.op) {
    case 'insert': return text.slice(0, at) + m.what + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'replace': return text.slice(0, at) + m.what + text.slice(at + m.length);
    case 'upper': return text.slice(0, at) + text.slice(at, at + m.length).toUpperCase() + text.slice(at + m.length);
  }
}

/** A news-like text: paragraphs (sometimes a huge one) joined by line breaks of every style, then damaged. */
export const newsText: fc.Arbitrary<string> = fc.tuple(
  fc.oneof(
    { weight: 39, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.tuple(fc.array(paragraph, { maxLength: 2 }), huge).map(([ps, h]) => [...ps, h]) },
  ),
  fc.constantFrom(...BREAKS),
  fc.array(mutation, { maxLength: 12 }),
).map(([paragraphs, br, mutations]) => mutations.reduce(mutate, paragraphs.join(br)));

export interface FuzzCase {
  input: DocumentInput;
  options: ExtractOptions;
}

const date = fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));

/** One call to `extract`: plain text mostly, sometimes the same paragraphs as HTML; any language option; a date or none. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.tuple(
  fc.oneof({ weight: 19, arbitrary: fc.constant('text' as const) }, { weight: 1, arbitrary: fc.constant('html' as const) }),
  newsText,
  fc.constantFrom('auto', 'fr', 'en'),
  date,
).map(([as, text, lang, d]) => {
  const input: DocumentInput = as === 'html'
    ? { html: `<html><head><title>Fuzz</title></head><body><article>${text.split(/\n+/).map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article></body></html>` }
    : { text };
  if (d) input.date = d;
  return { input, options: { lang, id: 'fuzz' } };
});

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when offset `i` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

interface Bounded { start: number; end: number }

/** Every span of a record, with a path for messages. */
export function allSpans(x: Extraction): [string, Bounded][] {
  const out: [string, Bounded][] = [];
  x.quotes.forEach((q, i) => {
    const p = `/quotes/${i}`;
    out.push([`${p}/content`, q.content]);
    q.fragments?.forEach(([start, end], k) => out.push([`${p}/fragments/${k}`, { start, end }]));
    if (q.cue) out.push([`${p}/cue`, q.cue]);
    if (q.time) out.push([`${p}/time`, q.time]);
    if (q.speaker?.mention) out.push([`${p}/speaker/mention`, q.speaker.mention]);
    if (q.addressee?.mention) out.push([`${p}/addressee/mention`, q.addressee.mention]);
    q.via.forEach((v, k) => v.mention && out.push([`${p}/via/${k}/mention`, v.mention]));
  });
  x.entities.forEach((e, i) => e.mentions.forEach((m, k) => out.push([`/entities/${i}/mentions/${k}`, m])));
  x.boilerplate.forEach((b, i) => out.push([`/boilerplate/${i}`, b]));
  x.messages.forEach((m, i) => out.push([`/messages/${i}`, m]));
  return out;
}

/**
 * Everything wrong with the record `extract` gives for one case (empty when it keeps the contract): the schema and
 * span checks of validateExtraction, offsets that split a surrogate pair, a quote hull overlapping boilerplate, text
 * not given back unchanged, a second run that differs (unless `determinism: false`, which skips the second run).
 * An exception propagates (the fuzzer reports it as a crash).
 */
export function checkCase(c: FuzzCase, options: { determinism?: boolean } = {}): string[] {
  const first = extract(c.input, c.options);
  const problems = validateExtraction(first);
  if (c.input.text !== undefined && first.text !== c.input.text) problems.push('/text: not the input text');
  for (const [path, s] of allSpans(first)) {
    if (splitsPair(first.text, s.start) || splitsPair(first.text, s.end)) problems.push(`${path}: ${s.start}-${s.end} splits a surrogate pair`);
  }
  for (const [i, q] of first.quotes.entries()) {
    for (const b of first.boilerplate) {
      if (q.content.start < b.end && b.start < q.content.end) problems.push(`/quotes/${i}/content: overlaps boilerplate ${b.start}-${b.end}`);
    }
  }
  if (options.determinism !== false) {
    const again = extract(c.input, c.options);
    if (JSON.stringify(again) !== JSON.stringify(first)) problems.push('/: a second run gave another record');
  }
  return problems;
}

/** The property: checkCase finds nothing. fast-check counts an exception as a failure too. */
export const contractHolds = fc.property(fuzzCase, (c) => {
  const problems = checkCase(c);
  if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
});
