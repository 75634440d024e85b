/**
 * Prefixes of the multi-word keys of a lexicon table (roles, bodies, media), derived once per table. A phrase is read
 * token by token, each joined to the key with a space (or glued after an elision, "l'"); once the words read so far
 * start no key, no longer phrase can match and the reading stops ("the economy" starts no outlet's name, while "the
 * new" starts "the new york times").
 */

const cache = new WeakMap<Map<string, unknown>, Set<string>>();

/** Every prefix of a key that ends where a token may join the next: before a space, or after an apostrophe. */
export function keyPrefixes(table: Map<string, unknown>): Set<string> {
  let prefixes = cache.get(table);
  if (!prefixes) {
    prefixes = new Set();
    for (const key of table.keys()) {
      for (let j = 1; j < key.length; j++) if (key[j] === ' ' || key[j - 1] === "'") prefixes.add(key.slice(0, j));
    }
    cache.set(table, prefixes);
  }
  return prefixes;
}
