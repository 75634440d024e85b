/**
 * The document model. `text` never changes after reading; every annotation is a standoff span in UTF-16 code units
 * (JavaScript string indices), end exclusive. Layers are plain data, so a Document round-trips through JSON unchanged.
 */

/** A standoff span: `text.slice(start, end)`. UTF-16 code units, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A span that carries its text, as it appears in the output (`text.slice(start, end) === span.text`). */
export interface TextSpan extends Span {
  text: string;
}

export type Lang = 'fr' | 'en';
export type Gender = 'm' | 'f' | null;
export type GrammaticalNumber = 'sg' | 'pl' | null;

export interface Paragraph extends Span {
  index: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  /** Index of the first token and one past the last token of the sentence in `layers.tokens`. */
  tokens: [number, number];
}

export type TokenKind = 'word' | 'number' | 'punct' | 'quote';

export interface Token extends Span {
  kind: TokenKind;
  /** Lower-cased form with typographic apostrophes folded to "'" (accents kept). */
  norm: string;
  /** Starts with an upper-case letter. */
  upper: boolean;
  sentence: number;
}

/** A quote mark found in the text and how pairing used it. */
export interface QuoteMark extends Span {
  char: string;
  role: 'open' | 'close' | 'both';
}

/** A pair of quote marks and what they enclose. Nested pairs are kept with `depth > 0`. */
export interface Quoted extends Span {
  /** The words between the marks. */
  inner: Span;
  open: Span;
  /** null when the quote was left unclosed and closed at the end of its paragraph. */
  close: Span | null;
  depth: number;
  paragraph: number;
  /** Indices of the sentences it touches. */
  sentences: [number, number];
  /** This pair continues a multi-paragraph quote opened in an earlier paragraph. */
  reopens: boolean;
  /** A line of dialogue opened by a dash ("— Demain ! m'écriai-je."), running to the end of its paragraph. */
  dialogue?: boolean;
}

export type EntityType = 'person' | 'organization' | 'place' | 'media' | 'document' | 'group';

export type MentionKind = 'name' | 'pronoun' | 'relative' | 'role' | 'group' | 'org' | 'media' | 'channel';

export interface Mention extends Span {
  text: string;
  kind: MentionKind;
  gender: Gender;
  number: GrammaticalNumber;
  type: EntityType;
  /** The proper name inside the mention, without titles, roles or determiners ("Anne Roy" in "la ministre Anne Roy"). */
  name: string | null;
  /** A role word the mention carries ("porte-parole", "president"), lower-cased, when any. */
  role: string | null;
  sentence: number;
  /** Inside quote marks: the quoted speaker's own words, never an antecedent outside them. */
  quoted: boolean;
  /** Entity id, set by cluster-entities. */
  entity?: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  gender: Gender;
  number: GrammaticalNumber;
  /** Indices into `layers.mentions`. */
  mentions: number[];
}

export type CueFrame = 'direct' | 'indirect' | 'both';

/** A place where the text signals reported speech: a speech verb, "selon", "according to", a colon after a name. */
export interface Cue extends Span {
  text: string;
  kind: 'verb' | 'according' | 'colon' | 'noun';
  lemma: string;
  frame: CueFrame;
  /** Subject placement for verb cues: inverted after the verb ("a déclaré X", "a-t-il dit", "said X"). */
  inverted: boolean;
  /** The clitic pronoun of an inversion ("il" in "a-t-il dit"), or an attached object clitic ("lui"). */
  clitic: Span | null;
  objectClitic: Span | null;
  sentence: number;
  /** The verb form of a verb cue: a gerund or infinitive shares its subject with the clause it hangs on. */
  form: 'finite' | 'participle' | 'infinitive' | 'gerund' | null;
  /** A passive verb group ("was told"): its subject is the addressee, its speaker the "by" agent if any. */
  passive: boolean;
  /** Token index of the cue's head word, and the token range of the whole cue group [first, last + 1). */
  head: number;
  range: [number, number];
  rule: string;
}

export type QuoteKind = 'direct' | 'mixed' | 'indirect';

export interface Ref {
  name: string;
  entity: string | null;
  mention: TextSpan | null;
}

export interface TimeRef extends Span {
  text: string;
  date: string | null;
}

/** A quote while the pipeline builds it; becomes a selon/1 quote at output. */
export interface QuoteDraft {
  id: string;
  kind: QuoteKind;
  content: Span;
  fragments: Span[] | null;
  /** Index into `layers.cues`, or null. */
  cue: number | null;
  /** Index into `layers.quoted` when the words come from a quote-mark pair. */
  quoted: number | null;
  /** The cue of a report that carries this one ("the readout said X told Y that…"): its subject is a channel. */
  outerCue?: number | null;
  speakerMention: number | null;
  speakerEntity: string | null;
  /** A speaker named by text that is not a mention (e.g. a bare role) — rare fallback. */
  speakerName: string | null;
  addressee: Ref | null;
  via: Ref[];
  /** The channels named by a channel phrase ("dans les colonnes du Times"): they carry over to the speaker's later
   * quotes; an according-frame's outlet ("according to Yonhap") stays with its own sentence. */
  carriedVia?: Ref[];
  time: TimeRef | null;
  continues: string | null;
  confidence: number;
  evidence: string[];
  sentence: number;
}

export type BoilerplateKind = 'teaser' | 'promo' | 'byline' | 'share' | 'credit' | 'other';

export interface Boilerplate extends Span {
  text: string;
  kind: BoilerplateKind;
  rule: string;
}

export interface Message {
  severity: 'info' | 'warning';
  ruleId: string;
  start: number;
  end: number;
  note: string;
}

export type Verdict = 'consistent' | 'variant' | 'divergent';

export interface Account {
  id: string;
  speaker: string;
  quotes: string[];
  channels: string[][];
  verdict: Verdict;
  similarity: number;
  evidence: string[];
}

export interface Layers {
  paragraphs?: Paragraph[];
  sentences?: Sentence[];
  tokens?: Token[];
  boilerplate?: Boilerplate[];
  quoteMarks?: QuoteMark[];
  quoted?: Quoted[];
  mentions?: Mention[];
  entities?: Entity[];
  cues?: Cue[];
  quotes?: QuoteDraft[];
  accounts?: Account[];
}

export type LayerName = keyof Layers;

export interface DocumentMeta {
  url?: string | null;
  title?: string | null;
  author?: string | null;
  site?: string | null;
  source?: string | null;
}

export interface Document {
  id: string;
  text: string;
  lang: Lang | null;
  /** Publication date, ISO yyyy-mm-dd, when known. */
  date: string | null;
  meta: DocumentMeta;
  layers: Layers;
  messages: Message[];
}

/* ---------- selon/1 output ---------- */

export interface OutputQuote {
  id: string;
  kind: QuoteKind;
  content: TextSpan;
  fragments: [number, number][] | null;
  speaker: Ref | null;
  cue: TextSpan | null;
  addressee: Ref | null;
  via: Ref[];
  time: TimeRef | null;
  continues: string | null;
  confidence: number;
  evidence: string[];
}

export interface OutputEntity {
  id: string;
  name: string;
  type: EntityType;
  gender: Gender;
  mentions: TextSpan[];
}

export type SkipReason = 'unsupported-language' | 'no-body' | 'empty';

export interface Extraction {
  schema: 'selon/1';
  engine: { version: string; packs: Record<string, string> };
  id: string;
  status: 'ok' | 'skipped';
  reason: SkipReason | null;
  lang: string | null;
  date: string | null;
  meta: DocumentMeta;
  text: string;
  quotes: OutputQuote[];
  entities: OutputEntity[];
  boilerplate: Boilerplate[];
  accounts: Account[];
  messages: Message[];
}
