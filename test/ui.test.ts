/**
 * The web UI end to end, in headless Chromium against the real server (random port, SQLite file in a tmp folder):
 * Read runs the engine in the browser (also offline), Search leads to a Speaker page, Document and Accounts render,
 * and hostile text, names and queries never execute. Screenshots go to test-artifacts/ui/.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { extract } from '../src/index.js';
import { makeRecord } from '../src/store/synthetic.js';
import { screenshot, startUiServer, uiSession, watchErrors } from './ui-harness.js';

const FR_ARTICLE = `Grève des transports : le gouvernement ne recule pas

« Nous ne céderons pas », a déclaré la ministre Anne Roy mardi devant les députés.

Selon le syndicat Sud-Rail, la mobilisation doit se poursuivre jusqu'à la fin de la semaine. « Les cheminots sont déterminés », a affirmé son porte-parole, Marc Lefèvre.`;

/** Hostile strings: if any of them ever became markup, it would set window.__x or open a dialog. */
const XSS = {
  img: '<img src=x onerror="window.__x=1;alert(1)">',
  script: '<script>window.__x=2;alert(2)</script>',
  svg: '<svg onload="window.__x=3"></svg>',
};

const records = [
  // What the engine really makes of an article (ingested as the API would).
  extract({ id: 'test/greve', text: FR_ARTICLE, date: '2024-03-12', url: 'https://example.org/greve' }),
  // Hand-built records: deterministic speakers, dates, outlets and accounts, whatever the engine finds today.
  makeRecord({
    id: 'test/roy-1', lang: 'fr', date: '2024-01-15', site: 'Le Quotidien', url: 'https://quotidien.example/roy-1',
    title: 'Sécurité : la ministre s’explique',
    quotes: [
      { content: 'La sécurité des voyageurs passe avant tout', speaker: 'Anne Roy' },
      { content: 'Nous tiendrons bon jusqu’au bout', speaker: 'Anne Roy', time: { text: 'mardi', date: '2024-01-16' } },
    ],
  }),
  makeRecord({
    id: 'test/roy-2', lang: 'fr', date: '2024-03-02', site: 'Radio Ville', url: 'https://radio.example/roy-2', title: 'Transports',
    quotes: [{ content: 'Les négociations reprendront lundi matin', speaker: 'Anne Roy', via: ['AFP'], addressee: 'les syndicats' }],
  }),
  makeRecord({
    id: 'test/call', lang: 'fr', date: '2022-05-25', site: 'Le Veilleur', url: 'https://veilleur.example/appel', title: 'Un appel, deux versions',
    quotes: [
      { content: 'Je respecte la voie de développement choisie par votre pays', speaker: 'Michelle Bachelet', via: ['la lecture officielle'] },
      { content: 'Je respecte le droit de chaque pays à choisir sa voie, dans le respect des droits humains', speaker: 'Michelle Bachelet', via: ['la transcription de l’ONU'] },
    ],
    accounts: [{ quotes: [0, 1], verdict: 'divergent' }],
  }),
  // Hostile data in every stored field the UI shows.
  makeRecord({
    id: `test/${XSS.img}`, lang: 'fr', date: '2023-06-01', site: XSS.svg, url: 'javascript:window.__x=4', title: XSS.script,
    quotes: [
      { content: `Nous refusons ${XSS.script} et ${XSS.img}`, speaker: XSS.img, via: [XSS.svg] },
      { content: `Une autre version ${XSS.img} de ces mots`, speaker: XSS.img, via: [XSS.script] },
    ],
    accounts: [{ quotes: [0, 1], verdict: 'variant' }],
  }),
  // …and through the engine: a payload where a speaker name would be.
  extract({ id: 'test/payload-engine', text: `« Les ${XSS.script} partiront demain », a déclaré ${XSS.img} Jean Martin.`, lang: 'fr', date: '2023-06-02' }),
];

const session = uiSession(records);

async function open(path: string, options: { bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 850 }, locale: 'fr-FR', bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(session.server.url + path);
  await page.waitForSelector('header.top');
  return { context, page, errors };
}

/** The quote panel's facts, label → value, as the reader sees them. */
async function panelFacts(page: Page): Promise<Map<string, string>> {
  const pairs = await page.locator('[data-testid=quote-panel] dl.facts').evaluate((dl) =>
    [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? ''] as [string, string]));
  return new Map(pairs);
}

async function paste(page: Page, text: string): Promise<void> {
  await page.locator('#read-text').fill(text);
  await page.locator('form[data-testid=read-form] button[type=submit]').click();
}

describe('Read (engine in the browser)', () => {
  test('a pasted article is analysed locally: quotes highlighted, panel opens from the keyboard', async () => {
    const { context, page, errors } = await open('/');
    const api: string[] = [];
    page.on('request', (r: Request) => {
      if (new URL(r.url()).pathname.startsWith('/api')) api.push(r.url());
    });
    await paste(page, FR_ARTICLE);
    const marks = page.locator('[data-testid=article] mark.quote[tabindex="0"]');
    await marks.first().waitFor();
    assert.ok((await marks.count()) >= 1, 'at least one quote highlighted');
    // Keyboard: focus the first quote, Enter opens the panel, Escape closes it and focus returns to the quote.
    await marks.first().focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-testid=quote-panel]');
    await panel.waitFor();
    assert.match((await panel.textContent()) ?? '', /Locuteur|Speaker/);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.matches('mark.quote'));
    // Space activates too.
    await page.keyboard.press(' ');
    await panel.waitFor();
    assert.deepEqual(api, [], 'extraction made no API request');
    assert.deepEqual(errors, []);
    await screenshot(page, 'read-fr-panel');
    await context.close();
  });

  test('the French example sentence gives the resolved speaker "Anne Roy", with the mention highlighted', async () => {
    const { context, page } = await open('/');
    await page.locator('input[type=date]').fill('2024-03-14');
    await paste(page, FR_ARTICLE);
    await page.locator('[data-testid=summary]').waitFor();
    const quote = page.locator('mark.quote[data-speaker="Anne Roy"][tabindex="0"]');
    // Waits on the engine: « Nous ne céderons pas », a déclaré la ministre Anne Roy.
    assert.equal(await quote.count(), 1, 'the engine attributes « Nous ne céderons pas » to Anne Roy');
    assert.match((await quote.textContent()) ?? '', /Nous ne céderons pas/);
    await quote.click();
    assert.equal((await page.locator('[data-testid=speaker-name]').textContent())?.startsWith('Anne Roy'), true);
    const mention = page.locator('[data-testid=article] [data-testid=mention]');
    assert.match(((await mention.allTextContents()).join('')), /Anne Roy/);
    // "mardi" is resolved against the publication date given in the form (Thursday 14 March 2024 → Tuesday the 12th).
    assert.match((await page.locator('[data-testid=quote-panel]').textContent()) ?? '', /mardi \(2024-03-12\)/);
    // Every fact of the quote: cue (also marked in the text), addressee, via, time, confidence and the evidence rules.
    const facts = await panelFacts(page);
    assert.equal(facts.get('Verbe ou marqueur'), 'a déclaré');
    assert.equal(await page.locator('[data-testid=article] .cue').textContent(), 'a déclaré');
    assert.equal(facts.get('Destinataire'), '—');
    assert.equal(facts.get('Par l’intermédiaire de'), '—');
    assert.equal(facts.get('Moment'), 'mardi (2024-03-12)');
    assert.match(facts.get('Confiance') ?? '', /^\s*\d{1,3} %$/);
    const rules = await page.locator('[data-testid=quote-panel] ul.evidence code').allTextContents();
    assert.ok(rules.includes('quote.direct.cue-after'), `evidence: ${rules.join(', ')}`);
    await screenshot(page, 'read-fr-anne-roy');
    await context.close();
  });

  test('flagged boilerplate is shown greyed, apart from the article text', async () => {
    const { context, page } = await open('/');
    await paste(page, `${FR_ARTICLE}\n\nLIRE AUSSI : Grève : ce qui vous attend demain`);
    const flagged = page.locator('[data-testid=article] .boilerplate');
    await flagged.first().waitFor();
    assert.equal(await flagged.textContent(), 'LIRE AUSSI : Grève : ce qui vous attend demain');
    const colours = await page.evaluate(() => {
      const grey = getComputedStyle(document.querySelector('[data-testid=article] .boilerplate')!).color;
      const text = getComputedStyle(document.querySelector('[data-testid=article]')!).color;
      return { grey, text };
    });
    const [r, g, b] = colours.grey.match(/\d+/g)!.map(Number) as [number, number, number];
    assert.ok(Math.max(r, g, b) - Math.min(r, g, b) <= 8 && r >= 100 && r <= 180, `greyed: ${colours.grey}`);
    assert.notEqual(colours.grey, colours.text, 'boilerplate does not look like the article');
    await context.close();
  });

  test('an HTML file dropped on the form is parsed in the browser (title, body blocks, quotes)', async () => {
    const { context, page, errors } = await open('/');
    const html = `<!doctype html><html><head><title>Grève</title><meta property="article:published_time" content="2024-03-14T08:00:00Z"></head>
      <body><nav><a href="/">Accueil</a></nav><article><h1>Grève des transports</h1>
      ${FR_ARTICLE.split('\n\n').slice(1).map((p) => `<p>${p}</p>`).join('')}
      <p>${'Un paragraphe de contexte assez long pour que Readability garde le corps de cet article. '.repeat(3)}</p></article></body></html>`;
    const dataTransfer = await page.evaluateHandle((body) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], 'greve.html', { type: 'text/html' }));
      return dt;
    }, html);
    await page.dispatchEvent('form[data-testid=read-form]', 'drop', { dataTransfer });
    await page.waitForFunction(() => document.querySelector('[data-testid=article]')?.textContent?.startsWith('Grève'));
    const text = (await page.locator('[data-testid=article]').textContent()) ?? '';
    assert.doesNotMatch(text, /Accueil/, 'page chrome is not part of the article');
    assert.ok((await page.locator('[data-testid=article] mark.quote').count()) >= 1);
    assert.deepEqual(errors, []);
    await screenshot(page, 'read-html-drop');
    await context.close();
  });

  test('keeps working with the network cut after load', async () => {
    const { context, page, errors } = await open('/');
    await context.setOffline(true);
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await paste(page, FR_ARTICLE);
    await page.locator('[data-testid=summary]').waitFor();
    assert.ok((await page.locator('[data-testid=article] mark.quote').count()) >= 1, 'quotes found offline');
    // An HTML file opened offline is parsed in the browser too.
    const html = `<!doctype html><html><head><title>Hors ligne</title></head><body><article><h1>Hors ligne</h1>
      <p>${FR_ARTICLE.split('\n\n').slice(1).join('</p><p>')}</p><p>${'Un paragraphe de contexte assez long pour que Readability garde le corps de cet article. '.repeat(3)}</p></article></body></html>`;
    await page.locator('input[type=file]').setInputFiles({ name: 'article.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await page.waitForFunction(() => document.querySelector('[data-testid=article]')?.textContent?.startsWith('Hors ligne'));
    assert.ok((await page.locator('[data-testid=article] mark.quote').count()) >= 1, 'quotes found in the HTML file offline');
    assert.deepEqual(blocked, [], 'no request was even attempted');
    assert.deepEqual(errors, []);
    await screenshot(page, 'read-offline');
    await context.close();
  });
});

describe('stored views (API)', () => {
  test('search (accents folded) → speaker page with outlets and a timeline', async () => {
    const { context, page, errors } = await open('/search');
    await page.getByRole('searchbox').fill('securite');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForFunction(() => /\/search\?q=securite/.test(location.href));
    const list = page.locator('[data-testid=quote-list]');
    await list.waitFor();
    assert.match((await list.textContent()) ?? '', /La sécurité des voyageurs passe avant tout/);
    assert.equal(await list.locator('mark.term').first().textContent(), 'sécurité');
    await screenshot(page, 'search');
    await list.getByRole('link', { name: 'Anne Roy' }).first().click();
    await page.waitForURL(/\/speakers\//);
    await page.locator('[data-testid=speaker-title]').waitFor();
    assert.equal(await page.locator('[data-testid=speaker-title]').textContent(), 'Anne Roy');
    const outlets = (await page.locator('[data-testid=outlets]').textContent()) ?? '';
    assert.match(outlets, /Le Quotidien/);
    assert.match(outlets, /Radio Ville/);
    assert.ok((await page.locator('[data-testid=timeline] rect').count()) >= 2, 'timeline bars');
    await page.locator('[data-testid=quote-list] li').first().waitFor();
    assert.ok((await page.locator('[data-testid=quote-list] li').count()) >= 3);
    assert.deepEqual(errors, []);
    await screenshot(page, 'speaker');
    // Reloading a UI route serves the app again (SPA fallback), and the facets narrow the search.
    await page.reload();
    await page.locator('[data-testid=speaker-title]').waitFor();
    await context.close();
  });

  test('facets narrow a search; the document page shows the stored article with its quotes', async () => {
    const { context, page } = await open('/search?q=Anne');
    await page.locator('nav.facets').waitFor();
    await page.locator('nav.facets').getByRole('link', { name: 'Radio Ville' }).click();
    await page.waitForURL(/outlet=Radio/);
    await page.locator('[data-testid=result-count]').filter({ hasText: /^1 / }).waitFor();
    await page.locator('[data-testid=quote-list]').getByRole('link', { name: 'Transports' }).click();
    await page.waitForURL(/\/documents\/test%2Froy-2/);
    await page.locator('[data-testid=document-title]').waitFor();
    assert.equal(await page.locator('[data-testid=document-title]').textContent(), 'Transports');
    // Opened on the quote the result pointed at.
    await page.locator('[data-testid=quote-panel]').waitFor();
    const facts = await panelFacts(page);
    assert.equal(facts.get('Par l’intermédiaire de'), 'AFP');
    assert.equal(facts.get('Destinataire'), 'les syndicats');
    await screenshot(page, 'document');
    await context.close();
  });

  test('accounts: versions side by side with differing words marked', async () => {
    const { context, page, errors } = await open('/accounts');
    const card = page.locator('[data-testid=account]').filter({ hasText: 'Michelle Bachelet' });
    await card.waitFor();
    const versions = card.locator('figure.version');
    assert.equal(await versions.count(), 2);
    assert.match((await versions.nth(0).textContent()) ?? '', /la lecture officielle/);
    assert.match((await versions.nth(1).textContent()) ?? '', /la transcription de l’ONU/);
    const changed = await versions.nth(1).locator('mark.diff').allTextContents();
    assert.ok(changed.includes('droits') && changed.includes('humains'), `marked: ${changed.join(' ')}`);
    assert.ok(!changed.includes('respecte'), 'shared words are not marked');
    assert.match((await card.textContent()) ?? '', /divergentes/);
    assert.deepEqual(errors, []);
    await screenshot(page, 'accounts');
    // The document page shows its accounts under the article.
    await card.getByRole('link', { name: 'Un appel, deux versions' }).click();
    const inDoc = page.locator('[data-testid=doc-accounts]');
    await inDoc.waitFor();
    assert.equal(await inDoc.locator('figure.version').count(), 2);
    assert.ok((await inDoc.locator('mark.diff').count()) > 0);
    await context.close();
  });

  test('every view fits a laptop screen: no sideways scrolling, text at a readable size', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const anne = (await session.server.store.listSpeakers({ q: 'Anne Roy' })).items[0]!;
    const views: [string, string][] = [
      ['/', '#read-text'], ['/search?q=securite', '[data-testid=quote-list]'], [`/speakers/${anne.id}`, '[data-testid=timeline]'],
      ['/speakers', '[data-testid=speaker-list]'], ['/documents/test%2Froy-1', '[data-testid=article]'], ['/accounts', '[data-testid=account]'],
    ];
    for (const [path, ready] of views) {
      await page.goto(session.server.url + path);
      await page.locator(ready).first().waitFor();
      const m = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        font: parseFloat(getComputedStyle(document.body).fontSize),
      }));
      assert.ok(m.overflow <= 0, `${path}: ${m.overflow}px of sideways scrolling`);
      assert.ok(m.font >= 14, `${path}: body text ${m.font}px`);
    }
    await context.close();
  });

  test('the interface switches between French and English', async () => {
    const { context, page } = await open('/search');
    assert.equal(await page.locator('header nav a[aria-current=page]').textContent(), 'Rechercher');
    await page.getByRole('button', { name: 'EN' }).click();
    assert.equal(await page.locator('header nav a[aria-current=page]').textContent(), 'Search');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.reload();
    assert.equal(await page.locator('header nav a[aria-current=page]').textContent(), 'Search', 'the choice is kept');
    await context.close();
  });
});

describe('a server that needs a token', () => {
  test('a browser signs in once with the form, then the UI and its API calls work', async () => {
    const guarded = await startUiServer(records.slice(1, 3), { token: 'newsroom-token-1' });
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 850 }, locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${guarded.url}/search?q=securite`);
      const form = page.locator('form[data-testid=signin]');
      await form.waitFor();
      assert.equal(await page.locator('header.top').count(), 0, 'no UI before the token');
      await page.locator('#token').fill('wrong-token');
      await page.locator('#token').press('Enter');
      await page.locator('[data-testid=signin-error]').waitFor();
      await page.locator('#token').fill('newsroom-token-1');
      await page.locator('#token').press('Enter');
      // Back on the page asked for, whose search (an API call) now goes through with the cookie.
      await page.waitForURL(/\/search\?q=securite$/);
      await page.locator('[data-testid=quote-list]').waitFor();
      assert.match((await page.locator('[data-testid=quote-list]').textContent()) ?? '', /La sécurité des voyageurs/);
      assert.deepEqual(errors.filter((e) => !/401/.test(e)), []);
      await screenshot(page, 'signed-in-search');
    } finally {
      await context.close();
      await guarded.close();
    }
  });
});

describe('hostile text, names and queries never execute', () => {
  /** Runs with the CSP bypassed, so that it is the rendering itself (text nodes only) that is tested. */
  async function assertInert(page: Page, dialogs: string[], where: string): Promise<void> {
    await page.waitForTimeout(150);
    assert.equal(await page.evaluate(() => (window as unknown as { __x?: unknown }).__x), undefined, `${where}: a payload ran`);
    assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
    const injected = await page.evaluate(() => document.querySelectorAll('#app img, #app script, #app svg:not([data-testid=timeline]) , #app iframe').length);
    assert.equal(injected, 0, `${where}: markup was injected`);
  }

  test('through pasted article text, stored names, titles, URLs and search queries', async () => {
    const { context, page } = await open('/', { bypassCSP: true });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

    await paste(page, `« ${XSS.img} ne passera pas », a déclaré ${XSS.img} Jean Martin. ${XSS.script}\n\n« Nous ne céderons pas », a déclaré la ministre Anne Roy.`);
    await page.locator('[data-testid=article]').waitFor();
    assert.match((await page.locator('[data-testid=article]').textContent()) ?? '', /<img src=x onerror=/);
    const marks = page.locator('[data-testid=article] mark.quote[tabindex="0"]');
    for (let i = 0; i < (await marks.count()); i++) await marks.nth(i).click();
    await assertInert(page, dialogs, 'read');

    const query = encodeURIComponent(`${XSS.img} refusons`);
    await page.goto(`${session.server.url}/search?q=${query}&speaker=${encodeURIComponent(XSS.script)}`);
    await page.locator('[data-testid=result-count]').waitFor();
    await assertInert(page, dialogs, 'search with hostile query and speaker filter');

    await page.goto(`${session.server.url}/search?q=refusons`);
    await page.locator('[data-testid=quote-list]').waitFor();
    assert.match((await page.locator('[data-testid=quote-list]').textContent()) ?? '', /<script>window.__x=2/);
    await assertInert(page, dialogs, 'search results');
    await screenshot(page, 'xss-search');

    await page.goto(`${session.server.url}/speakers`);
    await page.locator('[data-testid=speaker-list]').waitFor();
    assert.match((await page.locator('[data-testid=speaker-list]').textContent()) ?? '', /<img src=x onerror=/);
    await assertInert(page, dialogs, 'speaker list');

    const hostile = (await session.server.store.listSpeakers({ q: 'onerror' })).items[0] ?? (await session.server.store.listSpeakers({})).items.find((s) => s.name.includes('<img'));
    assert.ok(hostile, 'the hostile speaker is stored');
    await page.goto(`${session.server.url}/speakers/${hostile.id}`);
    await page.locator('[data-testid=speaker-title]').waitFor();
    assert.equal(await page.locator('[data-testid=speaker-title]').textContent(), hostile.name);
    await assertInert(page, dialogs, 'speaker page');
    await screenshot(page, 'xss-speaker');

    await page.goto(`${session.server.url}/documents/${encodeURIComponent(`test/${XSS.img}`)}`);
    await page.locator('[data-testid=document-title]').waitFor();
    assert.equal(await page.locator('[data-testid=document-title]').textContent(), XSS.script);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'a javascript: URL is never a link');
    const marksDoc = page.locator('[data-testid=article] mark.quote[tabindex="0"]');
    for (let i = 0; i < (await marksDoc.count()); i++) await marksDoc.nth(i).click();
    await assertInert(page, dialogs, 'document page');

    await page.goto(`${session.server.url}/documents/test%2Fpayload-engine`);
    await page.locator('[data-testid=document-title]').waitFor();
    await assertInert(page, dialogs, 'engine-extracted hostile document');

    await page.goto(`${session.server.url}/accounts`);
    await page.locator('[data-testid=accounts-list]').waitFor();
    await assertInert(page, dialogs, 'accounts');
    await context.close();
  });

  test('the UI is served with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${session.server.url}/speakers/1`);
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /connect-src 'self'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });
});
