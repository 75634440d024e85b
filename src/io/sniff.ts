/**
 * Which reader an input needs. The name decides when it has a known extension (`.gz` looked through); otherwise the
 * first bytes do. A feed is confirmed by content, since `.xml` is used for much else.
 */
export const FORMATS = ['text', 'html', 'jsonl', 'feed', 'warc'] as const;
export type Format = (typeof FORMATS)[number];

const EXTENSIONS: Record<string, Format> = {
  txt: 'text', text: 'text',
  html: 'html', htm: 'html', xhtml: 'html',
  jsonl: 'jsonl', ndjson: 'jsonl',
  xml: 'feed', rss: 'feed', atom: 'feed',
  warc: 'warc',
};

/** The format an extension names, or null for an unknown extension. */
export function formatFromName(name: string): Format | null {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  const ext = /\.([a-z0-9]+)$/.exec(base)?.[1];
  return (ext && EXTENSIONS[ext]) || null;
}

/** The format the first bytes suggest. */
export function formatFromContent(head: Uint8Array): Format {
  const start = new TextDecoder('windows-1252').decode(head.subarray(0, 2048)).replace(/^\uFEFF|^ï»¿/, '').trimStart();
  if (start.startsWith('WARC/')) return 'warc';
  if (start.startsWith('{')) return 'jsonl';
  if (start.startsWith('<')) return isFeed(start) ? 'feed' : 'html';
  return 'text';
}

/** An RSS, RDF or Atom root element near the start. */
export function isFeed(start: string): boolean {
  return /<(?:rss|feed|rdf:RDF)[\s>]/i.test(start);
}
