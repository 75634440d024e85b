/**
 * An RSS or Atom feed: each item is a document (guid → id, else link; link → url; published → date), its content
 * or summary HTML the body. Feeds are small and parsed whole (@rowanmanning/feed-parser reads a string).
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import type { InputItem } from './items.js';
import { failed, skippedInput } from './items.js';
import type { OpenedInput } from './open.js';
import type { Origin } from './origin.js';
import { decodeMarkup, looksBinary } from './decode.js';
import { isFeed } from './sniff.js';
import { MAX_FEED_BYTES } from './limits.js';
import { megabytes, readWhole } from './read-all.js';

type Feed = ReturnType<typeof parseFeed>;
type FeedItem = Feed['items'][number];

export async function* readFeed(input: OpenedInput, origin: Origin): AsyncGenerator<InputItem> {
  const feed = await loadFeed(input, origin);
  if ('kind' in feed) {
    yield feed;
    return;
  }
  for (const [index, item] of feed.items.entries()) yield itemToDoc(item, index, origin);
}

async function loadFeed(input: OpenedInput, origin: Origin): Promise<Feed | InputItem> {
  const fail = (reason: string, detail: string) => failed(origin.source, reason, detail, origin.id);
  if (looksBinary(input.head)) {
    input.close();
    return fail('binary-content', 'binary data, not a feed');
  }
  const whole = await readWhole(input, MAX_FEED_BYTES);
  if ('tooLarge' in whole) return skippedInput(origin.source, 'too-large', `feed over ${megabytes(MAX_FEED_BYTES)}`, origin.id);
  const decoded = decodeMarkup(whole.bytes);
  if ('unsupported' in decoded) return skippedInput(origin.source, 'unsupported-charset', `charset ${decoded.unsupported}`, origin.id);
  const xml = decoded.text.trimStart();
  if (!xml.startsWith('<')) return fail('not-xml', 'a feed must be XML; this does not start with "<"');
  if (!isFeed(xml.slice(0, 4096))) return fail('not-a-feed', 'no <rss>, <feed> or <rdf:RDF> root element');
  try {
    return parseFeed(xml);
  } catch (err) {
    return fail('not-a-feed', (err as Error).message);
  }
}

function itemToDoc(item: FeedItem, index: number, origin: Origin): InputItem {
  const id = item.id || item.url || `${origin.id}#${index + 1}`;
  const source = `${origin.source}#${index + 1}`;
  const title = item.title ?? '';
  const body = item.content || item.description || '';
  const html = `<!DOCTYPE html><html><head><title>${escapeHtml(title)}</title></head><body><article>` +
    `<h1>${escapeHtml(title)}</h1>${body}</article></body></html>`;
  const author = item.authors.map((a) => a.name).filter(Boolean).join(', ');
  const meta = { source, ...(title ? { title } : {}), ...(author ? { author } : {}) };
  const date = (item.published ?? item.updated)?.toISOString().slice(0, 10);
  return { kind: 'doc', id, source, input: { id, html, meta, ...(item.url ? { url: item.url } : {}), ...(date ? { date } : {}) }, notes: [] };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
