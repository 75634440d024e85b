/**
 * link-continuations: a quote with no cue of its own continues the quote before it (same or previous paragraph):
 * it takes that speaker and channel and points to it with `continues`. A pronoun speaker that agrees with the
 * previous quote's speaker is that speaker (news keeps its speaker across « … », a-t-il ajouté). Channels carry over
 * to later quotes of the same speaker that name none ("Dans les colonnes du Times, … explique-t-il").
 */
import type { Stage } from '../pipeline.js';
import type { Entity, Mention, QuoteDraft, Sentence } from '../types.js';
import { mentionsIn } from '../lib/mention-index.js';

/** How many paragraphs back a cue-less quote may look for the quote it continues. */
const PARAGRAPH_REACH = 1;

function agrees(m: Mention, e: Entity): boolean {
  return (!m.gender || !e.gender || m.gender === e.gender) && (!m.number || !e.number || m.number === e.number);
}

/**
 * A cue-less quote that follows, in its own paragraph, a sentence whose subject is a person ("Il a souhaité faire un
 * rappel au règlement. « On ne peut pas accepter… »") is that person's — unless a quote already came in between.
 */
function precedingSubject(mentions: Mention[], sentences: Sentence[], q: QuoteDraft, prev: QuoteDraft | undefined): number | null {
  const para = sentences[q.sentence]!.paragraph;
  for (let s = q.sentence - 1; s >= 0 && sentences[s]!.paragraph === para; s--) {
    if (prev && prev.sentence >= s) return null;
    const first = mentionsIn(mentions, s).find((k) => !mentions[k]!.quoted);
    if (first === undefined) continue;
    const m = mentions[first]!;
    if (m.start === sentences[s]!.start && (m.type === 'person' || m.type === 'group' || m.type === 'organization') && m.entity) return first;
    return null;
  }
  return null;
}

export const linkContinuations: Stage = {
  name: 'link-continuations',
  requires: ['quotes', 'mentions', 'entities', 'sentences'],
  produces: [],
  run(doc) {
    const mentions = doc.layers.mentions!;
    const sentences = doc.layers.sentences!;
    const entities = new Map(doc.layers.entities!.map((e) => [e.id, e]));
    const out: QuoteDraft[] = [];
    const lastVia = new Map<string, QuoteDraft['via']>();
    for (const draft of doc.layers.quotes!) {
      const q = { ...draft, evidence: [...draft.evidence] };
      const prev = out[out.length - 1];
      const para = sentences[q.sentence]!.paragraph;
      const near = prev && para - sentences[prev.sentence]!.paragraph <= PARAGRAPH_REACH;
      const introducer = q.cue === null ? precedingSubject(mentions, sentences, q, prev) : null;
      if (introducer !== null) {
        q.speakerMention = introducer;
        q.speakerEntity = mentions[introducer]!.entity ?? null;
        q.evidence.push('continuation.paragraph-subject');
      } else if (q.cue === null && q.speakerMention === null && prev && near) {
        q.continues = prev.id;
        q.speakerMention = prev.speakerMention;
        q.speakerEntity = prev.speakerEntity;
        q.speakerName = prev.speakerName;
        if (!q.via.length) q.via = prev.via;
        q.addressee ??= prev.addressee;
        q.evidence.push('continuation.previous-quote');
      }
      const m = q.speakerMention !== null ? mentions[q.speakerMention] : undefined;
      if (m && m.kind === 'pronoun' && m.gender !== null && prev?.speakerEntity && near) {
        const e = entities.get(prev.speakerEntity);
        if (e && agrees(m, e) && m.entity !== e.id && m.kind === 'pronoun') {
          q.speakerEntity = e.id;
          q.evidence.push('coref.pronoun.previous-speaker');
        }
      }
      if (q.speakerEntity) {
        if (!q.via.length && lastVia.has(q.speakerEntity)) {
          q.via = lastVia.get(q.speakerEntity)!;
          q.carriedVia = q.via;
          q.evidence.push('via.carried-over');
        }
        if (q.carriedVia?.length) lastVia.set(q.speakerEntity, q.carriedVia);
        else if (q.via.length) lastVia.delete(q.speakerEntity);
      }
      out.push(q);
    }
    return { ...doc, layers: { ...doc.layers, quotes: out } };
  },
};
