/**
 * Store benchmark. Two figures, both printed:
 *  1. search latency (p50 / p95 / max) on 100,000 stored quotes: varied selon/1 records whose quote texts are real
 *     sentences of the bundled Wikinews corpus (data/demo), spoken by a Zipf-distributed population of speakers,
 *     across outlets, languages, channels and ten years. Target: p95 < 50 ms.
 *  2. ingest overhead: the time the store adds to extraction, on the bundled corpus (data/demo + data/gold) repeated
 *     under new ids. Target: < 20 % of extraction time.
 * Run alone: node --import tsx bench/store.bench.ts [--quotes N]
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract, type DocumentInput } from '../src/index.js';
import { openStore, type QuoteFilters, type Store } from '../src/store/store.js';
import { makeRecord, type QuoteSpec } from '../src/store/synthetic.js';
import type { Extraction } from '../src/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/* ---------- corpus ---------- */

interface CorpusDoc {
  id: string;
  text: string;
  lang: string | null;
  date: string | null;
}

export function readCorpus(): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  for (const folder of ['data/demo', 'data/gold']) {
    const dir = join(ROOT, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const d = JSON.parse(line) as { id: string; text: string; lang?: string; date?: string };
        docs.push({ id: d.id, text: d.text, lang: d.lang ?? null, date: d.date ?? null });
      }
    }
  }
  if (docs.length === 0) throw new Error('no corpus found in data/demo or data/gold');
  return docs;
}

function sentencesOf(docs: CorpusDoc[], lang: string): string[] {
  const out: string[] = [];
  for (const d of docs.filter((x) => x.lang === lang)) {
    for (const s of d.text.split(/(?<=[.!?»"])\s+|\n+/)) {
      const t = s.trim();
      if (t.length >= 30 && t.length <= 300) out.push(t);
    }
  }
  return out;
}

/* ---------- a deterministic generator ---------- */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Emmanuel', 'Marine', 'Jean-Marie', 'Anne', 'Élisabeth', 'François', 'Rishi', 'Joe', 'Angela', 'Olaf', 'Xi', 'Michelle',
  'Antonio', 'Ursula', 'Pedro', 'Giorgia', 'Bruno', 'Gérald', 'Valérie', 'Jordan', 'Fabien', 'Sandrine', 'Yannick', 'Clément', 'Nathalie',
  'Keir', 'Kamala', 'Donald', 'Boris', 'Justin', 'Narendra', 'Luiz', 'Cyril', 'Recep', 'Volodymyr', 'Mette', 'Sanna', 'Jacinda', 'Ali', 'Fatou'];
const LAST = ['Macron', 'Le Pen', 'Roy', 'Borne', 'Bayrou', 'Sunak', 'Biden', 'Merkel', 'Scholz', 'Jinping', 'Bachelet', 'Guterres',
  'von der Leyen', 'Sánchez', 'Meloni', 'Le Maire', 'Darmanin', 'Pécresse', 'Bardella', 'Roussel', 'Rousseau', 'Jadot', 'Beaune', 'Dupont',
  'Starmer', 'Harris', 'Trump', 'Johnson', 'Trudeau', 'Modi', 'Lula', 'Ramaphosa', 'Erdoğan', 'Zelensky', 'Frederiksen', 'Marin', 'Ardern',
  'Ben Ali', 'Diallo', 'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon'];
const OUTLETS = ['Le Monde', 'Le Figaro', 'Libération', 'Ouest-France', 'France 24', 'RFI', 'Mediapart', 'La Croix', "L'Humanité",
  'Les Échos', 'BBC News', 'The Guardian', 'Reuters', 'Associated Press', 'The New York Times', 'Al Jazeera', 'Politico', 'CNN',
  'The Times', 'Euronews', 'Le Temps', 'La Presse', 'Le Soir', 'RTBF', 'Radio-Canada', 'Jeune Afrique', 'Le Parisien', '20 Minutes',
  'franceinfo', 'TF1 Info', 'BFMTV', 'Sud Ouest', 'La Dépêche', 'Nice-Matin', 'Courrier international', 'Challenges', 'Marianne',
  "L'Express", 'Le Point', 'Slate'];
const CHANNELS = ['AFP', 'Reuters', 'CCTV', 'Xinhua', 'communiqué', 'readout', 'UN transcript', 'Twitter', 'BFMTV', 'France Inter',
  'a statement', 'Le Journal du dimanche', 'TASS', 'Kyodo', 'un porte-parole'];
const HONORIFIC = { fr: ['M.', 'Mme', 'le président', 'la ministre'], en: ['Mr.', 'Ms.', 'President', 'Minister'] };

interface World {
  speakers: string[];
  fr: string[];
  en: string[];
}

/** Speakers: FIRST × LAST combinations, 2,000 of them. */
export function world(docs: CorpusDoc[]): World {
  const pick = rng(7);
  const names = new Set<string>();
  while (names.size < 2000) names.add(`${FIRST[Math.floor(pick() * FIRST.length)]} ${LAST[Math.floor(pick() * LAST.length)]}`);
  return { speakers: [...names], fr: sentencesOf(docs, 'fr'), en: sentencesOf(docs, 'en') };
}

/** Zipf-like index: a few speakers say a lot, most say little. */
function zipf(pick: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(pick() * Math.log(n + 1)) - 1));
}

function speakerName(pick: () => number, full: string, lang: 'fr' | 'en'): string {
  const r = pick();
  if (r < 0.15) return full.split(' ').slice(1).join(' ');
  if (r < 0.3) return `${HONORIFIC[lang][Math.floor(pick() * 4)]} ${full}`;
  return full;
}

function isoDate(pick: () => number): string {
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(pick() * 3650) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

export function syntheticRecords(w: World, quotes: number, perDoc: number): Extraction[] {
  const pick = rng(42);
  const out: Extraction[] = [];
  for (let d = 0; d * perDoc < quotes; d++) {
    const lang = pick() < 0.7 ? 'fr' : 'en';
    const sentences = w[lang];
    const date = pick() < 0.95 ? isoDate(pick) : null;
    const specs: QuoteSpec[] = [];
    for (let i = 0; i < Math.min(perDoc, quotes - d * perDoc); i++) {
      const full = w.speakers[zipf(pick, w.speakers.length)]!;
      specs.push({
        content: sentences[Math.floor(pick() * sentences.length)]!,
        speaker: pick() < 0.95 ? speakerName(pick, full, lang) : null,
        kind: (['direct', 'direct', 'mixed', 'indirect'] as const)[Math.floor(pick() * 4)],
        via: pick() < 0.2 ? [CHANNELS[Math.floor(pick() * CHANNELS.length)]!] : [],
        confidence: 0.5 + pick() / 2,
      });
    }
    const accounts = specs.length >= 2 && pick() < 0.05 ? [{ quotes: [0, 1], verdict: 'variant' as const }] : [];
    out.push(makeRecord({ id: `bench/${d}`, lang, date, site: OUTLETS[Math.floor(pick() * OUTLETS.length)]!, title: `Article ${d}`, quotes: specs, accounts }));
  }
  return out;
}

/* ---------- measuring ---------- */

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Latency {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

async function time(name: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<Latency> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { name, runs, p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1]! };
}

function words(sentences: string[], pick: () => number, min: number): string {
  const s = sentences[Math.floor(pick() * sentences.length)]!;
  const ws = (s.match(/\p{L}{4,}/gu) ?? ['sécurité']).filter((x) => x.length >= min);
  return ws[Math.floor(pick() * ws.length)] ?? 'gouvernement';
}

/** The query mix: what the UI and the CLI send. Each entry builds filters from a seeded random source. */
function queryMix(w: World): [string, (pick: () => number) => QuoteFilters][] {
  const speaker = (pick: () => number) => w.speakers[zipf(pick, w.speakers.length)]!;
  return [
    ['one word', (p) => ({ q: words(w.fr, p, 4) })],
    ['one word + facets (UI search)', (p) => ({ q: words(w.fr, p, 4), facets: true })],
    ['two words', (p) => ({ q: `${words(w.fr, p, 5)} ${words(w.fr, p, 5)}` })],
    ['common word, unaccented', (p) => ({ q: ['securite', 'gouvernement', 'president', 'selon', 'ministre', 'police'][Math.floor(p() * 6)]! })],
    ['phrase', (p) => ({ q: `"${w.fr[Math.floor(p() * w.fr.length)]!.split(/\s+/).slice(1, 4).join(' ')}"` })],
    ['prefix', (p) => ({ q: `${words(w.fr, p, 6).slice(0, 4)}*` })],
    ['english word + lang', (p) => ({ q: words(w.en, p, 5), lang: 'en' })],
    ['speaker (speaker page)', (p) => ({ speaker: speaker(p) })],
    ['speaker + word + facets', (p) => ({ speaker: speaker(p).split(' ').at(-1)!, q: words(w.fr, p, 4), facets: true })],
    ['dates + via', (p) => ({ from: `${2015 + Math.floor(p() * 8)}`, to: '2024', via: CHANNELS[Math.floor(p() * CHANNELS.length)]! })],
    ['no filter, facets, next pages', (p) => ({ facets: true, page: 1 + Math.floor(p() * 50) })],
    // A query holding no word ("\"" alone) is refused before the store is read: the stray quote comes with a word.
    ['hostile input', (p) => ({ q: ['sécurité "', "l'a AND (", 'NEAR(*', 'porte-parole OR'][Math.floor(p() * 4)]! })],
  ];
}

async function searchBench(quotes: number): Promise<{ latencies: Latency[]; all: Latency; cpu: Latency; loadMs: number; dbBytes: number }> {
  const docs = readCorpus();
  const w = world(docs);
  const dir = mkdtempSync(join(tmpdir(), 'selon-bench-'));
  const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
  try {
    const records = syntheticRecords(w, quotes, 10);
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += 500) await store.ingestMany(records.slice(i, i + 500));
    const loadMs = performance.now() - t0;
    const stats = await store.stats();
    if (stats.quotes !== quotes) throw new Error(`stored ${stats.quotes} quotes, expected ${quotes}`);
    const latencies: Latency[] = [];
    const all: number[] = [];
    const cpu: number[] = [];
    const pick = rng(99);
    // Wall time, and CPU time of this process (what the query costs, whatever else the machine is running).
    const measured = async (filters: QuoteFilters) => {
      const t = performance.now();
      const c = process.cpuUsage();
      await store.searchQuotes(filters);
      const used = process.cpuUsage(c);
      all.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    };
    for (const [name, make] of queryMix(w)) {
      await store.searchQuotes(make(pick)); // warm the statement cache
      latencies.push(await time(name, 40, () => measured(make(pick))));
    }
    // Facets are cached until the store changes; these two measure them computed afresh (a write clears the cache).
    const fresh = (name: string, make: () => QuoteFilters) => time(name, 20, async () => {
      await store.ingestMany([]);
      await measured(make());
    });
    latencies.push(await fresh('no filter + facets, uncached', () => ({ facets: true })));
    latencies.push(await fresh('word + facets, uncached', () => ({ q: words(w.fr, pick, 4), facets: true })));
    const stopWords = await time('stop word alone + facets, uncached', 20, async () => {
      await store.ingestMany([]);
      await store.searchQuotes({ q: ['le', 'la', 'de', 'the'][Math.floor(pick() * 4)]!, facets: true });
    });
    latencies.push(await time('speakers list', 20, () => store.listSpeakers({ page: 1 + Math.floor(pick() * 5) })));
    latencies.push(await time('speakers name search', 20, () => store.listSpeakers({ q: LAST[Math.floor(pick() * LAST.length)]!.slice(0, 4) })));
    latencies.push(await time('speaker detail', 20, () => store.getSpeaker(1 + Math.floor(pick() * 200))));
    latencies.push(stopWords); // reported, not in the overall figure: a lone stop word is not a search anyone means
    all.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const dbBytes = ['bench.db', 'bench.db-wal'].map((f) => join(dir, f)).filter(existsSync).reduce((n, f) => n + readFileSync(f).length, 0);
    const summary = (name: string, ms: number[]): Latency => ({ name, runs: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1]! });
    return { latencies, all: summary('all quote searches', all), cpu: summary('  the same, CPU time', cpu), loadMs, dbBytes };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/* ---------- ingest overhead ---------- */

async function ingestBench(copies: number): Promise<{ docs: number; quotes: number; extractMs: number; storeMs: number; storeOneByOneMs: number }> {
  const docs = readCorpus();
  const inputs: DocumentInput[] = [];
  for (let c = 0; c < copies; c++) for (const d of docs) inputs.push({ id: `${d.id}#${c}`, text: d.text, lang: d.lang, date: d.date });
  for (const input of inputs.slice(0, 10)) extract(input); // warm up the engine
  const t0 = performance.now();
  const records = inputs.map((input) => extract(input));
  const extractMs = performance.now() - t0;
  const dir = mkdtempSync(join(tmpdir(), 'selon-bench-'));
  try {
    const batched = await openStore(`sqlite:${join(dir, 'batched.db')}`);
    await batched.ingestMany(records.slice(0, 5));
    const t1 = performance.now();
    for (let i = 5; i < records.length; i += 100) await batched.ingestMany(records.slice(i, i + 100));
    const storeMs = ((performance.now() - t1) * records.length) / (records.length - 5);
    await batched.close();
    const single = await openStore(`sqlite:${join(dir, 'single.db')}`);
    const t2 = performance.now();
    for (const r of records) await single.ingest(r);
    const storeOneByOneMs = performance.now() - t2;
    await single.close();
    return { docs: records.length, quotes: records.reduce((n, r) => n + r.quotes.length, 0), extractMs, storeMs, storeOneByOneMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/* ---------- report ---------- */

const f = (ms: number) => ms.toFixed(1).padStart(7);

export async function runStoreBench(quotes = 100_000): Promise<boolean> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`store bench: ${quotes.toLocaleString('en')} quotes, SQLite (better-sqlite3, WAL, FTS5), node ${process.version}, ` +
    `${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)}`);
  const s = await searchBench(quotes);
  out(`  load: ${(s.loadMs / 1000).toFixed(1)} s (${Math.round(quotes / (s.loadMs / 1000)).toLocaleString('en')} quotes/s), file ${(s.dbBytes / 1024 / 1024).toFixed(0)} MB`);
  out(`  ${'query'.padEnd(36)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}`);
  for (const l of [...s.latencies, s.all, s.cpu]) out(`  ${l.name.padEnd(36)} ${String(l.runs).padStart(5)} ${f(l.p50)} ${f(l.p95)} ${f(l.max)}`);
  const searchOk = s.all.p95 < 50;
  out(`  search p95 ${s.all.p95.toFixed(1)} ms wall, ${s.cpu.p95.toFixed(1)} ms CPU (target < 50 ms): ${searchOk ? 'ok' : 'OVER'}`);
  const copies = 5;
  const i = await ingestBench(copies);
  const overhead = (i.storeMs / i.extractMs) * 100;
  const overheadSingle = (i.storeOneByOneMs / i.extractMs) * 100;
  out(`ingest: ${i.docs} documents (bundled corpus × ${copies}), ${i.quotes} quotes`);
  out(`  extraction ${(i.extractMs / 1000).toFixed(2)} s (${(i.extractMs / i.docs).toFixed(1)} ms/doc); store, batches of 100: ${(i.storeMs / 1000).toFixed(2)} s; store, one transaction per doc: ${(i.storeOneByOneMs / 1000).toFixed(2)} s`);
  const ingestOk = overhead < 20;
  out(`  store overhead ${overhead.toFixed(1)} % of extraction batched, ${overheadSingle.toFixed(1)} % one by one (target < 20 %): ${ingestOk ? 'ok' : 'OVER'}`);
  return searchOk && ingestOk;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--quotes');
  const quotes = at > 0 ? Number(process.argv[at + 1]) : 100_000;
  process.exitCode = (await runStoreBench(quotes)) ? 0 : 1;
}
