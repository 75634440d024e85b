/**
 * French speech verbs with their frames. Inflected forms are generated into verb-forms.generated.ts by
 * scripts/gen-lexicon.ts (run `npm run gen:lexicon` after editing this file).
 *
 * Source: written for selon. The inventory was drawn from the Gender Gap Tracker / Radar de Parité quote-verb list
 * (MIT, see src/lang/LICENSES.md), the cue strings of the French development set (Wikinews, frnews/dev), incise verbs
 * seen in the aads_french training novels ("répondit-il", "reprit-elle"), and common newsroom usage. Licence: MIT.
 *
 * Conventions
 * - Keys are infinitives without the reflexive pronoun: "s'exclamer" is `exclamer`, "se féliciter" is `féliciter`.
 *   The engine reads "s'est exclamé", "se dit", "s'est dit" through the clitic before the form. Lemmas listed in
 *   `reflexiveOnly` are speech only with that clitic ("il s'inquiète que…", but "cela inquiète les habitants").
 * - `frame`: 'direct' verbs only introduce quoted words (incise « … », lance-t-il; colon); 'indirect' verbs need a
 *   que-clause or an infinitive; 'both' take either.
 * - `needsQuote`: the verb is far more often not speech ("lancer un projet", "poursuivre en justice", "trouver une
 *   solution"); it counts only next to quote marks or a colon. A que-clause alone is not enough for these.
 *   Verbs whose only non-speech uses take a plain noun object ("ajouter du sel", "noter un devoir") are not marked:
 *   the frame already asks for « … », a colon, que or an infinitive before they count.
 * - `infinitive`: the reported content may be an infinitive ("affirme avoir été menacée", "promet de revenir").
 *   Not set on wishes and fears ("souhaite profiter de…", "craint de perdre"): an intention, not reported words.
 * - `objectInfinitive`: object (or à + object) then de/à + infinitive ("accuse X d'avoir", "appelle X à",
 *   "demande à X de"); the object is the addressee or the target.
 * - `addresseeObject`: the direct object is the addressee ("a prévenu les habitants que…", "informe X que…").
 * - `namingFrame`: "traite X de « … »", "qualifie X de « … »", "décrit X comme « … »", "appelle X « … »".
 * Multi-word cues ("faire savoir", "mettre en garde", "faire part") are not single verbs and are not listed here.
 * - Forms with î also get their 1990 reformed spelling ("reconnait", "enchaine"), common in the press.
 */
import type { CueFrame } from '../../types.js';
import type { SpeechVerb } from '../pack.js';

type Flag = 'infinitive' | 'objectInfinitive' | 'addresseeObject' | 'needsQuote' | 'namingFrame' | 'afterCausative';
type Row = [lemma: string, frame: CueFrame, ...flags: Flag[]];

const rows: Row[] = [
  // Only after a causative: "a fait savoir que…", "fait valoir que…".
  ['savoir', 'indirect', 'afterCausative'],
  ['valoir', 'indirect', 'afterCausative'],
  // Saying, declaring, asserting.
  ['dire', 'both', 'infinitive'],
  ['déclarer', 'both', 'infinitive'],
  ['affirmer', 'both', 'infinitive'],
  ['réaffirmer', 'both', 'infinitive'],
  ['assurer', 'both', 'infinitive', 'addresseeObject'],
  ['certifier', 'both', 'infinitive'],
  ['attester', 'both'],
  ['garantir', 'both'],
  ['jurer', 'both', 'infinitive'],
  ['soutenir', 'indirect', 'infinitive'],
  ['maintenir', 'both'],
  ['prétendre', 'both', 'infinitive'],
  ['alléguer', 'both', 'infinitive'],
  ['arguer', 'both', 'infinitive'],
  ['argumenter', 'both'],
  ['avancer', 'both'],
  ['clamer', 'both', 'infinitive'],
  ['proclamer', 'both'],
  ['proférer', 'direct', 'needsQuote'],
  ['prononcer', 'direct', 'needsQuote'],
  ['énoncer', 'both'],
  ['exposer', 'both', 'needsQuote'],
  ['formuler', 'direct', 'needsQuote'],
  ['exprimer', 'direct'],
  ['parler', 'direct', 'needsQuote'],
  ['insister', 'both'],
  ['marteler', 'both'],
  ['répéter', 'both'],
  ['redire', 'both'],
  ['réitérer', 'both'],
  ['asséner', 'direct'],
  ['assener', 'direct'],
  ['trancher', 'direct'],
  ['résumer', 'both'],
  ['conclure', 'both'],
  ['estimer', 'both', 'infinitive'],
  ['juger', 'both'],
  ['considérer', 'both', 'namingFrame'],
  ['penser', 'both', 'infinitive'],
  ['croire', 'both', 'infinitive'],
  ['trouver', 'both', 'needsQuote'],
  ['dénier', 'both'],
  ['opiner', 'direct'],

  // Explaining, specifying, noting.
  ['expliquer', 'both'],
  ['préciser', 'both'],
  ['détailler', 'both'],
  ['spécifier', 'both'],
  ['indiquer', 'both', 'infinitive'],
  ['souligner', 'both'],
  ['rappeler', 'both', 'infinitive'],
  ['noter', 'both'],
  ['remarquer', 'both'],
  ['observer', 'both'],
  ['relever', 'both'],
  ['constater', 'both'],
  ['signaler', 'both'],
  ['mentionner', 'both'],
  ['pointer', 'direct', 'needsQuote'],
  ['insinuer', 'both'],
  ['sous-entendre', 'indirect'],
  ['suggérer', 'both', 'objectInfinitive'],
  ['illustrer', 'direct', 'needsQuote'],
  ['développer', 'direct', 'needsQuote'],
  ['analyser', 'direct', 'needsQuote'],
  ['décrypter', 'direct', 'needsQuote'],
  ['commenter', 'direct'],
  ['réagir', 'direct'],
  ['nuancer', 'direct'],
  ['tempérer', 'direct'],
  ['relativiser', 'both'],
  ['minimiser', 'direct', 'needsQuote'],
  ['rectifier', 'direct'],
  ['corriger', 'direct', 'needsQuote'],
  ['justifier', 'direct', 'needsQuote'],
  ['défendre', 'both', 'needsQuote'],
  ['plaider', 'both'],
  ['prétexter', 'both', 'infinitive'],
  ['stipuler', 'indirect'],
  ['prévoir', 'indirect'],

  // Announcing, revealing, informing.
  ['annoncer', 'both', 'infinitive'],
  ['communiquer', 'both'],
  ['révéler', 'both'],
  ['dévoiler', 'both'],
  ['divulguer', 'both'],
  ['confirmer', 'both', 'infinitive'],
  ['infirmer', 'both'],
  ['démentir', 'both', 'infinitive'],
  ['nier', 'both', 'infinitive'],
  ['contester', 'both', 'infinitive'],
  ['réfuter', 'both'],
  ['récuser', 'both'],
  ['informer', 'both', 'addresseeObject'],
  ['aviser', 'indirect', 'addresseeObject'],
  ['notifier', 'both'],
  ['signifier', 'both'],
  ['prévenir', 'both', 'addresseeObject'],
  ['avertir', 'both', 'addresseeObject'],
  ['alerter', 'both', 'addresseeObject'],
  ['rassurer', 'both', 'addresseeObject'],
  ['confier', 'both', 'infinitive'],
  ['raconter', 'both', 'infinitive'],
  ['relater', 'both'],
  ['narrer', 'both'],
  ['rapporter', 'both'],
  ['retracer', 'direct', 'needsQuote'],
  ['témoigner', 'both'],
  ['décrire', 'both', 'namingFrame'],
  ['dépeindre', 'both', 'namingFrame'],
  ['évoquer', 'direct', 'needsQuote'],
  ['citer', 'direct', 'needsQuote'],
  ['invoquer', 'direct', 'needsQuote'],
  ['écrire', 'both'],
  ['tweeter', 'both'],
  ['twitter', 'both'],
  ['gazouiller', 'direct'],
  ['publier', 'direct', 'needsQuote'],
  ['poster', 'direct', 'needsQuote'],
  ['titrer', 'direct', 'needsQuote'],
  ['lire', 'direct', 'needsQuote'],
  ['réciter', 'direct', 'needsQuote'],
  ['livrer', 'direct', 'needsQuote'],

  // Admitting, conceding.
  ['reconnaître', 'both', 'infinitive'],
  ['admettre', 'both', 'infinitive'],
  ['avouer', 'both', 'infinitive'],
  ['confesser', 'both', 'infinitive'],
  ['concéder', 'both'],

  // Answering, continuing, dialogue.
  ['répondre', 'both'],
  ['répliquer', 'both'],
  ['rétorquer', 'both'],
  ['riposter', 'both'],
  ['objecter', 'both'],
  ['renchérir', 'both'],
  ['surenchérir', 'both'],
  ['abonder', 'direct', 'needsQuote'],
  ['acquiescer', 'direct'],
  ['approuver', 'direct', 'needsQuote'],
  ['ajouter', 'both'],
  ['compléter', 'direct', 'needsQuote'],
  ['poursuivre', 'direct', 'needsQuote'],
  ['continuer', 'direct', 'needsQuote'],
  ['reprendre', 'direct', 'needsQuote'],
  ['enchaîner', 'direct', 'needsQuote'],
  ['embrayer', 'direct', 'needsQuote'],
  ['rebondir', 'direct', 'needsQuote'],
  ['relancer', 'direct', 'needsQuote'],
  ['appuyer', 'direct'],
  ['interrompre', 'direct', 'needsQuote'],
  ['intervenir', 'direct', 'needsQuote'],
  ['glisser', 'direct', 'needsQuote'],
  ['lâcher', 'direct', 'needsQuote'],
  ['lancer', 'direct', 'needsQuote'],
  ['jeter', 'direct', 'needsQuote'],
  ['souffler', 'direct', 'needsQuote'],
  ['conseiller', 'both', 'objectInfinitive'],

  // Asking, requesting, urging.
  ['demander', 'both', 'infinitive', 'objectInfinitive'],
  ['interroger', 'both', 'addresseeObject'],
  ['questionner', 'direct', 'addresseeObject'],
  ['réclamer', 'both'],
  ['exiger', 'both'],
  ['revendiquer', 'both', 'infinitive'],
  ['ordonner', 'both', 'objectInfinitive'],
  ['enjoindre', 'both', 'objectInfinitive'],
  ['sommer', 'both', 'objectInfinitive'],
  ['exhorter', 'both', 'objectInfinitive'],
  ['appeler', 'both', 'infinitive', 'objectInfinitive', 'namingFrame'],
  ['inviter', 'both', 'objectInfinitive'],
  ['inciter', 'indirect', 'objectInfinitive'],
  ['encourager', 'both', 'objectInfinitive'],
  ['recommander', 'both', 'objectInfinitive'],
  ['préconiser', 'both', 'infinitive'],
  ['prôner', 'direct'],
  ['proposer', 'both', 'infinitive', 'objectInfinitive'],
  ['prier', 'both', 'objectInfinitive'],
  ['supplier', 'both', 'objectInfinitive'],
  ['implorer', 'both', 'objectInfinitive'],
  ['conjurer', 'both', 'objectInfinitive'],
  ['adjurer', 'both', 'objectInfinitive'],
  ['presser', 'both', 'objectInfinitive', 'needsQuote'],
  ['déconseiller', 'both', 'objectInfinitive'],
  ['solliciter', 'direct', 'needsQuote'],

  // Promising, predicting, warning, threatening.
  ['promettre', 'both', 'infinitive'],
  ['engager', 'both', 'infinitive'],
  ['parier', 'both'],
  ['prédire', 'both'],
  ['pronostiquer', 'both'],
  ['prophétiser', 'both'],
  ['menacer', 'both', 'infinitive', 'objectInfinitive'],
  ['espérer', 'both'],
  ['souhaiter', 'both'],
  ['craindre', 'both'],
  ['redouter', 'both'],
  ['douter', 'indirect'],
  ['supposer', 'indirect'],
  ['présumer', 'indirect'],
  ['conjecturer', 'indirect'],
  ['hasarder', 'direct', 'needsQuote'],

  // Criticising, accusing, naming.
  ['accuser', 'both', 'objectInfinitive'],
  ['reprocher', 'both', 'objectInfinitive'],
  ['blâmer', 'direct', 'objectInfinitive'],
  ['incriminer', 'direct'],
  ['critiquer', 'both'],
  ['dénoncer', 'both'],
  ['fustiger', 'direct'],
  ['condamner', 'direct', 'needsQuote'],
  ['stigmatiser', 'direct'],
  ['vilipender', 'direct'],
  ['pourfendre', 'direct'],
  ['dénigrer', 'direct'],
  ['conspuer', 'direct'],
  ['étriller', 'direct'],
  ['éreinter', 'direct', 'needsQuote'],
  ['épingler', 'direct', 'needsQuote'],
  ['égratigner', 'direct', 'needsQuote'],
  ['tacler', 'direct', 'needsQuote'],
  ['cingler', 'direct'],
  ['tancer', 'direct'],
  ['sermonner', 'direct'],
  ['admonester', 'direct'],
  ['réprimander', 'direct'],
  ['recadrer', 'direct', 'needsQuote'],
  ['attaquer', 'direct', 'needsQuote'],
  ['insulter', 'direct', 'needsQuote'],
  ['brocarder', 'direct'],
  ['railler', 'direct'],
  ['moquer', 'direct'],
  ['gausser', 'direct'],
  ['ironiser', 'direct'],
  ['persifler', 'direct'],
  ['qualifier', 'direct', 'namingFrame'],
  ['traiter', 'direct', 'namingFrame', 'needsQuote'],
  ['taxer', 'direct', 'namingFrame'],
  ['caractériser', 'direct', 'namingFrame'],
  ['présenter', 'direct', 'namingFrame', 'needsQuote'],
  ['protester', 'both'],
  ['déplorer', 'both'],
  ['regretter', 'both', 'infinitive'],
  ['lamenter', 'both'],
  ['désoler', 'both'],
  ['plaindre', 'both', 'infinitive'],
  ['indigner', 'both'],
  ['insurger', 'both'],
  ['offusquer', 'both'],
  ['étonner', 'both'],
  ['inquiéter', 'both'],
  ['alarmer', 'both'],
  ['émouvoir', 'both'],
  ['emporter', 'direct'],
  ['agacer', 'direct'],
  ['énerver', 'direct'],
  ['impatienter', 'direct'],
  ['étrangler', 'direct'],
  ['récrier', 'direct'],

  // Praising, thanking, rejoicing.
  ['saluer', 'direct'],
  ['féliciter', 'both', 'objectInfinitive'],
  ['remercier', 'direct', 'objectInfinitive', 'addresseeObject'],
  ['réjouir', 'both'],
  ['louer', 'direct', 'needsQuote'],
  ['encenser', 'direct'],
  ['vanter', 'both', 'infinitive'],
  ['targuer', 'both', 'infinitive'],
  ['applaudir', 'direct', 'needsQuote'],
  ['complimenter', 'direct'],
  ['enthousiasmer', 'direct'],
  ['extasier', 'direct'],
  ['émerveiller', 'direct'],
  ['enflammer', 'direct'],
  ['jubiler', 'direct'],
  ['exulter', 'direct'],
  ['triompher', 'direct', 'needsQuote'],
  ['excuser', 'direct'],

  // Manner of speaking (incise verbs, mostly direct).
  ['exclamer', 'direct'],
  ['écrier', 'direct'],
  ['crier', 'both'],
  ['hurler', 'both'],
  ['vociférer', 'direct'],
  ['tonner', 'direct'],
  ['tempêter', 'direct'],
  ['fulminer', 'direct'],
  ['gronder', 'direct', 'needsQuote'],
  ['rugir', 'direct', 'needsQuote'],
  ['scander', 'direct'],
  ['déclamer', 'direct'],
  ['murmurer', 'both'],
  ['chuchoter', 'both'],
  ['susurrer', 'direct'],
  ['marmonner', 'direct'],
  ['grommeler', 'direct'],
  ['maugréer', 'direct'],
  ['bougonner', 'direct'],
  ['ronchonner', 'direct'],
  ['râler', 'direct'],
  ['pester', 'direct'],
  ['grincer', 'direct'],
  ['gémir', 'direct'],
  ['soupirer', 'direct'],
  ['sangloter', 'direct', 'needsQuote'],
  ['balbutier', 'direct'],
  ['bredouiller', 'direct'],
  ['bégayer', 'direct', 'needsQuote'],
  ['plaisanter', 'direct'],
  ['badiner', 'direct'],
  ['sourire', 'direct', 'needsQuote'],
  ['rire', 'direct', 'needsQuote'],
  ['esclaffer', 'direct'],
  ['philosopher', 'direct'],
  ['interpeller', 'direct', 'addresseeObject', 'needsQuote'],
  ['apostropher', 'direct', 'addresseeObject'],
  ['adresser', 'direct'],
  ['souvenir', 'both', 'infinitive'],
  ['remémorer', 'both'],
  ['imaginer', 'direct', 'needsQuote'],
  ['montrer', 'indirect'],
  ['démontrer', 'indirect'],
  ['prouver', 'indirect'],
];

/** Speech verb lemmas with their frames, by lemma. */
export const verbs: Record<string, SpeechVerb> = Object.fromEntries(
  rows.map(([lemma, frame, ...flags]): [string, SpeechVerb] => {
    const verb: SpeechVerb = { lemma, frame };
    for (const flag of flags) verb[flag] = true;
    return [lemma, verb];
  }),
);

/**
 * Lemmas that are speech only as pronominal verbs ("s'exclamer", "se féliciter que", "s'inquiéter de"): without a
 * reflexive clitic (se, s', me, m', te, t', nous, vous) before the form they are not cues ("cela inquiète").
 */
export const reflexiveOnly: string[] = [
  'exclamer', 'écrier', 'récrier', 'esclaffer', 'gausser', 'targuer', 'lamenter', 'désoler', 'indigner', 'insurger',
  'offusquer', 'étonner', 'inquiéter', 'alarmer', 'émouvoir', 'réjouir', 'enthousiasmer', 'extasier', 'émerveiller',
  'enflammer', 'emporter', 'agacer', 'énerver', 'impatienter', 'étrangler', 'excuser', 'souvenir', 'remémorer',
  'engager', 'plaindre', 'adresser', 'moquer',
];

/**
 * Forms not generated. Either a far more common word shares them ("somme" the noun, "sommes" être; "admirent" admirer,
 * not admettre; "pressent" pressentir; "maintenant" the adverb, not maintenir), or they are 1st/2nd-person forms
 * that news text almost only uses as nouns ("relations", "opinions", "tonnes", "juges", "titres"): the nouns tagged
 * so in the French UD treebanks (Sequoia, ParTUT train/dev, GSD dev), plus a few of the same kind.
 */
export const skipForms: string[] = [
  'somme', 'sommes', 'admirent', 'pressent', 'maintenant',
  'adresses', 'alarmes', 'alertes', 'analyses', 'annonces', 'attaques', 'complètes', 'confessions', 'continues',
  'critiques', 'demandes', 'doutes', 'excuses', 'formules', 'insultes', 'juges', 'lances', 'livres', 'menaces',
  'montres', 'notes', 'notions', 'objections', 'opinions', 'pensions', 'pestes', 'philosophes', 'pointes', 'postes',
  'pressions', 'précises', 'précisions', 'présentes', 'relances', 'relations', 'remarques', 'répliques', 'reproches',
  'ripostes', 'râles', 'souffles', 'taxes', 'tempêtes', 'titres', 'tonnes', 'traites', 'tranches',
];

/**
 * Generated forms that are also common nouns, adjectives or adverbs ("le juge", "un communiqué", "la presse",
 * "le prévenu", "un ton cinglant", "désolé"). They stay in verbForms; the engine should take them as cues only with
 * verbal evidence next to them (an auxiliary or subject clitic before, inversion, que/de, quote marks or a colon
 * after), never from inside a noun phrase ("le juge a déclaré"). Drawn from the forms tagged NOUN/ADJ/ADV more often
 * than VERB in the French UD treebanks named above, and from newsroom usage.
 */
export const ambiguousForms: string[] = [
  'accusé', 'accusée', 'accusées', 'accusés', 'adresse', 'alarmant', 'alarme', 'alerte', 'analyse', 'attaquant',
  'attaque', 'avance', 'avancé', 'avancée', 'avancées', 'avancés', 'cinglant', 'cité', 'communiqué',
  'communiqués', 'complète', 'conseiller', 'crainte', 'craintes', 'criant', 'critique', 'cru', 'crue', 'crues',
  'demande', 'dire', 'dit', 'dite', 'doute', 'déclarant', 'désolant', 'désolé', 'désolée', 'désolés', 'écrit', 'écrits',
  'ému', 'émue', 'émouvant', 'encourageant', 'engagé', 'engagée', 'engagés', 'estime', 'exposant', 'exposé', 'exposés',
  'formule', 'garantie', 'garanties', 'grinçant', 'implorant', 'inquiète', 'inquiétant', 'insultant', 'insulte',
  'intervenant', 'juge', 'juré', 'jurés', 'lance', 'lit', 'livre', 'menace', 'menaçant', 'note', 'pensée', 'pensées',
  'plaignant', 'plainte', 'plaintes', 'pointe', 'poste', 'presse', 'pressant', 'protestant', 'présente', 'prétendant',
  'prévenu', 'prévenus', 'prévu', 'prévue', 'promis', 'promise', 'rassurant', 'relance', 'remarque', 'réplique',
  'répondant', 'reprise', 'reprises', 'résumé', 'rire', 'riposte', 'souffle', 'soupirant', 'souriant', 'sourire',
  'souvenir', 'suppliant', 'taxe', 'titre', 'traite', 'traité', 'traités', 'tranche', 'tranchée', 'tranchées',
  'triomphant', 'triomphe', 'étonnant',
];
