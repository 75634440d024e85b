/** jsonl: one selon/1 object per line, in input order. */
import type { OutputFormat } from './format.js';
import { plainFramer } from './format.js';

export const jsonl: OutputFormat = {
  record: (ex) => JSON.stringify(ex) + '\n',
  frame: () => plainFramer(),
  showsSkipped: true,
};
