import type { Stage } from '../pipeline.js';

export const findMentions: Stage = {
  name: 'find-mentions',
  requires: ['tokens'],
  produces: ['mentions'],
  run(doc) {
    return { ...doc, layers: { ...doc.layers, mentions: [], } };
  },
};
