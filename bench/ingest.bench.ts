/**
 * Ingestion benchmark: `selon extract` end to end (read + clean + extract + write) on news pages of about 50 KB,
 * as HTML files and as a gzipped WARC, with --jobs 1 and 2; where the time goes (reading alone, HTML → text alone,
 * the engine alone); peak memory on a large generated JSONL. Prints figures, asserts nothing.
 * Targets: ≥ 120 pages/s (≥ 6 MB/s of HTML) with --jobs 2, WARC at the same rate, memory flat.
 *
 * Pages are built here around the bundled Wikinews texts (data/demo, CC BY 2.5; two articles per page, so the body is
 * a typical 3–4 KB) with the chrome of a news site: inline scripts and styles, menus, sidebar, comments, footer, and
 * an in-body teaser and newsletter box. Nothing is downloaded.
 *
 * Run alone: node --import tsx bench/ingest.bench.ts [--pages N] [--jsonl-mb N] [--pipeline-mb N] [--warc-mb N]
 *   --pages N        pages per run (default 600, about 30 MB)
 *   --jsonl-mb N     size of the generated JSONL of articles for the memory check (default 32; a second run at a
 *                    quarter of it shows whether peak memory grows with the input)
 *   --pipeline-mb N  size of a JSONL whose documents the engine skips at once (a language without a pack), to
 *                    measure reading, messaging and writing alone, fast, on a large input (default 256)
 *   --warc-mb N      build WARC.gz files of about N/4 and N MB of HTML and report their peak memory (default 256;
 *                    the 2 GB check is `npm run bench -- ingest -- --warc-mb 2048`: it takes a while and
 *                    needs the disk space)
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import { WARCRecord, WARCSerializer } from 'warcio';
import { expandPaths } from '../src/io/walk.js';
import { readInputs } from '../src/io/read-inputs.js';
import { readHtml } from '../src/io/html.js';
import { extract } from '../src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/selon.js');

/* ---------- pages ---------- */

interface Article {
  title: string;
  lang: string;
  date: string | null;
  paragraphs: string[];
}

export function readArticles(): Article[] {
  const out: Article[] = [];
  for (const file of ['fr-wikinews-unannotated.jsonl', 'en-wikinews-unannotated.jsonl']) {
    for (const line of readFileSync(join(ROOT, 'data/demo', file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { title: string; lang: string; date: string | null; text: string };
      out.push({ title: d.title, lang: d.lang, date: d.date, paragraphs: d.text.split('\n\n').slice(1) });
    }
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const links = (n: number, label: string) =>
  Array.from({ length: n }, (_, i) => `<li><a href="/${label}/${i}">${label} ${i}</a></li>`).join('\n');
const SCRIPT = `window.__CONFIG__ = ${JSON.stringify({ ads: Array.from({ length: 300 }, (_, i) => ({ slot: `slot-${i}`, sizes: [[300, 250], [728, 90]], targeting: { section: 'news', pos: i } })) })};`;
const STYLE = Array.from({ length: 250 }, (_, i) => `.c${i} { margin: ${i}px; padding: ${i % 7}px; color: #${(i * 4099).toString(16).slice(0, 6).padEnd(6, '0')}; }`).join('\n');

/** A news page of about 50 KB around two consecutive articles. */
export function page(articles: Article[], i: number): string {
  const a = articles[i % articles.length]!;
  const b = articles[(i + 1) % articles.length]!;
  const title = `${a.title} (${i})`;
  const body = [...a.paragraphs, ...b.paragraphs].map((p) => `<p>${esc(p)}</p>`);
  const teaser = a.lang === 'fr' ? '<p><strong>READ</strong>  <a href="/video">Une vidéo incroyable montre un chat qui joue du piano</a></p>' : '<p><strong>READ MORE:</strong> <a href="/more">Salt intake falls as families cut back</a></p>';
  const newsletter = a.lang === 'fr' ? '<div class="newsletter"><p>Inscrivez-vous à notre newsletter quotidienne.</p><form><input type="email"><button>OK</button></form></div>' : '<div class="newsletter"><p>Sign up for our free weekly newsletter.</p><form><input type="email"><button>OK</button></form></div>';
  body.splice(2, 0, teaser);
  body.splice(Math.min(5, body.length), 0, newsletter);
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: a.date, author: { '@type': 'Person', name: 'Wikinews' } };
  const comments = Array.from({ length: 6 }, (_, k) => `<div class="comment"><p class="who">Lecteur ${k}</p><p>${esc(b.paragraphs[0]?.slice(0, 200) ?? '')}</p></div>`).join('\n');
  return `<!DOCTYPE html><html lang="${a.lang}"><head><meta charset="utf-8"><title>${esc(title)} | The Daily Example</title>
<meta property="og:title" content="${esc(title)}"><meta property="og:site_name" content="The Daily Example">
<link rel="canonical" href="https://daily.example/${i}"><script type="application/ld+json">${JSON.stringify(ld)}</script>
<script>${SCRIPT}</script><style>${STYLE}</style></head><body>
<header><a href="/">The Daily Example</a><nav class="menu"><ul>${links(60, 'section')}</ul></nav></header>
<main><article><h1>${esc(title)}</h1><p class="byline">By Wikinews</p><div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<div class="body">${body.join('\n')}</div></article>
<aside class="sidebar"><h2>Most read</h2><ol>${links(15, 'story')}</ol></aside>
<section class="comments"><h2>Comments</h2>${comments}</section></main>
<footer><ul>${links(80, 'footer')}</ul><p>© The Daily Example</p></footer></body></html>\n`;
}

/* ---------- measuring ---------- */

/** Reports the process's peak memory and CPU time (all threads) on stderr as it exits. */
const USAGE_HOOK = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => { const u = process.resourceUsage(); " +
    "process.stderr.write('\\nBENCH_USAGE ' + u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); })",
)}`;

/**
 * Wall-clock figures depend on what else runs on the machine (this one is shared); CPU seconds do not, so both are
 * printed: docs per CPU-second × cores is the rate the same work reaches on an idle machine.
 */
interface CliRun {
  seconds: number;
  cpuSeconds: number;
  rssMb: number;
}

async function cli(args: string[]): Promise<CliRun> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', USAGE_HOOK, BIN, 'extract', '--format', 'jsonl', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const [code] = (await once(child, 'close')) as [number];
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = /BENCH_USAGE (\d+) (\d+)/.exec(stderr);
  const rss = Number(usage?.[1] ?? 0) / 1024;
  const cpuSeconds = Number(usage?.[2] ?? 0) / 1e6;
  if (code !== 0) throw new Error(`selon extract ${args.join(' ')} exited ${code}:\n${stderr}`);
  if (!/^ {2}failed {3}0$/m.test(stderr)) console.log(`  (some inputs failed: ${stderr.split('\n').find((l) => l.includes('failed'))})`);
  return { seconds, cpuSeconds, rssMb: rss };
}

function line(label: string, docs: number, mb: number, run: { seconds: number; cpuSeconds?: number; rssMb?: number }): void {
  const cpu = run.cpuSeconds ? `, ${run.cpuSeconds.toFixed(2)} CPU-s = ${(docs / run.cpuSeconds).toFixed(0)} docs/CPU-s` : '';
  const rss = run.rssMb ? `, peak RSS ${run.rssMb.toFixed(0)} MB` : '';
  const rate = `${(docs / run.seconds).toFixed(1).padStart(7)} docs/s ${(mb / run.seconds).toFixed(2).padStart(6)} MB/s`;
  console.log(`${label.padEnd(40)} ${rate}  (${docs} in ${run.seconds.toFixed(2)} s${cpu}${rss})`);
}

/** Runs `f` `rounds` times and returns the time of the last round (the earlier ones warm the JIT up). */
function timed(f: () => void, rounds: number): { seconds: number } {
  let seconds = 0;
  for (let r = 0; r < rounds; r++) {
    const started = process.hrtime.bigint();
    f();
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  return { seconds };
}

async function readOnly(paths: string[]): Promise<{ seconds: number; docs: number }> {
  const started = process.hrtime.bigint();
  const { entries } = await expandPaths(paths);
  let docs = 0;
  for await (const item of readInputs(entries)) if (item.kind === 'doc') docs++;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, docs };
}

/* ---------- inputs ---------- */

export async function writeWarc(path: string, pages: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let i = 0;
  for (const html of pages) {
    const record = WARCRecord.create(
      { url: `https://daily.example/${i++}`, date: '2022-05-25T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK' },
      (async function* () {
        yield new TextEncoder().encode(html);
      })(),
    );
    if (!out.write(await WARCSerializer.serialize(record, { gzip: true }))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Writes about `mb` MB of JSONL articles; `lang` replaces their language (a code without a pack: skipped at once). */
async function writeJsonl(path: string, articles: Article[], mb: number, lang?: string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let n = 0;
  while (bytes < mb * 1024 * 1024) {
    const a = articles[n % articles.length]!;
    const b = articles[(n + 1) % articles.length]!;
    const text = [a.title, ...a.paragraphs, ...b.paragraphs].join('\n\n');
    const lineText = JSON.stringify({ id: `j${n++}`, text, lang: lang ?? a.lang, date: a.date }) + '\n';
    bytes += Buffer.byteLength(lineText);
    if (!out.write(lineText)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return n;
}

/* ---------- main ---------- */

async function main(): Promise<void> {
  const options = { pages: { type: 'string' }, 'jsonl-mb': { type: 'string' }, 'pipeline-mb': { type: 'string' }, 'warc-mb': { type: 'string' } } as const;
  const { values } = parseArgs({ options });
  const count = Number(values.pages ?? 600);
  const jsonlMb = Number(values['jsonl-mb'] ?? 32);
  const pipelineMb = Number(values['pipeline-mb'] ?? 256);
  const warcMb = Number(values['warc-mb'] ?? 256);
  const dir = mkdtempSync(join(tmpdir(), 'selon-bench-'));
  try {
    const articles = readArticles();
    const pagesDir = join(dir, 'pages');
    mkdirSync(pagesDir);
    let htmlBytes = 0;
    const pages: string[] = [];
    for (let i = 0; i < count; i++) {
      const html = page(articles, i);
      pages.push(html);
      htmlBytes += Buffer.byteLength(html);
      writeFileSync(join(pagesDir, `p${String(i).padStart(5, '0')}.html`), html);
    }
    const mb = htmlBytes / 1024 / 1024;
    const warc = join(dir, 'pages.warc.gz');
    await writeWarc(warc, pages);
    console.log(`${count} pages, ${(htmlBytes / count / 1024).toFixed(1)} KB each on average, ${mb.toFixed(1)} MB of HTML; ` +
      `WARC.gz ${(statSync(warc).size / 1024 / 1024).toFixed(1)} MB (one gzip member per record)`);

    console.log('\nwhere the time goes (one thread, in process, after a warm-up round):');
    const reading = await readOnly([pagesDir]);
    line('  read HTML files (decode, no parsing)', reading.docs, mb, reading);
    const warcReading = await readOnly([warc]);
    line('  read WARC.gz (inflate, parse, decode)', warcReading.docs, mb, warcReading);
    const sample = pages.slice(0, Math.min(200, count));
    const sampleMb = (mb * sample.length) / count;
    let texts: string[] = [];
    const cleaning = timed(() => (texts = sample.map((html) => readHtml(html, null).text)), 2);
    line('  HTML → text (linkedom + Readability)', sample.length, sampleMb, cleaning);
    const engine = timed(() => texts.forEach((text) => extract({ text })), 2);
    line('  engine on the text (extract)', sample.length, sampleMb, engine);

    // A run pays for start-up and for warming each thread's JIT; a second run over the input twice tells the steady
    // rate apart: rate = pages / (time for twice - time for once).
    console.log('\nselon extract end to end (read + clean + extract + write jsonl):');
    console.log('  wall clock for one pass incl. start-up and warm-up | steady rate from a second, double pass');
    const rates: Record<string, number> = {};
    const perCpu: Record<string, number> = {};
    for (const [label, input] of [['HTML files', pagesDir], ['WARC.gz', warc]] as const) {
      for (const jobs of ['1', '2']) {
        const once = await cli(['--jobs', jobs, input]);
        const twice = await cli(['--jobs', jobs, input, input]);
        const steady = { seconds: Math.max(twice.seconds - once.seconds, 1e-3), cpuSeconds: Math.max(twice.cpuSeconds - once.cpuSeconds, 1e-3) };
        line(`  ${label}, --jobs ${jobs}, one pass`, count, mb, once);
        line(`  ${label}, --jobs ${jobs}, one pass ×2`, 2 * count, 2 * mb, twice);
        line(`  ${label}, --jobs ${jobs}, steady`, count, mb, steady);
        rates[`${label} ${jobs}`] = count / steady.seconds;
        perCpu[`${label} ${jobs}`] = count / steady.cpuSeconds;
      }
    }
    const speedup = (label: string) => (rates[`${label} 2`]! / rates[`${label} 1`]!).toFixed(2);
    console.log(`  steady speed-up 1 → 2 jobs (wall clock): HTML ×${speedup('HTML files')}, WARC ×${speedup('WARC.gz')}`);
    const idle = (label: string) => `${(perCpu[`${label} 2`]! * availableParallelism()).toFixed(0)} pages/s`;
    console.log(`  --jobs 2 on ${availableParallelism()} idle cores (steady docs/CPU-s × cores): HTML ${idle('HTML files')}, WARC ${idle('WARC.gz')}`);
    console.log(`  load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    console.log('\npeak memory on a generated JSONL (--jobs 2, output discarded):');
    for (const size of [Math.max(1, Math.round(jsonlMb / 4)), jsonlMb]) {
      const path = join(dir, `docs-${size}.jsonl`);
      const docs = await writeJsonl(path, articles, size);
      const run = await cli(['--jobs', '2', path]);
      line(`  JSONL ${size} MB`, docs, size, run);
      rmSync(path);
    }

    console.log('\nthe pipeline alone (documents skipped at once as unsupported-language; --jobs 2):');
    for (const size of [Math.max(1, Math.round(pipelineMb / 4)), pipelineMb]) {
      const path = join(dir, `skipped-${size}.jsonl`);
      const docs = await writeJsonl(path, articles, size, 'xx');
      const run = await cli(['--jobs', '2', path]);
      line(`  JSONL ${size} MB`, docs, size, run);
      rmSync(path);
    }

    console.log(`\nflat memory on WARC files (${Math.round(warcMb / 4)} and ${warcMb} MB of HTML, --jobs 2):`);
    for (const size of [Math.max(1, Math.round(warcMb / 4)), warcMb]) {
      const big = join(dir, `big-${size}.warc.gz`);
      const n = Math.ceil((size * 1024 * 1024) / (htmlBytes / count));
      await writeWarc(big, (function* () {
        for (let i = 0; i < n; i++) yield pages[i % count]!;
      })());
      const run = await cli(['--jobs', '2', big]);
      line(`  WARC.gz ${(statSync(big).size / 1024 / 1024).toFixed(0)} MB compressed`, n, size, run);
      rmSync(big);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Importable (for profiling a page) without running.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
