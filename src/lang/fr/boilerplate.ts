/**
 * French boilerplate that survives scraping inside article text: teasers, promos, share lines, credits.
 * Source: written for selon from patterns seen in French news pages. Licence: MIT (this project).
 */
import type { BoilerplateRule } from '../pack.js';

export const boilerplate: BoilerplateRule[] = [
  { id: 'fr.boilerplate.read-also', kind: 'teaser', pattern: '^(?:[àa] lire (?:aussi|également|encore)|lire (?:aussi|également|la suite)|voir aussi|à voir aussi|à découvrir|sur le même sujet|read|also read|related)\\s*[:>»\\-–—]?\\s*\\S' },
  { id: 'fr.boilerplate.newsletter', kind: 'promo', pattern: "(?:inscrivez[- ]vous|abonnez[- ]vous|recevez (?:gratuitement )?(?:notre|la) newsletter|notre newsletter|newsletter (?:quotidienne|gratuite)|offre d'abonnement|déjà abonné|je m'abonne)" },
  { id: 'fr.boilerplate.share', kind: 'share', pattern: '^(?:partager(?: (?:sur|cet article|l\'article))?|imprimer|envoyer par (?:e-?mail|courriel)|réagir|commenter|tweeter|facebook\\s*twitter)\\b.{0,80}$' },
  { id: 'fr.boilerplate.credit', kind: 'credit', pattern: '^(?:photo|crédit(?:s)? photo|crédit|illustration|image|vidéo)\\s*:\\s*.{0,80}$' },
  { id: 'fr.boilerplate.ad', kind: 'promo', pattern: '^(?:publicité|contenu sponsorisé|annonce)\\s*$' },
  { id: 'fr.boilerplate.cookies', kind: 'other', pattern: '(?:nous utilisons des cookies|accepter (?:les|tous les) cookies|gérer (?:mes|les) cookies)' },
];
