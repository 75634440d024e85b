/**
 * English boilerplate that survives scraping inside article text.
 * Source: written for selon from patterns seen in English news pages. Licence: MIT (this project).
 */
import type { BoilerplateRule } from '../pack.js';

export const boilerplate: BoilerplateRule[] = [
  { id: 'en.boilerplate.read-also', kind: 'teaser', pattern: '^(?:read(?: more| also| next)?|also read|related(?: stories| articles| coverage)?|see also|more on this|recommended|watch)\\s*[:>»\\-–—]?\\s*\\S' },
  { id: 'en.boilerplate.newsletter', kind: 'promo', pattern: '(?:sign up (?:for|to) (?:our|the)|subscribe (?:to|now|today)|our (?:daily |free )?newsletter|get the latest .{0,40} (?:in|delivered to) your inbox|already a subscriber)' },
  { id: 'en.boilerplate.share', kind: 'share', pattern: '^(?:share(?: this| on)?|print|email|tweet|follow us)\\b.{0,80}$' },
  { id: 'en.boilerplate.credit', kind: 'credit', pattern: '^(?:photo|image|credit|photograph|video)\\s*:\\s*.{0,80}$' },
  { id: 'en.boilerplate.ad', kind: 'promo', pattern: '^(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?)\\s*$' },
  { id: 'en.boilerplate.cookies', kind: 'other', pattern: '(?:we use cookies|accept (?:all )?cookies|cookie (?:policy|settings))' },
];
