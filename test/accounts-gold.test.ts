/**
 * compare-accounts on the 22 annotated development articles (data/gold, Wikinews, CC BY 2.5), with the hand-annotated
 * quotes, speakers, channels and continuations as the layers: the accounts a reader finds in them, and no other.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { packFor } from '../src/lang/index.js';
import { segment } from '../src/stages/segment.js';
import { compareAccounts } from '../src/stages/compare-accounts.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import type { Account, Document, QuoteDraft } from '../src/types.js';

interface GoldQuote {
  kind: QuoteDraft['kind'];
  content: { start: number; end: number };
  fragments?: [number, number][];
  speaker: { name: string } | null;
  addressee?: { name: string } | null;
  via?: { name: string }[];
  continuation?: boolean;
}

function goldAccounts(file: string): Map<string, { accounts: Account[]; names: string[] }> {
  const out = new Map<string, { accounts: Account[]; names: string[] }>();
  for (const line of readFileSync(new URL(`../data/gold/${file}`, import.meta.url), 'utf8').split('\n').filter(Boolean)) {
    const g = JSON.parse(line) as { id: string; lang: 'fr' | 'en'; text: string; quotes: GoldQuote[] };
    const pack = packFor(g.lang)!;
    const base: Document = segment.run({ id: g.id, text: g.text, lang: g.lang, date: null, meta: {}, layers: {}, messages: [] }, pack, DEFAULT_CONFIG);
    const names = [...new Set(g.quotes.map((q) => q.speaker?.name).filter((n): n is string => !!n))];
    const quotes: QuoteDraft[] = g.quotes.map((q, i) => {
      // A continuation continues the latest earlier quote of the same speaker.
      const back = g.quotes.slice(0, i).reverse().findIndex((p) => p.speaker?.name === q.speaker?.name);
      return {
        id: `q${i + 1}`, kind: q.kind, content: { start: q.content.start, end: q.content.end },
        fragments: q.fragments ? q.fragments.map(([start, end]) => ({ start, end })) : null,
        cue: null, quoted: null, speakerMention: null,
        speakerEntity: q.speaker ? `e${names.indexOf(q.speaker.name) + 1}` : null, speakerName: null,
        addressee: q.addressee ? { name: q.addressee.name, entity: null, mention: null } : null,
        via: (q.via ?? []).map((v) => ({ name: v.name, entity: null, mention: null })), time: null,
        continues: q.continuation && back >= 0 ? `q${i - back}` : null, confidence: 1, evidence: [], sentence: 0,
      };
    });
    const doc: Document = {
      ...base,
      layers: { ...base.layers, quotes, mentions: [], entities: names.map((name, k) => ({ id: `e${k + 1}`, name, type: 'person', gender: null, number: null, mentions: [] })) },
    };
    out.set(g.id, { accounts: compareAccounts.run(doc, pack, DEFAULT_CONFIG).layers.accounts!, names });
  }
  return out;
}

const EXPECTED: Record<string, { speaker: string; quotes: string[]; verdict: Account['verdict'] }[]> = {
  // The Times' fragment, the full quote it comes from, and Le Pen's own account of his words on his blog.
  'frwikinews-44581': [{ speaker: 'Jean-Marie Le Pen', quotes: ['q1', 'q2', 'q3', 'q12', 'q13'], verdict: 'variant' }],
  // Headline, lead, and the direct sentence (a continuation of the quote before it).
  'frwikinews-44999': [{ speaker: 'Arnaud Montebourg', quotes: ['q1', 'q2', 'q4', 'q5'], verdict: 'variant' }],
  'GUM_news_imprisoned': [{ speaker: 'Valeska Paris', quotes: ['q1', 'q2'], verdict: 'variant' }],
  'GUM_news_korea': [{ speaker: 'Korean Central News Agency (KCNA)', quotes: ['q1', 'q2'], verdict: 'variant' }],
};

test('compare-accounts on the annotated development articles: the expected accounts, nothing else', () => {
  const all = new Map([...goldAccounts('frnews-dev.jsonl'), ...goldAccounts('ennews-dev.jsonl')]);
  assert.equal(all.size, 22);
  for (const [id, { accounts, names }] of all) {
    const got = accounts.map((a) => ({ speaker: names[Number(a.speaker.slice(1)) - 1], quotes: a.quotes, verdict: a.verdict }));
    assert.deepEqual(got, EXPECTED[id] ?? [], id);
  }
});
