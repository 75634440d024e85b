import type { Stage } from '../pipeline.js';

export const flagBoilerplate: Stage = {
  name: 'flag-boilerplate',
  requires: ['paragraphs'],
  produces: ['boilerplate'],
  run(doc) {
    return { ...doc, layers: { ...doc.layers, boilerplate: [], } };
  },
};
