import type { Stage } from '../pipeline.js';

export const linkContinuations: Stage = {
  name: 'link-continuations',
  requires: ['quotes'],
  produces: [],
  run(doc) {
    return { ...doc, layers: { ...doc.layers, } };
  },
};
