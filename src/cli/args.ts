/**
 * A small argv parser shared by commands: Node's util.parseArgs, with its errors turned into selon's usage errors
 * (exit 2), allowed values checked, and numbers read safely.
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import { SelonError } from '../errors.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Allowed values of a string option. */
  choices?: readonly string[];
  multiple?: boolean;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface Parsed {
  values: Values;
  positionals: string[];
}

/** Parses argv against the spec; unknown options and values outside `choices` throw usage errors. */
export function parseArgs(argv: string[], spec: Record<string, OptionSpec>): Parsed {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = nodeParseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (err) {
    throw new SelonError('E004', (err as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  for (const [name, o] of Object.entries(spec)) {
    const value = parsed.values[name];
    if (o.choices && typeof value === 'string' && !o.choices.includes(value)) {
      throw new SelonError('E003', `--${name} must be one of ${o.choices.join(', ')} (got "${value}")`);
    }
  }
  return parsed;
}

/** A string option, or the fallback when absent. */
export function stringOption(values: Values, name: string, fallback: string): string;
export function stringOption(values: Values, name: string): string | undefined;
export function stringOption(values: Values, name: string, fallback?: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : fallback;
}

/** A number option within [min, max], or the fallback when absent; anything else is a usage error. */
export function numberOption(
  values: Values,
  name: string,
  range: { min: number; max: number; integer?: boolean },
  fallback: number,
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  const ok = typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(n) && n >= range.min && n <= range.max;
  if (!ok || (range.integer && !Number.isInteger(n))) {
    const kind = range.integer ? 'an integer' : 'a number';
    throw new SelonError('E003', `--${name} must be ${kind} from ${range.min} to ${range.max} (got "${String(raw)}")`);
  }
  return n;
}
