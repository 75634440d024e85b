import type { Stage } from '../pipeline.js';

export const pairQuoteMarks: Stage = {
  name: 'pair-quote-marks',
  requires: ['tokens'],
  produces: ['quoteMarks','quoted'],
  run(doc) {
    return { ...doc, layers: { ...doc.layers, quoteMarks: [], quoted: [], } };
  },
};
