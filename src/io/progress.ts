/**
 * A one-line progress bar on stderr, for terminals only: documents done, documents per second, and when the total
 * input size is known, the share of it done and an ETA. Redrawn at most ten times a second. Node-only.
 */
import { bytesRead } from './open.js';

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private docs = 0;
  private bytesDone = 0;
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly totalBytes: number | null,
  ) {}

  /** One more input done; `bytesDone` is how far into the input (raw bytes) it was read from (default: all read so far). */
  tick(bytesDone: number = bytesRead.value): void {
    this.docs++;
    this.bytesDone = bytesDone;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.draw(now);
  }

  /** Clears the bar (before the summary, or before printing a line). */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  private draw(now: number): void {
    const seconds = (now - this.started) / 1000;
    const rate = this.docs / Math.max(seconds, 0.001);
    let line = `${this.docs} docs · ${rate.toFixed(1)} docs/s`;
    if (this.totalBytes) {
      const share = Math.min(this.bytesDone / this.totalBytes, 1);
      const eta = share > 0 ? (seconds * (1 - share)) / share : 0;
      line = `${bar(share)} ${(share * 100).toFixed(0)}% · ${line} · ETA ${clock(eta)}`;
    }
    this.stream.write(`\r\x1b[K${line}`);
    this.shown = true;
  }
}

function bar(share: number, width = 24): string {
  const full = Math.round(share * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${m}:${ss}`;
}
