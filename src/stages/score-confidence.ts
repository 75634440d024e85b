import type { Stage } from '../pipeline.js';

export const scoreConfidence: Stage = {
  name: 'score-confidence',
  requires: ['quotes'],
  produces: [],
  run(doc) {
    return { ...doc, layers: { ...doc.layers, } };
  },
};
