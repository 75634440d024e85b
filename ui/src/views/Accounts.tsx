/**
 * Accounts: versions of the same words side by side, as each channel reports them (from GET /api/accounts), with
 * the words that differ between versions marked; then the same words across outlets (GET /api/accounts/across), each
 * version with the outlets and channels that carry it.
 */
import { useState } from 'preact/hooks';
import { api, useLoad, type AccountRecord, type QuoteCluster } from '../api.js';
import type { Account, OutputQuote } from '../../../src/types.js';
import { Link, paths } from '../router.js';
import { Status } from '../components/Status.js';
import { markChanged } from '../diff.js';
import { t, type Key } from '../i18n.js';

export function Accounts() {
  const [page, setPage] = useState(1);
  const [value, retry] = useLoad(String(page), (signal) => api.accounts({ page }, signal));
  return (
    <section class="view accounts" aria-labelledby="accounts-title">
      <h1 id="accounts-title">{t('accounts.title')}</h1>
      <p class="intro">{t('accounts.intro')}</p>
      <Status value={value} retry={retry}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="muted" data-testid="accounts-empty">{t('accounts.none')}</p>
          ) : (
            <>
              <ul class="accounts-list" data-testid="accounts-list">
                {data.items.map((a) => <AccountCard key={`${a.document.id}/${a.account.id}`} record={a} />)}
              </ul>
              {data.total > data.pageSize && (
                <nav class="pager" aria-label={t('search.page')}>
                  <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('search.prev')}</button>
                  <span>{t('search.page')} {page} / {Math.ceil(data.total / data.pageSize)}</span>
                  <button type="button" disabled={page * data.pageSize >= data.total} onClick={() => setPage(page + 1)}>{t('search.next')}</button>
                </nav>
              )}
            </>
          )
        }
      </Status>
      <AcrossOutlets />
    </section>
  );
}

/** Clusters shown across outlets (the API's own limit is 100). */
const ACROSS_LIMIT = 50;

function AcrossOutlets() {
  const [value, retry] = useLoad('across', (signal) => api.accountsAcross({ limit: ACROSS_LIMIT }, signal));
  return (
    <section class="across" aria-labelledby="across-title" data-testid="across">
      <h2 id="across-title">{t('accounts.across.title')}</h2>
      <p class="intro">{t('accounts.across.intro')}</p>
      <Status value={value} retry={retry}>
        {(data) =>
          data.clusters.length === 0 ? (
            <p class="muted" data-testid="across-empty">{t('accounts.across.none')}</p>
          ) : (
            <ul class="accounts-list">
              {data.clusters.map((c) => <ClusterCard key={c.id} cluster={c} />)}
            </ul>
          )
        }
      </Status>
    </section>
  );
}

function ClusterCard({ cluster: c }: { cluster: QuoteCluster }) {
  const texts = c.versions.map((v) => v.text);
  const first = c.first;
  return (
    <li class="account" data-testid="across-cluster">
      <h3>
        {c.speakerName ?? c.speakerKey}{' '}
        {c.flags.flatMap((f) => [
          <span key={f} class={`verdict ${f === 'speaker-conflict' ? 'divergent' : 'variant'}`}>{t(`accounts.flag.${f}` as Key)}</span>,
          ' ',
        ])}
      </h3>
      <p class="muted small">
        {t('accounts.across.first')} {first.published ?? first.date ?? ''} · {first.outlet && <>{first.outlet} · </>}
        <Link href={paths.document(first.docId)}>{first.docId}</Link>
      </p>
      <div class="versions" style={{ gridTemplateColumns: `repeat(${Math.min(3, Math.max(1, texts.length))}, minmax(0, 1fr))` }}>
        {c.versions.map((v, i) => {
          const other = texts[i === 0 ? 1 : 0] ?? '';
          const pieces = texts.length > 1 ? markChanged(v.text, other) : [{ text: v.text, changed: false }];
          const channels = [...new Set(v.appearances.flatMap((a) => a.via))];
          return (
            <figure key={i} class="version" data-testid="across-version">
              <figcaption>
                {t('accounts.version')} {i + 1} (×{v.count})
                {v.outlets.length > 0 && <> — {t('accounts.outlets')} <strong>{v.outlets.join(', ')}</strong></>}
                {channels.length > 0 && <> — {t('accounts.channel')} <strong>{channels.join(', ')}</strong></>}
              </figcaption>
              <blockquote>
                {pieces.map((p, k) => (p.changed ? <mark key={k} class="diff" title={t('accounts.changed')}>{p.text}</mark> : p.text))}
              </blockquote>
            </figure>
          );
        })}
      </div>
      {c.otherSpeakers.length > 0 && (
        <p class="small" data-testid="across-also">
          {t('accounts.across.also')}{' '}
          {c.otherSpeakers.map((o) => `${o.speakerName ?? o.speakerKey}${o.outlets.length ? ` (${o.outlets.join(', ')})` : ''}`).join(' ; ')}
        </p>
      )}
    </li>
  );
}

function AccountCard({ record }: { record: AccountRecord }) {
  const { account, quotes, document: doc } = record;
  const name = record.speaker?.name ?? quotes.find((q) => q.speaker)?.speaker?.name ?? t('quote.unknown');
  return (
    <li class={`account verdict-${account.verdict}`} data-testid="account">
      <h2>
        {record.speaker ? <Link href={paths.speaker(record.speaker.id)}>{name}</Link> : name}{' '}
        <Verdict account={account} />
      </h2>
      <p class="muted small">
        <Link href={paths.document(doc.id)}>{doc.title ?? doc.id}</Link>
        {doc.outlet && <> · {doc.outlet}</>}
        {doc.date && <> · {doc.date}</>}
      </p>
      <Versions account={account} quotes={quotes} lang={doc.lang} />
    </li>
  );
}

export function Verdict({ account }: { account: Account }) {
  return (
    <>
      <span class={`verdict ${account.verdict}`}>{t(`accounts.verdict.${account.verdict}` as Key)}</span>{' '}
      <span class="muted small">{t('accounts.similarity')} {Math.round(account.similarity * 100)} %</span>
    </>
  );
}

/** The versions of one account side by side; each marks the words the other version (the first, for later ones) lacks. */
export function Versions({ account, quotes, lang }: { account: Account; quotes: OutputQuote[]; lang?: string | null }) {
  const byId = new Map(quotes.map((q) => [q.id, q]));
  const versions = account.quotes.map((id, i) => ({ id, quote: byId.get(id) ?? null, channels: account.channels[i] ?? [] }));
  const texts = versions.map((v) => v.quote?.content.text ?? '');
  return (
    <>
      <div class="versions" style={{ gridTemplateColumns: `repeat(${Math.max(1, versions.length)}, minmax(0, 1fr))` }}>
        {versions.map((v, i) => {
          const other = texts[i === 0 ? 1 : 0] ?? '';
          const pieces = texts.length > 1 ? markChanged(texts[i]!, other) : [{ text: texts[i]!, changed: false }];
          return (
            <figure key={v.id} class="version">
              <figcaption>
                {t('accounts.version')} {i + 1}
                {v.channels.length > 0 && <> — {t('accounts.channel')} <strong>{v.channels.join(', ')}</strong></>}
              </figcaption>
              <blockquote lang={lang ?? undefined}>
                {pieces.map((p, k) => (p.changed ? <mark key={k} class="diff" title={t('accounts.changed')}>{p.text}</mark> : p.text))}
              </blockquote>
              {v.quote?.cue && <p class="muted small">{v.quote.cue.text}</p>}
            </figure>
          );
        })}
      </div>
      {account.evidence.length > 0 && (
        <p class="muted small">{account.evidence.map((e) => <code key={e}>{e} </code>)}</p>
      )}
    </>
  );
}
