/**
 * English speech verbs with their frames. Inflected forms are generated into verb-forms.generated.ts by
 * scripts/gen-lexicon.ts (run `npm run gen:lexicon` after editing this file).
 *
 * Source: written for selon. The inventory was drawn from the Gender Gap Tracker quote-verb list (MIT, derived from
 * PARC 3.0; see src/lang/LICENSES.md), the cue strings of the English development set (Wikinews, ennews/dev) and
 * the cue verbs of the PolNeAR training split (used to choose lemmas and the needsQuote flag only: how often a form
 * is a cue where it occurs), and common newsroom usage. Licence: MIT (this project).
 *
 * Conventions
 * - `frame`: 'direct' verbs only introduce quoted words ("…," she quipped); 'indirect' verbs need a that-clause or
 *   an infinitive; 'both' take either.
 * - `needsQuote`: the verb is far more often not speech ("post a loss", "quote a price", "echo"); it counts only next
 *   to quote marks or a colon. Verbs whose non-speech uses take a plain noun object ("added 200 jobs", "found the
 *   body", "shows growth") are not marked: the frame already asks for quote marks, a colon, "that" or an infinitive
 *   (in PolNeAR train, 31% of "added" cues and 93% of "found" cues introduce indirect speech, which needsQuote would
 *   lose). Only the verbs in `thatOptional` should accept a clause without "that" ("Police said three were hurt").
 * - `infinitive`: the reported content may be an infinitive or gerund ("vowed to appeal", "denied having met").
 *   Not set on wishes ("hopes to win"): an intention, not reported words.
 * - `objectInfinitive`: object then to-infinitive ("urged voters to stay home", "asked X to pay", "told X to leave");
 *   for "accuse X of", "blame X for", "thank X for" the marker is the preposition given in `objectMarkers`.
 * - `addresseeObject`: the direct object is the addressee ("told reporters", "warned residents that").
 * - `namingFrame`: "called the plan 'a disgrace'", "described X as", "dubbed X 'the …'", "branded X a …".
 */
import type { CueFrame } from '../../types.js';
import type { SpeechVerb } from '../pack.js';

type Flag = 'infinitive' | 'objectInfinitive' | 'addresseeObject' | 'needsQuote' | 'namingFrame';
type Row = [lemma: string, frame: CueFrame, ...flags: Flag[]];

const rows: Row[] = [
  // Saying, stating, asserting.
  ['say', 'both'],
  ['tell', 'both', 'addresseeObject', 'objectInfinitive'],
  ['state', 'both'],
  ['declare', 'both'],
  ['assert', 'both'],
  ['reassert', 'both'],
  ['affirm', 'both'],
  ['reaffirm', 'both'],
  ['aver', 'both'],
  ['avow', 'both'],
  ['claim', 'both', 'infinitive'],
  ['allege', 'both'],
  ['contend', 'both'],
  ['maintain', 'both'],
  ['insist', 'both'],
  ['argue', 'both'],
  ['reason', 'both'],
  ['posit', 'indirect'],
  ['proclaim', 'both'],
  ['pronounce', 'direct', 'needsQuote'],
  ['declaim', 'direct'],
  ['utter', 'direct'],
  ['express', 'direct', 'needsQuote'],
  ['voice', 'direct', 'needsQuote'],
  ['speak', 'direct', 'needsQuote'],
  ['repeat', 'both'],
  ['reiterate', 'both'],
  ['restate', 'both'],
  ['stress', 'both'],
  ['emphasize', 'both'],
  ['emphasise', 'both'],
  ['underscore', 'both'],
  ['underline', 'both'],
  ['highlight', 'both'],
  ['conclude', 'both'],
  ['summarize', 'direct'],
  ['summarise', 'direct'],
  ['opine', 'both'],
  ['editorialize', 'both'],
  ['think', 'indirect'],
  ['believe', 'indirect'],
  ['feel', 'indirect'],
  ['reckon', 'both'],
  ['guess', 'both'],
  ['estimate', 'indirect'],
  ['consider', 'indirect', 'namingFrame'],
  ['deem', 'indirect', 'namingFrame'],
  ['concur', 'both'],
  ['agree', 'indirect'],
  ['disagree', 'indirect'],

  // Explaining, noting, adding.
  ['explain', 'both'],
  ['clarify', 'both'],
  ['elaborate', 'direct'],
  ['specify', 'both'],
  ['detail', 'both', 'needsQuote'],
  ['indicate', 'both'],
  ['signal', 'indirect'],
  ['note', 'both'],
  ['observe', 'both'],
  ['remark', 'both'],
  ['comment', 'both'],
  ['mention', 'both'],
  ['point', 'both'],
  ['add', 'both'],
  ['continue', 'direct', 'needsQuote'],
  ['interject', 'direct'],
  ['interrupt', 'direct', 'needsQuote'],
  ['suggest', 'both'],
  ['imply', 'indirect'],
  ['hint', 'indirect'],
  ['insinuate', 'indirect'],
  ['speculate', 'both'],
  ['theorize', 'indirect'],
  ['theorise', 'indirect'],
  ['hypothesize', 'indirect'],
  ['muse', 'both'],
  ['wonder', 'both'],
  ['question', 'both'],
  ['cite', 'direct', 'needsQuote'],
  ['quote', 'direct', 'needsQuote'],
  ['echo', 'direct', 'needsQuote'],
  ['counter', 'both'],
  ['object', 'both'],
  ['protest', 'both'],

  // Reporting, revealing, research findings.
  ['report', 'both'],
  ['announce', 'both'],
  ['reveal', 'both'],
  ['disclose', 'both'],
  ['divulge', 'both'],
  ['confirm', 'both'],
  ['reconfirm', 'both'],
  ['deny', 'both', 'infinitive'],
  ['dispute', 'both'],
  ['refute', 'both'],
  ['rebut', 'both'],
  ['contest', 'both', 'needsQuote'],
  ['testify', 'both'],
  ['recount', 'both'],
  ['retell', 'both'],
  ['recall', 'both', 'infinitive'],
  ['remember', 'indirect'],
  ['relate', 'both', 'needsQuote'],
  ['describe', 'both', 'namingFrame'],
  ['characterize', 'direct', 'namingFrame'],
  ['characterise', 'direct', 'namingFrame'],
  ['portray', 'direct', 'namingFrame'],
  ['label', 'direct', 'namingFrame'],
  ['brand', 'direct', 'namingFrame'],
  ['dub', 'direct', 'namingFrame'],
  ['term', 'direct', 'namingFrame'],
  ['call', 'both', 'objectInfinitive', 'namingFrame'],
  ['find', 'indirect'],
  ['show', 'indirect'],
  ['demonstrate', 'indirect'],
  ['prove', 'indirect'],
  ['learn', 'indirect'],
  ['discover', 'indirect'],
  ['rule', 'indirect'],
  ['predict', 'both'],
  ['forecast', 'both'],
  ['write', 'both'],
  ['tweet', 'both'],
  ['retweet', 'direct', 'needsQuote'],
  ['post', 'direct', 'needsQuote'],
  ['blog', 'both'],
  ['email', 'both'],
  ['e-mail', 'both'],
  ['text', 'direct', 'needsQuote'],
  ['publish', 'direct', 'needsQuote'],
  ['read', 'direct', 'needsQuote'],
  ['recite', 'direct', 'needsQuote'],
  ['inform', 'both', 'addresseeObject'],
  ['notify', 'both', 'addresseeObject'],
  ['brief', 'both', 'addresseeObject'],
  ['relay', 'both'],
  ['convey', 'both'],
  ['communicate', 'both'],

  // Admitting, conceding.
  ['admit', 'both', 'infinitive'],
  ['acknowledge', 'both', 'infinitive'],
  ['concede', 'both'],
  ['confess', 'both', 'infinitive'],
  ['accept', 'indirect'],
  ['recognize', 'indirect'],
  ['recognise', 'indirect'],

  // Answering.
  ['reply', 'both'],
  ['respond', 'both'],
  ['answer', 'both'],
  ['retort', 'both'],
  ['rejoin', 'direct', 'needsQuote'],
  ['snap', 'direct', 'needsQuote'],
  ['quip', 'both'],
  ['joke', 'both'],

  // Asking, requesting, urging.
  ['ask', 'both', 'infinitive', 'objectInfinitive', 'addresseeObject'],
  ['inquire', 'both'],
  ['enquire', 'both'],
  ['query', 'direct'],
  ['demand', 'both', 'infinitive'],
  ['request', 'both', 'infinitive', 'objectInfinitive'],
  ['urge', 'both', 'objectInfinitive'],
  ['implore', 'both', 'objectInfinitive'],
  ['beg', 'both', 'objectInfinitive'],
  ['beseech', 'both', 'objectInfinitive'],
  ['entreat', 'both', 'objectInfinitive'],
  ['exhort', 'both', 'objectInfinitive'],
  ['plead', 'both', 'objectInfinitive'],
  ['appeal', 'indirect', 'objectInfinitive'],
  ['press', 'indirect', 'objectInfinitive', 'needsQuote'],
  ['encourage', 'both', 'objectInfinitive'],
  ['invite', 'indirect', 'objectInfinitive'],
  ['challenge', 'both', 'objectInfinitive'],
  ['order', 'both', 'objectInfinitive'],
  ['instruct', 'both', 'objectInfinitive'],
  ['command', 'both', 'objectInfinitive'],
  ['advise', 'both', 'objectInfinitive', 'addresseeObject'],
  ['counsel', 'both', 'objectInfinitive'],
  ['recommend', 'both', 'objectInfinitive'],
  ['propose', 'both', 'infinitive'],
  ['advocate', 'both'],

  // Promising, predicting, warning, threatening.
  ['promise', 'both', 'infinitive', 'addresseeObject'],
  ['pledge', 'both', 'infinitive'],
  ['vow', 'both', 'infinitive'],
  ['swear', 'both', 'infinitive'],
  ['guarantee', 'both'],
  ['assure', 'both', 'addresseeObject'],
  ['reassure', 'both', 'addresseeObject'],
  ['threaten', 'both', 'infinitive'],
  ['warn', 'both', 'addresseeObject', 'objectInfinitive'],
  ['caution', 'both', 'addresseeObject', 'objectInfinitive'],
  ['alert', 'both', 'addresseeObject'],
  ['remind', 'both', 'addresseeObject', 'objectInfinitive'],
  ['admonish', 'both', 'addresseeObject', 'objectInfinitive'],
  ['hope', 'indirect'],
  ['fear', 'indirect'],
  ['worry', 'indirect'],
  ['doubt', 'indirect'],
  ['suspect', 'indirect'],

  // Criticising, accusing.
  ['accuse', 'both', 'objectInfinitive'],
  ['charge', 'indirect'],
  ['blame', 'both', 'objectInfinitive'],
  ['criticize', 'both', 'objectInfinitive'],
  ['criticise', 'both', 'objectInfinitive'],
  ['condemn', 'both'],
  ['denounce', 'both'],
  ['decry', 'both'],
  ['deplore', 'both'],
  ['lament', 'both'],
  ['bemoan', 'both'],
  ['complain', 'both'],
  ['grumble', 'both'],
  ['gripe', 'both'],
  ['regret', 'both'],
  ['slam', 'direct', 'needsQuote'],
  ['blast', 'direct', 'needsQuote'],
  ['lambaste', 'direct'],
  ['lambast', 'direct'],
  ['castigate', 'direct'],
  ['excoriate', 'direct'],
  ['assail', 'direct'],
  ['berate', 'direct'],
  ['rebuke', 'direct'],
  ['chide', 'direct'],
  ['scold', 'direct'],
  ['attack', 'direct', 'needsQuote'],
  ['mock', 'direct'],
  ['ridicule', 'direct'],
  ['deride', 'direct', 'namingFrame'],
  ['dismiss', 'direct', 'namingFrame', 'needsQuote'],
  ['reject', 'direct', 'needsQuote'],
  ['taunt', 'direct'],
  ['snipe', 'direct'],
  ['defend', 'direct', 'needsQuote'],
  ['scoff', 'both'],
  ['sneer', 'direct'],
  ['jeer', 'direct'],
  ['insult', 'direct', 'needsQuote'],
  ['apologize', 'direct'],
  ['apologise', 'direct'],

  // Praising, thanking.
  ['praise', 'direct'],
  ['acclaim', 'direct'],
  ['hail', 'direct', 'namingFrame', 'needsQuote'],
  ['laud', 'direct'],
  ['applaud', 'direct', 'needsQuote'],
  ['commend', 'direct'],
  ['welcome', 'direct', 'needsQuote'],
  ['thank', 'direct', 'addresseeObject', 'objectInfinitive'],
  ['congratulate', 'direct', 'addresseeObject', 'objectInfinitive'],
  ['tout', 'both'],
  ['boast', 'both'],
  ['brag', 'both'],
  ['gush', 'direct'],
  ['rave', 'direct'],
  ['marvel', 'both'],
  ['enthuse', 'direct'],
  ['exult', 'direct'],
  ['cheer', 'direct', 'needsQuote'],

  // Manner of speaking.
  ['exclaim', 'direct'],
  ['shout', 'both'],
  ['yell', 'both'],
  ['scream', 'direct'],
  ['cry', 'direct', 'needsQuote'],
  ['holler', 'direct'],
  ['bellow', 'direct'],
  ['roar', 'direct', 'needsQuote'],
  ['thunder', 'direct'],
  ['fume', 'direct'],
  ['rage', 'direct', 'needsQuote'],
  ['rail', 'direct', 'needsQuote'],
  ['growl', 'direct'],
  ['snarl', 'direct'],
  ['hiss', 'direct'],
  ['bark', 'direct', 'needsQuote'],
  ['chant', 'direct'],
  ['whisper', 'both'],
  ['murmur', 'both'],
  ['mutter', 'both'],
  ['mumble', 'both'],
  ['stammer', 'direct'],
  ['stutter', 'direct'],
  ['gasp', 'direct'],
  ['sigh', 'direct'],
  ['sob', 'direct'],
  ['laugh', 'direct', 'needsQuote'],
  ['chuckle', 'direct'],
  ['smile', 'direct', 'needsQuote'],
  ['grin', 'direct', 'needsQuote'],
  ['tease', 'direct', 'needsQuote'],
  ['preach', 'both'],
  ['lecture', 'direct', 'addresseeObject', 'needsQuote'],

  // Speech only with a particle (see `requiredParticles`): "fired back", "lashed out", "weighed in".
  ['fire', 'direct', 'needsQuote'],
  ['shoot', 'direct', 'needsQuote'],
  ['hit', 'direct', 'needsQuote'],
  ['lash', 'direct', 'needsQuote'],
  ['weigh', 'direct', 'needsQuote'],
  ['chime', 'direct', 'needsQuote'],
  ['blurt', 'direct', 'needsQuote'],
  ['sum', 'direct', 'needsQuote'],
];

/** Speech verb lemmas with their frames, by lemma. */
export const verbs: Record<string, SpeechVerb> = Object.fromEntries(
  rows.map(([lemma, frame, ...flags]): [string, SpeechVerb] => {
    const verb: SpeechVerb = { lemma, frame };
    for (const flag of flags) verb[flag] = true;
    return [lemma, verb];
  }),
);

/**
 * Verbs that commonly take a reported clause without "that" ("Police said three people were arrested", "He
 * claimed he was innocent"). For the other verbs an indirect reading needs "that", an infinitive or quote marks:
 * "The firm added 200 jobs" and "The survey found the body" are not speech.
 */
export const thatOptional: string[] = [
  'say', 'tell', 'declare', 'claim', 'allege', 'insist', 'argue', 'contend', 'maintain', 'think', 'believe',
  'feel', 'reckon', 'guess', 'estimate', 'suggest', 'predict', 'warn', 'admit', 'acknowledge', 'concede', 'announce',
  'testify', 'write', 'tweet', 'hope', 'fear', 'worry', 'promise', 'vow', 'swear', 'assure', 'explain',
  'confirm', 'deny', 'recall', 'complain', 'agree', 'charge', 'joke', 'boast', 'brag', 'state', 'report',
  'find', 'show', 'reveal', 'indicate', 'suggest',
];

/**
 * Verbs that are cues only with one of these particles right after them: "pointed out that", "fired back",
 * "lashed out at", "weighed in". Without it ("pointed a gun", "fired the coach") they are not speech. The cue span
 * should include the particle.
 */
export const requiredParticles: Record<string, string[]> = {
  point: ['out', 'to'],
  fire: ['back'],
  shoot: ['back'],
  hit: ['back'],
  lash: ['out'],
  weigh: ['in'],
  chime: ['in'],
  blurt: ['out'],
  sum: ['up'],
};

/**
 * Particles that may sit between a verb and its content ("called on X to", "called for", "spoke out against",
 * "railed against"); the cue span should include the particle.
 */
export const particles: Record<string, string[]> = {
  call: ['on', 'for', 'out'],
  speak: ['out', 'up'],
  cry: ['out'],
  rail: ['against'],
  shout: ['out'],
};

/** Prepositions that introduce the infinitive or gerund of an objectInfinitive verb other than "to". */
export const objectMarkers: Record<string, string[]> = {
  accuse: ['of'],
  blame: ['for'],
  criticize: ['for'],
  criticise: ['for'],
  thank: ['for'],
  congratulate: ['on', 'for'],
};

/**
 * Forms not generated: base forms that news text almost only uses as nouns ("the state", "the United States", "in
 * order to", "the Associated Press", "the report that…", "the reason that…", "as a rule", "thanks to"). In PolNeAR
 * train, fewer than one in ten of their occurrences is a cue. The other forms stay ("stated", "reports", "ordered").
 */
export const skipForms: string[] = ['order', 'press', 'reason', 'report', 'rule', 'rules', 'state', 'states', 'thanks'];

/**
 * Generated forms that are also common nouns or adjectives ("the ruling", "the reports", "the suspect", "the
 * alleged attack", "an estimated 200", "fears that…", "a warning"). They stay in verbForms; the engine
 * should take them as cues only with verbal evidence (a subject right before or an inverted one right after, an
 * auxiliary, "that", "to", quote marks or a colon), never inside a noun phrase. Drawn from the forms tagged NOUN,
 * PROPN or ADJ more often than VERB in the UD English EWT dev treebank, and from newsroom usage.
 */
export const ambiguousForms: string[] = [
  'accused', 'advocate', 'advocates', 'alert', 'alleged', 'answer', 'answers', 'appeal', 'appeals', 'attack',
  'attacks', 'blast', 'blasts', 'blog', 'blogs', 'brand', 'brief', 'briefing', 'calling', 'calls', 'caution',
  'challenge', 'challenges', 'challenging', 'charge', 'charged', 'charges', 'cheer', 'cheers', 'claim', 'claims',
  'command', 'comment', 'comments', 'confirmed', 'contest', 'counsel', 'counter', 'cry', 'cries', 'demand', 'demands',
  'demanding', 'detail', 'detailed', 'details', 'doubt', 'doubts', 'e-mail', 'echo', 'email', 'emails', 'encouraging',
  'estimate', 'estimated', 'estimates', 'express', 'fear', 'fears', 'find', 'finding', 'fire', 'firing', 'forecast',
  'forecasts', 'guarantee', 'guess', 'hail', 'hint', 'hints', 'hit', 'hope', 'hopes', 'insult', 'insults', 'joke',
  'jokes', 'label', 'laugh', 'lecture', 'marvel', 'mock', 'note', 'noted', 'notes', 'object', 'orders', 'pledge',
  'pledges', 'point', 'pointed', 'points', 'post', 'posting', 'posts', 'praise', 'pressing', 'promise', 'promises',
  'promising', 'proposed', 'protest', 'protests', 'question', 'questioning', 'questions', 'quote', 'quotes', 'rage',
  'rail', 'reading', 'reasons', 'regret', 'regrets', 'remark', 'remarks', 'reply', 'reported', 'reporting', 'reports',
  'request', 'requests', 'revealing', 'ruling', 'saying', 'shot', 'shooting', 'show', 'shows', 'showing', 'sigh',
  'signal', 'signals', 'smile', 'snap', 'spoken', 'stated', 'sum', 'suspect', 'suspected', 'suspects', 'telling',
  'term', 'terms', 'text', 'texts', 'threatening', 'thunder', 'tout', 'tweet', 'tweets', 'voice', 'voices', 'vow',
  'vows', 'warning', 'welcome', 'welcoming', 'worried', 'worry', 'writing', 'written',
];
