/**
 * cluster-entities: within-document coreference. Names join an entity when one name's words contain the other's
 * (full name ↔ surname ↔ title + name), acronyms join the name they abbreviate, appositions ("X, le porte-parole du
 * ministère," / "the spokesman, John Doe,") join the role to the name, bare roles join the most recent entity that
 * carried that role, and pronouns join the most salient agreeing antecedent.
 */
import type { Stage } from '../pipeline.js';
import type { Entity, EntityType, Gender, GrammaticalNumber, Mention } from '../types.js';
import type { LanguagePack } from '../lang/pack.js';
import { lexicon } from '../lang/lexicon.js';
import { foldWords } from '../lib/names.js';

interface Draft {
  id: string;
  /** Creation order (the id's number): on ties between names, the most recent entity wins. */
  order: number;
  names: string[];
  words: Set<string>;
  roles: Set<string>;
  mentions: number[];
  types: EntityType[];
  genders: Gender[];
  numbers: GrammaticalNumber[];
}

function isSubset(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0) return false;
  for (const w of a) if (!b.has(w)) return false;
  return true;
}

/** What an acronym may abbreviate: the lower-case initials of a name's capitalised words, particles aside ("Agence
 * France-Presse" → "afp"); null under two such words. */
function initialsOf(name: string, particles: Set<string>): string | null {
  const ws = name.split(/[\s-]+/).filter((w) => w && !particles.has(w.toLowerCase()) && /^\p{Lu}/u.test(w));
  return ws.length >= 2 ? ws.map((w) => w[0]).join('').toLowerCase() : null;
}

/** The entity a proper-name mention belongs to: a containing or contained name, the most recent on ties. */
function matchByName(drafts: Draft[], byWord: Map<string, Draft[]>, words: Set<string>, raw: string, initials: (name: string) => string | null): Draft | null {
  // Only entities sharing a word can contain or be contained (and the most recent wins).
  let best: Draft | null = null;
  for (const w of words) {
    const holders = byWord.get(w);
    if (!holders) continue;
    for (const e of holders) {
      if ((!best || e.order > best.order) && (isSubset(words, e.words) || isSubset(e.words, words))) best = e;
    }
  }
  if (best) return best;
  if (/^\p{Lu}{2,6}$/u.test(raw)) {
    const acronym = raw.toLowerCase();
    for (let d = drafts.length - 1; d >= 0; d--) {
      const e = drafts[d]!;
      for (const n of e.names) if (initials(n) === acronym) return e;
    }
  }
  return null;
}

/** Whether text[start, end) is one comma or opening parenthesis between spaces; read without slicing, since the gap
 * between two mentions of a sentence is mostly longer, and settled by its first characters. */
function isAppositionGap(text: string, start: number, end: number): boolean {
  let mark = false;
  for (let k = start; k < end; k++) {
    const c = text[k]!;
    if (c === ',' || c === '(') {
      if (mark) return false;
      mark = true;
    } else if (!/\s/.test(c)) return false;
  }
  return mark;
}

/** A role mention right after a name and a comma, or a name right after a role and a comma: one entity. */
function appositionHead(mentions: Mention[], i: number, text: string): number | null {
  const m = mentions[i]!;
  const prev = mentions[i - 1];
  if (!prev || prev.sentence !== m.sentence) return null;
  if (!isAppositionGap(text, prev.end, m.start)) return null;
  const roleNoName = (x: Mention) => (x.kind === 'role' || (x.kind === 'name' && x.role !== null && x.name === null));
  // A person's role names no medium or organisation: "Speaking to CNN, the minister said" is no apposition.
  if ((prev.type === 'person') !== (m.type === 'person')) return null;
  if (roleNoName(m) && (prev.kind === 'name' || prev.kind === 'media')) return i - 1;
  if (m.kind === 'name' && roleNoName(prev)) return i - 1;
  return null;
}

/** The role with whatever follows the role word in the mention ("ministre de l'intérieur"), folded. */
function roleKey(m: Mention, text: string): string {
  const lower = text.slice(m.start, m.end).toLowerCase().replace(/’/g, "'");
  const at = lower.indexOf(m.role!);
  if (at < 0) return m.role!;
  let tail = lower.slice(at);
  if (m.name) tail = tail.slice(0, Math.max(m.role!.length, tail.lastIndexOf(m.name.toLowerCase())));
  return tail.replace(/\s+/g, ' ').trim();
}

/**
 * A copy of a mention with its entity id, written field by field in the layer's key order: in V8, adding a key to a
 * spread copy ({ ...m, entity }) takes a slow path, and that copy was a tenth of the stage.
 */
function withEntity(m: Mention, entity: string): Mention {
  return {
    start: m.start, end: m.end, text: m.text, gender: m.gender, number: m.number, name: m.name, role: m.role,
    sentence: m.sentence, quoted: m.quoted, kind: m.kind, type: m.type, entity,
  };
}

/** The name with the most words, the earliest on ties. */
function longestName(names: string[]): string | null {
  let best: string | null = null;
  let most = 0;
  for (const n of names) {
    const count = n.split(/\s+/).length;
    if (best === null || count > most) { best = n; most = count; }
  }
  return best;
}

function mostCommon<T>(xs: T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const x of xs) if (x !== null) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = fallback;
  let n = 0;
  for (const [x, c] of counts) if (c > n) { best = x; n = c; }
  return best;
}

export function resolvePronoun(mentions: Mention[], i: number, window: number, entityOf: (m: number) => string | null, grammaticalGender = true): number | null {
  const p = mentions[i]!;
  if (p.kind === 'relative') {
    const prev = mentions[i - 1];
    return prev && prev.sentence === p.sentence ? i - 1 : null;
  }
  let best: number | null = null;
  let bestScore = -Infinity;
  for (let j = i - 1; j >= 0; j--) {
    const a = mentions[j]!;
    const distance = p.sentence - a.sentence;
    if (distance > window) break;
    if (a.kind === 'relative' || a.quoted || (a.kind === 'pronoun' && entityOf(j) === null)) continue;
    if (a.type !== 'person' && a.type !== 'group' && a.type !== 'organization') continue;
    // "she" is a person's in English; "elle" may be the Commission's in French.
    if (!grammaticalGender && p.gender && a.type !== 'person') continue;
    if (p.gender && a.gender && p.gender !== a.gender) continue;
    // "They" may stand for an organisation ("the Church … They claimed"), never the reverse.
    const collective = p.number === 'pl' && (a.type === 'organization' || a.type === 'group');
    if (p.number && a.number && p.number !== a.number && !collective) continue;
    // Salience: recent sentences, sentence subjects (first mention of its sentence), names over roles.
    const subject = j === 0 || mentions[j - 1]!.sentence !== a.sentence;
    const score = -distance * 2 + (subject ? 1.5 : 0) + (a.kind === 'name' ? 0.5 : 0) + (a.gender === p.gender && p.gender ? 1 : 0) - (a.start > p.start ? 10 : 0);
    if (score > bestScore) { bestScore = score; best = j; }
  }
  return best;
}

export const clusterEntities: Stage = {
  name: 'cluster-entities',
  requires: ['mentions', 'tokens'],
  produces: ['entities'],
  run(doc, pack: LanguagePack, config) {
    const lex = lexicon(pack);
    // Read-only while clustering; copies carrying their entity id are made at the end.
    const mentions = doc.layers.mentions!;
    const drafts: Draft[] = [];
    const byRole = new Map<string, Draft>();
    const byWord = new Map<string, Draft[]>();
    // Names repeat through an article: fold each once, and read each one's initials once.
    const folded = new Map<string, string[]>();
    const fold = (name: string) => {
      let words = folded.get(name);
      if (!words) folded.set(name, (words = foldWords(name, lex.particles)));
      return words;
    };
    const initialsByName = new Map<string, string | null>();
    const initials = (name: string) => {
      let found = initialsByName.get(name);
      if (found === undefined) initialsByName.set(name, (found = initialsOf(name, lex.particles)));
      return found;
    };
    const roleKeys: Array<string | undefined> = new Array(mentions.length);
    const roleKeyOf = (i: number) => (roleKeys[i] ??= roleKey(mentions[i]!, doc.text));
    const entityOfMention: Array<Draft | null> = new Array(mentions.length).fill(null);

    const newDraft = (): Draft => {
      const d: Draft = { id: `e${drafts.length + 1}`, order: drafts.length + 1, names: [], words: new Set(), roles: new Set(), mentions: [], types: [], genders: [], numbers: [] };
      drafts.push(d);
      return d;
    };
    const attach = (d: Draft, i: number) => {
      const m = mentions[i]!;
      d.mentions.push(i);
      entityOfMention[i] = d;
      if (m.kind !== 'pronoun' && m.kind !== 'relative') {
        d.types.push(m.type);
        d.genders.push(m.gender);
        d.numbers.push(m.number);
      }
      if (m.name) {
        d.names.push(m.name);
        for (const w of fold(m.name)) {
          if (d.words.has(w)) continue;
          d.words.add(w);
          const holders = byWord.get(w);
          if (holders) holders.push(d);
          else byWord.set(w, [d]);
        }
      }
      if (m.role) {
        d.roles.add(m.role);
        byRole.set(m.role, d);
        byRole.set(roleKeyOf(i), d);
      }
    };

    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      if (m.kind === 'pronoun' || m.kind === 'relative') continue;
      const app = appositionHead(mentions, i, doc.text);
      if (app !== null && entityOfMention[app]) attach(entityOfMention[app]!, i);
      else if (m.name) {
        const words = new Set(fold(m.name));
        const found = matchByName(drafts, byWord, words, m.name, initials);
        attach(found ?? newDraft(), i);
      } else if (m.role) {
        // A bare role refers back to whoever last carried it; a role with its own complement ("le ministre de
        // l'Intérieur") only to whoever carried that same complement.
        const key = roleKeyOf(i);
        const prior = key === m.role ? byRole.get(m.role) : byRole.get(key);
        attach(prior ?? newDraft(), i);
      } else attach(newDraft(), i);
    }

    const entityIdOf = (k: number) => entityOfMention[k]?.id ?? null;
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      if ((m.kind !== 'pronoun' && m.kind !== 'relative') || m.quoted) continue;
      const j = resolvePronoun(mentions, i, config.corefWindow, entityIdOf, pack.grammaticalGender);
      if (j !== null && entityOfMention[j]) attach(entityOfMention[j]!, i);
    }

    const entities: Entity[] = [];
    for (const d of drafts) {
      if (!d.mentions.length) continue;
      const first = mentions[d.mentions[0]!]!;
      d.mentions.sort((a, b) => a - b);
      entities.push({
        id: d.id,
        name: longestName(d.names) ?? first.text,
        type: mostCommon(d.types, 'person' as EntityType),
        gender: mostCommon(d.genders, null as Gender),
        number: mostCommon(d.numbers, 'sg' as GrammaticalNumber),
        mentions: d.mentions,
      });
    }
    // Every attached mention belongs to an entity (a draft with mentions).
    const clustered = mentions.map((m, i) => {
      const d = entityOfMention[i];
      return d ? withEntity(m, d.id) : { ...m };
    });
    return { ...doc, layers: { ...doc.layers, mentions: clustered, entities } };
  },
};
