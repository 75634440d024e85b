/**
 * Pack records (pronouns, determiners, first names) as Maps, for lookups by token: a Map finds a freshly sliced word
 * faster than a property lookup, which first searches V8's table of internalised strings.
 */

const cache = new WeakMap<object, Map<string, unknown>>();

/**
 * A Map that answers `get(key)` exactly as `record[key]` does — own entries, and what a plain object inherits too
 * (`record["constructor"]` is Object), so that swapping one lookup for the other changes no result.
 */
export function asMap<T>(record: Record<string, T>): Map<string, T> {
  let map = cache.get(record) as Map<string, T> | undefined;
  if (!map) {
    map = new Map();
    for (let o: object | null = record; o !== null; o = Object.getPrototypeOf(o)) {
      for (const key of Object.getOwnPropertyNames(o)) if (!map.has(key)) map.set(key, record[key]!);
    }
    cache.set(record, map);
  }
  return map;
}
