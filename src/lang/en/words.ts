/**
 * English function words used by the stages: pronouns, determiners, complementizers, frames, time words.
 * Source: written for selon from standard English grammar. Licence: MIT (this project).
 */
import type { PronounInfo, TimeWords, Tokenization } from '../pack.js';

export const pronouns: Record<string, PronounInfo> = {
  he: { gender: 'm', number: 'sg', role: 'subject', person: 3 },
  she: { gender: 'f', number: 'sg', role: 'subject', person: 3 },
  they: { gender: null, number: 'pl', role: 'subject', person: 3 },
  it: { gender: null, number: 'sg', role: 'subject', person: 3 },
  him: { gender: 'm', number: 'sg', role: 'object', person: 3 },
  her: { gender: 'f', number: 'sg', role: 'object', person: 3 },
  them: { gender: null, number: 'pl', role: 'object', person: 3 },
  who: { gender: null, number: null, role: 'relative', person: 3 },
  which: { gender: null, number: null, role: 'relative', person: 3 },
  his: { gender: 'm', number: 'sg', role: 'possessive', person: 3 },
  its: { gender: null, number: 'sg', role: 'possessive', person: 3 },
  their: { gender: null, number: 'pl', role: 'possessive', person: 3 },
  i: { gender: null, number: 'sg', role: 'subject', person: 1 },
  we: { gender: null, number: 'pl', role: 'subject', person: 1 },
  you: { gender: null, number: null, role: 'subject', person: 2 },
};

export const invertedClitics: string[] = [];
export const euphonic: string[] = [];
export const addresseeClitics: string[] = [];
export const complementizers = ['that'];
export const infinitiveMarkers = ['to'];
export const addresseePrepositions = ['to'];
export const accordingFrames = [['according', 'to'], ['citing'], ['quoting'], ['as', 'quoted', 'by'], ['quoted', 'by'], ['in', 'the', 'words', 'of']];
export const weakAccordingFrames: string[][] = [];
export const channelPrepositions = ['in', 'on', 'at', 'during', 'via', 'through', 'by'];
export const auxiliaries = [
  'has', 'have', 'had', 'having', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'shall', 'should', 'can',
  'could', 'may', 'might', 'must', 'did', 'does', 'do', "'ve", "'d", "'ll", 'went', 'go', 'goes', 'going', 'continued',
  'continues', 'continue', 'later', 'then', 'also', 'reportedly', 'allegedly', 'previously', 'repeatedly', 'publicly', 'once',
];
export const adverbs = [
  'also', 'later', 'then', 'again', 'previously', 'repeatedly', 'publicly', 'reportedly', 'allegedly', 'recently', 'earlier',
  'already', 'first', 'once', 'still', 'further', 'explicitly', 'flatly', 'simply', 'bluntly', 'openly', 'privately', 'finally',
  'quickly', 'immediately', 'just', 'even', 'never', 'often', 'frequently', 'initially', 'subsequently', 'similarly', 'specifically',
  'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'last', 'week',
];
export const negations = ['not', "n't", 'never', 'no', 'without', 'declined', 'refused', 'refuses', 'declines', 'did not', 'neither'];
export const postverbalNegations: string[] = [];
export const participleEndings = ['ing'];
export const determiners: Record<string, { gender: null; number: 'sg' | 'pl' | null }> = {
  the: { gender: null, number: null }, a: { gender: null, number: 'sg' }, an: { gender: null, number: 'sg' },
  this: { gender: null, number: 'sg' }, that: { gender: null, number: 'sg' }, these: { gender: null, number: 'pl' },
  those: { gender: null, number: 'pl' }, his: { gender: null, number: null }, her: { gender: null, number: null },
  their: { gender: null, number: null }, its: { gender: null, number: null }, another: { gender: null, number: 'sg' },
  one: { gender: null, number: 'sg' }, some: { gender: null, number: 'pl' }, several: { gender: null, number: 'pl' },
  many: { gender: null, number: 'pl' }, "'s": { gender: null, number: null }, two: { gender: null, number: 'pl' }, three: { gender: null, number: 'pl' },
};
export const nameParticles = ['de', 'du', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'dos', 'le', 'la', 'abu', 'abd', 'st.', 'of'];
export const notNames = [
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'our',
  'my', 'your', 'but', 'and', 'or', 'so', 'yet', 'if', 'when', 'while', 'as', 'after', 'before', 'since', 'in', 'on', 'at', 'for',
  'with', 'without', 'by', 'from', 'to', 'of', 'about', 'according', 'however', 'meanwhile', 'also', 'there', 'here', 'then',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'read', 'related', 'photo', 'image', 'advertisement',
  'what', 'who', 'why', 'how', 'where', 'which', 'yes', 'no', 'not', 'all', 'some', 'many', 'most', 'one', 'two', 'other', 'others',
  'both', 'each', 'every', 'any', 'no', 'now', 'today', 'yesterday', 'still', 'even', 'just', 'only', 'last', 'next', 'first',
  'although', 'though', 'because', 'until', 'once', 'during', 'under', 'over', 'into', 'through', 'despite', 'instead', 'asked',
  'said', 'says', 'told', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'do', 'does', 'did',
];
export const abbreviations = [
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sen.', 'rep.', 'gov.', 'gen.', 'col.', 'lt.', 'sgt.', 'capt.', 'st.', 'jr.', 'sr.', 'inc.',
  'corp.', 'co.', 'ltd.', 'u.s.', 'u.k.', 'u.n.', 'e.g.', 'i.e.', 'etc.', 'vs.', 'no.', 'jan.', 'feb.', 'mar.', 'apr.', 'aug.',
  'sept.', 'sep.', 'oct.', 'nov.', 'dec.', 'a.m.', 'p.m.', 'mt.', 'ft.', 'ave.', 'dept.', 'est.', 'pres.', 'atty.', 'supt.', 'rev.',
];
export const tokenization: Tokenization = { elisions: [], apostropheSuffixes: ['s', 't', 've', 'd', 'll', 're', 'm'] };
export const time: TimeWords = {
  weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  months: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  relativeDays: { today: 0, yesterday: -1, tomorrow: 1, tonight: 0 },
};
export const notSpeechIntroducers = ['titled', 'entitled', 'named', 'nicknamed', 'dubbed', 'called', 'so-called', 'word', 'words', 'term', 'phrase', 'slogan', 'book', 'film', 'show', 'article', 'operation', 'hashtag', 'section'];
export const unrealisedMarkers = [['without', 'saying'], ['never', 'said'], ['did', "n't", 'say'], ['did', 'not', 'say']];

export const ofWords = ['of'];
export const complementPrepositions = ['of', 'for', 'on', 'at', 'from', 'with', 'in'];
export const adjectivesFollowNoun = false;
export const grammaticalGender = false;
export const infinitiveEndings: string[] = [];
export const notInfinitives: string[] = [];
export const bareInfinitive = false;
export const auxiliaryInfinitives = ['have', 'be'];
export const withWord = 'with';
export const preverbalClitics: string[] = [];
export const pluralSuffix = 's';
export const contractions: string[] = [];
export const placePrepositions = ['in', 'at'];
export const passiveAuxiliaries = ['was', 'were', 'is', 'are', 'been', 'be', 'being', 'get', 'got', 'gets'];
export const impersonalPronouns = ['one'];
export const indefiniteArticles = ['a', 'an', 'some', 'another'];
export const finiteVerbEndings = ['ed', 'es'];
export const coordinators = ['and', 'but', 'then'];
export const gerundMarkers: string[] = [];
export const causatives: string[] = [];
export const purposeWords = ['order', 'so'];
export const bareChannelPrepositions: string[] = [];
