/**
 * The pipeline: one ordered, visible list of stages. Each stage is a function of (doc, pack, config) that returns a
 * new document with the layers it produces; it declares what it requires, and construction checks that every
 * requirement is produced by an earlier stage.
 */
import type { Document, LayerName } from './types.js';
import type { LanguagePack } from './lang/pack.js';
import type { EngineConfig } from './config.js';
import { SelonError } from './errors.js';
import { segment } from './stages/segment.js';
import { flagBoilerplate } from './stages/flag-boilerplate.js';
import { pairQuoteMarks } from './stages/pair-quote-marks.js';
import { findMentions } from './stages/find-mentions.js';
import { clusterEntities } from './stages/cluster-entities.js';
import { findCues } from './stages/find-cues.js';
import { buildQuotes } from './stages/build-quotes.js';
import { attribute } from './stages/attribute.js';
import { linkContinuations } from './stages/link-continuations.js';
import { scoreConfidence } from './stages/score-confidence.js';
import { compareAccounts } from './stages/compare-accounts.js';

export interface Stage {
  name: string;
  requires: LayerName[];
  produces: LayerName[];
  run(doc: Document, pack: LanguagePack, config: EngineConfig): Document;
}

/** Language detection runs before the pack is chosen, so it lives in src/detect-language.ts, not here. */
export const STAGES: Stage[] = [
  segment,
  flagBoilerplate,
  pairQuoteMarks,
  findMentions,
  clusterEntities,
  findCues,
  buildQuotes,
  attribute,
  linkContinuations,
  scoreConfidence,
  compareAccounts,
];

/** Checks that each stage's requirements are produced by an earlier stage; throws E001 otherwise. */
export function checkPipeline(stages: Stage[]): Stage[] {
  const have = new Set<LayerName>();
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!have.has(need)) throw new SelonError('E001', `stage "${stage.name}" needs "${need}"`);
    }
    for (const made of stage.produces) have.add(made);
  }
  return stages;
}

const PIPELINE = checkPipeline(STAGES);

export function runPipeline(doc: Document, pack: LanguagePack, config: EngineConfig, stages: Stage[] = PIPELINE): Document {
  let current = doc;
  for (const stage of stages) current = stage.run(current, pack, config);
  return current;
}
