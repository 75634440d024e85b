/** Loading and error states shared by the stored views. */
import type { ComponentChildren } from 'preact';
import type { Loaded } from '../api.js';
import { t } from '../i18n.js';

export function Status<T>({ value, retry, children }: { value: Loaded<T>; retry(): void; children(data: T): ComponentChildren }) {
  if (value.state === 'loading') return <p class="muted" aria-busy="true">{t('common.loading')}</p>;
  if (value.state === 'error') {
    const e = value.error;
    if (e.status === 404) return <p class="notice" role="alert">{t('common.notFound')}</p>;
    return (
      <div class="error" role="alert">
        <p>{e.code === 'network' ? t('common.offline') : `${t('common.error')} (${e.status || e.code}) : ${e.message}`}</p>
        <button type="button" onClick={retry}>{t('common.retry')}</button>
      </div>
    );
  }
  return <>{children(value.data)}</>;
}
