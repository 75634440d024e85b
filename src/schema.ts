/**
 * Validates a record against the selon/1 contract: the JSON Schema in schema/selon-1.schema.json, then what a schema
 * cannot say — spans inside the text and carrying the text they name, ids that point somewhere, quotes clear of
 * boilerplate. Used by tests and by anything that stores records. Needs ajv (a dev dependency) and node:fs.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

export const SCHEMA_PATH = new URL('../schema/selon-1.schema.json', import.meta.url);

let compiled: ValidateFunction | null = null;

function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object;
    compiled = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  }
  return compiled;
}

type Obj = Record<string, unknown>;
interface SpanLike { start: number; end: number; text?: string }

/** Problems with a record, each "path: what is wrong"; empty when the record keeps the contract. */
export function validateExtraction(x: unknown): string[] {
  const validate = schemaValidator();
  if (!validate(x)) return (validate.errors ?? []).map(describe);
  return integrityProblems(x as Obj);
}

function describe(e: ErrorObject): string {
  return `${e.instancePath || '/'}: ${e.message ?? e.keyword}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`;
}

/** Spans and references, on a record that already matches the schema. */
function integrityProblems(x: Obj): string[] {
  const text = x.text as string;
  const problems: string[] = [];
  const span = (s: SpanLike | null | undefined, path: string): void => {
    if (!s) return;
    if (s.start > s.end || s.end > text.length) problems.push(`${path}: span ${s.start}-${s.end} outside the text (${text.length})`);
    else if (s.text !== undefined && text.slice(s.start, s.end) !== s.text) problems.push(`${path}: text differs from text.slice(${s.start}, ${s.end})`);
  };
  const quotes = x.quotes as Obj[];
  const entities = x.entities as Obj[];
  const entityIds = uniqueIds(entities, '/entities', problems);
  const quoteIds = uniqueIds(quotes, '/quotes', problems);
  const entity = (id: unknown, path: string): void => {
    if (typeof id === 'string' && !entityIds.has(id)) problems.push(`${path}: no entity "${id}"`);
  };
  entities.forEach((e, i) => (e.mentions as SpanLike[]).forEach((m, k) => span(m, `/entities/${i}/mentions/${k}`)));
  (x.boilerplate as SpanLike[]).forEach((b, i) => span(b, `/boilerplate/${i}`));
  (x.messages as SpanLike[]).forEach((m, i) => span(m, `/messages/${i}`));
  quotes.forEach((q, i) => quoteProblems(q, `/quotes/${i}`, { span, entity, quoteIds, problems, boilerplate: x.boilerplate as SpanLike[] }));
  (x.accounts as Obj[]).forEach((a, i) => {
    entity(a.speaker, `/accounts/${i}/speaker`);
    for (const id of a.quotes as string[]) if (!quoteIds.has(id)) problems.push(`/accounts/${i}/quotes: no quote "${id}"`);
  });
  return problems;
}

function uniqueIds(items: Obj[], path: string, problems: string[]): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id as string)) problems.push(`${path}: id "${item.id}" used twice`);
    ids.add(item.id as string);
  }
  return ids;
}

interface QuoteCheck {
  span(s: SpanLike | null | undefined, path: string): void;
  entity(id: unknown, path: string): void;
  quoteIds: Set<string>;
  problems: string[];
  boilerplate: SpanLike[];
}

function quoteProblems(q: Obj, path: string, c: QuoteCheck): void {
  const content = q.content as SpanLike;
  c.span(content, `${path}/content`);
  if (content.start >= content.end) c.problems.push(`${path}/content: empty`);
  const pieces = (q.fragments as [number, number][] | null) ?? [[content.start, content.end]];
  pieces.forEach(([s, e], k) => {
    const before = k > 0 ? pieces[k - 1]![1] : content.start;
    if (s >= e || s < before || e > content.end) c.problems.push(`${path}/fragments/${k}: [${s}, ${e}] not an ordered piece of the content`);
  });
  for (const b of c.boilerplate) {
    if (pieces.some(([s, e]) => s < b.end && b.start < e)) c.problems.push(`${path}: overlaps boilerplate ${b.start}-${b.end}`);
  }
  for (const key of ['speaker', 'addressee'] as const) {
    const ref = q[key] as Obj | null;
    if (!ref) continue;
    c.span(ref.mention as SpanLike | null, `${path}/${key}/mention`);
    c.entity(ref.entity, `${path}/${key}/entity`);
  }
  (q.via as Obj[]).forEach((v, k) => {
    c.span(v.mention as SpanLike | null, `${path}/via/${k}/mention`);
    c.entity(v.entity, `${path}/via/${k}/entity`);
  });
  c.span(q.cue as SpanLike | null, `${path}/cue`);
  c.span(q.time as SpanLike | null, `${path}/time`);
  const continues = q.continues as string | null;
  if (continues !== null && (continues === q.id || !c.quoteIds.has(continues))) c.problems.push(`${path}/continues: no other quote "${continues}"`);
}
