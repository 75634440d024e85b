/**
 * HTML → article text. Browser-safe: linkedom + Readability only. Readability finds the article body; the text is
 * the title, a blank line, then the body's blocks (paragraphs, headings, list items, block quotes) separated by blank
 * lines. Teasers and newsletter boxes that survive Readability inside the body stay as blocks: the engine's
 * flag-boilerplate stage flags them, nothing is cut here.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { DocumentMeta } from '../types.js';
import { blocksOf, type Block } from './html-blocks.js';
import { guardHtml } from './html-guard.js';
import { normaliseDate, readPageMeta, type PageMeta } from './html-meta.js';

export interface HtmlPage {
  text: string;
  meta: DocumentMeta;
  date: string | null;
  /** False when the page has no article body: navigation, an empty page, a bare link list. */
  hasBody: boolean;
  /** The page was longer than the parse cap and only its beginning was read. */
  truncated: boolean;
}

/** Prose characters (outside links) a body needs; below this a page is navigation or empty. A one-sentence news
 * brief has about 100. */
export const MIN_BODY_CHARS = 80;

/** The last page read, for a second reading of the same page (run-job.ts reads a WARC page's date, then the engine
 * the page): one page, so memory stays flat. */
let last: { html: string; url: string | null; page: HtmlPage } | null = null;

export function readHtml(html: string, url: string | null): HtmlPage {
  if (last && last.html === html && last.url === url) return last.page;
  const page = readPage(html, url);
  last = { html, url, page };
  return page;
}

function readPage(html: string, url: string | null): HtmlPage {
  const guarded = guardHtml(html);
  const { document } = parseHTML(wrapFragment(guarded.html));
  const page = readPageMeta(document);
  const article = readArticle(document);
  const blocks = article?.content ? blocksOf(article.content) : [];
  const title = pickTitle(clean(article?.title || page.title || ''), page);
  return {
    ...assemble(title, blocks),
    meta: {
      url: url ?? page.url,
      title: title || null,
      author: clean(article?.byline || page.author || '') || null,
      site: clean(article?.siteName || page.site || '') || null,
    },
    date: normaliseDate(article?.publishedTime ?? '') ?? page.date,
    truncated: guarded.truncated,
  };
}

/**
 * The article's own <h1> is the best title when the page's <title> contains it ("Headline :: World :: Daily
 * Ledger"): Readability only strips separators it knows, and it cuts at "»", which breaks French titles with
 * guillemets ("Portugal : un « alphabet » des couleurs…" → "Portugal : un « alphabet"). A one- or two-word <h1> is a
 * section name, not a headline. Without such an <h1>, the whole <title> is kept when the cut left a quote mark open.
 */
function pickTitle(found: string, page: PageMeta): string {
  const { heading, docTitle } = page;
  if (heading && docTitle && docTitle.includes(heading) && heading.split(' ').length >= 3) return heading;
  if (!found) return heading ?? docTitle ?? '';
  if (docTitle && unbalanced(found) && !unbalanced(docTitle)) return docTitle;
  return found;
}

function unbalanced(s: string): boolean {
  const count = (re: RegExp) => (s.match(re) ?? []).length;
  return count(/«/g) !== count(/»/g) || count(/“/g) !== count(/”/g);
}

/** linkedom needs an <html> root to build a full document; bare fragments are wrapped. */
function wrapFragment(html: string): string {
  return /<html[\s>]/i.test(html.slice(0, 4096)) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

function readArticle(document: unknown) {
  try {
    const reader = new Readability<Node>(document as Document, { charThreshold: 100, serializer: (el) => el });
    return reader.parse();
  } catch {
    // Readability throws on documents without a body element; such a page has no article.
    return null;
  }
}

function assemble(title: string, blocks: Block[]): Pick<HtmlPage, 'text' | 'hasBody'> {
  const body = blocks[0] && blocks[0].text === title ? blocks.slice(1) : blocks;
  const prose = body.reduce((n, b) => n + b.text.length - b.linkChars, 0);
  const texts = body.map((b) => b.text);
  return { text: (title ? [title, ...texts] : texts).join('\n\n'), hasBody: prose >= MIN_BODY_CHARS };
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
