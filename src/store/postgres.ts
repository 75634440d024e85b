/**
 * The PostgreSQL backend comes with the scale-out work (issue 6): same Store interface, same logical schema.
 * Until then a postgres:// URL is a configuration error, said plainly.
 */
import { SelonError } from '../errors.js';
import type { Store } from './store.js';
import { redact } from './url.js';

export async function openPostgresStore(url: string): Promise<Store> {
  throw new SelonError('E006', `${redact(url)}: the PostgreSQL store is not available in this version yet; use sqlite:PATH`);
}
