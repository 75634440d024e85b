/**
 * Engine benchmark: articles per second and MB/s of `extract` on one core, and peak memory of
 * `selon extract` streaming a 20 MB JSONL. Prints figures, asserts nothing.
 *
 * Articles: the PolNeAR train and dev texts when ../shared/data is present (evaluation data, read in place, never
 * copied), else the bundled Wikinews texts (data/demo, data/gold). Target: ≥ 600 articles/s on one core over PolNeAR;
 * peak RSS < 1 GiB on a 20 MB JSONL.
 *
 * The figure is the best of N rounds over the whole corpus (default 8): the first rounds still warm the JIT up, and a
 * batch of thousands of articles runs at the steady speed.
 *
 * Run alone: node --import tsx bench/engine.bench.ts [--rounds N] [--jsonl-mb N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extract } from '../src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '8' }, 'jsonl-mb': { type: 'string', default: '20' } } });

interface Article {
  text: string;
  lang: string | null;
}

function readJsonl(path: string): Article[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => {
    const d = JSON.parse(l) as { text: string; lang?: string };
    return { text: d.text, lang: d.lang ?? null };
  });
}

function corpus(): { name: string; articles: Article[] } {
  const polnear = join(ROOT, '..', 'shared', 'data', 'polnear');
  if (existsSync(join(polnear, 'train.jsonl'))) {
    return { name: 'PolNeAR train+dev (English)', articles: [...readJsonl(join(polnear, 'train.jsonl')), ...readJsonl(join(polnear, 'dev.jsonl'))] };
  }
  const files = ['data/demo/fr-wikinews-unannotated.jsonl', 'data/demo/en-wikinews-unannotated.jsonl', 'data/gold/frnews-dev.jsonl', 'data/gold/ennews-dev.jsonl'];
  return { name: 'bundled Wikinews (French and English)', articles: files.flatMap((f) => readJsonl(join(ROOT, f))) };
}

function speed(): void {
  const { name, articles } = corpus();
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  for (const a of articles.slice(0, 100)) extract({ text: a.text, lang: a.lang }); // warm up
  const rounds = Number(values.rounds);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    for (const a of articles) extract({ text: a.text, lang: a.lang });
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  console.log(`corpus: ${name}, ${articles.length} articles, ${(chars / 1e6).toFixed(1)} M characters`);
  console.log(`extract, one thread, best of ${rounds} rounds (CPU time): ${(articles.length / best).toFixed(0)} articles/s, ${(chars / best / 1e6).toFixed(2)} M chars/s`);
}

function memory(): void {
  const dir = mkdtempSync(join(tmpdir(), 'selon-bench-'));
  try {
    const path = join(dir, 'big.jsonl');
    const texts = readJsonl(join(ROOT, 'data/demo/fr-wikinews-unannotated.jsonl'));
    const target = Number(values['jsonl-mb']) * 1e6;
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < target; i++) {
      const a = texts[i % texts.length]!;
      const line = JSON.stringify({ id: `doc-${i}`, text: a.text, lang: 'fr' });
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    writeFileSync(path, lines.join('\n') + '\n');
    const run = spawnSync('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'bin/selon.js'), 'extract', '--jobs', '1', '--format', 'jsonl', path], {
      stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '');
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(run.stderr ?? '');
    console.log(`selon extract --jobs 1 on a ${(size / 1e6).toFixed(0)} MB JSONL (${lines.length} documents): peak RSS ${rss ? (Number(rss[1]) / 1024).toFixed(0) + ' MB' : 'unknown (needs /usr/bin/time)'}, wall ${wall?.[1] ?? '?'}, exit ${run.status}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

speed();
memory();
