/**
 * HTTP errors. Every failure leaves the API as `{"error": {"code", "message"}}` from one handler: request problems
 * with their reason, internal failures with a generic message (the detail goes to the server log, never a stack trace
 * to the client).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SelonError, type ErrorCode } from '../errors.js';

export type HttpErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden-host'
  | 'not-found'
  | 'method-not-allowed'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'internal';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: HttpErrorCode | ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad-request', message);
export const notFound = (message: string) => new HttpError(404, 'not-found', message);

/** Selon's own error codes that describe a bad request rather than a server fault. */
const CLIENT_CODES = new Set<ErrorCode>(['E002', 'E003', 'E009']);

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  // The client hung up before its body was read (Node's "aborted", ECONNRESET): its fault, nobody to answer, no log.
  if (err instanceof Error && (err as NodeJS.ErrnoException).code === 'ECONNRESET') return badRequest('the client closed the connection before sending the whole body');
  if (err instanceof SelonError && CLIENT_CODES.has(err.code)) return new HttpError(400, err.code, err.message);
  return new HttpError(500, 'internal', 'internal error');
}

export type Log = (line: string) => void;

/** The app's one error handler. */
export function handleError(log: Log) {
  return (err: unknown, c: Context) => {
    const http = toHttpError(err);
    if (http.status >= 500) log(`selon serve: ${c.req.method} ${new URL(c.req.url).pathname}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return c.json(errorBody(http.code, http.message), http.status);
  };
}
