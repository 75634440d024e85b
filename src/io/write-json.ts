/**
 * json: one object when there is one document, an array when there are several. Streamed: the first record is held
 * back until a second one shows whether an array is needed.
 */
import type { Framer, OutputFormat } from './format.js';

export const json: OutputFormat = {
  record: (ex) => JSON.stringify(ex, null, 2),
  frame: jsonFramer,
  showsSkipped: true,
};

function jsonFramer(): Framer {
  let held: string | null = null;
  let count = 0;
  return {
    begin: () => '',
    add(record) {
      count++;
      if (count === 1) {
        held = record;
        return '';
      }
      if (count === 2) {
        const first = held!;
        held = null;
        return `[\n${first},\n${record}`;
      }
      return `,\n${record}`;
    },
    end: () => (count === 0 ? '[]\n' : count === 1 ? `${held}\n` : '\n]\n'),
  };
}
