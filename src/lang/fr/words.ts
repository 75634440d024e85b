/**
 * French function words used by the stages: pronouns, determiners, clitics, complementizers, frames, time words.
 * Source: written for selon from standard French grammar. Licence: MIT (this project).
 */
import type { PronounInfo, TimeWords, Tokenization } from '../pack.js';

export const pronouns: Record<string, PronounInfo> = {
  il: { gender: 'm', number: 'sg', role: 'subject', person: 3 },
  elle: { gender: 'f', number: 'sg', role: 'subject', person: 3 },
  ils: { gender: 'm', number: 'pl', role: 'subject', person: 3 },
  elles: { gender: 'f', number: 'pl', role: 'subject', person: 3 },
  on: { gender: null, number: null, role: 'subject', person: 3 },
  lui: { gender: null, number: 'sg', role: 'object', person: 3 },
  leur: { gender: null, number: 'pl', role: 'object', person: 3 },
  celui: { gender: 'm', number: 'sg', role: 'subject', person: 3 },
  celle: { gender: 'f', number: 'sg', role: 'subject', person: 3 },
  ceux: { gender: 'm', number: 'pl', role: 'subject', person: 3 },
  qui: { gender: null, number: null, role: 'relative', person: 3 },
  lequel: { gender: 'm', number: 'sg', role: 'relative', person: 3 },
  laquelle: { gender: 'f', number: 'sg', role: 'relative', person: 3 },
  je: { gender: null, number: 'sg', role: 'subject', person: 1 },
  "j'": { gender: null, number: 'sg', role: 'subject', person: 1 },
  nous: { gender: null, number: 'pl', role: 'subject', person: 1 },
  vous: { gender: null, number: null, role: 'subject', person: 2 },
  tu: { gender: null, number: 'sg', role: 'subject', person: 2 },
};

// First and second persons invert too, in dialogue and interviews ("m'écriai-je", "dites-vous").
export const invertedClitics = ['il', 'elle', 'ils', 'elles', 'on', 'je', 'tu', 'nous', 'vous'];
export const euphonic = ['t'];
export const addresseeClitics = ['lui', 'leur'];
export const complementizers = ['que', "qu'"];
export const infinitiveMarkers = ['de', "d'", 'à'];
export const addresseePrepositions = ['à', 'au', 'aux', 'auprès'];
export const accordingFrames = [['selon'], ["d'", 'après'], ["d'après"], ['de', "l'", 'avis', 'de'], ['aux', 'dires', 'de'], ['citant'], ['cité', 'par'], ['citée', 'par']];
export const weakAccordingFrames = [['pour']];
export const channelPrepositions = ['dans', 'sur', 'lors', 'pendant', 'durant', 'au', 'à', 'via', 'par', 'en'];
export const auxiliaries = [
  'a', 'ont', 'avait', 'avaient', 'aura', 'auront', 'aurait', 'auraient', 'ai', 'as', 'avons', 'avez', 'eut', 'avoir', 'ayant',
  'est', 'sont', 'était', 'étaient', 'sera', 'seront', 'serait', 'seraient', 'être', 'étant', 'fut',
  'va', 'vont', 'allait', 'allaient', 'vient', 'viennent', 'venait', 'doit', 'doivent', 'devait', 'devaient', 'peut', 'peuvent', 'pouvait',
  'tient', 'tenait', 'tenu', 'veut', 'voulait', 'voulu', 'tente', 'tentait', 'tenté', 'finit', 'fini', 'se', "s'",
];
export const adverbs = [
  'ensuite', 'aussi', 'également', 'déjà', 'encore', 'alors', 'enfin', 'notamment', 'récemment', 'toutefois', 'pourtant',
  'cependant', 'néanmoins', 'même', 'bien', 'plutôt', 'clairement', 'publiquement', 'officiellement', 'hier', 'lundi', 'mardi',
  'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'aujourd\'hui', 'immédiatement', 'rapidement', 'longuement', 'vivement',
  'fermement', 'toujours', 'souvent',
  'justement', 'volontiers', 'simplement', 'sobrement', 'fortement', 'ainsi', 'donc', 'plus', 'tard', 'depuis',
];
export const negations = ['ne', "n'", 'pas', 'jamais', 'guère', 'point', 'nullement', 'refusé', 'refuse', 'refusant', 'sans'];
export const postverbalNegations = ['pas', 'jamais', 'guère', 'point', 'nullement', 'rien', 'plus'];
export const participleEndings: string[] = [];
export const determiners: Record<string, { gender: 'm' | 'f' | null; number: 'sg' | 'pl' | null }> = {
  le: { gender: 'm', number: 'sg' }, la: { gender: 'f', number: 'sg' }, "l'": { gender: null, number: 'sg' },
  les: { gender: null, number: 'pl' }, un: { gender: 'm', number: 'sg' }, une: { gender: 'f', number: 'sg' },
  des: { gender: null, number: 'pl' }, du: { gender: 'm', number: 'sg' }, au: { gender: 'm', number: 'sg' },
  aux: { gender: null, number: 'pl' }, ce: { gender: 'm', number: 'sg' }, cet: { gender: 'm', number: 'sg' },
  cette: { gender: 'f', number: 'sg' }, ces: { gender: null, number: 'pl' }, son: { gender: 'm', number: 'sg' },
  sa: { gender: 'f', number: 'sg' }, ses: { gender: null, number: 'pl' }, leur: { gender: null, number: 'sg' },
  leurs: { gender: null, number: 'pl' }, plusieurs: { gender: null, number: 'pl' }, certains: { gender: 'm', number: 'pl' },
  certaines: { gender: 'f', number: 'pl' }, deux: { gender: null, number: 'pl' }, trois: { gender: null, number: 'pl' },
  notre: { gender: null, number: 'sg' }, nos: { gender: null, number: 'pl' }, quelques: { gender: null, number: 'pl' },
};
export const nameParticles = ['de', 'du', 'des', "d'", 'le', 'la', 'les', 'van', 'von', 'der', 'den', 'al', 'el', 'ben', 'bin', 'ibn', 'da', 'di', 'dos', 'y', 'abu', 'abd'];
/** Capitalised words that are not names even when capitalised (sentence starts, days, months, common openers). */
export const notNames = [
  'le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'de', "d'", 'ce', 'cet', 'cette', 'ces', 'il', 'elle', 'ils', 'elles', 'on', 'je',
  'nous', 'vous', 'mais', 'et', 'ou', 'donc', 'or', 'ni', 'car', 'si', 'quand', 'lorsque', "lorsqu'", 'comme', 'alors', 'ainsi',
  'pour', 'selon', 'dans', 'sur', 'sous', 'avec', 'sans', 'après', 'avant', 'depuis', 'pendant', 'par', 'en', 'à', 'au', 'aux',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre', 'mise', 'jour', 'photo', 'image', 'lire', 'aussi', 'read',
  'qui', 'que', "qu'", 'quoi', 'dont', 'où', "c'", 'cela', 'ceci', 'ça', 'tout', 'tous', 'toute', 'toutes', 'son', 'sa', 'ses',
  'leur', 'leurs', 'notre', 'nos', 'mon', 'ma', 'mes', 'plusieurs', 'certains', 'enfin', 'puis', 'ensuite', 'hier', "aujourd'hui",
  'demain', 'oui', 'non', 'merci', 'là', 'ici', 'moi', 'toi', 'lui', 'eux', 'y', 'cependant', 'pourtant', 'toutefois', 'entre',
  'vers', 'chez', 'contre', 'malgré', 'outre', 'parmi', 'plus', 'moins', 'très', 'trop', 'déjà', 'encore', 'même', 'seul', 'seule',
  "n'", 'ne', "s'", 'se', 'était', 'est', 'sont', 'a', 'ont', 'fait', 'dit', 'ma', 'dès', 'face', 'lors', 'ailleurs', 'enfin',
];
export const abbreviations = [
  'm.', 'mm.', 'mme.', 'mlle.', 'dr.', 'pr.', 'me.', 'st.', 'ste.', 'etc.', 'cf.', 'av.', 'apr.', 'j.-c.', 'n°.', 'p.', 'pp.', 'vol.',
  'env.', 'min.', 'max.', 'art.', 'fig.', 'éd.', 'gén.', 'col.', 'lt.', 'cdt.', 'mgr.', 'o.', 'vs.', 'no.', 'tél.', 'janv.', 'févr.',
  'avr.', 'juil.', 'sept.', 'oct.', 'nov.', 'déc.',
];
export const tokenization: Tokenization = {
  elisions: ['l', 'd', 'qu', 'n', 's', 'j', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'quelqu'],
  apostropheSuffixes: [],
};
export const time: TimeWords = {
  weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  relativeDays: { "aujourd'hui": 0, hier: -1, 'avant-hier': -2, demain: 1, 'après-demain': 2 },
};
/** Words before a quoted span that make it a title or a name, not speech. */
export const notSpeechIntroducers = ['intitulé', 'intitulée', 'intitulés', 'baptisé', 'baptisée', 'nommé', 'nommée', 'surnommé', 'surnommée', 'thème', 'titre', 'article', 'articles', 'émission', 'film', 'livre', 'ouvrage', 'opération', 'projet', 'loi', 'rubrique', 'slogan', 'mot', 'mots', 'terme', 'termes', 'expression', 'dite', 'dit'];
export const unrealisedMarkers = [['sans', 'pouvoir', 'dire'], ['sans', 'dire'], ['pouvoir', 'dire'], ['sans', 'prononcer']];

export const ofWords = ['de', 'du', 'des', "d'"];
export const complementPrepositions = ['de', 'du', 'des', "d'", 'pour', 'chez', 'auprès', 'sur', 'en', 'à', 'au', 'aux'];
export const adjectivesFollowNoun = true;
export const grammaticalGender = true;
export const infinitiveEndings: string[] = ['er', 'ir', 're', 'oir'];
export const notInfinitives = ['autre', 'votre', 'premier', 'dernier', 'entier', 'cher', 'clair', 'noir', 'hier', 'soir', 'contraire', 'nécessaire', 'propre', 'simple', 'libre'];
export const bareInfinitive = true;
export const auxiliaryInfinitives = ['avoir', 'être'];
export const withWord = 'avec';
/** Clitics that sit before a conjugated verb ("il l'a dit", "lui a-t-il dit", "se dit", "nous a déclaré"). */
// Stressed pronouns may also sit there for contrast: "Lionel Tardy a lui écrit", "Myriam Martinet a elle relevé".
export const preverbalClitics = ['elle', 'eux', 'elles', 'lui', 'leur', 'nous', 'vous', 'me', 'te', 'y', 'en', "l'", 'le', 'la', 'les', "m'", "t'", 'se', "s'"];
export const pluralSuffix = 's';
export const contractions = ['au', 'aux', 'du'];
export const placePrepositions = ['en', 'à', 'au', 'aux'];
/** French passives of speech verbs are rare in news ("il a été dit"); none are read as passive. */
export const passiveAuxiliaries: string[] = [];
export const impersonalPronouns = ['on'];
export const indefiniteArticles = ['un', 'une', 'des'];
export const finiteVerbEndings = ['ait', 'aient', 'era', 'ont'];
export const coordinators = ['et', 'mais', 'puis'];
export const gerundMarkers = ['en'];
export const causatives = ['fait', 'font', 'faisait', 'faisaient', 'fera', 'feront', 'ferait', 'feraient', 'faire', 'faisant', 'fit', 'firent'];
export const purposeWords = ['afin', 'pour'];
export const bareChannelPrepositions = ['en'];
