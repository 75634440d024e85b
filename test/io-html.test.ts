import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtml } from '../src/io/html.js';
import { guardHtml, MAX_PARSE_CHARS } from '../src/io/html-guard.js';
import { normaliseDate } from '../src/io/html-meta.js';

const PROSE = 'Le ministre a déclaré mardi que la réforme serait appliquée dès le mois prochain, selon un communiqué.';
const page = (body: string, head = '') => `<!DOCTYPE html><html><head><title>Titre de l'article</title>${head}</head><body>${body}</body></html>`;

test('text is the title, a blank line, then the blocks separated by blank lines', () => {
  const { text, hasBody } = readHtml(page(`<article><h1>Titre de l'article</h1><p>${PROSE}</p><h2>Intertitre</h2><ul><li>Un point.</li><li>Un autre.</li></ul></article>`), null);
  assert.equal(text, `Titre de l'article\n\n${PROSE}\n\nIntertitre\n\nUn point.\n\nUn autre.`);
  assert.equal(hasBody, true);
});

test('<br><br> splits blocks, one <br> is a line break, nested blocks come out separate', () => {
  const html = page(`<div class="story">${PROSE}<br><br>Deuxième paragraphe assez long pour compter comme de la prose.<br>Avec une ligne.` +
    `<blockquote><p>« Premier paragraphe cité. »</p><p>« Second paragraphe cité. »</p></blockquote></div>`);
  const blocks = readHtml(html, null).text.split('\n\n');
  assert.deepEqual(blocks.slice(1), [
    PROSE,
    'Deuxième paragraphe assez long pour compter comme de la prose.\nAvec une ligne.',
    '« Premier paragraphe cité. »',
    '« Second paragraphe cité. »',
  ]);
});

test('inline markup and entities are read as text, spaces collapsed', () => {
  const { text } = readHtml(page(`<p>Le  <em>ministre</em>\n a <a href="/x">déclaré</a> :&nbsp;« Non&#8239;» &amp; c'est tout. ${PROSE}</p>`), null);
  assert.equal(text.split('\n\n')[1], `Le ministre a déclaré : « Non » & c'est tout. ${PROSE}`);
});

test('a page of links only, or an empty page, has no body', () => {
  const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/a${i}">Un titre d'article numéro ${i}</a></li>`).join('');
  assert.equal(readHtml(page(`<nav><ul>${links}</ul></nav>`), null).hasBody, false);
  assert.equal(readHtml('', null).hasBody, false);
  assert.equal(readHtml('<html><body></body></html>', null).hasBody, false);
});

test('a bare fragment is read too', () => {
  const { text, hasBody } = readHtml(`<p>${PROSE}</p>`, null);
  assert.ok(text.endsWith(PROSE));
  assert.equal(hasBody, true);
});

test('metadata: JSON-LD @graph, author list, canonical from mainEntityOfPage, broken JSON-LD ignored', () => {
  const ld = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Site' }, {
    '@type': ['NewsArticle'], headline: 'Titre', datePublished: '2022-05-25T01:30:00+08:00',
    author: [{ '@type': 'Person', name: 'Anne Roy' }, { '@type': 'Person', name: 'Paul Dubois' }],
    publisher: { '@type': 'Organization', name: 'La Gazette' }, mainEntityOfPage: { '@id': 'https://gazette.example/a' },
  }] };
  const head = `<script type="application/ld+json">{broken</script><script type="application/ld+json">${JSON.stringify(ld)}</script>`;
  const p = readHtml(page(`<article><p>${PROSE}</p></article>`, head), null);
  assert.equal(p.date, '2022-05-25');
  assert.equal(p.meta.author, 'Anne Roy, Paul Dubois');
  assert.equal(p.meta.site, 'La Gazette');
  assert.equal(p.meta.url, 'https://gazette.example/a');
});

test('metadata: the URL given wins over the canonical link; dates from meta tags and <time>', () => {
  const head = '<link rel="canonical" href="https://a.example/canon"><meta name="DC.date.issued" content="2012-07-04">';
  const p = readHtml(page(`<article><p>${PROSE}</p></article>`, head), 'https://b.example/given');
  assert.equal(p.meta.url, 'https://b.example/given');
  assert.equal(p.date, '2012-07-04');
  const t = readHtml(page(`<article><time datetime="2019-11-02T10:00:00Z">2 nov.</time><p>${PROSE}</p></article>`), null);
  assert.equal(t.date, '2019-11-02');
});

test('dates: ISO keeps the publisher\'s calendar day; other forms are parsed; nonsense is null', () => {
  assert.equal(normaliseDate('2022-05-25T01:30:00+08:00'), '2022-05-25');
  assert.equal(normaliseDate('Wed, 25 May 2022 10:00:00 GMT'), '2022-05-25');
  assert.equal(normaliseDate('demain'), null);
  assert.equal(normaliseDate('0000-00-00'), null);
});

test('title: « guillemets » are not cut as a "»" separator', () => {
  const title = 'Portugal : un « alphabet » des couleurs pour les daltoniens';
  const p = readHtml(`<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${PROSE}</p></body></html>`, null);
  assert.equal(p.meta.title, title);
  assert.ok(p.text.startsWith(`${title}\n\n${PROSE}`), 'the <h1> is not repeated as a block');
});

test('guard: scripts, styles and comments are cut before parsing, JSON-LD kept', () => {
  const html = '<head><script>var a = "<p>not text</p>";</script><style>p{}</style><!-- <p>old</p> -->' +
    '<script type="application/ld+json">{"headline":"x"}</script></head><body><p>text</p><SCRIPT>x</SCRIPT></body>';
  assert.equal(guardHtml(html).html, '<head><script type="application/ld+json">{"headline":"x"}</script></head><body><p>text</p></body>');
});

test('guard: an unclosed script ends the page; many unclosed tags stay linear', () => {
  assert.equal(guardHtml('<p>a</p><script>if (a < b) {').html, '<p>a</p>');
  const evil = '<script'.repeat(200_000) + '>';
  const started = Date.now();
  guardHtml(evil);
  assert.ok(Date.now() - started < 5000);
});

test('guard: a page past the cap is cut at a tag and marked truncated', () => {
  const para = `<p>${PROSE}</p>\n`;
  const html = `<html><body><article>${para.repeat(Math.ceil((MAX_PARSE_CHARS * 1.5) / para.length))}</article></body></html>`;
  const guarded = guardHtml(html);
  assert.equal(guarded.truncated, true);
  assert.ok(guarded.html.length <= MAX_PARSE_CHARS && guarded.html.endsWith('\n'));
  const p = readHtml(html, null);
  assert.equal(p.truncated, true);
  assert.ok(p.hasBody);
});

test('guard: navigation, footers and asides are cut whole, nested ones included; one left open is kept', () => {
  const html = '<body><nav><ul><li><nav>sub</nav></li></ul></nav><article><p>texte</p><aside>encadré</aside></article>' +
    '<footer><p>© 2012</p></footer></body>';
  assert.equal(guardHtml(html).html, '<body><article><p>texte</p></article></body>');
  assert.equal(guardHtml('<p>a</p><nav><p>b</p>').html, '<p>a</p><nav><p>b</p>');
});
