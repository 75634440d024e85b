/** Speakers: every canonical speaker in the store, with quote counts; filter by name. */
import { useEffect, useState } from 'preact/hooks';
import { api, useLoad } from '../api.js';
import { Link, navigate, href, paths, useLocation } from '../router.js';
import { Status } from '../components/Status.js';
import { t } from '../i18n.js';

export function Speakers() {
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const [value, retry] = useLoad(`${q}|${page}`, (signal) => api.speakers({ q, page, pageSize: 50 }, signal));
  return (
    <section class="view speakers" aria-labelledby="speakers-title">
      <h1 id="speakers-title">{t('speakers.title')}</h1>
      <form role="search" class="row" onSubmit={(e) => { e.preventDefault(); navigate(href(paths.speakers(), { q: text })); }}>
        <label class="grow">
          <span class="visually-hidden">{t('speakers.filter')}</span>
          <input type="search" value={text} aria-label={t('speakers.filter')} placeholder={t('speakers.filter')}
            onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="primary">{t('search.submit')}</button>
      </form>
      <Status value={value} retry={retry}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="muted">{t('speakers.none')}</p>
          ) : (
            <>
              <ul class="speaker-grid" data-testid="speaker-list">
                {data.items.map((s) => (
                  <li key={s.id}>
                    <Link href={paths.speaker(s.id)}>{s.name}</Link>{' '}
                    <span class="count" title={t('speakers.quotes')}>{s.quotes}</span>
                    {s.aliases.some((a) => a !== s.name) && <span class="muted small"> · {s.aliases.filter((a) => a !== s.name).slice(0, 3).join(', ')}</span>}
                  </li>
                ))}
              </ul>
              {data.total > data.items.length && (
                <nav class="pager" aria-label={t('search.page')}>
                  <button type="button" disabled={page <= 1} onClick={() => navigate(href(paths.speakers(), { q, page: page - 1 }))}>{t('search.prev')}</button>
                  <span>{t('search.page')} {page} / {Math.ceil(data.total / data.pageSize)}</span>
                  <button type="button" disabled={page * data.pageSize >= data.total} onClick={() => navigate(href(paths.speakers(), { q, page: page + 1 }))}>{t('search.next')}</button>
                </nav>
              )}
            </>
          )
        }
      </Status>
    </section>
  );
}
