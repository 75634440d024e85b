/**
 * Page metadata that Readability does not give: canonical URL, and publication-date, author and site fallbacks from
 * meta tags, JSON-LD and `<time>`. Browser-safe. Read before Readability runs, because Readability mutates the DOM.
 */

interface MetaDocument {
  querySelector(selector: string): MetaElement | null;
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
}
interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

export interface PageMeta {
  url: string | null;
  date: string | null;
  author: string | null;
  site: string | null;
  /** JSON-LD headline. */
  title: string | null;
  /** The `<title>` element and the first `<h1>`, as written. */
  docTitle: string | null;
  heading: string | null;
}

/** Meta names (name, property or itemprop, lower-cased) that give the publication date, best first. */
const DATE_KEYS = [
  'article:published_time', 'datepublished', 'date', 'pubdate', 'publish-date', 'dc.date.issued', 'dc.date',
  'dcterms.date', 'og:published_time',
];

/** Every <meta> content by lower-cased name, property and itemprop: one pass over the page, not one per key. */
function metaContents(doc: MetaDocument): Map<string, string> {
  const out = new Map<string, string>();
  const metas = doc.querySelectorAll('meta[content]');
  for (let i = 0; i < metas.length; i++) {
    const content = metas[i]!.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['name', 'property', 'itemprop']) {
      const key = metas[i]!.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

export function readPageMeta(doc: MetaDocument): PageMeta {
  const ld = jsonLdArticle(doc);
  const metas = metaContents(doc);
  const content = (key: string) => metas.get(key) ?? null;
  const url =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ||
    content('og:url') ||
    ldString(ld?.['url']) ||
    ldString((ld?.['mainEntityOfPage'] as Record<string, unknown> | undefined)?.['@id'] ?? ld?.['mainEntityOfPage']) ||
    null;
  const dates = [ldString(ld?.['datePublished']), ...DATE_KEYS.map(content), ldString(ld?.['dateCreated'])];
  const timeEl = doc.querySelector('article time[datetime], time[pubdate], time[itemprop="datePublished"]');
  dates.push(timeEl?.getAttribute('datetime') ?? null);
  const date = dates.map((d) => (d ? normaliseDate(d) : null)).find((d) => d !== null) ?? null;
  const publisher = ld?.['publisher'] as Record<string, unknown> | undefined;
  const site = content('og:site_name') || ldString(publisher?.['name']) || content('application-name');
  const text = (sel: string) => doc.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() || null;
  return {
    url: url || null,
    date,
    author: ldAuthors(ld?.['author']),
    site,
    title: ldString(ld?.['headline']),
    docTitle: text('title'),
    heading: text('h1'),
  };
}

/** ISO yyyy-mm-dd from an ISO timestamp (date as the publisher wrote it) or any date Date.parse reads. */
export function normaliseDate(raw: string): string | null {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (iso) return plausible(`${iso[1]}-${iso[2]}-${iso[3]}`);
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) return null;
  return plausible(new Date(ms).toISOString().slice(0, 10));
}

function plausible(date: string): string | null {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31 ? date : null;
}

const ARTICLE_TYPES = /Article|Posting|Report|NewsArticle|BlogPosting|WebPage/;

/** The first schema.org article object in the page's JSON-LD scripts (also looking inside @graph). */
function jsonLdArticle(doc: MetaDocument): Record<string, unknown> | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let parsed: unknown;
    try {
      parsed = JSON.parse((scripts[i]!.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue; // a broken JSON-LD block is common and harmless: the page still has its meta tags
    }
    const found = findArticle(parsed);
    if (found) return found;
  }
  return null;
}

function findArticle(node: unknown): Record<string, unknown> | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findArticle(item);
      if (found) return found;
    }
    return null;
  }
  if (!node || typeof node !== 'object') return null;
  const obj = node as Record<string, unknown>;
  const type = ([] as unknown[]).concat(obj['@type'] ?? []).join(' ');
  if (ARTICLE_TYPES.test(type) && (obj['headline'] || obj['datePublished'])) return obj;
  return obj['@graph'] ? findArticle(obj['@graph']) : null;
}

function ldString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function ldAuthors(value: unknown): string | null {
  const names = ([] as unknown[])
    .concat(value ?? [])
    .map((a) => (typeof a === 'string' ? a : ldString((a as Record<string, unknown> | null)?.['name'])))
    .filter((n): n is string => !!n && !/^https?:/.test(n));
  return names.length ? names.join(', ') : null;
}
