/** A stored document: its selon/1 record, read like the Read view (quotes highlighted, panel on selection). */
import { api, useLoad } from '../api.js';
import type { Extraction } from '../../../src/types.js';
import { ExtractionView } from '../components/ExtractionView.js';
import { Status } from '../components/Status.js';
import { Link, paths } from '../router.js';
import { t } from '../i18n.js';

/** Only http(s) URLs become links: a stored `javascript:` or `data:` URL is shown as text. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function DocumentPage({ id }: { id: string }) {
  const [value, retry] = useLoad(id, (signal) => api.document(id, signal));
  return (
    <section class="view document" aria-labelledby="document-title">
      <Status value={value} retry={retry}>
        {(doc) => <DocumentBody doc={doc} />}
      </Status>
    </section>
  );
}

function DocumentBody({ doc }: { doc: Extraction }) {
  const url = safeUrl(doc.meta.url);
  const initial = decodeURIComponent(window.location.hash.slice(1)) || null;
  return (
    <>
      <h1 id="document-title" data-testid="document-title">{doc.meta.title ?? doc.id}</h1>
      <p class="muted">
        {doc.meta.site && <>{doc.meta.site} · </>}
        {doc.date && <><time dateTime={doc.date}>{doc.date}</time> · </>}
        {doc.lang && <>{doc.lang} · </>}
        {t('document.source')} :{' '}
        {url ? <a href={url} rel="noopener noreferrer nofollow" target="_blank">{doc.meta.url}</a> : doc.meta.url ?? doc.id}
        {' · '}
        {t('document.engine')} {doc.engine.version}
      </p>
      <ExtractionView
        record={doc}
        initial={initial && doc.quotes.some((q) => q.id === initial) ? initial : null}
        speakerLink={(ref) => <Link href={paths.search({ speaker: ref.name })}>{ref.name}</Link>}
      />
    </>
  );
}
