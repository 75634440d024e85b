/** `selon eval`: scores the engine (or a predictions file) against gold annotations, as EVAL.md defines. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SelonError } from '../errors.js';
import { readGold, readPredictions } from '../eval/jsonl.js';
import { runEngine } from '../eval/run.js';
import { ALL_KINDS, score, type Json } from '../eval/score.js';
import { formatJson, formatText } from '../eval/report.js';

export const summary = 'score extraction against gold annotations (EVAL.md), figures as score.py prints them';

const HELP = `Usage: selon eval GOLD.jsonl [options]

Scores reported-speech extraction against selon-gold/1 annotations (one document per line) and prints
quote P/R/F1, end-to-end P/R/F1 (speaker right), speaker accuracy, recall by kind, addressee and via
P/R/F1 and the count of quotes on not-speech spans, in the format of ../shared/tools/score.py.

Without --pred, runs the engine in process on each gold document (its id, text, lang and date).

Options:
  --pred PRED.jsonl   score this selon/1 JSONL file instead of running the engine
  --out PRED.jsonl    also write the engine's selon/1 records there (one per line)
  --kinds LIST        keep only these kinds, comma-separated: direct,mixed,indirect (default: all, kind-blind)
  --lang auto|fr|en   force the language; auto (default) uses each line's "lang", then detection
  --json              print the figures as one JSON object (score.py --json)
  -h, --help          show this help

Exit codes: 0 scored; 1 some prediction lines unreadable or the engine failed on a document (scored as
missing); 2 usage error or bad gold file (its line number and the reason are printed).
`;

interface Options {
  gold: string;
  pred: string | null;
  out: string | null;
  kinds: Set<string>;
  lang: string;
  json: boolean;
}

function usageError(detail: string): never {
  throw new SelonError('E004', `${detail} (see selon eval --help)`);
}

function parse(argv: string[]): Options | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        pred: { type: 'string' }, out: { type: 'string' }, kinds: { type: 'string' }, lang: { type: 'string' },
        json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    usageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length !== 1) usageError('give exactly one GOLD.jsonl');
  if (values.pred && values.out) usageError('--out writes the engine\'s predictions; it cannot go with --pred');
  return {
    gold: positionals[0]!, pred: values.pred ?? null, out: values.out ?? null, kinds: parseKinds(values.kinds),
    lang: parseLang(values.lang), json: values.json ?? false,
  };
}

function parseKinds(value: string | undefined): Set<string> {
  if (value === undefined) return new Set(ALL_KINDS);
  const kinds = value.split(',');
  const unknown = kinds.filter((k) => !ALL_KINDS.includes(k));
  if (unknown.length) throw new SelonError('E003', `--kinds: unknown kind "${unknown[0]}" (direct, mixed, indirect)`);
  return new Set(kinds);
}

function parseLang(value: string | undefined): string {
  if (value === undefined || ['auto', 'fr', 'en'].includes(value)) return value ?? 'auto';
  throw new SelonError('E003', `--lang: "${value}" (auto, fr or en)`);
}

export async function run(argv: string[]): Promise<number> {
  const opts = parse(argv);
  if (!opts) {
    process.stdout.write(HELP);
    return 0;
  }
  const golds = readGold(opts.gold, opts.pred === null);
  let preds: Map<unknown, Json>;
  let problems: string[];
  if (opts.pred !== null) ({ docs: preds, problems } = readPredictions(opts.pred));
  else {
    const engine = runEngine(golds, opts.lang);
    if (opts.out) writeFileSync(opts.out, engine.extractions.map((x) => JSON.stringify(x) + '\n').join(''));
    ({ docs: preds, failures: problems } = engine);
  }
  for (const p of problems) process.stderr.write(`selon eval: ${p}\n`);
  const scores = score(golds, preds, opts.kinds);
  process.stdout.write(opts.json ? formatJson(scores) : formatText(scores));
  return problems.length ? 1 : 0;
}
