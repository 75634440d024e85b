/** A WHERE clause built from optional filters, with its parameters in the same order. */
export class Conditions {
  readonly list: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...values: unknown[]): void {
    this.list.push(condition);
    this.params.push(...values);
  }

  /** Puts a condition first (the FTS MATCH, whose parameter must come first too). */
  first(condition: string, ...values: unknown[]): void {
    this.list.unshift(condition);
    this.params.unshift(...values);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** `WHERE a AND b`, or '' when there is no condition. */
  sql(): string {
    return this.list.length ? `WHERE ${this.list.join(' AND ')}` : '';
  }
}

/** `?, ?, ?` for an IN list. */
export function placeholders(values: unknown[]): string {
  return values.map(() => '?').join(', ');
}
