/**
 * The place an act is directed at, as its recipient. A curfew, a ban or a blockade is imposed
 * on the people of where it is imposed, a protest is made against the authorities where it is
 * held, aid goes to where it arrives, and an attack on people the article does not name hits
 * the place's people. The PLOVER gold codes these places as the recipient ("Serbia lifted a
 * night curfew in (TAR: Montenegro)", "suicide bombers killed 23 people … in (TAR: Tel Aviv)"),
 * and a dyad of analysis needs them: without one the event has no "whom".
 *
 * Only when the clause names no recipient, only for a place the clause itself names (never the
 * dateline), and never for violence between sides ("clashes in Hebron", "Armenia and
 * Azerbaijan fought over Nagorno-Karabakh"), whose parties are all actors.
 */
import type { Entity } from '../core/record.js';
import type { Draft } from './code.js';
import { recipientSlots } from './lexicon.js';
import type { DocView } from './view.js';
import { entityAt, isPlaceEntity } from './view.js';

const LOCATIVE: ReadonlySet<string> = new Set(['in', 'at', 'near', 'inside', 'across', 'throughout', 'into', 'around', 'within', 'outside', 'on']);
/** Words that stand for the place named in them: "the town of Cizre", "Montenegro province". */
const PLACE_WORDS: ReadonlySet<string> = new Set([
  'town', 'city', 'village', 'province', 'region', 'area', 'district', 'state', 'capital', 'territory', 'zone',
  'enclave', 'suburb', 'neighbourhood', 'neighborhood', 'outskirts', 'street', 'centre', 'center', 'part', 'north', 'south', 'east', 'west',
]);
const TARGET_CASES: ReadonlySet<string> = new Set(['at', 'on', 'against']);

const DIRECTED: ReadonlySet<string> = new Set(['COERCE', 'CONCEDE', 'THREATEN', 'PROTEST', 'AID', 'ASSAULT']);

/** Both sides of a fight are its actors: a row whose other party comes with "with" or "between". */
function reciprocal(d: Draft): boolean {
  const slots = recipientSlots(d.entry);
  return slots.includes('between') || slots.includes('with');
}

export function placeRecipient(d: Draft, place: Entity | undefined, byId: ReadonlyMap<string, Entity>): string | null {
  if (!place || d.recipient.length > 0 || d.actor.length === 0 || d.actor.includes(place.id)) return null;
  if (!DIRECTED.has(d.type)) return null;
  if (place.country === null || (place.type !== 'GPE' && place.type !== 'LOC')) return null;
  // Territory taken ("captured the town of X") was held by a side, not by the town's people.
  if (d.type === 'COERCE' && (d.mode === 'seize' || d.context.includes('territory'))) return null;
  if (d.type === 'ASSAULT') {
    if (reciprocal(d)) return null;
    const countries = new Set(d.actor.map((id) => byId.get(id)?.country ?? id));
    if (countries.size > 1) return null;
  }
  return place.id;
}

function caseOf(v: DocView, k: number, sent: readonly [number, number]): string | null {
  for (let j = sent[0]; j < k; j++) if (v.toks[j]!.head === k && v.toks[j]!.deprel === 'case') return v.info[j]!.lower;
  return null;
}

/** The named place a noun stands for: itself, or the name inside a place word ("the town of Cizre"). */
function placeOf(v: DocView, k: number, sent: readonly [number, number]): Entity | null {
  const own = entityAt(v, k)?.entity;
  if (own && isPlaceEntity(own)) return own;
  if (!PLACE_WORDS.has(v.info[k]!.lemmas[0] ?? v.info[k]!.lower)) return null;
  for (let j = sent[0]; j < sent[1]; j++) {
    const x = v.toks[j]!;
    if (x.head !== k || !/^(nmod|compound|appos|amod)/.test(x.deprel ?? '')) continue;
    const e = entityAt(v, j)?.entity;
    if (e && isPlaceEntity(e)) return e;
  }
  return null;
}

/**
 * The place the parse attaches to the act itself, after its trigger: a locative phrase of the
 * trigger, of its object, of a verb it governs ("threatened to ban voting in East Jerusalem") or,
 * for an attack, of what was hit ("fired at targets in Jericho"). A place inside another phrase
 * ("licences to operate in the City of London", "a meeting in Washington") is no recipient.
 */
export function directedPlace(v: DocView, d: Draft, sent: readonly [number, number]): Entity | null {
  const t = d.trigger;
  const anchors = new Set<number>();
  for (let k = t.first; k <= t.last; k++) anchors.add(k);
  for (let round = 0; round < 2; round++) {
    for (let k = sent[0]; k < sent[1]; k++) {
      const x = v.toks[k]!;
      if (x.head === undefined || !anchors.has(x.head) || anchors.has(k)) continue;
      if (x.deprel === 'obj' || x.deprel === 'xcomp') anchors.add(k);
      else if (d.type === 'ASSAULT' && (x.deprel === 'obl' || x.deprel === 'nmod') && TARGET_CASES.has(caseOf(v, k, sent) ?? '')) anchors.add(k);
    }
  }
  for (let k = t.head + 1; k < sent[1]; k++) {
    const x = v.toks[k]!;
    if (x.head === undefined || !anchors.has(x.head) || (x.deprel !== 'obl' && x.deprel !== 'nmod')) continue;
    if (!LOCATIVE.has(caseOf(v, k, sent) ?? '')) continue;
    const e = placeOf(v, k, sent);
    if (e) return e;
  }
  return null;
}
