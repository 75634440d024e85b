/**
 * Cross-document accounts with the filters of `selon accounts` and GET /api/accounts: `accountsOver(records, filters)`.
 */
import { fold, wordsOf } from './normalize.js';
import { clusterQuotes, type AccountQuote, type ClusterOptions, type ClusterResult, type QuoteCluster, type SpeakerConflict } from './cluster.js';

export interface AccountsFilters {
  /** Keeps clusters whose speaker name agrees with this one (all its words among the speaker's, accents folded). */
  speaker?: string;
  /** Inclusive ISO dates; records outside (or undated, when a bound is given) are left out before clustering. */
  since?: string;
  until?: string;
  /** Only clusters with at least one flag. */
  flagged?: boolean;
  minSize?: number;
  limit?: number;
}

export interface AccountsReport {
  filters: AccountsFilters;
  clusters: QuoteCluster[];
  conflicts: SpeakerConflict[];
  stats: ClusterResult['stats'];
}

function speakerMatches(query: string, c: QuoteCluster): boolean {
  const q = wordsOf(query);
  if (!q.length) return true;
  const names = [c.speakerName ?? '', c.speakerKey, ...c.versions.flatMap((v) => v.appearances.map((a) => a.speakerName ?? ''))];
  return names.some((n) => {
    const words = new Set(wordsOf(n));
    return q.every((w) => words.has(w));
  });
}

/**
 * Cross-document accounts over a set of quote records, with the filters of `selon accounts` and GET /api/accounts:
 * dates filter the records before clustering; the speaker filter keeps the clusters of matching speakers (after
 * clustering, so that the same words attributed to someone else are still found).
 */
export function accountsOver(records: Iterable<AccountQuote>, filters: AccountsFilters = {}, options: ClusterOptions = {}): AccountsReport {
  const kept: AccountQuote[] = [];
  for (const r of records) {
    if ((filters.since || filters.until) && !r.date) continue;
    if (filters.since && r.date! < filters.since) continue;
    if (filters.until && r.date!.slice(0, filters.until.length) > filters.until) continue;
    kept.push(r);
  }
  const result = clusterQuotes(kept, { ...options, minSize: filters.minSize ?? options.minSize ?? 2 });
  let clusters = result.clusters;
  if (filters.speaker) clusters = clusters.filter((c) => speakerMatches(filters.speaker!, c));
  if (filters.flagged) clusters = clusters.filter((c) => c.flags.length > 0);
  const conflicts = filters.speaker
    ? result.conflicts.filter((k) => k.speakers.some((s) => speakerMatches(filters.speaker!, { speakerKey: s.speakerKey, speakerName: s.speakerName, versions: [] } as unknown as QuoteCluster)))
    : result.conflicts;
  if (filters.limit !== undefined) clusters = clusters.slice(0, filters.limit);
  return { filters, clusters, conflicts, stats: result.stats };
}

/** A stable key for a speaker name when no store id is at hand: folded words without one-letter words. */
export function speakerKeyOf(name: string): string {
  return fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
    .join(' ');
}
