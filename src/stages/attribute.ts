import type { Stage } from '../pipeline.js';

export const attribute: Stage = {
  name: 'attribute',
  requires: ['quotes','entities'],
  produces: [],
  run(doc) {
    return { ...doc, layers: { ...doc.layers, } };
  },
};
