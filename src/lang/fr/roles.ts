/**
 * French honorifics, role nouns and speaking bodies, with grammatical gender and number.
 * Source: written for selon (common news usage). Licence: MIT (this project).
 */
import type { RoleInfo } from '../pack.js';
import type { Gender } from '../../types.js';

export const honorifics: Record<string, Gender> = {
  'm.': 'm', m: 'm', monsieur: 'm', mme: 'f', madame: 'f', mlle: 'f', mademoiselle: 'f', me: null, maître: null,
  dr: null, docteur: null, pr: null, professeur: null, mgr: 'm', sir: 'm', lord: 'm', lady: 'f', cheikh: 'm', général: 'm', colonel: 'm',
};

const m = (type: RoleInfo['type'] = 'person'): RoleInfo => ({ gender: 'm', number: 'sg', type });
const f = (type: RoleInfo['type'] = 'person'): RoleInfo => ({ gender: 'f', number: 'sg', type });
const x = (type: RoleInfo['type'] = 'person'): RoleInfo => ({ gender: null, number: 'sg', type });
const pl = (type: RoleInfo['type'] = 'group', gender: Gender = null): RoleInfo => ({ gender, number: 'pl', type });

export const roles: Record<string, RoleInfo> = {
  président: m(), présidente: f(), 'vice-président': m(), 'vice-présidente': f(), ministre: x(), 'premier ministre': x(), 'première ministre': f(),
  'porte-parole': x(), secrétaire: x(), directeur: m(), directrice: f(), 'directeur général': m(), 'directrice générale': f(),
  dirigeant: m(), dirigeante: f(), chef: x(), cheffe: f(), patron: m(), patronne: f(), maire: x(), député: m(), députée: f(), sénateur: m(),
  sénatrice: f(), juge: x(), procureur: m(), procureure: f(), avocat: m(), avocate: f(), chancelier: m(), chancelière: f(), roi: m(), reine: f(),
  prince: m(), princesse: f(), pape: m(), ambassadeur: m(), ambassadrice: f(), commissaire: x(), gouverneur: m(), gouverneure: f(),
  candidat: m(), candidate: f(), leader: x(), responsable: x(), représentant: m(), représentante: f(), délégué: m(), déléguée: f(),
  expert: m(), experte: f(), spécialiste: x(), analyste: x(), chercheur: m(), chercheuse: f(), professeur: m(), professeure: f(),
  entraîneur: m(), entraîneuse: f(), sélectionneur: m(), joueur: m(), joueuse: f(), capitaine: x(), fondateur: m(), fondatrice: f(),
  recteur: m(), rectrice: f(), conseiller: m(), conseillère: f(), médecin: x(), témoin: x(), victime: f(), auteur: m(), autrice: f(),
  militant: m(), militante: f(), syndicaliste: x(), élu: m(), élue: f(), opposant: m(), opposante: f(), émir: m(),
  cheikh: m(), général: m(), colonel: m(), commandant: m(), officier: m(), policier: m(), policière: f(), lycéen: m(), lycéenne: f(),
  étudiant: m(), étudiante: f(), habitant: m(), habitante: f(), médaillée: f(), médaillé: m(), skipper: x(), navigateur: m(), navigatrice: f(),
  coprésident: m(), coprésidente: f(), adjoint: m(), adjointe: f(), administrateur: m(), administratrice: f(), rapporteur: m(), rapporteure: f(),
  économiste: x(), historien: m(), historienne: f(), sociologue: x(), politologue: x(), journaliste: x(), correspondant: m(), correspondante: f(),
  photographe: x(), écrivain: m(), écrivaine: f(), chanteur: m(), chanteuse: f(), acteur: m(), actrice: f(), artiste: x(), athlète: x(),
  pdg: x(), ceo: x(), détracteur: m(), détractrice: f(), manifestant: m(), manifestante: f(),
  source: f(), interlocuteur: m(), interlocutrice: f(), homme: m(), femme: f(), mère: f(), père: m(), fils: m(), fille: f(),
};

/** Bodies that speak as one: institutions, collectives, parties. */
export const bodies: Record<string, RoleInfo> = {
  gouvernement: m('organization'), ministère: m('organization'), police: f('organization'), gendarmerie: f('organization'),
  parquet: m('organization'), justice: f('organization'), tribunal: m('organization'), cour: f('organization'), armée: f('organization'),
  préfecture: f('organization'), mairie: f('organization'), commission: f('organization'), direction: f('organization'),
  entreprise: f('organization'), société: f('organization'), groupe: m('organization'), syndicat: m('organization'), parti: m('organization'),
  opposition: f('organization'), majorité: f('organization'), élysée: m('organization'), matignon: m('organization'), onu: f('organization'),
  conseil: m('organization'), association: f('organization'), organisation: f('organization'), ong: f('organization'), agence: f('organization'),
  ambassade: f('organization'), fédération: f('organization'), comité: m('organization'), autorités: pl('organization', 'f'),
  manifestants: pl('group', 'm'), manifestantes: pl('group', 'f'), habitants: pl('group', 'm'), témoins: pl('group', 'm'),
  experts: pl('group', 'm'), syndicats: pl('organization', 'm'), rebelles: pl('group', 'm'), enquêteurs: pl('group', 'm'),
  secours: pl('organization', 'm'), pompiers: pl('organization', 'm'), sauveteurs: pl('group', 'm'), médecins: pl('group', 'm'),
  responsables: pl('group', 'm'), dirigeants: pl('group', 'm'), élus: pl('group', 'm'), députés: pl('group', 'm'), sénateurs: pl('group', 'm'),
  citoyens: pl('group', 'm'), chercheurs: pl('group', 'm'), scientifiques: pl('group', 'm'), sources: pl('group', 'f'), militants: pl('group', 'm'),
  wikipédiens: pl('group', 'm'), officiels: pl('group', 'm'), observateurs: pl('group', 'm'), analystes: pl('group', 'm'), organisateurs: pl('group', 'm'),
  leaders: pl('group', 'm'), avocats: pl('group', 'm'), services: pl('organization', 'm'), écologistes: pl('group', 'm'), étudiants: pl('group', 'm'),
  salariés: pl('group', 'm'), employés: pl('group', 'm'), ouvriers: pl('group', 'm'), grévistes: pl('group', 'm'), familles: pl('group', 'f'),
  proches: pl('group', 'm'), riverains: pl('group', 'm'), parents: pl('group', 'm'), policiers: pl('group', 'm'), militaires: pl('group', 'm'),
  médias: pl('media', 'm'), journaux: pl('media', 'm'), 'porte-parole': x(), rapport: m('document'), étude: f('document'),
  sondage: m('document'), enquête: f('document'), communiqué: m('document'), bilan: m('document'), 'compte rendu': m('document'),
  transcription: f('document'), lecture: f('document'), déclaration: f('document'), document: m('document'), texte: m('document'),
  union: f('organization'), banque: f('organization'), université: f('organization'), club: m('organization'),
  équipe: f('organization'), état: m('organization'), pays: m('place'), ville: f('place'), pékin: m('organization'), washington: m('organization'),
  moscou: m('organization'), bruxelles: m('organization'), paris: m('organization'), londres: m('organization'), kremlin: m('organization'),
};
