/**
 * English honorifics, role nouns and speaking bodies.
 * Source: written for selon (common news usage). Licence: MIT (this project).
 */
import type { RoleInfo } from '../pack.js';
import type { Gender } from '../../types.js';

export const honorifics: Record<string, Gender> = {
  'mr.': 'm', mr: 'm', 'mrs.': 'f', mrs: 'f', 'ms.': 'f', ms: 'f', miss: 'f', 'dr.': null, dr: null, 'prof.': null, professor: null,
  sir: 'm', dame: 'f', lord: 'm', lady: 'f', 'sen.': null, senator: null, 'rep.': null, representative: null, 'gov.': null, governor: null,
  'gen.': null, general: null, 'col.': null, colonel: null, 'lt.': null, 'capt.': null, captain: null, 'sgt.': null, judge: null,
  justice: null, rev: null, 'rev.': null, reverend: null, father: 'm', sister: 'f', king: 'm', queen: 'f', prince: 'm', princess: 'f',
  president: null, 'vice president': null, 'prime minister': null, minister: null, secretary: null, chancellor: null, mayor: null,
  commissioner: null, chairman: 'm', chairwoman: 'f', chair: null, ambassador: null, chief: null, director: null, detective: null,
  officer: null, sheriff: null, deputy: null, speaker: null, 'house speaker': null, pope: 'm', coach: null, attorney: null,
};

const p = (gender: Gender = null): RoleInfo => ({ gender, number: 'sg', type: 'person' });
const org = (): RoleInfo => ({ gender: null, number: 'sg', type: 'organization' });
const grp = (type: RoleInfo['type'] = 'group'): RoleInfo => ({ gender: null, number: 'pl', type });
const docu = (): RoleInfo => ({ gender: null, number: 'sg', type: 'document' });

export const roles: Record<string, RoleInfo> = {
  president: p(), 'vice president': p(), minister: p(), 'prime minister': p(), secretary: p(), spokesman: p('m'), spokeswoman: p('f'),
  spokesperson: p(), director: p(), 'executive director': p(), chairman: p('m'), chairwoman: p('f'), chair: p(), chief: p(), 'chief executive': p(),
  ceo: p(), founder: p(), leader: p(), head: p(), mayor: p(), governor: p(), senator: p(), representative: p(), congressman: p('m'),
  congresswoman: p('f'), lawmaker: p(), judge: p(), prosecutor: p(), attorney: p(), lawyer: p(), official: p(), officer: p(), detective: p(),
  sheriff: p(), ambassador: p(), commissioner: p(), candidate: p(), nominee: p(), pollster: p(), analyst: p(), expert: p(), researcher: p(),
  scientist: p(), professor: p(), economist: p(), historian: p(), author: p(), writer: p(), blogger: p(), poster: p(), reporter: p(),
  journalist: p(), editor: p(), columnist: p(), correspondent: p(), host: p(), coach: p(), player: p(), manager: p(), witness: p(),
  victim: p(), resident: p(), student: p(), teacher: p(), doctor: p(), physician: p(), nurse: p(), activist: p(), advocate: p(),
  aide: p(), adviser: p(), advisor: p(), source: p(), strategist: p(), operative: p(), consultant: p(), defector: p(), woman: p('f'),
  man: p('m'), mother: p('f'), father: p('m'), son: p('m'), daughter: p('f'), wife: p('f'), husband: p('m'), king: p('m'), queen: p('f'),
  pope: p('m'), chancellor: p(), speaker: p(), campaigner: p(), organizer: p(), businessman: p('m'), businesswoman: p('f'),
};

export const bodies: Record<string, RoleInfo> = {
  government: org(), administration: org(), ministry: org(), department: org(), police: grp('organization'), army: org(), military: org(),
  court: org(), committee: org(), commission: org(), council: org(), agency: org(), company: org(), firm: org(), group: org(), union: org(),
  party: org(), campaign: org(), church: org(), university: org(), organization: org(), organisation: org(), association: org(),
  board: org(), office: org(), embassy: org(), team: org(), club: org(), bank: org(), senate: org(), congress: org(), parliament: org(),
  'white house': org(), pentagon: org(), kremlin: org(), 'state department': org(), officials: grp(), authorities: grp('organization'),
  protesters: grp(), protestors: grp(), residents: grp(), witnesses: grp(), experts: grp(), critics: grp(), supporters: grp(),
  opponents: grp(), analysts: grp(), researchers: grp(), scientists: grp(), sources: grp(), investigators: grp(), prosecutors: grp(),
  lawmakers: grp(), democrats: grp(), republicans: grp(), voters: grp(), doctors: grp(), activists: grp(), leaders: grp(), members: grp(),
  individuals: grp(), posters: grp(), reports: grp('document'), report: docu(), study: docu(), studies: grp('document'), poll: docu(),
  polls: grp('document'), survey: docu(), statement: docu(), transcript: docu(), readout: docu(), document: docu(), posting: docu(),
  post: docu(), posts: grp('document'), memo: docu(), letter: docu(), filing: docu(), complaint: docu(), lawsuit: docu(), website: docu(),
  section: docu(), data: docu(), figures: grp('document'), 'exit polls': grp('document'),
};
