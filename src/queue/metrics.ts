/**
 * A worker's metrics in the Prometheus text format (version 0.0.4), served at /metrics: documents by outcome, jobs
 * by outcome, and latency histograms. Counters only grow; a scrape reads them as they are.
 */
import { createServer, type Server } from 'node:http';

type Labels = Record<string, string>;

/** Seconds: a document takes milliseconds, a job seconds to minutes. */
const DOC_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

class Histogram {
  readonly counts: number[];
  sum = 0;
  count = 0;
  constructor(readonly buckets: number[]) {
    this.counts = buckets.map(() => 0);
  }
  observe(seconds: number): void {
    this.sum += seconds;
    this.count++;
    this.buckets.forEach((b, i) => {
      if (seconds <= b) this.counts[i]!++;
    });
  }
}

interface Family {
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
}

const FAMILIES: Record<string, Family> = {
  selon_worker_documents_total: { help: 'Documents processed, by outcome (added, replaced, unchanged, skipped, failed).', type: 'counter' },
  selon_worker_jobs_total: { help: 'Jobs finished by this worker, by outcome (completed, failed, returned).', type: 'counter' },
  selon_worker_quotes_total: { help: 'Quotes stored.', type: 'counter' },
  selon_worker_active_jobs: { help: 'Jobs being processed now.', type: 'gauge' },
  selon_worker_document_seconds: { help: 'Time from reading a document to its record being stored.', type: 'histogram' },
  selon_worker_store_seconds: { help: 'Time to store one batch of records.', type: 'histogram' },
  selon_worker_job_seconds: { help: 'Time to process one job.', type: 'histogram' },
};

const key = (labels: Labels) => JSON.stringify(Object.entries(labels).sort());

export class Metrics {
  private readonly counters = new Map<string, Map<string, number>>();
  private readonly histograms = {
    selon_worker_document_seconds: new Histogram(DOC_BUCKETS),
    selon_worker_store_seconds: new Histogram(DOC_BUCKETS),
    selon_worker_job_seconds: new Histogram(JOB_BUCKETS),
  };

  add(name: string, value = 1, labels: Labels = {}): void {
    let byLabels = this.counters.get(name);
    if (!byLabels) this.counters.set(name, (byLabels = new Map()));
    byLabels.set(key(labels), (byLabels.get(key(labels)) ?? 0) + value);
  }

  set(name: string, value: number): void {
    this.counters.set(name, new Map([[key({}), value]]));
  }

  observe(name: keyof Metrics['histograms'], seconds: number): void {
    this.histograms[name].observe(seconds);
  }

  render(): string {
    const lines: string[] = [];
    for (const [name, family] of Object.entries(FAMILIES)) {
      lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
      if (family.type === 'histogram') lines.push(...renderHistogram(name, this.histograms[name as keyof Metrics['histograms']]));
      else for (const [labels, value] of this.counters.get(name) ?? new Map([[key({}), 0]])) lines.push(`${name}${renderLabels(labels)} ${value}`);
    }
    return lines.join('\n') + '\n';
  }
}

function renderLabels(json: string): string {
  const entries = JSON.parse(json) as [string, string][];
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

function renderHistogram(name: string, h: Histogram): string[] {
  const lines = h.buckets.map((b, i) => `${name}_bucket{le="${b}"} ${h.counts[i]}`);
  lines.push(`${name}_bucket{le="+Inf"} ${h.count}`, `${name}_sum ${h.sum}`, `${name}_count ${h.count}`);
  return lines;
}

/** Serves GET /metrics (and /healthz). Port 0 picks a free port; the bound address is returned. */
export async function serveMetrics(metrics: Metrics, host: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(metrics.render());
    } else if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as { address: string; port: number };
  const shown = address.address.includes(':') ? `[${address.address}]` : address.address;
  return { server, url: `http://${shown}:${address.port}/metrics` };
}
