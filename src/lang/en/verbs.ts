/**
 * English speech verbs with their frames. Inflected forms are generated into verb-forms.generated.ts by
 * scripts/gen-lexicon.ts. Source: written for selon. Licence: MIT (this project).
 */
import type { SpeechVerb } from '../pack.js';

export const verbs: Record<string, SpeechVerb> = {
  say: { lemma: 'say', frame: 'both' },
  tell: { lemma: 'tell', frame: 'both', addresseeObject: true },
};
