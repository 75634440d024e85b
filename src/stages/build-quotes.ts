/**
 * build-quotes: turns quote-mark pairs and cues into quotes, in passes whose order settles what each quoted span is:
 *   1. direct quotes with a cue beside them (src/quotes/direct.ts), then the turns of a transcript ("PENCE: …");
 *   2. according-frames that name a person, which frame their whole clause;
 *   3. verb cues and the clauses they report, then the remaining according-frames (src/quotes/clauses.ts);
 *   4. quoted spans still unclaimed that read as sentences of their own.
 * Quoted spans inside another quote, titles, terms and scare quotes yield nothing.
 */
import type { Stage } from '../pipeline.js';
import { lexicon } from '../lang/lexicon.js';
import { DisjointSpans } from '../lib/disjoint-spans.js';
import { asMap } from '../lib/records.js';
import type { Ctx } from '../quotes/context.js';
import { buildDirect, buildTranscript } from '../quotes/direct.js';
import { buildFromAccording, buildFromVerb, sourceSpeaks } from '../quotes/clauses.js';

export const buildQuotes: Stage = {
  name: 'build-quotes',
  requires: ['paragraphs', 'sentences', 'tokens', 'quoted', 'cues', 'mentions', 'boilerplate'],
  produces: ['quotes'],
  run(doc, pack, config) {
    const ctx: Ctx = {
      doc, text: doc.text, tokens: doc.layers.tokens!, sentences: doc.layers.sentences!, cues: doc.layers.cues!, quoted: doc.layers.quoted!,
      pack, lex: lexicon(pack), determiners: asMap(pack.determiners), pronouns: asMap(pack.pronouns), config, usedCues: new Set(), messages: [...doc.messages], outer: new Map(), usedQuoted: new Set(), quotes: [],
      top: [], topByStart: new Map(), spans: new DisjointSpans(), bySentence: new Map(),
    };
    doc.layers.quoted!.forEach((q, qi) => {
      if (q.depth > 0) return;
      ctx.top.push(qi);
      ctx.topByStart.set(q.start, qi);
    });
    buildDirect(ctx, true);
    buildTranscript(ctx);
    // "Pour lui, l'élite le caractérise de « grossier »": a frame naming a person frames the whole clause; a frame
    // naming an outlet ("Selon l'AFP, le Conseil a appelé à…") is the channel of the verb's report, read after it.
    ctx.cues.forEach((cue, c) => {
      if (!ctx.usedCues.has(c) && cue.kind === 'according' && sourceSpeaks(ctx, cue)) buildFromAccording(ctx, c);
    });
    ctx.cues.forEach((cue, c) => {
      if (!ctx.usedCues.has(c) && cue.kind === 'verb') buildFromVerb(ctx, c);
    });
    ctx.cues.forEach((cue, c) => {
      if (!ctx.usedCues.has(c) && cue.kind === 'according') buildFromAccording(ctx, c);
    });
    buildDirect(ctx, false);
    const quotes = ctx.quotes.sort((a, b) => a.content.start - b.content.start).map((q, i) => ({ ...q, id: `q${i + 1}` }));
    return { ...doc, messages: ctx.messages, layers: { ...doc.layers, quotes } };
  },
};
