/**
 * The one catalogue of error codes. Only programmer and configuration errors throw; content problems become
 * messages or skipped outcomes.
 */
export const ERRORS = {
  E001: 'pipeline stage requires a layer that no earlier stage produces',
  E002: 'unknown language pack',
  E003: 'invalid option value',
  E004: 'unknown command or option',
  E005: 'cannot read input',
  E006: 'invalid store URL',
  E007: 'invalid gold file',
  E008: 'store schema is newer than this version of selon',
  E009: 'not a valid selon/1 record',
  E010: 'cannot reach the queue (Redis)',
  E011: 'unknown run',
  E012: 'the store cannot be written or read (full disk, damaged file, a database of another application)',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class SelonError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, detail: string) {
    super(`${code} ${ERRORS[code]}: ${detail}`);
    this.code = code;
    this.name = 'SelonError';
  }
}
