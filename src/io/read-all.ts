/** Reads a whole input into memory, up to a limit: single documents only (a page, a text, a feed). */
import type { OpenedInput } from './open.js';

export type Whole = { bytes: Uint8Array } | { tooLarge: number };

export async function readWhole(input: OpenedInput, maxBytes: number): Promise<Whole> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of input.chunks) {
    length += chunk.length;
    if (length > maxBytes) {
      input.close();
      return { tooLarge: length };
    }
    parts.push(chunk);
  }
  return { bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts) };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
