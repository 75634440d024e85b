/**
 * Pathological inputs: does extraction time grow linearly? For each case the engine runs on the input at 1× and at 4×
 * its size, each run in its own process (fresh heap, its own peak RSS), and the bench prints both times and their
 * ratio; a linear engine gives about 4, and the robustness issue's bound is 5. Scale 1 is the size the issue names, as
 * the 4× point: 10 MB without punctuation, 100,000 unmatched quote marks, 10,000 nested quotes, one 5 MB line,
 * 1,000,000 short paragraphs (so 1× is a quarter of that). A run over the time cap is killed and reported; the bench
 * then steps down by 8× until both runs finish, so every case gets a measured ratio. Figures only, no assertion.
 *
 *   node --import tsx bench/pathological.bench.ts [--scale F] [--cap SECONDS] [--case NAME]…
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extract } from '../src/index.js';

/* ---------- inputs, built in memory from a seed ---------- */

/** A small deterministic generator (mulberry32), so every run measures the same text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'le président a déclaré que la ministre Anne Roy selon l AFP il a dit elle affirme nous ne céderons pas ' +
  'the spokesman said according to the UN transcript she told him that we will not back down Xi Jinping ' +
  'Michelle Bachelet a assuré mardi dans un communiqué porte-parole du gouvernement Jean Martin police'
).split(' ');

const SHORT = ['« Oui », a dit Paul.', '"No," she said.', 'Selon l’AFP, rien.', 'LIRE AUSSI : un titre', 'He told reporters it was over.', 'Il pleut.', '« Non », a-t-il répondu.'];

function repeatTo(length: number, piece: () => string): string {
  const parts: string[] = [];
  for (let n = 0; n < length;) {
    const p = piece();
    parts.push(p);
    n += p.length;
  }
  return parts.join('').slice(0, length);
}

function demoText(): string {
  try {
    const raw = readFileSync(new URL('../data/demo/fr-wikinews-unannotated.jsonl', import.meta.url), 'utf8');
    return raw.trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text).join(' ');
  } catch {
    return '« Nous ne céderons pas », a déclaré mardi le ministre de l’Intérieur, Jean Martin. Selon l’AFP, le président a refusé de commenter. ';
  }
}

interface Case {
  name: string;
  /** What scale 1 is (the 4× point). */
  unit: string;
  /** The input at `size` units of the case (scale 1 = `full` units). */
  full: number;
  build(size: number): string;
}

export const CASES: Case[] = [
  {
    name: 'no-punctuation',
    unit: 'characters of words and spaces, no punctuation, no line break',
    full: 10_000_000,
    build: (size) => {
      const rnd = random(1);
      return repeatTo(size, () => WORDS[Math.floor(rnd() * WORDS.length)]! + ' ');
    },
  },
  {
    name: 'unmatched-quote-marks',
    unit: 'quote marks in one paragraph, none paired (opening marks, then closing marks)',
    full: 100_000,
    build: (size) => {
      const rnd = random(2);
      const marks = ['«', '“', '„', '‹', '"', '»', '”', '›'];
      const parts: string[] = [];
      for (let i = 0; i < size; i++) {
        const m = i < size / 2 ? marks[Math.floor(rnd() * 5)]! : marks[5 + Math.floor(rnd() * 3)]!;
        parts.push(`${m}${WORDS[Math.floor(rnd() * WORDS.length)]} a dit Paul `);
      }
      return parts.join('');
    },
  },
  {
    name: 'nested-quotes',
    unit: 'quotes nested in each other, each with a cue',
    full: 10_000,
    build: (size) => {
      const open: string[] = [];
      const close: string[] = [];
      for (let i = 0; i < size; i++) {
        const [o, c] = i % 2 ? ['“', '”'] : ['«', '»'];
        open.push(`Paul a dit à Marie : ${o}`);
        close.push(` nous partons${c}`);
      }
      return open.join('') + 'fin' + close.reverse().join('') + ', a déclaré Jean.';
    },
  },
  {
    name: 'one-line',
    unit: 'characters on one line of news text (Wikinews, line breaks removed)',
    full: 5_000_000,
    build: (size) => {
      const text = demoText().replace(/\s*\n\s*/g, ' ') + ' ';
      return repeatTo(size, () => text);
    },
  },
  {
    name: 'short-paragraphs',
    unit: 'short paragraphs (quotes, frames, teasers, plain sentences)',
    full: 1_000_000,
    build: (size) => Array.from({ length: size }, (_, i) => SHORT[i % SHORT.length]!).join('\n\n'),
  },
];

/* ---------- one measurement, in a child process ---------- */

interface Measure {
  chars: number;
  seconds: number;
  quotes: number;
  rssMB: number;
}

function child(name: string, size: number): void {
  const c = CASES.find((x) => x.name === name)!;
  // Warm the JIT on ordinary text and on a small piece of the case, so small sizes measure the engine, not the compiler.
  const warm = demoText().slice(0, 20_000);
  for (let i = 0; i < 5; i++) extract(warm, { lang: 'fr' });
  extract(c.build(Math.max(1, Math.min(size, Math.round(c.full / 1000)))), { lang: 'fr' });
  const text = c.build(size);
  const t0 = performance.now();
  const x = extract(text, { lang: 'fr' });
  const seconds = (performance.now() - t0) / 1000;
  const m: Measure = { chars: text.length, seconds, quotes: x.quotes.length, rssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
  process.stdout.write(JSON.stringify(m) + '\n');
}

function measure(name: string, size: number, cap: number): Measure | 'killed' {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', name, String(size)], {
    encoding: 'utf8', timeout: cap * 1000, killSignal: 'SIGKILL', maxBuffer: 1 << 20,
  });
  if (run.status !== 0) return 'killed';
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Measure;
}

/* ---------- the table ---------- */

const { values } = parseArgs({
  options: {
    child: { type: 'string' }, scale: { type: 'string', default: '1' }, cap: { type: 'string', default: '120' },
    case: { type: 'string', multiple: true },
  },
  allowPositionals: true,
  strict: false,
});

function main(): void {
  const scale = Number(values.scale);
  const cap = Number(values.cap);
  const names = (values.case as string[] | undefined) ?? CASES.map((c) => c.name);
  process.stdout.write(`pathological inputs: extraction time at 1× and 4× (scale ${scale}, cap ${cap} s per run; lang fr)\n`);
  for (const name of names) {
    const c = CASES.find((x) => x.name === name);
    if (!c) throw new Error(`no case ${name} (have ${CASES.map((x) => x.name).join(', ')})`);
    for (let s = scale; s * c.full >= 16; s /= 8) {
      const big = Math.round(c.full * s);
      const small = Math.round(big / 4);
      const one = measure(name, small, cap);
      const four = one === 'killed' ? 'killed' : measure(name, big, cap);
      const show = (m: Measure | 'killed', n: number) =>
        m === 'killed' ? `${n} → killed after ${cap} s` : `${n} (${(m.chars / 1e6).toFixed(2)} M chars) ${m.seconds.toFixed(2)} s, ${m.quotes} quotes, peak RSS ${m.rssMB} MB`;
      process.stdout.write(`  ${name} [${c.unit}]\n    1×: ${show(one, small)}\n    4×: ${one === 'killed' ? 'not run' : show(four, big)}\n`);
      if (one !== 'killed' && four !== 'killed') {
        const ratio = four.seconds / one.seconds;
        process.stdout.write(`    ratio 4×/1× = ${ratio.toFixed(2)} (${ratio < 5 ? 'linear: under 5' : 'SUPERLINEAR: 5 or more'})\n`);
        break;
      }
      process.stdout.write(`    over the cap: stepping down to scale ${s / 8}\n`);
    }
  }
}

if (values.child) child(values.child as string, Number(process.argv.at(-1)));
else main();
