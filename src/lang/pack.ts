/**
 * A LanguagePack holds everything a stage needs to know about one language, as plain data. No stage contains a
 * French or English word: they read them from here. Each data file in `src/lang/<code>/` cites its source and licence.
 */
import type { BoilerplateKind, CueFrame, Gender, GrammaticalNumber, Lang, EntityType } from '../types.js';

export interface SpeechVerb {
  lemma: string;
  /** direct: introduces quoted words; indirect: a que/that clause or infinitive; both: either. */
  frame: CueFrame;
  /** Takes an infinitive complement as reported content ("affirme avoir…", "vowed to…"). */
  infinitive?: boolean;
  /** Takes "object + de/to + infinitive" ("accuse X d'avoir…", "urged X to…"): the object is the addressee or target. */
  objectInfinitive?: boolean;
  /** The verb's direct object is the addressee ("told reporters", "a prévenu X"). */
  addresseeObject?: boolean;
  /** Only counts as a cue next to quote marks or a colon (too ambiguous on its own: "ajouter", "lancer"). */
  needsQuote?: boolean;
  /** A cue only after a causative ("faire savoir", "faire valoir"). */
  afterCausative?: boolean;
  /** Noun phrase cue with a fragment ("traite X de « … »", "called the plan 'a disgrace'"). */
  namingFrame?: boolean;
}

export interface VerbForm {
  lemma: string;
  /** Participle or infinitive form that needs an auxiliary or governor before it to be finite. */
  nonFinite?: 'participle' | 'infinitive' | 'gerund';
}

export interface PronounInfo {
  gender: Gender;
  number: GrammaticalNumber;
  /** subject, object (addressee clitic "lui"), relative ("qui", "who"), or reflexive. */
  role: 'subject' | 'object' | 'relative' | 'possessive';
  person: 1 | 2 | 3;
}

export interface RoleInfo {
  gender: Gender;
  number: GrammaticalNumber;
  type: EntityType;
}

export interface BoilerplateRule {
  id: string;
  kind: BoilerplateKind;
  /** Regular expression source, matched case-insensitively against a whole block (paragraph or line). */
  pattern: string;
}

export interface ChannelNoun {
  /** Canonical channel name used in `via` when nothing more specific is given ("communiqué", "statement"). */
  name: string;
  /** Type of the entity it denotes. */
  type: EntityType;
}

export interface TimeWords {
  weekdays: string[]; // index 0 = Monday
  months: string[]; // index 0 = January
  /** Relative day words with their offset from the document date: hier -1, aujourd'hui 0, yesterday -1. */
  relativeDays: Record<string, number>;
}

export type { Gender } from '../types.js';

export interface LanguagePack {
  code: Lang;
  version: string;
  /** Opening → closing mark pairs (directional); marks in `symmetric` open and close alike (straight quotes). */
  quotePairs: [string, string][];
  symmetricQuotes: string[];
  /** Dashes that open a line of dialogue at the start of a paragraph ("— Demain ! m'écriai-je."). */
  dialogueDashes: string[];
  /** Inflected speech verb forms (lower-case) → lemma and finiteness. Generated, see scripts/gen-lexicon.ts. */
  verbForms: Record<string, VerbForm>;
  /** Speech verb lemmas with their frames. */
  verbs: Record<string, SpeechVerb>;
  /** Verb forms that are more often nouns or adjectives ("le juge", "the claim"): cues only with verbal evidence. */
  ambiguousForms: string[];
  /** Lemmas that take a reported clause without a complementizer ("said he would"); empty when the language has none. */
  zeroComplementizerVerbs: string[];
  /** Auxiliaries that make a following participle passive ("was told", "were found"). */
  passiveAuxiliaries: string[];
  /** Auxiliaries and their forms ("a", "ont", "avait", "has", "had", "will"): verb form → true. */
  auxiliaries: string[];
  /** Words that may sit between auxiliary and participle ("a ensuite déclaré", "has also said"). */
  adverbs: string[];
  /** Clitic pronouns that sit between subject and verb ("il l'a dit", "lui a dit"). */
  preverbalClitics: string[];
  /** Negation particles ("ne", "pas", "not") — a negated cue is not speech. */
  negations: string[];
  /** Negations that follow the verb they negate ("ne dit-il pas"): none in English, where "said no one was hurt"
   * negates the reported words, not the saying. */
  postverbalNegations: string[];
  /** Endings of present participles that open a phrase of the narrator's after a comma ("…, contradicting the claim");
   * none in French, where "-ant" also ends adverbs and prepositions ("maintenant", "pendant"). */
  participleEndings: string[];
  /** Pronouns by lower-case form. */
  pronouns: Record<string, PronounInfo>;
  /** Pronouns that name nobody ("on" in "dit-on"). */
  impersonalPronouns: string[];
  /** Clitic pronouns that invert after a verb ("a-t-il", "dit-elle"), euphonic t included as a separate list. */
  invertedClitics: string[];
  euphonic: string[];
  /** Object clitics before the verb that name the addressee ("lui a-t-il dit", "leur a déclaré"). */
  addresseeClitics: string[];
  /** Complementizers introducing indirect speech ("que", "qu'", "that"). */
  complementizers: string[];
  /** Prepositions introducing an infinitive complement ("de", "d'", "to"). */
  infinitiveMarkers: string[];
  /** Endings that mark an infinitive ("-er", "-ir", "-re"; none in English, where "to" marks it). */
  infinitiveEndings: string[];
  /** Words with an infinitive's ending that are no verbs, and may follow a speech verb ("dit autre chose"). */
  notInfinitives: string[];
  /** Infinitives of the auxiliaries ("avoir", "être"; "have", "be"). */
  auxiliaryInfinitives: string[];
  /** An infinitive may follow a speech verb with no marker ("affirme avoir…"). */
  bareInfinitive: boolean;
  /** Words opening a purpose clause ("afin de", "in order to"): the infinitive after them is not reported speech. */
  purposeWords: string[];
  /** Forms of the causative verb ("fait" in "a fait savoir", "fait remarquer"): an infinitive after one is the cue. */
  causatives: string[];
  /** Words that mark a gerund clause ("en ajoutant"): such a gerund starts a new predicate. */
  gerundMarkers: string[];
  /** Conjunctions that coordinate two verbs of one subject ("et", "and"). */
  coordinators: string[];
  /** Indefinite articles: a phrase starting with one after a verb is its object, not a clause's subject. */
  indefiniteArticles: string[];
  /** Endings of finite verb forms, a rough sign that a clause has its verb ("-ed", "-s"). */
  finiteVerbEndings: string[];
  /** Prepositions introducing an addressee after a verb ("à", "au", "aux", "to"). */
  addresseePrepositions: string[];
  /** "selon", "d'après", "pour", "according to", each as a token sequence (lower-case). */
  accordingFrames: string[][];
  /** Frames that are according-frames only when followed by a person or body (e.g. "pour"), not a purpose clause. */
  weakAccordingFrames: string[][];
  /** Channel nouns (communiqué, readout, transcript, interview, tweet) and platforms (Twitter). */
  channels: Record<string, ChannelNoun>;
  /** Prepositions introducing a channel ("dans", "sur", "lors de", "in", "on", "at", "during"). */
  channelPrepositions: string[];
  /** Channel prepositions that take a bare channel noun ("en conférence de presse"). */
  bareChannelPrepositions: string[];
  /** The preposition of "interview with X" ("avec", "with"). */
  withWord: string;
  /** Media outlets by name as written. */
  media: string[];
  /** Honorifics before a name, with gender ("M." m, "Mme" f, "Mr" m). */
  honorifics: Record<string, Gender>;
  /** Role nouns (president, porte-parole, ministre) with gender when the noun marks it. */
  roles: Record<string, RoleInfo>;
  /** The regular plural suffix of nouns ("s"), used to read plural role nouns ("journalistes", "officials"). */
  pluralSuffix: string;
  /** Collective or institutional nouns that speak (police, gouvernement, ministère, manifestants). */
  bodies: Record<string, RoleInfo>;
  /** Preposition + article contractions that start a prepositional phrase, not a noun phrase ("au", "aux", "du"). */
  contractions: string[];
  /** Determiners with gender and number ("le" m sg, "la" f sg, "les" pl). */
  determiners: Record<string, { gender: Gender; number: GrammaticalNumber }>;
  /** Prepositions of a place phrase that may close a role ("en Syrie", "à Paris", "in Ohio"). */
  placePrepositions: string[];
  /** Prepositions that attach a complement to a role or body noun ("de", "du", "of"). */
  ofWords: string[];
  /** Prepositions whose phrase completes the noun before it, so that noun is the phrase's head: "a spokeswoman for
   * Hillary Clinton", "experts on North Korea", "l'avocat de Jean Dupont". */
  complementPrepositions: string[];
  /** Adjectives follow the noun ("la police madrilène"), so a role phrase may take one trailing adjective. */
  adjectivesFollowNoun: boolean;
  /** Nouns of things have a gender ("la Commission… elle"); without it, "he"/"she" stand only for persons. */
  grammaticalGender: boolean;
  /** Lower-case particles that may sit inside a proper name ("de", "le", "van", "al"). */
  nameParticles: string[];
  /** Capitalized words that are never names (sentence-initial function words, days, months). */
  notNames: string[];
  /** First names with gender (derived list; see the data file for its source). */
  firstNames: Record<string, Gender>;
  /** Country names (generated): a mention that is one of them is a place, not a person ("China", "Corée du Nord"). */
  places: string[];
  tokenization: Tokenization;
  /** Abbreviations that end with a period but do not end a sentence. */
  abbreviations: string[];
  boilerplate: BoilerplateRule[];
  time: TimeWords;
  /** Words that make a quoted span not speech when they precede it ("intitulé", "titled", "baptisé", "dubbed"? no). */
  notSpeechIntroducers: string[];
  /** Words that mark hypothetical, unrealised speech before a quote ("sans dire", "without saying"). */
  unrealisedMarkers: string[][];
  /** Words for comparing accounts of the same words (compare-accounts, src/accounts). */
  accounts: AccountWords;
}

/**
 * What compare-accounts needs to know about a language. Phrases are words separated by spaces, matched against
 * folded text (lower case, no accents, apostrophes split off); a word ending in "*" matches as a prefix.
 */
export interface AccountWords {
  /** Function words ignored when comparing wording (articles, pronouns, auxiliaries, prepositions, conjunctions). */
  stopWords: string[];
  /** Negation words, kept apart from content words ("ne", "pas", "jamais", "not", "never"). */
  negations: string[];
  /** Explicit signs of a second, different version near the quotes ("une autre version", "differs", "contradicts"). */
  markers: string[];
  /** Denials ("dément", "denied"): a marker only with a report noun in the sentence, or when they introduce quoted words. */
  denials: string[];
  /** Nouns naming reported words or a record of them ("propos", "récit", "remarks", "account", "transcript"). */
  reportNouns: string[];
  /** Words that soften a marker right before it ("légèrement différente", "slightly different"): wording, not substance. */
  hedges: string[];
}

export interface Tokenization {
  /** Elided words that split off before an apostrophe ("l'", "qu'", "jusqu'"), lower-case, without the apostrophe. */
  elisions: string[];
  /** Suffixes after an apostrophe that split off as their own token ("s" in "Trump's"). */
  apostropheSuffixes: string[];
}
