/** `selon search QUERY…`: quotes from a store, by words, speaker, language, dates, channel and outlet. */
import { SelonError } from '../errors.js';
import { PACKS } from '../lang/index.js';
import { parseArgs, stringOption } from './args.js';
import { dateProblem, rangeProblem } from '../store/record.js';
import { toMatchQuery } from '../store/match.js';
import { DEFAULT_STORE_URL, MAX_PAGE_SIZE, openStore, type QuoteFilters, type QuoteRecord, type Store } from '../store/store.js';

export const summary = 'search the quotes of a store (by words, speaker, language, dates, channel)';

const HELP = `Usage: selon search [QUERY…] [options]

Words are matched in the quote and its speaker's names (as the document wrote it, and the cross-document name:
"emmanuel" finds what a document gave to "M. Macron"), accents and case folded ("securite" finds "sécurité");
"a phrase" in quotes; word* for a prefix.

  --store URL       sqlite:PATH or postgres://… (default ${DEFAULT_STORE_URL})
  --speaker NAME    quotes by this speaker ("Macron" also finds "Emmanuel Macron", "M. Macron")
  --lang fr|en      language of the document
  --from DATE       first date, inclusive (yyyy, yyyy-mm or yyyy-mm-dd)
  --to DATE         last date, inclusive
  --via NAME        a channel the quote came through ("CCTV", "transcript")
  --outlet NAME     the outlet (site name, else URL host)
  --kind K          direct, mixed or indirect
  --limit N         quotes per page (default 20, at most ${MAX_PAGE_SIZE})
  --page N          which page (default 1)
  --all             every matching quote, page after page
  --format F        text (default) or json: an array of quote records with document id, speaker and outlet
`;

const SPEC = {
  store: { type: 'string' }, speaker: { type: 'string' }, lang: { type: 'string', choices: Object.keys(PACKS) },
  from: { type: 'string' }, to: { type: 'string' }, via: { type: 'string' }, outlet: { type: 'string' },
  kind: { type: 'string', choices: ['direct', 'mixed', 'indirect'] }, limit: { type: 'string' }, page: { type: 'string' },
  all: { type: 'boolean' }, format: { type: 'string', choices: ['text', 'json'] }, help: { type: 'boolean', short: 'h' },
} as const;

export interface SearchCommand {
  store: string;
  filters: QuoteFilters;
  all: boolean;
  format: 'text' | 'json';
}

function positive(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw new SelonError('E003', `--${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

function date(name: string, value: string | undefined): string | undefined {
  const problem = value === undefined ? null : dateProblem(value);
  if (problem) throw new SelonError('E003', `--${name} must be yyyy, yyyy-mm or yyyy-mm-dd, not "${value}": ${problem}`);
  return value;
}

export function parseSearchArgs(argv: string[]): SearchCommand | 'help' {
  const { values, positionals } = parseArgs(argv, SPEC);
  if (values['help']) return 'help';
  const v = (name: string) => stringOption(values, name);
  const filters: QuoteFilters = {
    q: positionals.join(' ') || undefined,
    speaker: v('speaker'), lang: v('lang'), via: v('via'), outlet: v('outlet'),
    from: date('from', v('from')), to: date('to', v('to')),
    kind: v('kind') as QuoteFilters['kind'],
    pageSize: positive('limit', v('limit'), MAX_PAGE_SIZE), page: positive('page', v('page'), 1_000_000),
  };
  if (filters.q !== undefined && toMatchQuery(filters.q) === null) {
    throw new SelonError('E003', `the query "${filters.q}" holds no word to search for (letters or digits); leave it out to list every quote`);
  }
  const range = rangeProblem(filters.from, filters.to);
  if (range) throw new SelonError('E003', `--${range.replace(/ to /, ' --to ')}`);
  const format = (v('format') ?? 'text') as 'text' | 'json';
  return { store: v('store') ?? DEFAULT_STORE_URL, filters, all: values['all'] === true, format };
}

/** Every page of a search (or just the one asked for), one at a time. */
async function* pages(store: Store, cmd: SearchCommand): AsyncGenerator<{ items: QuoteRecord[]; total: number }> {
  let page = cmd.filters.page ?? 1;
  for (;;) {
    const result = await store.searchQuotes({ ...cmd.filters, page, pageSize: cmd.all ? MAX_PAGE_SIZE : cmd.filters.pageSize });
    yield result;
    if (!cmd.all || page * result.pageSize >= result.total || result.items.length === 0) return;
    page++;
  }
}

/** Control characters from stored text must not reach the terminal (they could move the cursor or recolour it). */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

export function formatHit(hit: QuoteRecord): string {
  const q = hit.quote;
  const who = hit.speaker?.name ?? q.speaker?.name ?? '(no speaker)';
  const where = [hit.document.outlet, `${hit.document.id} ${q.id}`].filter(Boolean).join(' · ');
  const how = [q.kind, q.cue?.text, q.via.length ? `via ${q.via.map((v) => v.name).join(', ')}` : null].filter(Boolean).join(', ');
  return printable(`${hit.date ?? '----------'}  ${who}  (${where})\n  « ${q.content.text.replace(/\s+/g, ' ')} »  — ${how}\n`);
}

export async function run(argv: string[]): Promise<number> {
  const cmd = parseSearchArgs(argv);
  if (cmd === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const store = await openStore(cmd.store, { create: false });
  try {
    let shown = 0;
    let total = 0;
    if (cmd.format === 'json') process.stdout.write('[');
    for await (const page of pages(store, cmd)) {
      total = page.total;
      for (const hit of page.items) {
        if (cmd.format === 'json') process.stdout.write(`${shown ? ',' : ''}\n${JSON.stringify(hit)}`);
        else process.stdout.write(`${formatHit(hit)}\n`);
        shown++;
      }
    }
    if (cmd.format === 'json') process.stdout.write(shown ? '\n]\n' : ']\n');
    process.stderr.write(`search: ${shown} of ${total} quote${total === 1 ? '' : 's'}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
