/**
 * A bar chart of quote counts over time, in plain SVG. Days are grouped by month, or by year when the range spans
 * more than three years; empty periods between the first and last are drawn as gaps so time reads to scale.
 */
import type { FacetCount } from '../api.js';
import { t } from '../i18n.js';

export interface Bucket {
  label: string;
  count: number;
}

export function bucketize(days: FacetCount[]): Bucket[] {
  const dated = days.filter((d) => /^\d{4}/.test(d.value));
  if (dated.length === 0) return [];
  const sorted = [...dated].sort((a, b) => a.value.localeCompare(b.value));
  const firstYear = Number(sorted[0]!.value.slice(0, 4));
  const lastYear = Number(sorted[sorted.length - 1]!.value.slice(0, 4));
  const byYear = lastYear - firstYear > 3;
  const keyOf = (v: string) => (byYear || v.length < 7 ? v.slice(0, 4) : v.slice(0, 7));
  const counts = new Map<string, number>();
  for (const d of sorted) counts.set(keyOf(d.value), (counts.get(keyOf(d.value)) ?? 0) + d.count);
  const keys = [...counts.keys()];
  const out: Bucket[] = [];
  if (byYear || keys.every((k) => k.length === 4)) {
    for (let y = firstYear; y <= lastYear; y++) out.push({ label: String(y), count: counts.get(String(y)) ?? 0 });
    return out;
  }
  let [y, m] = keys[0]!.split('-').map(Number) as [number, number];
  const last = keys[keys.length - 1]!;
  for (let guard = 0; guard < 600; guard++) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ label, count: counts.get(label) ?? 0 });
    if (label >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function Timeline({ days, undated = 0 }: { days: FacetCount[]; undated?: number }) {
  const buckets = bucketize(days);
  if (buckets.length === 0) return <p class="muted">{undated > 0 ? `${undated} ${t('speaker.undated')}` : t('quote.none')}</p>;
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const W = 640;
  const H = 160;
  const pad = { l: 28, r: 8, t: 10, b: 28 };
  const bw = (W - pad.l - pad.r) / buckets.length;
  const every = Math.ceil(buckets.length / 12);
  const summary = buckets.filter((b) => b.count > 0).map((b) => `${b.label}: ${b.count}`).join(', ');
  return (
    <figure class="timeline">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('speaker.timelineLabel')} — ${summary}`} data-testid="timeline">
        <line x1={pad.l} y1={H - pad.b} x2={W - pad.r} y2={H - pad.b} class="axis" />
        <text x={pad.l - 4} y={pad.t + 8} class="tick" text-anchor="end">{max}</text>
        <text x={pad.l - 4} y={H - pad.b} class="tick" text-anchor="end">0</text>
        {buckets.map((b, i) => {
          const h = ((H - pad.t - pad.b) * b.count) / max;
          const x = pad.l + i * bw;
          return (
            <g key={b.label}>
              <rect x={x + bw * 0.1} y={H - pad.b - h} width={Math.max(1, bw * 0.8)} height={h} class="bar">
                <title>{`${b.label} : ${b.count}`}</title>
              </rect>
              {i % every === 0 && (
                <text x={x + bw / 2} y={H - pad.b + 16} class="tick" text-anchor="middle">{b.label}</text>
              )}
            </g>
          );
        })}
      </svg>
      {undated > 0 && <figcaption class="muted">+ {undated} {t('speaker.undated')}</figcaption>}
    </figure>
  );
}
