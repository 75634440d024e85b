/** Runs the engine over gold documents, in process, giving predictions keyed as score() expects. */
import { extract } from '../index.js';
import type { Extraction } from '../types.js';
import type { GoldDoc, Json } from './score.js';

export interface EngineRun {
  extractions: Extraction[];
  /** By document id, as score() reads predictions. */
  docs: Map<unknown, Json>;
  /** Documents the engine failed on (a bug to fix, scored as missing), with the error. */
  failures: string[];
}

function stringOrNull(x: unknown): string | null {
  return typeof x === 'string' ? x : null;
}

/** `lang`: 'auto' lets each gold line's `lang` (then detection) decide; 'fr' or 'en' forces it. */
export function runEngine(golds: GoldDoc[], lang = 'auto'): EngineRun {
  const run: EngineRun = { extractions: [], docs: new Map(), failures: [] };
  for (const gold of golds) {
    const id = String(gold.id);
    try {
      const x = extract(
        { id, text: gold.text as string, lang: stringOrNull(gold.lang), date: stringOrNull(gold.date) },
        { lang, id },
      );
      run.extractions.push(x);
      run.docs.set(gold.id ?? null, x as unknown as Json);
    } catch (err) {
      run.failures.push(`${id}: ${(err as Error).stack ?? String(err)}`);
    }
  }
  return run;
}
