/**
 * score-confidence: a confidence in [0,1] for each quote from the evidence behind it. Weights are priors from the
 * French and English dev sets: a direct quote with a cue beside it is rarely wrong; a cue-less continuation or an
 * unresolved pronoun less often right.
 */
import type { Stage } from '../pipeline.js';
import type { QuoteDraft } from '../types.js';

const BASE: Record<string, number> = {
  'quote.direct.cue-after': 0.92,
  'quote.direct.cue-before': 0.88,
  'quote.direct.inner-incise': 0.9,
  'quote.direct.standalone': 0.6,
  'quote.mixed.governed-fragment': 0.75,
  'quote.indirect.complement-clause': 0.8,
  'quote.indirect.infinitive': 0.7,
  'quote.indirect.object-infinitive': 0.65,
  'quote.indirect.zero-complementizer': 0.7,
  'quote.indirect.postposed-incise': 0.75,
  'quote.indirect.according-before': 0.8,
  'quote.indirect.according-after': 0.75,
  'quote.indirect.according-parenthesis': 0.7,
  'quote.mixed.lead-in': 0.8,
  'quote.direct.dash': 0.85,
  'quote.direct.speaker-label': 0.85,
  'quote.direct.block': 0.8,
  'quote.direct.after-colon': 0.7,
  'quote.direct.incise-closes': 0.8,
  'quote.direct.dialogue': 0.75,
  'quote.indirect.mid-incise': 0.7,
};

function confidence(q: QuoteDraft): number {
  let c = BASE[q.evidence[0] ?? ''] ?? 0.5;
  if (q.evidence.includes('continuation.previous-quote')) c = Math.max(c, 0.7);
  if (q.speakerEntity === null && q.speakerName === null && q.speakerMention === null) c -= 0.25;
  if (q.evidence.includes('coref.pronoun.unresolved')) c -= 0.15;
  return Math.min(1, Math.max(0, c));
}

export const scoreConfidence: Stage = {
  name: 'score-confidence',
  requires: ['quotes'],
  produces: [],
  run(doc) {
    return { ...doc, layers: { ...doc.layers, quotes: doc.layers.quotes!.map((q) => ({ ...q, confidence: confidence(q) })) } };
  },
};
