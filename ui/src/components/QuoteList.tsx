/** Stored quotes as a list: the words (search terms marked), who said them, where and when. */
import type { QuoteRecord } from '../api.js';
import { Link, paths } from '../router.js';
import { markTerms } from '../terms.js';
import { t, type Key } from '../i18n.js';

export function QuoteList({ items, terms = [], showSpeaker = true }: { items: QuoteRecord[]; terms?: string[]; showSpeaker?: boolean }) {
  return (
    <ol class="quotes" data-testid="quote-list">
      {items.map((r) => (
        <li key={`${r.document.id}/${r.quote.id}`} class={`quote-card kind-${r.quote.kind}`}>
          <blockquote lang={r.document.lang ?? undefined}>
            {markTerms(r.quote.content.text, terms).map((p, i) => (p.hit ? <mark key={i} class="term">{p.text}</mark> : p.text))}
          </blockquote>
          <p class="byline">
            {showSpeaker && (
              <>
                {r.speaker ? (
                  <Link href={paths.speaker(r.speaker.id)} class="speaker-link" data-testid="speaker-link">{r.speaker.name}</Link>
                ) : (
                  <span class="muted">{r.quote.speaker?.name ?? t('quote.unknown')}</span>
                )}
                {r.quote.cue && <span class="muted"> · {r.quote.cue.text}</span>}
                {' · '}
              </>
            )}
            <Link href={`${paths.document(r.document.id)}#${encodeURIComponent(r.quote.id)}`}>{r.document.title ?? r.document.id}</Link>
            {r.document.outlet && <> · <span class="outlet">{r.document.outlet}</span></>}
            {r.date && <> · <time dateTime={r.date}>{r.date}</time></>}
            {r.quote.via.length > 0 && <> · {t('quote.via')} {r.quote.via.map((v) => v.name).join(', ')}</>}
            <span class="muted"> · {t(`quote.kind.${r.quote.kind}` as Key)} · {Math.round(r.quote.confidence * 100)} %</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
