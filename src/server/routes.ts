/** The /api routes: extraction, stored quotes, speakers, documents and accounts. */
import { Hono } from 'hono';
import type { Extraction, QuoteKind, Verdict } from '../types.js';
import type { ExtractFn, Store } from '../store/store.js';
import { recordProblem } from '../store/validate.js';
import { textHash } from '../store/hash.js';
import { badRequest, notFound } from './errors.js';
import { idParam, jsonBody, Query } from './params.js';
import { extractRequest } from './input.js';
import { openApiDocument } from './openapi.js';
import { accountsFromStore } from '../accounts/sources.js';

const KINDS: readonly QuoteKind[] = ['direct', 'mixed', 'indirect'];
const VERDICTS: readonly Verdict[] = ['consistent', 'variant', 'divergent'];

export function apiRoutes(store: Store, extract: ExtractFn): Hono {
  const api = new Hono();

  api.get('/openapi.json', (c) => c.json(openApiDocument()));

  api.post('/extract', async (c) => {
    const { input, options } = extractRequest(await jsonBody(c), '-');
    return c.json(extract(input, options));
  });

  api.get('/quotes', async (c) => {
    const q = new Query(c);
    return c.json(await store.searchQuotes({
      q: q.words('q'), speaker: q.text('speaker', 200), speakerId: q.positive('speakerId'), lang: q.lang(),
      ...q.period('from', 'to'), via: q.text('via', 200), outlet: q.text('outlet', 200),
      kind: q.oneOf('kind', KINDS), documentId: q.text('document', 2000), facets: q.flag('facets'), ...q.paging(),
    }));
  });

  api.get('/speakers', async (c) => {
    const q = new Query(c);
    return c.json(await store.listSpeakers({ q: q.text('q', 200), lang: q.lang(), ...q.paging() }));
  });

  api.get('/speakers/:id', async (c) => {
    const speaker = await store.getSpeaker(idParam(c.req.param('id'), 'speaker id'));
    if (!speaker) throw notFound(`no speaker ${c.req.param('id')}`);
    return c.json(speaker);
  });

  // Document ids are paths, FILE:LINE or URLs: they may hold slashes, so the id is the rest of the path.
  api.get('/documents/:id{.+}', async (c) => {
    const id = c.req.param('id');
    const record = await store.getDocument(id);
    if (!record) throw notFound(`no document "${id}"`);
    return c.json(record);
  });

  api.post('/documents', async (c) => {
    const record = await recordFromBody(await jsonBody(c), extract);
    const result = await store.ingest(record);
    return c.json(result, result.outcome === 'added' ? 201 : 200);
  });

  // Within documents: the filters of `selon accounts` (speaker, since, until, over the document's date) and a few more.
  api.get('/accounts', async (c) => {
    const q = new Query(c);
    const period = q.period('since', 'until');
    return c.json(await store.listAccounts({
      speaker: q.text('speaker', 200), speakerId: q.positive('speakerId'), since: period.from, until: period.to,
      verdict: q.oneOf('verdict', VERDICTS), documentId: q.text('document', 2000), ...q.paging(),
    }));
  });

  // Across documents: the same words in several outlets, clustered by speaker and near-duplicate wording.
  api.get('/accounts/across', async (c) => {
    const q = new Query(c);
    const period = q.period('since', 'until');
    return c.json(await accountsFromStore(store, {
      speaker: q.text('speaker', 200), since: period.from, until: period.to, flagged: q.flag('flagged'),
      minSize: q.positive('minSize', 1000), limit: q.positive('limit', 1000) ?? 100,
    }));
  });

  api.get('/stats', async (c) => c.json(await store.stats()));

  return api;
}

/** A body to store: a selon/1 record as it is, or a document to extract first (its id defaults to its text hash). */
async function recordFromBody(body: Record<string, unknown>, extract: ExtractFn): Promise<Extraction> {
  if ('schema' in body) {
    const problem = recordProblem(body);
    if (problem) throw badRequest(`not a valid selon/1 record: ${problem}`);
    return body as unknown as Extraction;
  }
  const content = typeof body.text === 'string' ? body.text : typeof body.html === 'string' ? body.html : '';
  const { input, options } = extractRequest(body, `api:${textHash(content).slice(0, 16)}`);
  return extract(input, options);
}
