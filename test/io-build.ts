/** Builders for test inputs: WARC files and feeds made here, never downloaded. */
import { after } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { gzipSync } from 'node:zlib';

/** A temporary folder for a test file, removed when its tests end, and a writer of files in it (folders made as needed). */
export function tempFolder(prefix: string): { dir: string; put(name: string, data: string | Uint8Array): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const put = (name: string, data: string | Uint8Array) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, data);
    return path;
  };
  return { dir, put };
}

export interface WarcSpec {
  type?: 'response' | 'request' | 'metadata' | 'warcinfo' | 'resource';
  url?: string;
  status?: number;
  contentType?: string;
  contentEncoding?: string;
  body?: Uint8Array | string;
  id?: string;
}

/** One WARC record, gzipped on its own when asked (the per-record style of Common Crawl). */
export async function warcRecord(spec: WarcSpec, gzip = false): Promise<Uint8Array> {
  const type = spec.type ?? 'response';
  const body = typeof spec.body === 'string' ? new TextEncoder().encode(spec.body) : (spec.body ?? new Uint8Array());
  const warcHeaders: Record<string, string> = {};
  if (spec.id) warcHeaders['WARC-Record-ID'] = `<${spec.id}>`;
  const httpHeaders: Record<string, string> = {};
  if (spec.contentType) httpHeaders['Content-Type'] = spec.contentType;
  if (spec.contentEncoding) httpHeaders['Content-Encoding'] = spec.contentEncoding;
  const withHttp = type === 'response' || type === 'request';
  const record = WARCRecord.create(
    {
      url: spec.url ?? 'https://news.example/a',
      date: '2022-05-25T10:00:00Z',
      type,
      warcVersion: 'WARC/1.1',
      warcHeaders,
      ...(withHttp ? { httpHeaders, statusline: type === 'request' ? 'GET /a HTTP/1.1' : `HTTP/1.1 ${spec.status ?? 200} OK` } : {}),
    },
    (async function* () {
      yield body;
    })(),
  );
  return WARCSerializer.serialize(record, { gzip });
}

export async function warcFile(specs: WarcSpec[], style: 'plain' | 'per-record' | 'whole' = 'plain'): Promise<Buffer> {
  const records = await Promise.all(specs.map((s) => warcRecord(s, style === 'per-record')));
  const plain = Buffer.concat(records);
  return style === 'whole' ? gzipSync(plain) : plain;
}

export const ARTICLE_FR =
  '<p>« Nous avons de quoi nous occuper avec le LHC jusqu\'en 2030 », a déclaré mardi Michel Spiro, le président du ' +
  'conseil du CERN, lors d\'une conférence de presse à Genève.</p><p>Selon le CERN, la particule découverte est ' +
  'compatible avec la théorie du boson de Higgs, mais les chercheurs restent prudents.</p>';

export function articlePage(title: string, body = ARTICLE_FR, charset = 'utf-8'): string {
  return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>${title}</title></head>` +
    `<body><article><h1>${title}</h1>${body}</article></body></html>`;
}

export function rssFeed(items: Array<{ title: string; link?: string; guid?: string; date?: string; html: string }>): string {
  const xmlItems = items.map((i) =>
    `<item><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}` +
    `${i.date ? `<pubDate>${i.date}</pubDate>` : ''}<content:encoded><![CDATA[${i.html}]]></content:encoded></item>`);
  return '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
    `<channel><title>Le Fil</title><link>https://news.example/</link><description>Actualités</description>${xmlItems.join('')}</channel></rss>\n`;
}

export function atomFeed(entries: Array<{ title: string; id: string; link: string; published: string; html: string }>): string {
  const xml = entries.map((e) =>
    `<entry><title>${e.title}</title><id>${e.id}</id><link href="${e.link}"/><published>${e.published}</published>` +
    `<updated>${e.published}</updated><content type="html"><![CDATA[${e.html}]]></content></entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>` +
    `<updated>2022-05-25T10:00:00Z</updated>${xml.join('')}</feed>\n`;
}
