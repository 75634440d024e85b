/** A .txt file: one document, the whole file as its text (UTF-8, BOM removed, invalid bytes reported). */
import type { InputItem } from './items.js';
import { failed, skippedInput } from './items.js';
import type { OpenedInput } from './open.js';
import type { Origin } from './origin.js';
import { decodeText, looksBinary } from './decode.js';
import { MAX_DOCUMENT_BYTES } from './limits.js';
import { megabytes, readWhole } from './read-all.js';

export async function* readText(input: OpenedInput, origin: Origin): AsyncGenerator<InputItem> {
  if (looksBinary(input.head)) {
    input.close();
    yield failed(origin.source, 'binary-content', 'binary data, not text', origin.id);
    return;
  }
  const whole = await readWhole(input, MAX_DOCUMENT_BYTES);
  if ('tooLarge' in whole) {
    yield skippedInput(origin.source, 'too-large', `over ${megabytes(MAX_DOCUMENT_BYTES)}`, origin.id);
    return;
  }
  const { text, messages } = decodeText(whole.bytes);
  yield { kind: 'doc', id: origin.id, source: origin.source, input: { id: origin.id, text, meta: { source: origin.source } }, notes: messages };
}
