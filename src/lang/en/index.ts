/** The English language pack: gathers the data modules of this folder behind the LanguagePack type. */
import type { LanguagePack } from '../pack.js';
import * as words from './words.js';
import { honorifics, roles, bodies } from './roles.js';
import { channels, media } from './channels.js';
import { boilerplate } from './boilerplate.js';
import { verbs, ambiguousForms, thatOptional } from './verbs.js';
import { verbForms } from './verb-forms.generated.js';
import { firstNames } from './first-names.generated.js';
import { places } from './places.generated.js';
import { accounts } from './accounts.js';

export const en: LanguagePack = {
  code: 'en',
  version: '0.1.0',
  quotePairs: [['“', '”'], ['‘', '’'], ['«', '»']],
  // Some newspapers set quotes between doubled apostrophes: ''…''.
  symmetricQuotes: ['"', "''"],
  // English dialogue is set in quote marks; a leading dash is a list item or an attribution.
  dialogueDashes: [],
  verbForms,
  verbs,
  ambiguousForms,
  zeroComplementizerVerbs: thatOptional,
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
