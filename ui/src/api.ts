/**
 * The UI's calls to selon's HTTP API (src/server). Only the stored views use it; the Read view never does. Types are
 * the store's own (type-only imports: nothing of the server is bundled).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Extraction } from '../../src/types.js';
import type { AccountRecord, Page, QuotePage, SpeakerDetail, SpeakerSummary } from '../../src/store/store.js';
import type { AccountsReport } from '../../src/accounts/report.js';

export type { AccountRecord, Page, QuotePage, QuoteRecord, SpeakerDetail, SpeakerSummary, FacetCount } from '../../src/store/store.js';
export type { AccountsReport } from '../../src/accounts/report.js';
export type { QuoteCluster } from '../../src/accounts/cluster.js';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

type Params = Record<string, string | number | null | undefined>;

function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}${query(params)}`, { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'network');
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? String(res.status), body?.error?.message ?? res.statusText);
  return body as T;
}

export const api = {
  quotes: (params: Params, signal?: AbortSignal) => get<QuotePage>('/quotes', params, signal),
  speakers: (params: Params, signal?: AbortSignal) => get<Page<SpeakerSummary>>('/speakers', params, signal),
  speaker: (id: string, signal?: AbortSignal) => get<SpeakerDetail>(`/speakers/${encodeURIComponent(id)}`, {}, signal),
  document: (id: string, signal?: AbortSignal) => get<Extraction>(`/documents/${encodeURIComponent(id)}`, {}, signal),
  accounts: (params: Params, signal?: AbortSignal) => get<Page<AccountRecord>>('/accounts', params, signal),
  accountsAcross: (params: Params, signal?: AbortSignal) => get<AccountsReport>('/accounts/across', params, signal),
};

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ok'; data: T };

/** Loads with `fn` whenever `key` changes; aborts the previous request. */
export function useLoad<T>(key: string, fn: (signal: AbortSignal) => Promise<T>): [Loaded<T>, () => void] {
  const [value, set] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    set({ state: 'loading' });
    fn(ctl.signal).then(
      (data) => !ctl.signal.aborted && set({ state: 'ok', data }),
      (error: unknown) => {
        if (ctl.signal.aborted) return;
        set({ state: 'error', error: error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error)) });
      },
    );
    return () => ctl.abort();
  }, [key, tick]);
  return [value, () => setTick((n) => n + 1)];
}
