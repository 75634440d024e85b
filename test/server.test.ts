/** The HTTP API in-process (app.request), plus the real listener's exposure rules. */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Hono } from 'hono';
import { createApp } from '../src/server/app.js';
import { openApiDocument } from '../src/server/openapi.js';
import { startServer, checkExposure } from '../src/server/serve.js';
import { serveUi } from '../src/server/static.js';
import { openStore, type Store } from '../src/store/store.js';
import { makeRecord } from '../src/store/synthetic.js';
import { SelonError } from '../src/errors.js';
import type { Extraction } from '../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'selon-server-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">';

const records: Extraction[] = [
  makeRecord({
    id: 'lemonde/2022/05/24/appel.html', date: '2022-05-24', site: 'Le Monde', title: 'Appel',
    quotes: [
      { content: 'Nous renforcerons la sécurité des Français', speaker: 'M. Macron', via: ['CCTV'] },
      { content: 'Elle a demandé un accès sans entrave', speaker: 'Michelle Bachelet', via: ['UN transcript'] },
      { content: 'Elle a salué les progrès accomplis', speaker: 'Michelle Bachelet', via: ['readout'] },
    ],
    accounts: [{ quotes: [1, 2], verdict: 'divergent' }],
  }),
  makeRecord({ id: 'bbc-1', lang: 'en', date: '2023-01-10', url: 'https://www.bbc.co.uk/news/1', quotes: [{ content: 'Security is our first duty', speaker: 'Emmanuel Macron' }] }),
  makeRecord({ id: `xss-${XSS}`, title: XSS, quotes: [{ content: `${XSS} a-t-il écrit`, speaker: `${XSS} Roy`, via: [XSS] }] }),
];

// ---- OpenAPI schemas, used to validate every response below ----
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addSchema({ ...openApiDocument(), $id: 'api' });
function conforms(name: string, value: unknown): void {
  const validate = ajv.getSchema(`api#/components/schemas/${name}`);
  assert.ok(validate, `schema ${name}`);
  assert.ok(validate(value), `${name}: ${ajv.errorsText(validate.errors)}`);
}

let store: Store;
let app: Hono;
const logged: string[] = [];

before(async () => {
  store = await openStore(`sqlite:${join(dir, 'api.db')}`);
  await store.ingestMany(records);
  app = createApp({ store, log: (line) => logged.push(line) });
});
after(() => store.close());

async function json(res: Response, status: number): Promise<any> {
  const text = await res.text();
  assert.equal(res.status, status, text.slice(0, 300));
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return JSON.parse(text);
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }));
}

async function expectError(res: Response, status: number, code: string, reason?: RegExp): Promise<void> {
  const body = await json(res, status);
  conforms('Error', body);
  assert.equal(body.error.code, code);
  if (reason) assert.match(body.error.message, reason);
  assert.doesNotMatch(body.error.message, /\n\s+at /, 'no stack trace');
}

describe('POST /api/extract', () => {
  test('text in, selon/1 out', async () => {
    const body = await json(await post('/api/extract', { text: '« Nous ne céderons pas », a déclaré mardi Emmanuel Macron à Paris.', date: '2022-05-24', id: 'mine' }), 200);
    conforms('Extraction', body);
    assert.equal(body.schema, 'selon/1');
    assert.equal(body.id, 'mine');
    assert.equal(body.lang, 'fr');
    assert.equal(body.date, '2022-05-24');
  });

  test('html in: the article body is read', async () => {
    const html = `<html><head><title>Titre</title></head><body><article><p>${'« Nous ne céderons pas », a déclaré le ministre devant les députés. '.repeat(4)}</p></article></body></html>`;
    const body = await json(await post('/api/extract', { html, url: 'https://example.org/a' }), 200);
    conforms('Extraction', body);
    assert.equal(body.meta.url, 'https://example.org/a');
    assert.match(body.text, /céderons/);
  });

  test('a language without a pack is an outcome, not an error', async () => {
    const body = await json(await post('/api/extract', { text: 'Ein Satz.', lang: 'de' }), 200);
    assert.equal(body.status, 'skipped');
    assert.equal(body.reason, 'unsupported-language');
  });

  const bad: [string, unknown, RegExp][] = [
    ['malformed JSON', '{"text": "a"', /malformed JSON/],
    ['an empty body', '', /empty/],
    ['a JSON array', '[1]', /JSON object/],
    ['no text nor html', { lang: 'fr' }, /missing field/],
    ['both text and html', { text: 'a', html: '<p>a</p>' }, /not both/],
    ['a non-string text', { text: 42 }, /text must be a string/],
    ['a bad lang', { text: 'a', lang: 'french' }, /lang/],
    ['a bad date', { text: 'a', date: '24/05/2022' }, /date/],
    ['a date that does not exist', { text: 'a', date: '2023-02-29' }, /date must be yyyy-mm-dd, not "2023-02-29": 2023-02 has no day 29/],
    ['an unknown field', { text: 'a', txet: 'b' }, /unknown field "txet"/],
  ];
  for (const [what, body, reason] of bad) {
    test(`${what} → 400 with the reason`, async () => expectError(await post('/api/extract', body), 400, 'bad-request', reason));
  }

  test('another content type → 415', async () =>
    expectError(await app.request('/api/extract', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }), 415, 'unsupported-media-type'));

  test('a body over 5 MB → 413, before extraction', async () => {
    const big = JSON.stringify({ text: 'a'.repeat(5 * 1024 * 1024 + 10) });
    await expectError(await post('/api/extract', big), 413, 'payload-too-large');
  });

  test('the limit also holds without a Content-Length (streamed body)', async () => {
    const small = createApp({ store, bodyLimit: 1000 });
    const stream = new ReadableStream({
      start(ctl) {
        for (let i = 0; i < 10; i++) ctl.enqueue(new TextEncoder().encode(`{"text":"${'b'.repeat(200)}`));
        ctl.close();
      },
    });
    const res = await small.request('/api/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    await expectError(res, 413, 'payload-too-large');
  });
});

describe('GET /api/quotes', () => {
  test('full text with accent folding, facets, and the documented shape', async () => {
    const body = await json(await app.request('/api/quotes?q=securite&facets=1'), 200);
    conforms('QuotePage', body);
    assert.equal(body.total, 1);
    assert.equal(body.items[0].speaker.name, 'Emmanuel Macron');
    assert.equal(body.items[0].document.outlet, 'Le Monde');
    assert.deepEqual(body.facets.langs, [{ value: 'fr', count: 1 }]);
  });

  const filters: [string, number][] = [
    ['speaker=Macron', 2], ['speaker=Bachelet&via=transcript', 1], ['lang=en', 1], ['from=2023', 1], ['to=2022-12', 3],
    ['outlet=bbc.co.uk', 1], ['kind=direct', 5], [`document=${encodeURIComponent('lemonde/2022/05/24/appel.html')}`, 3],
    ['q=porte-parole', 0], [`q=${encodeURIComponent("l'a \" AND (NEAR *")}`, 0], ['pageSize=2&page=3', 5],
  ];
  for (const [query, total] of filters) {
    test(`?${query} → ${total}`, async () => {
      const body = await json(await app.request(`/api/quotes?${query}`), 200);
      conforms('QuotePage', body);
      assert.equal(body.total, total);
    });
  }

  const bad = ['from=yesterday', 'to=2022-5-1', 'page=0', 'page=x', 'pageSize=1000', 'kind=rumour', 'lang=FRA', 'speakerId=-1', 'facets=maybe', `q=${'a'.repeat(1001)}`];
  for (const query of bad) test(`?${query.slice(0, 30)} → 400`, async () => expectError(await app.request(`/api/quotes?${query}`), 400, 'bad-request'));

  test('dates that do not exist, periods that end before they start, wordless queries and broken percent-encoding are 400s with the reason', async () => {
    const cases: [string, RegExp][] = [
      ['/api/quotes?from=2022-13', /from must be a date .*"2022-13": there is no month 13/],
      ['/api/quotes?to=2023-02-29', /to must be a date .*"2023-02-29": 2023-02 has no day 29/],
      ['/api/quotes?from=2022-00-10', /there is no month 0/],
      ['/api/quotes?from=2024&to=2022-06', /from and to: from 2024 is after to 2022-06/],
      ['/api/accounts/across?since=2022-04-31', /since must be a date .*2022-04 has no day 31/],
      ['/api/accounts/across?since=2023-02&until=2023-01', /since and until: since 2023-02 is after until 2023-01/],
      // Not a date, but the same kind of silent surprise: a query with no word would list every quote.
      ['/api/quotes?q=*', /q "\*" holds no word to search for/],
      ['/api/quotes?q=s%E9curit%E9', /the query parameter "q" is not valid percent-encoding \(UTF-8\): "q=s%E9curit%E9"/],
      ['/api/speakers?q=%', /"q" is not valid percent-encoding/],
      [`/api/quotes?q=${encodeURIComponent('« ? » -')}`, /holds no word/],
    ];
    for (const [path, reason] of cases) await expectError(await app.request(path), 400, 'bad-request', reason);
    for (const query of ['from=2024-02-29', 'from=2022&to=2022', 'from=2022-05&to=2022-05-31', 'q=s%C3%A9curit%C3%A9+des']) {
      await json(await app.request(`/api/quotes?${query}`), 200);
    }
  });
});

describe('speakers', () => {
  test('GET /api/speakers lists canonical speakers, most quoted first; q searches names', async () => {
    const body = await json(await app.request('/api/speakers'), 200);
    conforms('SpeakerPage', body);
    const top = body.items.slice(0, 2).map((s: { name: string; quotes: number }) => [s.name, s.quotes]).sort();
    assert.deepEqual(top, [['Emmanuel Macron', 2], ['Michelle Bachelet', 2]]);
    assert.equal(body.items.at(-1).quotes, 1);
    const found = await json(await app.request('/api/speakers?q=bachel'), 200);
    assert.deepEqual(found.items.map((s: { name: string }) => s.name), ['Michelle Bachelet']);
  });

  test('GET /api/speakers/:id gives the detail; unknown → 404; not a number → 400', async () => {
    const list = await json(await app.request('/api/speakers?q=macron'), 200);
    const body = await json(await app.request(`/api/speakers/${list.items[0].id}`), 200);
    conforms('SpeakerDetail', body);
    assert.deepEqual(body.aliases, ['Emmanuel Macron', 'M. Macron']);
    assert.deepEqual(body.langs, [{ value: 'en', count: 1 }, { value: 'fr', count: 1 }]);
    await expectError(await app.request('/api/speakers/99999'), 404, 'not-found');
    await expectError(await app.request('/api/speakers/abc'), 400, 'bad-request');
    await expectError(await app.request('/api/speakers/1%20OR%201=1'), 400, 'bad-request');
  });
});

describe('documents', () => {
  test('GET /api/documents/:id returns the stored record, ids with slashes included (raw or encoded)', async () => {
    const id = 'lemonde/2022/05/24/appel.html';
    for (const path of [`/api/documents/${id}`, `/api/documents/${encodeURIComponent(id)}`]) {
      const body = await json(await app.request(path), 200);
      conforms('Extraction', body);
      assert.deepEqual(body, records[0]);
    }
    await expectError(await app.request('/api/documents/nope'), 404, 'not-found');
  });

  test('POST /api/documents stores a selon/1 record: 201 added, then 200 unchanged', async () => {
    const record = makeRecord({ id: 'posted', quotes: [{ content: 'Un texte envoyé par l’API', speaker: 'Anne Roy' }] });
    const first = await json(await post('/api/documents', record), 201);
    conforms('IngestResult', first);
    assert.deepEqual(first, { id: 'posted', outcome: 'added', quotes: 1 });
    assert.deepEqual(await json(await post('/api/documents', record), 200), { id: 'posted', outcome: 'unchanged', quotes: 1 });
    assert.deepEqual(await json(await app.request('/api/documents/posted'), 200), record);
  });

  test('POST /api/documents extracts text first; the id defaults to a hash of the text', async () => {
    const text = '« Nous ne céderons pas », a déclaré Anne Roy devant la presse réunie à Lyon.';
    const first = await json(await post('/api/documents', { text }), 201);
    assert.match(first.id, /^api:[0-9a-f]{16}$/);
    assert.equal((await json(await post('/api/documents', { text }), 200)).outcome, 'unchanged');
    const stored = await json(await app.request(`/api/documents/${encodeURIComponent(first.id)}`), 200);
    assert.equal(stored.text, text);
  });

  test('POST /api/documents refuses an invalid record with its reason', async () => {
    await expectError(await post('/api/documents', { ...records[0], quotes: [{ id: 'q1' }] }), 400, 'bad-request', /quotes\[0\]/);
    await expectError(await post('/api/documents', { ...records[0], schema: 'selon/2' }), 400, 'bad-request', /schema/);
    await expectError(await post('/api/documents', { title: 'x' }), 400, 'bad-request', /missing field/);
  });
});

describe('accounts, stats, unknown routes', () => {
  test('GET /api/accounts lists accounts with the quotes they compare; filters by verdict', async () => {
    const body = await json(await app.request('/api/accounts'), 200);
    conforms('AccountPage', body);
    assert.equal(body.total, 1);
    assert.equal(body.items[0].speaker.name, 'Michelle Bachelet');
    assert.deepEqual(body.items[0].quotes.map((q: { via: { name: string }[] }) => q.via[0]?.name), ['UN transcript', 'readout']);
    assert.equal((await json(await app.request('/api/accounts?verdict=consistent'), 200)).total, 0);
    await expectError(await app.request('/api/accounts?verdict=maybe'), 400, 'bad-request');
  });

  test("GET /api/accounts takes selon accounts' filters: speaker under any name, since and until over the document date", async () => {
    const total = async (query: string) => {
      const body = await json(await app.request(`/api/accounts?${query}`), 200);
      conforms('AccountPage', body);
      return body.total;
    };
    const cases: [string, number][] = [
      ['speaker=Bachelet', 1], ['speaker=Mme%20Bachelet', 1], ['speaker=Michelle', 1], ['speaker=Macron', 0],
      ['since=2022-05-24', 1], ['since=2022-05-25', 0], ['until=2022-05-23', 0], ['since=2022-05&until=2022', 1],
      ['since=2022-05-24&until=2022-05-24&speaker=Bachelet', 1], ['since=2023', 0],
    ];
    for (const [query, expected] of cases) assert.equal(await total(query), expected, query);
    await expectError(await app.request('/api/accounts?since=2022-13'), 400, 'bad-request', /since must be a date .*there is no month 13/);
    await expectError(await app.request('/api/accounts?until=2023-02-29'), 400, 'bad-request', /until must be a date .*2023-02 has no day 29/);
    await expectError(await app.request('/api/accounts?since=2023&until=2022'), 400, 'bad-request', /since and until: since 2023 is after until 2022/);
  });

  test('GET /api/stats', async () => conforms('Stats', await json(await app.request('/api/stats'), 200)));

  test('unknown API paths and methods are JSON 404s', async () => {
    await expectError(await app.request('/api/nope'), 404, 'not-found');
    await expectError(await app.request('/api/quotes', { method: 'DELETE' }), 404, 'not-found');
  });
});

describe('OpenAPI document', () => {
  test('is OpenAPI 3.1 with valid JSON Schemas, and describes every route the app has', async () => {
    const doc = await json(await app.request('/api/openapi.json'), 200);
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.info.title && doc.info.version);
    const ajvStrict = new Ajv2020({ strict: false });
    ajvStrict.addFormat('date', true);
    ajvStrict.addSchema(doc.components.schemas.Extraction);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      if (name === 'Extraction') continue;
      assert.doesNotThrow(() => ajvStrict.compile({ ...(schema as object), $id: `s/${name}`, components: doc.components }), name);
    }
    const routes = new Set(app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`));
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m} ${path}`)));
    assert.deepEqual([...routes].sort(), [...documented].sort());
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { operationId: string; responses: object }>)) {
        assert.ok(op.operationId, `${method} ${path} operationId`);
        assert.ok(Object.keys(op.responses).length > 0, `${method} ${path} responses`);
      }
    }
    // Both accounts routes take the filters of selon accounts (--speaker, --since, --until).
    for (const path of ['/api/accounts', '/api/accounts/across']) {
      const names = doc.paths[path].get.parameters.map((x: { $ref: string }) => doc.components.parameters[x.$ref.split('/').at(-1)!].name);
      for (const filter of ['speaker', 'since', 'until']) assert.ok(names.includes(filter), `${path} documents ${filter}`);
    }
    const refs = JSON.stringify(doc).match(/#\/components\/(schemas|parameters)\/\w+/g) ?? [];
    for (const r of refs) {
      const [, , kind, name] = r.split('/');
      assert.ok(doc.components[kind!][name!], `${r} resolves`);
    }
  });
});

describe('the schemas used above do reject bad shapes', () => {
  test('a record, a quote page and an error that break the contract fail validation', () => {
    const record = structuredClone(records[0]!) as unknown as Record<string, unknown>;
    (record.quotes as Record<string, unknown>[])[0]!.kind = 'rumour';
    assert.throws(() => conforms('Extraction', record));
    assert.throws(() => conforms('Extraction', { ...records[0], extra: 1 }));
    assert.throws(() => conforms('QuotePage', { items: [{ document: {}, speaker: null, date: null, quote: {} }], total: 1, page: 1, pageSize: 20 }));
    assert.throws(() => conforms('Error', { error: { code: 400 } }));
    conforms('Extraction', records[0]);
  });
});

describe('hostile content is data', () => {
  test('script and onerror payloads come back verbatim inside JSON, with a JSON content type and nosniff', async () => {
    const res = await app.request(`/api/quotes?q=${encodeURIComponent(XSS)}`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const body = await json(res, 200);
    assert.equal(body.total, 1);
    assert.equal(body.items[0].quote.content.text, `${XSS} a-t-il écrit`);
    assert.equal(body.items[0].quote.speaker.name, `${XSS} Roy`);
    assert.equal(body.items[0].document.title, XSS);
    const doc = await json(await app.request(`/api/documents/${encodeURIComponent(`xss-${XSS}`)}`), 200);
    assert.equal(doc.meta.title, XSS);
    const speakers = await json(await app.request(`/api/speakers?q=${encodeURIComponent('script alert')}`), 200);
    assert.equal(speakers.items[0].name, `${XSS} Roy`);
  });
});

describe('internal failures', () => {
  test('a fault gives 500 with a generic message; the detail goes to the log only', async () => {
    const lines: string[] = [];
    const broken = createApp({ store, extract: () => { throw new Error('secret detail /etc/passwd'); }, log: (l) => lines.push(l) });
    const res = await broken.request('/api/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"a"}' });
    const body = await json(res, 500);
    assert.deepEqual(body, { error: { code: 'internal', message: 'internal error' } });
    assert.match(lines.join('\n'), /secret detail/);
  });
});

describe('access', () => {
  test('with a token, every request needs it (Bearer header or cookie)', async () => {
    const guarded = createApp({ store, token: 's3cret-token', ui: serveUi({ root: dir }) });
    for (const path of ['/api/quotes', '/api/openapi.json', '/', '/index.html']) {
      const res = await guarded.request(path);
      await expectError(res, 401, 'unauthorized');
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    await expectError(await guarded.request('/api/quotes', { headers: { authorization: 'Bearer wrong' } }), 401, 'unauthorized');
    await expectError(await guarded.request('/api/quotes', { headers: { authorization: 's3cret-token' } }), 401, 'unauthorized');
    await json(await guarded.request('/api/quotes', { headers: { authorization: 'Bearer s3cret-token' } }), 200);
    await json(await guarded.request('/api/quotes', { headers: { cookie: 'selon_token=s3cret-token' } }), 200);
  });

  test('with a token, a browser opening the UI gets a sign-in form that sets the token cookie', async () => {
    const root = join(dir, 'signin-ui');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="app"></div>');
    const guarded = createApp({ store, token: 's3cret-token', ui: serveUi({ root }) });
    const html = { accept: 'text/html,application/xhtml+xml' };
    // A page navigation: the form (401, no script, strict CSP), carrying the page asked for, escaped.
    const asked = '/search?q="><script>alert(1)</script>';
    const page = await guarded.request(asked, { headers: html });
    assert.equal(page.status, 401);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const body = await page.text();
    assert.match(body, /<form method="post" action="\/signin"/);
    assert.doesNotMatch(body, /<script/i);
    assert.match(body, /name="next" value="\/search\?q=%22%3E%3Cscript%3Ealert\(1\)%3C\/script%3E"/);
    assert.doesNotMatch(body, /index\.html|<div id="app">/, 'the UI itself is not shown');
    // The API still answers JSON, whatever the Accept header.
    await expectError(await guarded.request('/api/quotes', { headers: html }), 401, 'unauthorized');

    const signin = (fields: Record<string, string>, headers: Record<string, string> = {}) => guarded.request('/signin', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString(),
    });
    const wrong = await signin({ token: 'guess', next: '/search' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('set-cookie'), null);
    assert.match(await wrong.text(), /Wrong token/);

    const right = await signin({ token: 's3cret-token', next: '/search?q=x' });
    assert.equal(right.status, 303);
    assert.equal(right.headers.get('location'), '/search?q=x');
    const cookie = right.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^selon_token=s3cret-token;/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const jar = cookie.split(';')[0]!;
    await json(await guarded.request('/api/quotes', { headers: { cookie: jar } }), 200);
    const ui = await guarded.request('/search', { headers: { ...html, cookie: jar } });
    assert.equal(ui.status, 200);
    assert.match(await ui.text(), /<div id="app">/);

    // After signing in, only a path of this server: never another site.
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/signin', '']) {
      const res = await signin({ token: 's3cret-token', next });
      assert.equal(res.headers.get('location'), '/', next);
    }
    // Not a form, or a form too large: refused with a reason.
    await expectError(await guarded.request('/signin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 415, 'unsupported-media-type');
    await expectError(await signin({ token: 'x'.repeat(20_000) }), 413, 'payload-too-large');
    // Without a token configured there is nothing to sign in to.
    await expectError(await app.request('/signin', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=x' }), 404, 'not-found');
  });

  test('on the loopback, a foreign Host header is refused (DNS rebinding)', async () => {
    const local = createApp({ store, allowedHosts: ['localhost', '127.0.0.1', '[::1]'] });
    await json(await local.request('http://localhost:8787/api/stats'), 200);
    await json(await local.request('http://127.0.0.1:8787/api/stats'), 200);
    await json(await local.request('http://[::1]:8787/api/stats'), 200);
    await expectError(await local.request('http://evil.example:8787/api/stats'), 403, 'forbidden-host');
  });

  test('selon refuses to listen beyond the loopback without a token', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) {
      assert.throws(() => checkExposure(host, null), (err: SelonError) => err.code === 'E003' && /--token/.test(err.message));
      await assert.rejects(startServer({ store, host, port: 0 }), (err: SelonError) => err.code === 'E003');
    }
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) assert.doesNotThrow(() => checkExposure(host, null));
  });

  test('a real listener: loopback without a token, any address with one', async () => {
    const local = await startServer({ store, port: 0 });
    try {
      assert.match(local.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.equal((await fetch(`${local.url}api/stats`)).status, 200);
    } finally {
      await local.close();
    }
    const open = await startServer({ store, host: '0.0.0.0', port: 0, token: 'tok' });
    try {
      const url = `http://127.0.0.1:${open.port}/api/stats`;
      assert.equal((await fetch(url)).status, 401);
      assert.equal((await fetch(url, { headers: { authorization: 'Bearer tok' } })).status, 200);
    } finally {
      await open.close();
    }
  });
});

describe('static files', () => {
  test('the UI handler serves its folder and nothing outside it', async () => {
    const root = join(dir, 'ui');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>selon</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
    writeFileSync(join(root, '.env'), 'TOP-SECRET');
    const withUi = createApp({ store, ui: serveUi({ root }) });
    assert.equal((await withUi.request('/assets/app.js')).status, 200);
    assert.match(await (await withUi.request('/')).text(), /<title>selon/);
    const attempts = ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/.env', '/%2eenv', '/assets%00/../../secret.txt', '/%c0%ae%c0%ae/secret.txt'];
    for (const path of attempts) {
      const res = await withUi.request(path);
      const text = await res.text();
      assert.doesNotMatch(text, /TOP-SECRET/, path);
    }
    // The API stays the API when a UI is mounted.
    await expectError(await withUi.request('/api/nope'), 404, 'not-found');
    await json(await withUi.request('/api/stats'), 200);
  });
});
