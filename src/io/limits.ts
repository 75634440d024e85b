/** Reading limits: one place for each. Above them an input is skipped with reason `too-large`, not loaded. */

/** One document (a .txt or .html file, a JSONL line, a WARC payload). Common Crawl truncates payloads at 1 MiB;
 * real article pages stay under a few MB. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** A whole feed file (feeds are parsed in one piece). */
export const MAX_FEED_BYTES = 64 * 1024 * 1024;

/** Bytes looked at to guess a format or a charset. */
export const SNIFF_BYTES = 4096;

/** Positioned decoding messages kept per document; the rest are summed up in one last message. */
export const MAX_DECODE_MESSAGES = 20;
