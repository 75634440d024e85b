import type { Stage } from '../pipeline.js';

export const compareAccounts: Stage = {
  name: 'compare-accounts',
  requires: ['quotes'],
  produces: ['accounts'],
  run(doc) {
    return { ...doc, layers: { ...doc.layers, accounts: [], } };
  },
};
