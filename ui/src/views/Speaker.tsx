/** A speaker's page: names, every stored quote, the outlets that carry them, and a timeline of quote counts. */
import { useState } from 'preact/hooks';
import { api, useLoad, type SpeakerDetail } from '../api.js';
import { Link, paths } from '../router.js';
import { QuoteList } from '../components/QuoteList.js';
import { Status } from '../components/Status.js';
import { Timeline } from '../components/Timeline.js';
import { t } from '../i18n.js';

export function Speaker({ id }: { id: string }) {
  const [value, retry] = useLoad(id, (signal) => api.speaker(id, signal));
  return (
    <section class="view speaker" aria-labelledby="speaker-title">
      <Status value={value} retry={retry}>
        {(s) => <SpeakerBody speaker={s} />}
      </Status>
    </section>
  );
}

function SpeakerBody({ speaker: s }: { speaker: SpeakerDetail }) {
  const [page, setPage] = useState(1);
  const aliases = s.aliases.filter((a) => a !== s.name);
  const [quotes, retry] = useLoad(`${s.id}|${page}`, (signal) => api.quotes({ speakerId: s.id, page }, signal));
  return (
    <>
      <h1 id="speaker-title" data-testid="speaker-title">{s.name}</h1>
      <p class="summary">
        <strong>{s.quotes}</strong> {t('summary.quotes')} · {s.documents} {t('speakers.documents')}
        {s.first && <> · <time dateTime={s.first}>{s.first}</time>{s.last && s.last !== s.first && <> → <time dateTime={s.last}>{s.last}</time></>}</>}
      </p>
      {aliases.length > 0 && (
        <p>
          {t('speaker.aliases')} : {aliases.join(' · ')}
        </p>
      )}
      <div class="speaker-facts">
        <section>
          <h2>{t('speaker.timeline')}</h2>
          <Timeline days={s.timeline} undated={s.undated} />
        </section>
        <section>
          <h2>{t('speaker.outlets')}</h2>
          {s.outlets.length === 0 ? (
            <p class="muted">{t('quote.none')}</p>
          ) : (
            <ul class="outlets" data-testid="outlets">
              {s.outlets.map((o) => (
                <li key={o.value}>
                  <Link href={paths.search({ speaker: s.name, outlet: o.value })}>{o.value}</Link> <span class="count">{o.count}</span>
                </li>
              ))}
            </ul>
          )}
          <p><Link href={paths.search({ speaker: s.name })}>{t('speaker.search')}</Link></p>
        </section>
      </div>
      <h2>{t('speaker.quotes')}</h2>
      <Status value={quotes} retry={retry}>
        {(data) => (
          <>
            <QuoteList items={data.items} showSpeaker={false} />
            {data.total > data.pageSize && (
              <nav class="pager" aria-label={t('search.page')}>
                <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('search.prev')}</button>
                <span>{t('search.page')} {page} / {Math.ceil(data.total / data.pageSize)}</span>
                <button type="button" disabled={page * data.pageSize >= data.total} onClick={() => setPage(page + 1)}>{t('search.next')}</button>
              </nav>
            )}
          </>
        )}
      </Status>
    </>
  );
}
