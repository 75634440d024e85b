/** The French language pack: gathers the data modules of this folder behind the LanguagePack type. */
import type { LanguagePack } from '../pack.js';
import * as words from './words.js';
import { honorifics, roles, bodies } from './roles.js';
import { channels, media } from './channels.js';
import { boilerplate } from './boilerplate.js';
import { verbs, ambiguousForms } from './verbs.js';
import { verbForms } from './verb-forms.generated.js';
import { firstNames } from './first-names.generated.js';
import { places } from './places.generated.js';
import { accounts } from './accounts.js';

export const fr: LanguagePack = {
  code: 'fr',
  version: '0.1.0',
  quotePairs: [['«', '»'], ['“', '”'], ['„', '“'], ['‹', '›'], ['‘', '’']],
  symmetricQuotes: ['"'],
  dialogueDashes: ['—', '–', '―'],
  verbForms,
  verbs,
  ambiguousForms,
  zeroComplementizerVerbs: [],
  firstNames,
  places,
  honorifics,
  roles,
  bodies,
  channels,
  media,
  boilerplate,
  accounts,
  ...words,
};
