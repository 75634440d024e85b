/** Name helpers shared by stages: folding a name to comparable words. */

/** Lower-case, accent-free words of a name, without particles ("Jean-Marie Le Pen" → jean, marie, pen). */
export function foldWords(name: string, particles: Set<string>): string[] {
  // ASCII has no accents to strip: most names skip the decomposition.
  const plain = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !particles.has(w));
}
