/**
 * HTML → article text. Readability on linkedom extracts the body; the text is the title, a blank line, then the
 * body's blocks (paragraphs, headings, list items, block quotes) separated by blank lines.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { DocumentMeta } from '../types.js';

export interface HtmlPage {
  text: string;
  meta: DocumentMeta;
  date: string | null;
  hasBody: boolean;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre';

export function readHtml(html: string, url: string | null): HtmlPage {
  const { document } = parseHTML(html);
  const metaContent = (sel: string) => document.querySelector(sel)?.getAttribute('content')?.trim() || null;
  const title = metaContent('meta[property="og:title"]') ?? (document.querySelector('title')?.textContent?.trim() || null);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const published = metaContent('meta[property="article:published_time"]') ?? metaContent('meta[name="date"]');
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const blocks: string[] = [];
  if (article?.content) {
    const { document: body } = parseHTML(`<html><body>${article.content}</body></html>`);
    for (const el of body.querySelectorAll(BLOCKS)) {
      if (el.parentElement?.closest(BLOCKS)) continue;
      const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (t) blocks.push(t);
    }
  }
  const heading = (article?.title || title || '').replace(/\s+/g, ' ').trim();
  const text = heading ? [heading, ...blocks].join('\n\n') : blocks.join('\n\n');
  return {
    text,
    meta: { url: url ?? canonical, title: heading || null, author: article?.byline ?? null, site: article?.siteName ?? null },
    date: published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null,
    hasBody: blocks.length > 0,
  };
}
