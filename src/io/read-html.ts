/** An .html file: one page, decoded in its declared charset; the engine extracts the article body. */
import type { InputItem } from './items.js';
import { failed, skippedInput } from './items.js';
import type { OpenedInput } from './open.js';
import type { Origin } from './origin.js';
import { decodeMarkup, looksBinary } from './decode.js';
import { MAX_DOCUMENT_BYTES } from './limits.js';
import { megabytes, readWhole } from './read-all.js';

export async function* readHtmlFile(input: OpenedInput, origin: Origin): AsyncGenerator<InputItem> {
  if (looksBinary(input.head)) {
    input.close();
    yield failed(origin.source, 'binary-content', 'binary data, not HTML', origin.id);
    return;
  }
  const whole = await readWhole(input, MAX_DOCUMENT_BYTES);
  if ('tooLarge' in whole) {
    yield skippedInput(origin.source, 'too-large', `page over ${megabytes(MAX_DOCUMENT_BYTES)}`, origin.id);
    return;
  }
  const decoded = decodeMarkup(whole.bytes);
  if ('unsupported' in decoded) {
    yield skippedInput(origin.source, 'unsupported-charset', `charset ${decoded.unsupported}`, origin.id);
    return;
  }
  const page = { id: origin.id, html: decoded.text, meta: { source: origin.source } };
  yield { kind: 'doc', id: origin.id, source: origin.source, input: page, notes: decoded.messages };
}
