/**
 * French words for comparing accounts of the same words (compare-accounts, src/accounts).
 * Source: written for selon from standard French grammar and the phrasing of news reports that set two versions of
 * the same words side by side. Licence: MIT (this project).
 */
import type { AccountWords } from '../pack.js';

export const accounts: AccountWords = {
  stopWords: [
    // articles, determiners, elided forms
    'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses',
    'leur', 'leurs', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'notre', 'nos', 'votre', 'vos', 'quel', 'quelle', 'quels', 'quelles',
    // pronouns (a person shift between direct and indirect speech must not count)
    'je', 'j', 'me', 'm', 'moi', 'tu', 'te', 't', 'toi', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'lui', 'eux', 'se', 's',
    'y', 'en', 'c', 'ca', 'cela', 'ceci', 'celui', 'celle', 'ceux', 'celles', 'qui', 'que', 'qu', 'quoi', 'dont', 'ou', 'lequel',
    'laquelle', 'lesquels', 'soi',
    // prepositions and conjunctions
    'a', 'dans', 'sur', 'sous', 'par', 'pour', 'avec', 'sans', 'chez', 'vers', 'entre', 'et', 'mais', 'donc', 'or', 'ni', 'car',
    'si', 'comme', 'lorsque', 'lorsqu', 'quand', 'puisque', 'puisqu', 'afin', 'jusqu', 'jusque', 'des', 'depuis', 'pendant',
    // auxiliaries, copula and light verbs in all the forms a tense shift produces
    'ai', 'as', 'avons', 'avez', 'ont', 'avait', 'avaient', 'avais', 'avions', 'aviez', 'aura', 'auront', 'aurait', 'auraient',
    'aurai', 'aurions', 'eu', 'avoir', 'ayant', 'suis', 'es', 'est', 'sommes', 'etes', 'sont', 'etait', 'etaient', 'etais',
    'etions', 'sera', 'seront', 'serait', 'seraient', 'serai', 'serons', 'serez', 'ete', 'etre', 'soit', 'soient', 'fut',
    'va', 'vais', 'vont', 'allons', 'allez', 'allait', 'allaient', 'aller', 'irons', 'iront', 'ira', 'irait', 'iraient',
    'peut', 'peuvent', 'pouvons', 'pourra', 'pourrait', 'pourront', 'pourraient', 'pouvoir', 'pu',
    'doit', 'doivent', 'devons', 'devra', 'devrait', 'devront', 'devraient', 'devoir', 'du',
    // frequent adverbs and fillers
    'tres', 'bien', 'tout', 'tous', 'toute', 'toutes', 'aussi', 'deja', 'encore', 'alors', 'ainsi', 'meme', 'plus', 'moins',
    'la', 'ici', 'oui', 'non', 'cela', 'part', 'ma', 'autre', 'autres',
  ],
  // Not "non": in news it mostly contrasts (« X, et non Y ») rather than negates the statement.
  negations: ['ne', 'n', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'nullement', 'guere', 'sans'],
  markers: [
    'version*', 'differ*', 'diverg*', 'contredi*', 'contradict*', 'tout autre', 'tout autrement', 'ne mentionne pas',
    'ne mentionne', 'ne fait pas mention', 'aucune mention', 'sans mentionner', 'ne contient pas', 'n a jamais dit',
    'n avoir jamais dit', 'jamais prononce*', 'autre recit', 'recit different', 'conteste cette', 'conteste ce', 'conteste ces',
    'autre chose', 'autre son de cloche',
  ],
  denials: ['dement*', 'desavou*', 'conteste*', 'recuse*', 'nie', 'nient', 'nier', 'niant'],
  reportNouns: [
    'propos', 'recit', 'compte rendu', 'comptes rendus', 'declaration*', 'phrase*', 'citation*', 'paroles', 'mots', 'version*',
    'transcription*', 'traduction*', 'lecture', 'recit*', 'affirmation*', 'information*', 'article', 'extrait*',
  ],
  hedges: ['legerement', 'un peu', 'quelque peu', 'a peine', 'sensiblement'],
};
