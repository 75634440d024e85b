/** Turns a finished Document into a selon/1 Extraction (and builds skipped records). */
import type { Document, DocumentMeta, Extraction, OutputQuote, OutputEntity, QuoteDraft, Ref, SkipReason, Span, TextSpan } from './types.js';
import type { EngineConfig } from './config.js';

export function textSpan(text: string, span: Span): TextSpan {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

export function skipped(
  base: { id: string; text: string; meta: DocumentMeta; date: string | null; lang: string | null },
  reason: SkipReason,
  engine: Extraction['engine'],
): Extraction {
  return {
    schema: 'selon/1', engine, id: base.id, status: 'skipped', reason, lang: base.lang, date: base.date,
    meta: normaliseMeta(base.meta), text: base.text, quotes: [], entities: [], boilerplate: [], accounts: [], messages: [],
  };
}

function normaliseMeta(meta: DocumentMeta): DocumentMeta {
  const out: DocumentMeta = {};
  for (const key of ['url', 'title', 'author', 'site', 'source'] as const) out[key] = meta[key] ?? null;
  return out;
}

export function toExtraction(doc: Document, engine: Extraction['engine'], config: EngineConfig): Extraction {
  const { text, layers } = doc;
  const mentions = layers.mentions ?? [];
  const entities = layers.entities ?? [];
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const cues = layers.cues ?? [];
  const kept = (layers.quotes ?? []).filter((q) => q.confidence >= config.minConfidence);
  const keptIds = new Set(kept.map((q) => q.id));

  const speakerOf = (q: QuoteDraft): Ref | null => {
    const m = q.speakerMention !== null ? mentions[q.speakerMention] : undefined;
    const entity = q.speakerEntity ?? m?.entity ?? null;
    const name = (entity && entityName.get(entity)) || q.speakerName || m?.name || null;
    if (!name) return null;
    return { name, entity, mention: m ? textSpan(text, m) : null };
  };

  const quotes: OutputQuote[] = kept.map((q) => ({
    id: q.id,
    kind: q.kind,
    content: textSpan(text, q.content),
    fragments: q.fragments ? q.fragments.map((f) => [f.start, f.end] as [number, number]) : null,
    speaker: speakerOf(q),
    cue: q.cue !== null && cues[q.cue] ? textSpan(text, cues[q.cue]!) : null,
    addressee: q.addressee,
    via: q.via,
    time: q.time,
    continues: q.continues && keptIds.has(q.continues) ? q.continues : null,
    confidence: Math.round(q.confidence * 1000) / 1000,
    evidence: q.evidence,
  }));

  const outEntities: OutputEntity[] = entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    gender: e.gender,
    mentions: e.mentions.map((i) => textSpan(text, mentions[i]!)),
  }));

  return {
    schema: 'selon/1',
    engine,
    id: doc.id,
    status: 'ok',
    reason: null,
    lang: doc.lang,
    date: doc.date,
    meta: normaliseMeta(doc.meta),
    text,
    quotes,
    entities: outEntities,
    boilerplate: layers.boilerplate ?? [],
    accounts: (layers.accounts ?? []).filter((a) => a.quotes.every((id) => keptIds.has(id))),
    messages: doc.messages,
  };
}
