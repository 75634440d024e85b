/** Store URLs: `sqlite:PATH` (`sqlite::memory:` for a throwaway store) or `postgres://…` / `postgresql://…`. */
import { SelonError } from '../errors.js';

export type StoreTarget = { backend: 'sqlite'; path: string } | { backend: 'postgres'; url: string };

export function parseStoreUrl(url: string): StoreTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new SelonError('E006', `"${url}" names no file (use sqlite:PATH)`);
    return { backend: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { backend: 'postgres', url };
  throw new SelonError('E006', `"${redact(url)}" (use sqlite:PATH or postgres://…)`);
}

/** Hides a password in a URL before it is printed. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
