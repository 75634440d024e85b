/**
 * Facet counts are the costly part of a search over a large result (every matching row is counted, four ways),
 * and the UI asks for the same facets again on every page of the same search. They are kept until the store
 * changes: a write through this connection, or a commit by any other process (SQLite's data_version).
 */
import type { Database } from 'better-sqlite3';
import type { Facets, QuoteFilters } from '../store.js';

const MAX_ENTRIES = 200;

export class FacetCache {
  private entries = new Map<string, Facets>();
  private stamp = '';
  private writes = 0;

  constructor(private readonly db: Database) {}

  /** Call after every write through this connection. */
  changed(): void {
    this.writes++;
  }

  private fresh(): void {
    const stamp = `${this.db.pragma('data_version', { simple: true })}:${this.writes}`;
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }
  }

  get(filters: QuoteFilters, compute: () => Facets): Facets {
    this.fresh();
    const { page: _page, pageSize: _size, facets: _facets, ...rest } = filters;
    const key = JSON.stringify(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '').sort());
    const hit = this.entries.get(key);
    if (hit) return hit;
    const facets = compute();
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, facets);
    return facets;
  }
}
