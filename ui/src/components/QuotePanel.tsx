/** The details of one quote: words, speaker (with the mention the text uses), cue, addressee, via, time, confidence, evidence. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { OutputQuote, Ref } from '../../../src/types.js';
import { t, type Key } from '../i18n.js';

export interface QuotePanelProps {
  quote: OutputQuote;
  /** Position in the document's quote list, for "previous / next". */
  index: number;
  total: number;
  onMove(delta: number): void;
  onClose(): void;
  /** Extra rows (document, outlet…) shown by the stored views. */
  children?: ComponentChildren;
  /** Renders a speaker name as a link when the stored views know the speaker. */
  speakerLink?: (ref: Ref) => ComponentChildren;
}

function refText(ref: Ref | null): string | null {
  if (!ref) return null;
  return ref.mention && ref.mention.text !== ref.name ? `${ref.name} (« ${ref.mention.text} »)` : ref.name;
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children ?? t('quote.none')}</dd>
    </>
  );
}

export function QuotePanel({ quote: q, index, total, onMove, onClose, children, speakerLink }: QuotePanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [q.id]);
  const pct = Math.round(q.confidence * 100);
  return (
    <aside class="panel" aria-labelledby="quote-panel-title" data-testid="quote-panel"
      onKeyDown={(e: KeyboardEvent) => e.key === 'Escape' && onClose()}>
      <div class="panel-head">
        <h2 id="quote-panel-title" tabIndex={-1} ref={heading}>
          {t('quote.title')} {index + 1}/{total}
        </h2>
        <div class="panel-actions">
          <button type="button" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('quote.previous')}>←</button>
          <button type="button" onClick={() => onMove(1)} disabled={index + 1 >= total} aria-label={t('quote.next')}>→</button>
          <button type="button" onClick={onClose} aria-label={t('quote.close')}>×</button>
        </div>
      </div>
      <blockquote class="words">{q.content.text}</blockquote>
      <dl class="facts">
        <Row label={t('quote.speaker')}>
          {q.speaker ? (
            <span data-testid="speaker-name">
              {speakerLink ? speakerLink(q.speaker) : q.speaker.name}
              {q.speaker.mention && q.speaker.mention.text !== q.speaker.name && (
                <span class="muted"> — {t('quote.mention')} « <span class="mention-inline">{q.speaker.mention.text}</span> »</span>
              )}
            </span>
          ) : (
            <span class="muted">{t('quote.unknown')}</span>
          )}
        </Row>
        <Row label={t('quote.kind')}>{t(`quote.kind.${q.kind}` as Key)}</Row>
        <Row label={t('quote.cue')}>{q.cue ? <span class="cue">{q.cue.text}</span> : null}</Row>
        <Row label={t('quote.addressee')}>{refText(q.addressee)}</Row>
        <Row label={t('quote.via')}>{q.via.length ? q.via.map((v) => refText(v)).join(' ← ') : null}</Row>
        <Row label={t('quote.time')}>{q.time ? (q.time.date ? `${q.time.text} (${q.time.date})` : q.time.text) : null}</Row>
        <Row label={t('quote.confidence')}>
          <span class="confidence">
            <meter min={0} max={1} value={q.confidence} aria-label={t('quote.confidence')} /> {pct} %
          </span>
        </Row>
        {q.continues && <Row label={t('quote.continues')}>{q.continues}</Row>}
        {children}
        <Row label={t('quote.evidence')}>
          {q.evidence.length ? (
            <ul class="evidence">
              {q.evidence.map((e) => (
                <li key={e}><code>{e}</code></li>
              ))}
            </ul>
          ) : null}
        </Row>
      </dl>
    </aside>
  );
}

export { Row as FactRow };
