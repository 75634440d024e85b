/**
 * Pack records (pronouns, determiners, first names) as Maps, for lookups by token: a Map finds a freshly sliced word
 * faster than a property lookup, which first searches V8's table of internalised strings.
 */

const cache = new WeakMap<object, Map<string, unknown>>();

/** A pack record as a Map of its own entries: "constructor" or "toString" are words, not Object's properties. */
export function asMap<T>(record: Record<string, T>): Map<string, T> {
  let map = cache.get(record) as Map<string, T> | undefined;
  if (!map) {
    map = new Map(Object.entries(record));
    cache.set(record, map);
  }
  return map;
}
