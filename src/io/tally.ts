/**
 * Counts what happened to every input, for the end summary: read = ok + skipped + failed, each by reason, and the
 * problems by name. `ignored` entries (not documents at all) are counted apart.
 */
import type { Outcome } from './order.js';

export interface Problem {
  status: 'failed' | 'skipped';
  id: string | null;
  source: string;
  reason: string;
  detail: string;
}

/** Problems listed by name on stderr; the rest are counted (and all of them are in --errors). */
const LISTED = 30;

export class Tally {
  ok = 0;
  readonly skipped = new Map<string, number>();
  readonly failed = new Map<string, number>();
  readonly ignored = new Map<string, number>();
  readonly listed: Problem[] = [];
  private unlisted = 0;

  /** `showsSkipped`: skipped documents have a record of their own in the output, so the summary only counts them. */
  constructor(private readonly showsSkipped = true) {}

  get read(): number {
    return this.ok + sum(this.skipped) + sum(this.failed);
  }

  get failures(): number {
    return sum(this.failed);
  }

  /** Counts an outcome; returns the problem it represents, if any, for --errors. */
  add(o: Outcome): Problem | null {
    if (o.kind === 'ignored') {
      bump(this.ignored, o.reason);
      return null;
    }
    if (o.kind === 'result' && o.status === 'ok') {
      this.ok++;
      return null;
    }
    const status = o.kind === 'result' ? o.status : o.kind;
    const problem: Problem = { status: status as Problem['status'], id: o.id, source: o.source, reason: o.reason ?? 'unknown', detail: o.detail };
    bump(status === 'failed' ? this.failed : this.skipped, problem.reason);
    // A skipped document usually has its own record in the output; failures, reader-level skips and documents the
    // output format has no place for (csv rows are quotes) have none, so name them.
    const silent = this.showsSkipped && o.kind === 'result' && o.status === 'skipped';
    if (!silent) {
      if (this.listed.length < LISTED) this.listed.push(problem);
      else this.unlisted++;
    }
    return problem;
  }

  /** The end summary for stderr. */
  format(seconds: number, errorsFile: string | null): string {
    const rate = seconds > 0 ? ` (${(this.read / seconds).toFixed(1)} docs/s)` : '';
    const lines = [`selon extract: read ${this.read} in ${seconds.toFixed(1)} s${rate}`];
    lines.push(`  ok       ${this.ok}`);
    lines.push(`  skipped  ${sum(this.skipped)}${byReason(this.skipped)}`);
    lines.push(`  failed   ${sum(this.failed)}${byReason(this.failed)}`);
    if (this.ignored.size) lines.push(`  ignored  ${sum(this.ignored)}, not documents${byReason(this.ignored)}`);
    for (const p of this.listed) lines.push(`  ${p.status}: ${p.source} — ${p.reason}${p.detail ? `: ${firstLine(p.detail)}` : ''}`);
    if (this.unlisted) lines.push(`  … and ${this.unlisted} more${errorsFile ? ` in ${errorsFile}` : ' (list them all with --errors FILE)'}`);
    return lines.join('\n') + '\n';
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sum(map: Map<string, number>): number {
  let n = 0;
  for (const v of map.values()) n += v;
  return n;
}

function byReason(map: Map<string, number>): string {
  if (!map.size) return '';
  const parts = [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r, n]) => `${r} ${n}`);
  return ` (${parts.join(', ')})`;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 200);
}
