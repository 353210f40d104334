/**
 * Noun phrases over POS tags, and from a phrase to the entities it names. Used
 * by the fallback argument finder and, for conjunct heads, by the parse-based one.
 */
import type { Entity } from '../core/record.js';
import { roles } from '../knowledge/roles.js';
import type { DocView, MentionRef } from './view.js';
import { entityAt, isActorEntity } from './view.js';

/** A phrase as token indices into the doc: [first, last] inclusive, and its head. */
export interface Phrase {
  first: number;
  last: number;
  head: number;
}

const NP_TAGS: ReadonlySet<string> = new Set([
  'DT', 'PDT', 'JJ', 'JJR', 'JJS', 'CD', 'NN', 'NNS', 'NNP', 'NNPS', 'PRP$', 'POS', 'PRP', 'HYPH', 'ADD', 'FW', 'NFP',
]);
const NOUNISH: ReadonlySet<string> = new Set(['NN', 'NNS', 'NNP', 'NNPS', 'PRP', 'CD', 'ADD', 'FW']);
const LINKING_PREPS: ReadonlySet<string> = new Set(['of', 'from']);

export function isNounish(v: DocView, i: number): boolean {
  return NOUNISH.has(v.info[i]!.xpos);
}

function npTag(v: DocView, i: number): boolean {
  const x = v.info[i]!;
  if (NP_TAGS.has(x.xpos)) return x.lower !== 'that' && x.lower !== 'which';
  return x.lower === '-';
}

function conj(v: DocView, i: number): boolean {
  const l = v.info[i]!.lower;
  return v.info[i]!.xpos === 'CC' && (l === 'and' || l === 'or' || l === '&');
}

/**
 * "Montenegro Municipality Association (AKK) officials": a bracketed acronym inside a
 * noun phrase. Given the ")" at `k`, the index of its "(" when only proper nouns lie
 * between and a noun precedes it; else -1.
 */
function acronymOpen(v: DocView, k: number, floor: number): number {
  if (v.info[k]!.lower !== ')') return -1;
  let j = k - 1;
  while (j > floor && j >= k - 3 && v.info[j]!.xpos.startsWith('NNP')) j--;
  if (j === k - 1 || j - 1 < floor || v.info[j]!.lower !== '(' || !isNounish(v, j - 1)) return -1;
  return j;
}

/** The NP ending at token `end` (inclusive), scanning left no further than `floor`. */
export function npEndingAt(v: DocView, end: number, floor: number): Phrase | null {
  if (end < floor || !npTag(v, end)) return null;
  // A personal pronoun is a whole phrase: "on Tuesday it had halted" is "it".
  if (v.info[end]!.xpos === 'PRP') return { first: end, last: end, head: end };
  let first = end;
  while (first - 1 >= floor) {
    const k = first - 1;
    // A determiner or possessive opens its phrase: "today its warplanes" is "its warplanes"
    // (but "all the troops" keeps its predeterminer, and "X and the Y", "the Z of the Y" go on).
    if ((v.info[first]!.xpos === 'DT' || v.info[first]!.xpos === 'PRP$') && v.info[k]!.xpos !== 'PDT' && !conj(v, k) && !LINKING_PREPS.has(v.info[k]!.lower)) break;
    if (npTag(v, k)) first = k;
    else if (acronymOpen(v, k, floor) >= 0) first = acronymOpen(v, k, floor);
    else if ((conj(v, k) || LINKING_PREPS.has(v.info[k]!.lower)) && k - 1 >= floor && npTag(v, k - 1) && isNounish(v, k - 1)) first = k;
    // "Ethiopian and Tigrayan negotiators": coordinated modifiers before the head, as npStartingAt reads them.
    else if (conj(v, k) && k - 1 >= floor && first < end && v.info[k - 1]!.xpos === 'JJ') first = k;
    else break;
  }
  return { first, last: end, head: headOf(v, first, end) };
}

/** The NP starting at token `start`, scanning right up to `limit` (exclusive). */
export function npStartingAt(v: DocView, start: number, limit: number): Phrase | null {
  if (start >= limit || !npTag(v, start)) return null;
  let last = start;
  while (last + 1 < limit) {
    const k = last + 1;
    if (npTag(v, k)) last = k;
    // "Israeli and Palestinian negotiators": coordinated modifiers stay in the phrase.
    else if ((conj(v, k) || LINKING_PREPS.has(v.info[k]!.lower)) && k + 1 < limit && npTag(v, k + 1) && (isNounish(v, last) || (conj(v, k) && v.info[last]!.xpos === 'JJ'))) last = k;
    else break;
  }
  while (last > start && !isNounish(v, last)) last--;
  if (!isNounish(v, last)) return null;
  return { first: start, last, head: headOf(v, start, last) };
}

/** The last noun before any "of"/"from" attachment: "fighters from Syria" → fighters. */
function headOf(v: DocView, first: number, last: number): number {
  let head = last;
  for (let k = first; k <= last; k++) {
    if (LINKING_PREPS.has(v.info[k]!.lower) && k > first) {
      for (let j = k - 1; j >= first; j--) if (isNounish(v, j)) return j;
      break;
    }
    if (isNounish(v, k)) head = k;
  }
  return head;
}

/** Split a phrase at its top-level "and"/"or": "Armenia and Azerbaijan" → two conjuncts. */
export function conjuncts(v: DocView, p: Phrase): Phrase[] {
  let split = false;
  for (let k = p.first; k <= p.last && !split; k++) split = conj(v, k);
  // Unsplit, the phrase keeps its own head (a parse's head beats the last-noun guess).
  if (!split) return [p];
  const out: Phrase[] = [];
  let start = p.first;
  for (let k = p.first; k <= p.last + 1; k++) {
    if (k === p.last + 1 || conj(v, k)) {
      if (k - 1 >= start) out.push({ first: start, last: k - 1, head: headOf(v, start, k - 1) });
      start = k + 1;
    }
  }
  return out;
}

export interface Named {
  entity: Entity;
  /** The mention covers the phrase's head (not just a modifier inside it). */
  exact: boolean;
}

/** The entity a conjunct names: the mention over its head, else one inside it. */
export function conjunctEntity(v: DocView, p: Phrase, accept: (e: Entity) => boolean = isActorEntity): Named | null {
  const at = entityAt(v, p.head);
  if (at && accept(at.entity)) return { entity: at.entity, exact: true };
  let best: MentionRef | null = null;
  // Inside a phrase a party beats a named thing: "its Gulf War enemy Iraq" is Iraq.
  const thing = (r: MentionRef): boolean => r.entity.type === 'MISC' && r.entity.country === null;
  // Read for an actor (the default test), a town around the head is where it is; a recipient may
  // be a town ("the liberation of the Aghbend border region").
  const asActor = accept === isActorEntity;
  for (let k = p.first; k <= p.last; k++) {
    const r = entityAt(v, k);
    if (!r || !accept(r.entity) || (asActor && (whereAfterHead(v, p, r) || townBeforeHead(v, p, r) || possessorOfOthers(v, p, r)))) continue;
    if (!best || (thing(best) && !thing(r)) || (thing(best) === thing(r) && best.first > p.head && r.first < p.head)) best = r;
  }
  return best ? { entity: best.entity, exact: false } : null;
}

const WHERE = new Set(['in', 'at', 'near', 'outside', 'inside']);

/**
 * People a name's possessive (or a possessive pronoun standing for it) sets apart from its bearer:
 * kin, victims, friends and foes. "Weeks' family had asked", "lawyers for Epstein's victims are
 * suing", "His mother, Queen Elizabeth, was disapproving": none is Weeks, Epstein or "he". A
 * bearer's agents stay the bearer ("Epstein's lawyers said", "Iran's spokesman", "his lawyers").
 */
const OTHERS: ReadonlySet<string> = new Set([
  'family', 'relative', 'wife', 'husband', 'widow', 'son', 'daughter', 'mother', 'father', 'parent', 'brother', 'sister',
  'child', 'victim', 'friend', 'supporter', 'critic', 'opponent', 'rival', 'accuser', 'enemy', 'neighbour', 'neighbor',
]);

/** The mention is the possessor of one of OTHERS inside the phrase: "Weeks' family", "Epstein's victims", "his mother". */
function possessorOfOthers(v: DocView, p: Phrase, r: MentionRef): boolean {
  const owned = v.info[r.last + 1]?.xpos === 'POS' ? r.last + 2 : v.info[r.last]?.xpos === 'PRP$' ? r.last + 1 : -1;
  if (owned < 0) return false;
  for (let k = owned; k <= p.last && k <= owned + 2; k++) {
    const x = v.info[k]!;
    if (x.xpos.startsWith('NN')) return x.lemmas.some((l) => OTHERS.has(l)) || OTHERS.has(x.lower);
    if (!/^(?:JJ|JJR|JJS|VBN|VBG|CD|HYPH)$/.test(x.xpos)) return false;
  }
  return false;
}

/** A town, by its entity: no actor code of its own (no capital standing for a government), geocoded as a town. */
export function isTown(e: Entity): boolean {
  return (e.type === 'GPE' || e.type === 'LOC') && e.code === null && e.geo !== null && (e.geo.precision === 'city' || e.geo.precision === 'locality');
}

/**
 * A town's name before a common noun head, not its possessor, says where the head is: "Hollywood
 * studios ask for more", "the New York library is allowing", "Liverpool supporters criticised".
 */
function townBeforeHead(v: DocView, p: Phrase, r: MentionRef): boolean {
  if (r.last >= p.head || !isTown(r.entity) || v.info[r.last + 1]?.xpos === 'POS') return false;
  const head = v.info[p.head]!.xpos;
  return head === 'NN' || head === 'NNS';
}

/** Sectors of the officers a town has of its own: its courts and police. */
const LOCAL_SECTORS: ReadonlySet<string> = new Set(['JUD', 'COP']);

/**
 * A town "in" or "at" which the head noun is, after it: where, not who ("negotiators in Geneva
 * are discussing", "the meeting of six nations in Paris agreed"). A country stays a party
 * ("rebels in Sudan" are Sudan's as far as a code goes), and so does a town whose courts or
 * police act.
 */
function whereAfterHead(v: DocView, p: Phrase, r: MentionRef): boolean {
  if (r.first <= p.head || !WHERE.has(v.info[r.first - 1]?.lower ?? '') || !isTown(r.entity)) return false;
  // "Prosecutors in Brunswick", "police in Lyon": the courts and police of the place, whom the
  // town's country codes; negotiators, officials or a meeting there may be anyone's.
  const role = roles().lookup(v.info[p.head]!.lower);
  return !(role?.sector && LOCAL_SECTORS.has(role.sector));
}

/**
 * The parties a single word names when it holds two names ("U.S.-Japanese", "Iran-Iraq":
 * src/entities/dyad-names.ts), in text order; [] for any other word.
 */
export function dyadAt(v: DocView, k: number, accept: (e: Entity) => boolean = isActorEntity): Entity[] {
  const refs = v.cover[k];
  if (!refs || refs.length < 2) return [];
  const inside = refs.filter((r) => r.first === k && r.last === k && accept(r.entity));
  const ids = new Set(inside.map((r) => r.entity.id));
  return ids.size >= 2 && inside.length === refs.length ? inside.map((r) => r.entity) : [];
}

/** All entities a phrase names, one per conjunct (both of a two-state word), deduplicated. */
export function phraseEntities(v: DocView, p: Phrase, accept?: (e: Entity) => boolean): Named[] {
  const out: Named[] = [];
  for (const c of conjuncts(v, p)) {
    const n = conjunctEntity(v, c, accept);
    if (n && !out.some((o) => o.entity.id === n.entity.id)) out.push(n);
    for (let k = c.first; k <= c.last; k++) {
      for (const e of dyadAt(v, k, accept)) if (!out.some((o) => o.entity.id === e.id)) out.push({ entity: e, exact: false });
    }
  }
  return out;
}
