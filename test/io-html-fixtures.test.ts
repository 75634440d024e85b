/**
 * Every folder in test/fixtures/LANG/CASE: the page read from its bytes (charset included) must give the reviewed
 * expected.json exactly; blocks listed under "boilerplate" must stay whole in the text and be flagged by the engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMarkup } from '../src/io/decode.js';
import { readHtml } from '../src/io/html.js';
import { extract } from '../src/index.js';

const ROOT = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface Expected {
  title: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  site: string | null;
  hasBody: boolean;
  text: string;
  boilerplate?: string[];
}

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((lang) => readdirSync(join(ROOT, lang.name)).map((name) => join(lang.name, name)))
  .filter((dir) => existsSync(join(ROOT, dir, 'source.html')));

test('there are French and English fixtures', () => {
  assert.ok(cases.some((c) => c.startsWith('fr/')) && cases.some((c) => c.startsWith('en/')), cases.join(', '));
});

for (const dir of cases) {
  const expected = JSON.parse(readFileSync(join(ROOT, dir, 'expected.json'), 'utf8')) as Expected;
  const decoded = decodeMarkup(readFileSync(join(ROOT, dir, 'source.html')));
  assert.ok(!('unsupported' in decoded));
  const html = decoded.text;

  test(`${dir}: text and metadata`, () => {
    const page = readHtml(html, null);
    const { title, author, url, site } = page.meta;
    assert.deepEqual({ title, author, date: page.date, url, site, hasBody: page.hasBody }, {
      title: expected.title, author: expected.author, date: expected.date, url: expected.url, site: expected.site,
      hasBody: expected.hasBody,
    });
    assert.equal(page.text, expected.text);
  });

  if (expected.boilerplate?.length) {
    test(`${dir}: in-body teasers and promos are kept whole and flagged`, () => {
      const ex = extract({ html });
      assert.equal(ex.status, 'ok');
      const blocks = ex.text.split('\n\n');
      for (const block of expected.boilerplate!) {
        assert.ok(blocks.includes(block), `kept as a block: ${block}`);
        const start = ex.text.indexOf(block);
        const flag = ex.boilerplate.find((b) => b.start <= start && b.end >= start + block.length);
        assert.ok(flag, `flagged: ${block}`);
        assert.ok(!ex.quotes.some((q) => q.content.start < flag.end && q.content.end > flag.start), 'no quote inside');
      }
    });
  }
}
