/** A selon/1 record shown for reading: summary, speaker legend, highlighted article, and the selected quote's panel. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Extraction, OutputQuote, Ref } from '../../../src/types.js';
import { Article, SpeakerLegend } from './Article.js';
import { QuotePanel } from './QuotePanel.js';
import { t } from '../i18n.js';
import { Verdict, Versions } from '../views/Accounts.js';

export interface ExtractionViewProps {
  record: Pick<Extraction, 'text' | 'quotes' | 'boilerplate' | 'lang' | 'accounts'>;
  speakerLink?: (ref: Ref) => ComponentChildren;
  extraRows?: (q: OutputQuote) => ComponentChildren;
  /** Quote id to open at first render (a document link to one quote). */
  initial?: string | null;
}

export function ExtractionView({ record, speakerLink, extraRows, initial = null }: ExtractionViewProps) {
  const [selected, setSelected] = useState<string | null>(initial);
  const quotes = record.quotes;
  const index = selected ? quotes.findIndex((q) => q.id === selected) : -1;
  const active = index >= 0 ? quotes[index]! : null;
  const speakers = new Set(quotes.map((q) => q.speaker?.entity ?? q.speaker?.name ?? ''));
  const close = () => {
    const id = selected;
    setSelected(null);
    // Return focus to the quote the panel was opened from.
    if (id) requestAnimationFrame(() => document.querySelector<HTMLElement>(`mark[data-quote="${CSS.escape(id)}"][tabindex="0"]`)?.focus());
  };
  return (
    <div class="extraction">
      <p class="summary" data-testid="summary">
        <strong>{quotes.length}</strong> {t('summary.quotes')} · <strong>{speakers.size}</strong> {t('summary.speakers')}
        {record.lang && <> · {t('summary.lang')} <strong>{record.lang}</strong></>}
        {record.boilerplate.length > 0 && <> · {record.boilerplate.length} {t('summary.boilerplate')}</>}
      </p>
      {quotes.length === 0 ? <p class="muted">{t('read.none')}</p> : <SpeakerLegend quotes={quotes} onSelect={setSelected} />}
      {quotes.length > 0 && <p class="hint muted">{t('article.hint')}</p>}
      <div class={`reading${active ? ' with-panel' : ''}`}>
        <Article text={record.text} quotes={quotes} boilerplate={record.boilerplate} selected={selected} onSelect={setSelected} />
        {active && (
          <QuotePanel
            quote={active}
            index={index}
            total={quotes.length}
            onMove={(d) => setSelected(quotes[index + d]?.id ?? selected)}
            onClose={close}
            speakerLink={speakerLink}
          >
            {extraRows?.(active)}
          </QuotePanel>
        )}
      </div>
      {record.accounts.length > 0 && (
        <section class="doc-accounts" aria-labelledby="doc-accounts-title" data-testid="doc-accounts">
          <h2 id="doc-accounts-title">{t('accounts.title')}</h2>
          <ul class="accounts-list">
            {record.accounts.map((a) => {
              const speaker = quotes.find((q) => a.quotes.includes(q.id) && q.speaker)?.speaker?.name ?? t('quote.unknown');
              return (
                <li key={a.id} class={`account verdict-${a.verdict}`}>
                  <h3>{speaker} <Verdict account={a} /></h3>
                  <Versions account={a} quotes={quotes} lang={record.lang} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
