/**
 * The OpenAPI 3.1 description of selon's HTTP API, served at /api/openapi.json. Schemas are JSON Schema 2020-12;
 * the API tests validate real responses against them, so this document cannot drift from the code unnoticed.
 */
import { readFileSync } from 'node:fs';
import { ENGINE_VERSION } from '../config.js';
import { MAX_PAGE_SIZE } from '../store/store.js';
import { MAX_QUERY_LENGTH } from './params.js';

type Schema = Record<string, unknown>;

const SELON_SCHEMA_FILE = new URL('../../schema/selon-1.schema.json', import.meta.url);
export const SELON_SCHEMA_ID = 'urn:selon:schema:selon-1';

let selon: Schema | null = null;

function selonSchema(): Schema {
  selon ??= JSON.parse(readFileSync(SELON_SCHEMA_FILE, 'utf8')) as Schema;
  if (selon.$id !== SELON_SCHEMA_ID) throw new Error(`schema/selon-1.schema.json has $id ${String(selon.$id)}, expected ${SELON_SCHEMA_ID}`);
  return selon;
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const str: Schema = { type: 'string' };
const nstr: Schema = { type: ['string', 'null'] };
const int: Schema = { type: 'integer' };
const arrayOf = (items: Schema): Schema => ({ type: 'array', items });
const object = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({ type: 'object', properties, required });
const pageOf = (item: string, extra: Record<string, Schema> = {}): Schema =>
  object({ items: arrayOf(ref(item)), total: int, page: int, pageSize: int, ...extra }, ['items', 'total', 'page', 'pageSize']);
const facet = (value: Schema = str): Schema => object({ value, count: int });

const schemas: Record<string, Schema> = {
  Error: object({ error: object({ code: str, message: str }) }),
  // The selon/1 record is the project's JSON Schema (schema/selon-1.schema.json), embedded whole: one source.
  Extraction: selonSchema(),
  Quote: { $ref: `${SELON_SCHEMA_ID}#/$defs/quote` },
  Account: { $ref: `${SELON_SCHEMA_ID}#/$defs/account` },
  ExtractRequest: {
    type: 'object',
    properties: {
      text: { ...str, description: 'plain text (give text or html)' },
      html: { ...str, description: 'an HTML page; the article body is extracted' },
      lang: { type: 'string', pattern: '^(auto|[a-z]{2})$', default: 'auto' },
      date: { type: 'string', format: 'date', description: 'publication date, resolves "mardi", "on Tuesday"' },
      url: str,
      id: str,
      title: str,
    },
    oneOf: [{ required: ['text'] }, { required: ['html'] }],
    additionalProperties: false,
  },
  DocumentSummary: object({ id: str, url: nstr, title: nstr, outlet: nstr, lang: nstr, date: nstr }),
  SpeakerRef: object({ id: int, name: str }),
  QuoteRecord: object({ document: ref('DocumentSummary'), speaker: nullable(ref('SpeakerRef')), date: nstr, quote: ref('Quote') }),
  Facets: object({
    speakers: arrayOf(object({ value: int, name: str, count: int })),
    outlets: arrayOf(facet()),
    langs: arrayOf(facet()),
    years: arrayOf(facet()),
  }),
  QuotePage: pageOf('QuoteRecord', { facets: ref('Facets') }),
  SpeakerSummary: object({
    id: int, name: str, type: nstr, aliases: arrayOf(str), quotes: int, documents: int, first: nstr, last: nstr,
  }),
  SpeakerPage: pageOf('SpeakerSummary'),
  SpeakerDetail: {
    allOf: [ref('SpeakerSummary'), object({ outlets: arrayOf(facet()), langs: arrayOf(facet()), timeline: arrayOf(facet()), undated: int })],
  },
  AccountRecord: object({ document: ref('DocumentSummary'), speaker: nullable(ref('SpeakerRef')), account: ref('Account'), quotes: arrayOf(ref('Quote')) }),
  AccountPage: pageOf('AccountRecord'),
  AccountsReport: object({
    filters: { type: 'object' },
    clusters: arrayOf({ type: 'object', description: 'speaker, earliest appearance, outlets, versions with word diffs, flags' }),
    conflicts: arrayOf({ type: 'object', description: 'the same words attributed to different speakers by different outlets' }),
    stats: { type: 'object' },
  }),
  IngestResult: object({ id: str, outcome: { enum: ['added', 'replaced', 'unchanged'] }, quotes: int }),
  Stats: object({
    backend: str, schemaVersion: int, documents: int, skipped: int, quotes: int, speakers: int, accounts: int,
    langs: arrayOf(facet()), engines: arrayOf(facet()), first: nstr, last: nstr,
  }),
};

const query = (name: string, schema: Schema, description: string) => ({ name, in: 'query', required: false, schema, description });

const parameters: Record<string, Schema> = {
  q: query('q', { type: 'string', maxLength: MAX_QUERY_LENGTH }, 'words in the quote or its speaker\'s names (as written, and the cross-document name: "emmanuel" finds "M. Macron"); accents and case folded; "a phrase" in quotes; word* for a prefix; a query with no letter or digit is a 400'),
  speaker: query('speaker', str, 'speaker name; "Macron" finds Emmanuel Macron and every alias'),
  speakerId: query('speakerId', { type: 'integer', minimum: 1 }, 'speaker id from /api/speakers'),
  lang: query('lang', { type: 'string', pattern: '^[a-z]{2}$' }, 'language of the document'),
  from: query('from', { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, 'first date (inclusive); yyyy or yyyy-mm widen'),
  to: query('to', { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, 'last date (inclusive); yyyy or yyyy-mm widen'),
  via: query('via', str, 'channel name found in the quote\'s via ("CCTV", "transcript")'),
  outlet: query('outlet', str, 'outlet (site name, else URL host)'),
  kind: query('kind', { enum: ['direct', 'mixed', 'indirect'] }, 'quote kind'),
  document: query('document', str, 'document id'),
  facets: query('facets', { enum: ['0', '1', 'true', 'false'] }, 'add facet counts over the whole result'),
  verdict: query('verdict', { enum: ['consistent', 'variant', 'divergent'] }, 'account verdict'),
  page: query('page', { type: 'integer', minimum: 1, default: 1 }, '1-based page'),
  pageSize: query('pageSize', { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 }, 'items per page'),
  since: query('since', { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, 'first date (inclusive; yyyy or yyyy-mm widen): of the document for /api/accounts, of the quote for /api/accounts/across'),
  until: query('until', { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, 'last date (inclusive; yyyy or yyyy-mm widen): of the document for /api/accounts, of the quote for /api/accounts/across'),
  flagged: query('flagged', { enum: ['0', '1', 'true', 'false'] }, 'only clusters whose wording or speaker differs between outlets'),
  minSize: query('minSize', { type: 'integer', minimum: 1 }, 'only clusters with at least this many quotes'),
  limit: query('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, 'at most this many clusters'),
  speakerQuery: query('q', { type: 'string', maxLength: 200 }, 'name prefix search over speakers and their aliases'),
};

const p = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const json = (schema: Schema) => ({ 'application/json': { schema } });
const ok = (name: string, description: string) => ({ description, content: json(ref(name)) });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const problems = { 400: error('bad request (with the reason)'), 401: error('missing or wrong bearer token') };

const paths = {
  '/api/extract': {
    post: {
      operationId: 'extract',
      summary: 'Extract reported speech from one document (nothing is stored)',
      requestBody: { required: true, content: json(ref('ExtractRequest')) },
      responses: { 200: ok('Extraction', 'the selon/1 record'), ...problems, 413: error('body too large'), 415: error('not JSON') },
    },
  },
  '/api/quotes': {
    get: {
      operationId: 'searchQuotes',
      summary: 'Search stored quotes',
      parameters: ['q', 'speaker', 'speakerId', 'lang', 'from', 'to', 'via', 'outlet', 'kind', 'document', 'facets', 'page', 'pageSize'].map(p),
      responses: { 200: ok('QuotePage', 'one page of quotes, best match first (newest first without q)'), ...problems },
    },
  },
  '/api/speakers': {
    get: {
      operationId: 'listSpeakers',
      summary: 'Cross-document speakers, most quoted first',
      parameters: [p('speakerQuery'), p('lang'), p('page'), p('pageSize')],
      responses: { 200: ok('SpeakerPage', 'one page of speakers'), ...problems },
    },
  },
  '/api/speakers/{id}': {
    get: {
      operationId: 'getSpeaker',
      summary: 'One speaker: aliases, outlets, languages, timeline',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      responses: { 200: ok('SpeakerDetail', 'the speaker'), ...problems, 404: error('no such speaker') },
    },
  },
  '/api/documents': {
    post: {
      operationId: 'ingestDocument',
      summary: 'Store a document: a selon/1 record as it is, or text/html to extract first',
      requestBody: { required: true, content: json({ oneOf: [ref('Extraction'), ref('ExtractRequest')] }) },
      responses: {
        200: ok('IngestResult', 'already stored (unchanged) or replaced'),
        201: ok('IngestResult', 'added'),
        ...problems, 413: error('body too large'), 415: error('not JSON'),
      },
    },
  },
  '/api/documents/{id}': {
    get: {
      operationId: 'getDocument',
      summary: 'The stored selon/1 record of a document',
      parameters: [{ name: 'id', in: 'path', required: true, schema: str, description: 'document id (may contain "/")' }],
      responses: { 200: ok('Extraction', 'the record exactly as stored'), ...problems, 404: error('no such document') },
    },
  },
  '/api/accounts': {
    get: {
      operationId: 'listAccounts',
      summary: 'Accounts of the same words (document-level), with the quotes they compare',
      parameters: [p('speaker'), p('speakerId'), p('since'), p('until'), p('verdict'), p('document'), p('page'), p('pageSize')],
      responses: { 200: ok('AccountPage', 'one page of accounts'), ...problems },
    },
  },
  '/api/accounts/across': {
    get: {
      operationId: 'accountsAcross',
      summary: 'Versions of the same words across documents: clusters by speaker and near-duplicate wording, with outlets, earliest appearance, word diffs and flags',
      parameters: [p('speaker'), p('since'), p('until'), p('flagged'), p('minSize'), p('limit')],
      responses: { 200: ok('AccountsReport', 'clusters and conflicting attributions'), ...problems },
    },
  },
  '/api/stats': {
    get: { operationId: 'stats', summary: 'What the store holds', responses: { 200: ok('Stats', 'counts'), 401: problems[401] } },
  },
  '/api/openapi.json': {
    get: { operationId: 'openapi', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } },
  },
};

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'selon',
      version: ENGINE_VERSION,
      summary: 'Who said what, to whom, when, and according to whom: reported speech in French and English news.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    security: [{}, { bearer: [] }],
    paths,
    components: {
      schemas,
      parameters,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'required when the server listens beyond the loopback' },
      },
    },
  };
}
