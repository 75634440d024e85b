import type { Stage } from '../pipeline.js';

export const findCues: Stage = {
  name: 'find-cues',
  requires: ['tokens'],
  produces: ['cues'],
  run(doc) {
    return { ...doc, layers: { ...doc.layers, cues: [], } };
  },
};
