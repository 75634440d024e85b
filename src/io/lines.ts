/**
 * Byte chunks → lines, without ever holding more than one line: a line longer than the limit is measured and
 * dropped as it streams by, so memory stays flat whatever the file. Browser-safe.
 */

export interface Line {
  /** 1-based line number. */
  number: number;
  /** The line's bytes without its "\n" (and without a "\r" before it); null when the line was over the limit. */
  bytes: Uint8Array | null;
  /** Byte length of the line, also for dropped lines. */
  length: number;
}

export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let length = 0;
  let number = 0;
  let over = false;
  const finish = (): Line => {
    number++;
    const line: Line = { number, bytes: over ? null : joinLine(parts, length), length };
    parts = [];
    length = 0;
    over = false;
    return line;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
      take(chunk.subarray(from, nl));
      yield finish();
      from = nl + 1;
    }
    if (from < chunk.length) take(chunk.subarray(from));
  }
  if (length > 0 || over) yield finish();

  function take(piece: Uint8Array): void {
    length += piece.length;
    if (over) return;
    if (length > maxBytes) {
      over = true;
      parts = [];
      return;
    }
    if (piece.length) parts.push(piece);
  }
}

function joinLine(parts: Uint8Array[], length: number): Uint8Array {
  let line: Uint8Array;
  if (parts.length === 1) line = parts[0]!;
  else {
    line = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
      line.set(p, at);
      at += p.length;
    }
  }
  return line.length && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}
