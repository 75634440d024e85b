/** What an output format provides: see writers.ts. */
import type { Extraction } from '../types.js';

export interface Framer {
  begin(): string;
  add(record: string): string;
  end(): string;
}

export interface OutputFormat {
  /** One record → its text; runs in the workers. */
  record(ex: Extraction): string;
  /** What goes around the records; runs once, in the main thread. */
  frame(): Framer;
  /** A skipped document gets a record of its own (with its reason); when not, the summary names it instead. */
  showsSkipped: boolean;
}

/** Records written one after the other, nothing around them. */
export function plainFramer(header = ''): Framer {
  return { begin: () => header, add: (record) => record, end: () => '' };
}
