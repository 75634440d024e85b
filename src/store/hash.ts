/** The text hash that, with the document id, keys a stored record: re-ingesting the same text changes nothing. */
import { createHash } from 'node:crypto';

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
