/**
 * An article's text with its quotes highlighted in their speakers' colours. Every character is rendered as a text
 * node (never as HTML). Each quote is one tab stop (its first run); Enter or Space selects it, as does a click.
 */
import type { Boilerplate, OutputQuote } from '../../../src/types.js';
import { buildRuns } from '../segments.js';
import { NO_SPEAKER, speakerColours, speakerKey } from '../colours.js';
import { t } from '../i18n.js';

export interface ArticleProps {
  text: string;
  quotes: OutputQuote[];
  boilerplate: Boilerplate[];
  selected: string | null;
  onSelect(id: string | null): void;
}

export function Article({ text, quotes, boilerplate, selected, onSelect }: ArticleProps) {
  const byId = new Map(quotes.map((q) => [q.id, q]));
  const colours = speakerColours(quotes);
  const active = selected ? byId.get(selected) ?? null : null;
  const runs = buildRuns(text, quotes, boilerplate, { mention: active?.speaker?.mention ?? null, cue: active?.cue ?? null });
  const pick = (id: string) => onSelect(id === selected ? null : id);
  return (
    <div class="article" role="region" aria-label={t('article.label')} data-testid="article">
      {runs.map((run) => {
        const body = text.slice(run.start, run.end);
        let node = <>{body}</>;
        if (run.mention) node = <span class="mention" data-testid="mention">{node}</span>;
        if (run.cue) node = <span class="cue">{node}</span>;
        if (run.quote) {
          const q = byId.get(run.quote)!;
          const key = speakerKey(q);
          const c = (key && colours.get(key)) || NO_SPEAKER;
          const isActive = run.quote === selected;
          const label = `${t('quote.title')} — ${q.speaker?.name ?? t('quote.unknown')}`;
          node = (
            <mark
              class={`quote kind-${q.kind}${isActive ? ' active' : ''}${q.speaker ? '' : ' nospeaker'}`}
              style={{ backgroundColor: c.bg, borderBottomColor: c.border }}
              data-quote={q.id}
              data-speaker={q.speaker?.name ?? ''}
              title={q.speaker?.name ?? t('quote.unknown')}
              {...(run.head
                ? { tabIndex: 0, role: 'button', 'aria-pressed': isActive, 'aria-label': label }
                : { tabIndex: -1 })}
              onClick={() => pick(q.id)}
              onKeyDown={(e: KeyboardEvent) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  pick(q.id);
                } else if (e.key === 'Escape') onSelect(null);
              }}
            >
              {node}
            </mark>
          );
        }
        if (run.boilerplate) {
          node = (
            <span class="boilerplate" data-kind={run.boilerplate.kind} title={`${t('article.boilerplate')} (${run.boilerplate.kind})`}>
              {node}
            </span>
          );
        }
        return <span key={run.start}>{node}</span>;
      })}
    </div>
  );
}

/** Legend: one chip per speaker, in the colour used in the text. */
export function SpeakerLegend({ quotes, onSelect }: { quotes: OutputQuote[]; onSelect(id: string): void }) {
  const colours = speakerColours(quotes);
  const first = new Map<string, OutputQuote>();
  const counts = new Map<string, number>();
  for (const q of quotes) {
    const key = speakerKey(q) ?? '';
    if (!first.has(key)) first.set(key, q);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (
    <ul class="legend" aria-label={t('summary.speakers')}>
      {[...first.entries()].map(([key, q]) => {
        const c = colours.get(key) ?? NO_SPEAKER;
        return (
          <li key={key}>
            <button type="button" class="chip" style={{ backgroundColor: c.bg, borderColor: c.border }} onClick={() => onSelect(q.id)}>
              {q.speaker?.name ?? t('quote.unknown')} <span class="count">{counts.get(key)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
