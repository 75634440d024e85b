/**
 * Adds an HTML fixture, or regenerates them all:
 *   npm run fixture:new -- LANG CASE PAGE.html   copies the page to test/fixtures/LANG/CASE/source.html and writes
 *                                                 expected.json from what the reader makes of it now
 *   npm run fixture:new -- --update               rewrites every expected.json from the current reader
 * Review expected.json by hand before committing: it is the reference the tests hold the reader to. Hand-written
 * keys (such as "boilerplate": blocks that must stay whole in the text and be flagged by the engine) are kept.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMarkup } from '../src/io/decode.js';
import { readHtml } from '../src/io/html.js';

const ROOT = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const GENERATED = ['title', 'author', 'date', 'url', 'site', 'hasBody', 'text'] as const;

export function expectedFor(sourcePath: string): Record<string, unknown> {
  const decoded = decodeMarkup(readFileSync(sourcePath));
  if ('unsupported' in decoded) throw new Error(`${sourcePath}: unsupported charset ${decoded.unsupported}`);
  const page = readHtml(decoded.text, null);
  const { title, author, url, site } = page.meta;
  return { title, author, date: page.date, url, site, hasBody: page.hasBody, text: page.text };
}

function write(dir: string): void {
  const file = join(dir, 'expected.json');
  const kept = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const key of GENERATED) delete kept[key];
  const expected = { ...expectedFor(join(dir, 'source.html')), ...kept };
  writeFileSync(file, JSON.stringify(expected, null, 2) + '\n');
  console.log(`wrote ${file}`);
}

function main(args: string[]): number {
  if (args[0] === '--update') {
    for (const lang of readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const c of readdirSync(join(ROOT, lang.name), { withFileTypes: true }).filter((d) => d.isDirectory())) {
        write(join(ROOT, lang.name, c.name));
      }
    }
    return 0;
  }
  const [lang, name, page] = args;
  if (!lang || !name || !page || !/^[a-z]{2}$/.test(lang) || !/^[a-z0-9-]+$/.test(name)) {
    console.error('usage: npm run fixture:new -- LANG CASE PAGE.html   (LANG: fr, en…; CASE: lower-case-with-dashes)\n' +
      '       npm run fixture:new -- --update');
    return 2;
  }
  const dir = join(ROOT, lang, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(page, join(dir, 'source.html'));
  write(dir);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
