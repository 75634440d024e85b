/**
 * A small history router: real paths (/search?q=…, /speakers/ID) so links can be opened, bookmarked and shared;
 * the server sends index.html for any of them. Links are plain <a href>, so they are keyboard- and middle-click-usable.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  path: string;
  query: URLSearchParams;
}

const listeners = new Set<() => void>();

function read(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export function navigate(to: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const l of listeners) l();
  if (!replace) window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => {
  for (const l of listeners) l();
});

export function useLocation(): Location {
  const [loc, set] = useState(read);
  useEffect(() => {
    const on = () => set(read());
    listeners.add(on);
    return () => void listeners.delete(on);
  }, []);
  return loc;
}

/** Builds a path with a query string, dropping empty values. */
export function href(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const paths = {
  read: () => '/',
  search: (params: Record<string, string | number | null | undefined> = {}) => href('/search', params),
  speakers: () => '/speakers',
  speaker: (id: string | number) => `/speakers/${encodeURIComponent(String(id))}`,
  document: (id: string) => `/documents/${encodeURIComponent(id)}`,
  accounts: () => '/accounts',
};

interface LinkProps {
  href: string;
  children?: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | 'true';
  'data-testid'?: string;
}

export function Link({ href: to, children, ...rest }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a {...rest} href={to} onClick={onClick}>
      {children}
    </a>
  );
}
