import type { Stage } from '../pipeline.js';

export const buildQuotes: Stage = {
  name: 'build-quotes',
  requires: ['cues','quoted'],
  produces: ['quotes'],
  run(doc) {
    return { ...doc, layers: { ...doc.layers, quotes: [], } };
  },
};
