/** Engine defaults: one source for each. */
export const ENGINE_VERSION = '0.1.0';

export interface EngineConfig {
  /** Quotes below this confidence are dropped from the output. */
  minConfidence: number;
  /** Quoted spans with fewer words than this and no cue are treated as terms or scare quotes, not speech. */
  minDirectWords: number;
  /** How far (in sentences) a pronoun may look back for its antecedent. */
  corefWindow: number;
  /** A longer text is read in windows of whole paragraphs of at most this many characters (src/windows.ts). */
  windowChars: number;
}

export const DEFAULT_CONFIG: EngineConfig = {
  minConfidence: 0,
  minDirectWords: 4,
  corefWindow: 6,
  windowChars: 1_000_000,
};
