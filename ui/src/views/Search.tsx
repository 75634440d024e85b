/**
 * Search: full-text over stored quotes, with filters and facets (speaker, outlet, language, date). The form state
 * lives in the URL (/search?q=…&speaker=…), so a search can be bookmarked, shared and reloaded.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, useLoad, type FacetCount, type QuotePage } from '../api.js';
import { Link, navigate, paths, useLocation } from '../router.js';
import { QuoteList } from '../components/QuoteList.js';
import { Status } from '../components/Status.js';
import { queryTerms } from '../terms.js';
import { t } from '../i18n.js';

const FIELDS = ['q', 'speaker', 'via', 'outlet', 'lang', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
type Form = Record<Field, string>;

function formFrom(query: URLSearchParams): Form {
  return Object.fromEntries(FIELDS.map((f) => [f, query.get(f) ?? ''])) as Form;
}

export function Search() {
  const { query } = useLocation();
  const applied = formFrom(query);
  const page = Math.max(1, Number(query.get('page')) || 1);
  const [form, setForm] = useState<Form>(applied);
  const key = query.toString();
  useEffect(() => setForm(formFrom(query)), [key]);
  const [value, retry] = useLoad(key, (signal) => api.quotes({ ...applied, page, facets: 1 }, signal));

  const go = (next: Partial<Form>, p = 1) => navigate(paths.search({ ...applied, ...next, page: p > 1 ? p : null }));
  const set = (f: Field) => (e: Event) => setForm({ ...form, [f]: (e.target as HTMLInputElement).value });
  const active = FIELDS.filter((f) => f !== 'q' && applied[f]);

  return (
    <section class="view search" aria-labelledby="search-title">
      <h1 id="search-title">{t('search.title')}</h1>
      <form
        class="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(paths.search({ ...form }));
        }}
      >
        <div class="row">
          <label class="grow">
            <span class="visually-hidden">{t('search.query')}</span>
            <input type="search" name="q" value={form.q} onInput={set('q')} placeholder={t('search.placeholder')} aria-label={t('search.query')} />
          </label>
          <button type="submit" class="primary">{t('search.submit')}</button>
        </div>
        <div class="row filters">
          <label>{t('search.speaker')} <input name="speaker" value={form.speaker} onInput={set('speaker')} size={16} /></label>
          <label>{t('search.outlet')} <input name="outlet" value={form.outlet} onInput={set('outlet')} size={14} /></label>
          <label>{t('search.via')} <input name="via" value={form.via} onInput={set('via')} size={14} /></label>
          <label>
            {t('search.lang')}{' '}
            <select name="lang" value={form.lang} onChange={set('lang')}>
              <option value="">{t('search.anyLang')}</option>
              <option value="fr">fr</option>
              <option value="en">en</option>
            </select>
          </label>
          <label>{t('search.from')} <input name="from" value={form.from} onInput={set('from')} placeholder="2012-05" pattern="\d{4}(-\d{2}(-\d{2})?)?" size={10} /></label>
          <label>{t('search.to')} <input name="to" value={form.to} onInput={set('to')} placeholder="2012-12-31" pattern="\d{4}(-\d{2}(-\d{2})?)?" size={10} /></label>
          {active.length > 0 && (
            <button type="button" onClick={() => navigate(paths.search({ q: applied.q }))}>{t('search.reset')}</button>
          )}
        </div>
      </form>
      <Status value={value} retry={retry}>
        {(data) => <Results data={data} applied={applied} page={page} go={go} />}
      </Status>
    </section>
  );
}

function Results({ data, applied, page, go }: { data: QuotePage; applied: Form; page: number; go(next: Partial<Form>, p?: number): void }) {
  const pages = Math.max(1, Math.ceil(data.total / (data.pageSize || 20)));
  const facets = data.facets as (QuotePage['facets'] & { years?: FacetCount[]; dates?: FacetCount[] }) | undefined;
  const dates = facets?.years ?? facets?.dates;
  return (
    <div class="results-layout">
      {facets && (
        <nav class="facets" aria-label={t('search.facets')}>
          <Facet title={t('search.facet.speaker')} items={facets.speakers.map((s) => ({ label: s.name, count: s.count, href: paths.search({ ...applied, speaker: s.name }), on: applied.speaker === s.name }))} />
          <Facet title={t('search.facet.outlet')} items={facets.outlets.map((o) => ({ label: o.value, count: o.count, href: paths.search({ ...applied, outlet: o.value }), on: applied.outlet === o.value }))} />
          <Facet title={t('search.facet.lang')} items={facets.langs.map((l) => ({ label: l.value, count: l.count, href: paths.search({ ...applied, lang: l.value }), on: applied.lang === l.value }))} />
          {dates && (
            <Facet title={t('search.facet.year')} items={dates.map((d) => ({ label: d.value, count: d.count, href: paths.search({ ...applied, from: d.value, to: d.value }), on: applied.from === d.value && applied.to === d.value }))} />
          )}
        </nav>
      )}
      <div class="results">
        <p class="summary" aria-live="polite" data-testid="result-count">
          <strong>{data.total}</strong> {t('search.results')}
        </p>
        {data.items.length === 0 ? <p class="muted">{t('search.none')}</p> : <QuoteList items={data.items} terms={queryTerms(applied.q)} />}
        {pages > 1 && (
          <nav class="pager" aria-label={t('search.page')}>
            <button type="button" disabled={page <= 1} onClick={() => go({}, page - 1)}>{t('search.prev')}</button>
            <span>{t('search.page')} {page} / {pages}</span>
            <button type="button" disabled={page >= pages} onClick={() => go({}, page + 1)}>{t('search.next')}</button>
          </nav>
        )}
      </div>
    </div>
  );
}

function Facet({ title, items }: { title: string; items: { label: string; count: number; href: string; on: boolean }[] }) {
  if (items.length === 0) return null;
  return (
    <section class="facet">
      <h2>{title}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.label}>
            <Link href={i.href} aria-current={i.on ? 'true' : undefined} class={i.on ? 'on' : ''}>
              {i.label}
            </Link>{' '}
            <span class="count">{i.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

