/**
 * `selon extract`: reads every input (text, HTML, JSONL, feeds, WARC, gzip of these, folders, stdin), extracts
 * reported speech on --jobs worker threads, writes records in input order, and accounts for every input on stderr.
 */
import { openSync, closeSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { SelonError } from '../errors.js';
import { numberOption, parseArgs, stringOption, type Values } from './args.js';
import { expandPaths } from '../io/walk.js';
import { FORMATS, type Format } from '../io/sniff.js';
import { OUTPUT_FORMATS, type OutputFormatName } from '../io/writers.js';
import type { Executor } from '../io/pool.js';
import { inOrder } from '../io/order.js';
import { Tally } from '../io/tally.js';
import { Progress } from '../io/progress.js';
import { bytesRead } from '../io/open.js';
import type { JobSettings } from '../io/run-job.js';

export const summary = 'extract reported speech from text, HTML, JSONL, RSS/Atom, WARC (gzipped or not), folders, stdin';

const OUTPUTS = Object.keys(OUTPUT_FORMATS) as OutputFormatName[];

/** The engine, its language packs and the readers load in about a second: only when there is work. */
const packCodes = async () => Object.keys((await import('../lang/index.js')).PACKS);

const SPEC = {
  format: { type: 'string', choices: OUTPUTS },
  lang: { type: 'string' },
  'min-confidence': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  errors: { type: 'string' },
  'input-format': { type: 'string', choices: FORMATS },
  help: { type: 'boolean', short: 'h' },
} as const;

const help = (langs: string[]) => `Usage: selon extract [PATH|-]… [options]

Extracts reported speech (who said what, to whom, via which channel) and writes one selon/1 record per document.

PATH is a .txt, .html/.htm, .jsonl (one {"id","text"|"html","lang"?,"date"?,"url"?} per line), an RSS/Atom feed
(.xml/.rss/.atom), a WARC file (.warc, .warc.gz), gzip of any of these, or a folder of them (read recursively; files
with other extensions are ignored). "-" (or no PATH with piped input) reads stdin.

Options:
  --format text|json|jsonl|csv   output format (default: text on a terminal, jsonl otherwise)
                                 json: one object for one document, an array for several; csv: one row per quote
  --lang auto|${langs.join('|')}            language (default auto: a JSONL "lang", else detection)
  --min-confidence X             drop quotes below confidence X (0 to 1)
  --jobs N, -j N                 worker threads (default: ${availableParallelism()}, the number of cores)
  --errors FILE                  write every failed or skipped input, with its reason, to FILE (JSONL)
  --input-format text|html|jsonl|feed|warc
                                 read every input as this format (default: from the name, else the content)
  -h, --help                     this help

Ids: a JSONL line's "id", else FILE:LINE; a file's path as given (joined with the path inside a folder); "-" for
stdin; a WARC record's WARC-Record-ID; a feed item's guid, else its link.
Output order is input order, whatever --jobs. A summary goes to stderr: read, ok, skipped and failed by reason.

Exit codes: 0 every input was read (documents may be skipped, with reasons); 1 some input could not be read or
parsed (each named in the summary and in --errors); 2 usage or configuration error.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs(argv, SPEC);
  if (values['help']) {
    process.stdout.write(help(await packCodes()));
    return 0;
  }
  const settings = await jobSettings(values);
  const jobs = numberOption(values, 'jobs', { min: 1, max: 256, integer: true }, availableParallelism());
  const paths = inputPaths(positionals);
  const errorsPath = stringOption(values, 'errors') ?? null;
  const errorsFd = errorsPath ? openErrors(errorsPath) : null;
  try {
    return await extractAll(paths, settings, jobs, stringOption(values, 'input-format') as Format | undefined, errorsFd, errorsPath);
  } finally {
    if (errorsFd !== null) closeSync(errorsFd);
  }
}

/** What every document is run with: output format, language, confidence floor. */
async function jobSettings(values: Values): Promise<JobSettings> {
  const lang = stringOption(values, 'lang', 'auto');
  const langs = ['auto', ...(await packCodes())];
  if (!langs.includes(lang)) throw new SelonError('E003', `--lang must be one of ${langs.join(', ')} (got "${lang}")`);
  const format = (stringOption(values, 'format') ?? (process.stdout.isTTY ? 'text' : 'jsonl')) as OutputFormatName;
  if (values['min-confidence'] === undefined) return { format, lang };
  return { format, lang, minConfidence: numberOption(values, 'min-confidence', { min: 0, max: 1 }, 0) };
}

function inputPaths(positionals: string[]): string[] {
  if (positionals.length) return positionals;
  if (process.stdin.isTTY) throw new SelonError('E003', 'no input: give a PATH, or "-" to read stdin (see selon extract --help)');
  return ['-'];
}

function openErrors(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (err) {
    throw new SelonError('E003', `--errors: cannot write ${path}: ${(err as Error).message}`);
  }
}

async function extractAll(
  paths: string[],
  settings: JobSettings,
  jobs: number,
  inputFormat: Format | undefined,
  errorsFd: number | null,
  errorsPath: string | null,
): Promise<number> {
  const started = Date.now();
  const { readInputs } = await import('../io/read-inputs.js');
  const { inlineExecutor, workerPool, INLINE_FIRST, BATCH_BYTES } = await import('../io/pool.js');
  const { entries, bytes } = await expandPaths(paths);
  const out = stdoutWriter();
  const tally = new Tally(OUTPUT_FORMATS[settings.format].showsSkipped);
  const progress = process.stderr.isTTY ? new Progress(process.stderr, bytes) : null;
  const framer = OUTPUT_FORMATS[settings.format].frame();
  const inlineFirst = bytes !== null && bytes >= BATCH_BYTES ? 0 : INLINE_FIRST;
  const exec: Executor = jobs > 1 ? workerPool(jobs, settings, inlineFirst) : inlineExecutor(settings);
  try {
    await out.write(framer.begin());
    const window = { count: Math.max(16, jobs * 8), chars: 64 * 1024 * 1024 };
    const marks: number[] = [];
    const items = markProgress(readInputs(entries, { format: inputFormat ?? null }), marks);
    for await (const outcome of inOrder(items, exec, window)) {
      if (outcome.kind === 'result' && outcome.out) {
        if (process.stdout.isTTY) progress?.clear(); // records and the bar share the terminal: no bar inside a record
        await out.write(framer.add(outcome.out));
      }
      const problem = tally.add(outcome);
      if (problem && errorsFd !== null) writeSync(errorsFd, JSON.stringify(problem) + '\n');
      const readUpTo = marks.shift()!;
      if (outcome.kind !== 'ignored') progress?.tick(readUpTo);
    }
    await out.write(framer.end());
  } finally {
    await exec.close();
    progress?.clear();
  }
  process.stderr.write(tally.format((Date.now() - started) / 1000, errorsPath));
  return tally.failures > 0 ? 1 : 0;
}

/**
 * Notes how many input bytes had been read when each item came out, so the progress bar can show how much of the input
 * is done (written), not merely read ahead. Outcomes come back in item order, so a queue pairs them up.
 */
async function* markProgress<T>(items: AsyncIterable<T>, marks: number[]): AsyncGenerator<T> {
  for await (const item of items) {
    marks.push(bytesRead.value);
    yield item;
  }
}

function drainOrError(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.stdout.off('drain', done);
      process.stdout.off('error', done);
      resolve();
    };
    process.stdout.on('drain', done);
    process.stdout.on('error', done);
  });
}

/** Writes to stdout with backpressure; a reader that went away (`| head`) ends the command quietly (main.ts). */
function stdoutWriter() {
  return {
    async write(text: string): Promise<void> {
      if (text && !process.stdout.write(text)) await drainOrError();
    },
  };
}
