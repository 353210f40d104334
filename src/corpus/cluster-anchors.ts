/**
 * What two reports must share, beyond type, time, place and sides, to count as one event
 * (docs/corpus.md, "Event clusters": anchors).
 *
 * Sides compared by code say little on their own. On a day of 1987 Reuters wires the US
 * government (USAGOV) "supported" tax rises, "approved" a drug and "supported" an exchange
 * rate pattern: one actor code, one type, three events. Joined on codes alone, 13 of 50
 * multi-article clusters drawn at random from that corpus were one event each (decision
 * 0034). A report names more than codes, and an anchor is one thing the two reports share
 * that a code does not give:
 *
 * - **a named participant**: a person, or an organisation that is not an organ of a state
 *   (a firm, a union, a body of several states such as the UN Security Council). The names
 *   of state organs ("Congress", "Food and Drug Administration") recur day after day like
 *   the state's code. So do some
 *   people's: a name that events of one type carry on ROUTINE_DAYS distinct days or more
 *   of the corpus (Reagan, in 35 days of CONSULT events in the Reuters corpus) anchors a
 *   pair only together with a second shared name.
 * - **the wording**: at least half the content words of the two evidence sentences
 *   (wire copies, and rewrites of one report), and some of their numbers when both give
 *   numbers: templated wires ("CCC accepted a bonus offer on 75 head of dairy cattle to
 *   the Canary Islands" / "… 13 head … to Morocco") share their words, not their figures.
 * - **a town**: a place the gazetteer knows first as a city, town or village (or not at all),
 *   within STRONG_PLACE_KM of each other. Countries, provinces, seas ("the Gulf") are not one.
 * - **a dated dyad**: both events carry their own day, a day apart at most, both name
 *   recipients, and the sides agree.
 * - **a recalled date**: both events carry their own day or month, the same one, over before
 *   their reports were published, and the actors agree (cluster.ts, decision 0036).
 * - **a quiet dyad's attack**: two attacks between the same states, neither pair of which the
 *   corpus reports fighting day after day (busyDyads), on the same report day.
 *
 * A saying (SAYING_TYPES) anchors by a name only together with its topic.
 */
import { STATE_SECTORS, type PloverType } from '../core/record.js';
import { memoize } from '../knowledge/memo.js';
import { places } from '../knowledge/places.js';
import type { ClusterName } from '../store/types.js';
import { hash64, words } from './simhash.js';

/** From this many distinct days with events of one type, a name is routine for that type. */
export const ROUTINE_DAYS = 10;

/** Share of the two sentences' content words (Jaccard) from which their wording is one report's. */
export const WORDING_OVERLAP = 0.5;

// Words every sentence of news has; they would make any two sentences look alike.
const FUNCTION_WORDS = new Set([
  'the', 'and', 'for', 'that', 'with', 'said', 'says', 'was', 'were', 'has', 'have', 'had', 'from', 'this', 'will',
  'would', 'its', 'his', 'her', 'their', 'they', 'not', 'but', 'are', 'been', 'which', 'who', 'also', 'after', 'about',
  'into', 'over', 'than', 'there', 'could', 'should', 'may', 'told', 'added', 'today', 'yesterday',
]);

/**
 * A name without its middle initials ("boyd l. jefferies" → "boyd jefferies", "George H. W.
 * Bush" → "George Bush"): reports of one person give them or leave them out. The first and
 * last words stay, whatever they are.
 */
export function withoutInitials(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 3) return parts.join(' ');
  const inner = parts.slice(1, -1).filter((w) => !/^\p{L}\.?$/u.test(w));
  return [parts[0]!, ...inner, parts[parts.length - 1]!].join(' ');
}

/**
 * The lower-cased names of participants that identify someone: persons, and named
 * organisations that are not state organs. Sorted and unique. Articles name one actor
 * differently ("U.N. Security Council" / "Security Council", "Ronald Reagan" / "Reagan"),
 * so each name also gives its form without middle initials, its endings of two words or
 * more that open with a capital, and a person's name its last word.
 */
export function specificNames(names: readonly ClusterName[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const name = n.name.trim();
    // A state's organs, and the government of a body of states (the EC Commission, GOV with no
    // one country), act daily under one name.
    const stateOrgan = n.sector !== null && STATE_SECTORS.has(n.sector) && (n.country !== null || n.sector === 'GOV');
    if (n.type !== 'PERSON' && !(n.type === 'ORG' && /\p{Lu}/u.test(name) && !stateOrgan)) continue;
    const parts = name.split(/\s+/);
    out.add(parts.join(' ').toLowerCase());
    out.add(withoutInitials(name).toLowerCase());
    for (let i = 1; i + 2 <= parts.length; i++) if (/^\p{Lu}/u.test(parts[i]!)) out.add(parts.slice(i).join(' ').toLowerCase());
    const last = parts[parts.length - 1]!;
    if (n.type === 'PERSON' && parts.length > 1 && last.length >= 3 && /^\p{Lu}/u.test(last)) out.add(last.toLowerCase());
  }
  return [...out].sort();
}

/**
 * Types whose acts are mostly things said: one person asks, backs, rejects, accuses or agrees
 * many times a day ("Baker urged banks to …", "Baker … ask for a change" at the IADB). A
 * shared name anchors such a pair only when the two sentences also share TOPIC_WORDS content
 * words besides the names: what was asked or rejected. A meeting, a visit or a strike is
 * one occasion per name and day far more often, and needs no more than the name.
 */
export const SAYING_TYPES: ReadonlySet<PloverType> = new Set<PloverType>(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'SUPPORT', 'AGREE', 'CONCEDE']);

/** Content words besides the names that two sayings of one person must share (SAYING_TYPES). */
export const TOPIC_WORDS = 2;

/** The sentence's content words that are not words of the participants' names: its topic. */
export function topicOf(wording: Wording, names: readonly ClusterName[]): Uint32Array {
  const own = new Set<number>();
  for (const n of names) for (const w of words(n.name)) own.add(hash64(w)[0]);
  return wording.words.filter((h) => !own.has(h));
}

/** A sentence's wording: sorted unique hashes of its content words and of its numbers. */
export interface Wording {
  words: Uint32Array;
  numbers: Uint32Array;
}

const DIGIT = /\p{N}/u;

/** Content words: three letters or more, no function words; numbers: words with a digit. */
export function wordingOf(sentence: string): Wording {
  const content = new Set<number>();
  const numbers = new Set<number>();
  for (const w of words(sentence)) {
    if (DIGIT.test(w)) numbers.add(hash64(w)[0]);
    else if (w.length >= 3 && !FUNCTION_WORDS.has(w)) content.add(hash64(w)[0]);
  }
  return { words: Uint32Array.from(content).sort(), numbers: Uint32Array.from(numbers).sort() };
}

/** The two sentences word one report: most content words shared, and a number when both have numbers. */
export function sameWording(a: Wording, b: Wording): boolean {
  if (a.numbers.length > 0 && b.numbers.length > 0 && overlap(a.numbers, b.numbers) === 0) return false;
  return overlap(a.words, b.words) >= WORDING_OVERLAP;
}

/** Jaccard overlap of two sorted hash sets. */
export function overlap(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  const n = shared(a, b);
  return n / (a.length + b.length - n);
}

/** How many elements two sorted lists (strings or numbers) share, counting up to `enough`. */
export function shared<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>, enough = Infinity): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length && n < enough) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** The distinct days on which the events carry each key (a name, a dyad). */
function daysOfKeys(events: Iterable<{ keys: readonly string[]; day: number }>): Map<string, Set<number>> {
  const days = new Map<string, Set<number>>();
  for (const e of events) {
    for (const k of e.keys) {
      let d = days.get(k);
      if (!d) days.set(k, (d = new Set()));
      d.add(e.day);
    }
  }
  return days;
}

/**
 * The names that events of one type carry on ROUTINE_DAYS distinct days or more: each
 * event gives its names (`keys`) and a day number.
 */
export function routineNames(events: Iterable<{ keys: readonly string[]; day: number }>): Set<string> {
  const out = new Set<string>();
  for (const [n, d] of daysOfKeys(events)) if (d.size >= ROUTINE_DAYS) out.add(n);
  return out;
}

/**
 * The state dyads ("IRN>IRQ") whose attacks a corpus reports day after day: on ROUTINE_DAYS
 * distinct days or more, or on three days or more that fill over half the span from the
 * first to the last (a week of a war's news holds few days, but the war is on every one).
 * Two reports of an attack between the other, quiet, dyads on one day are one attack far
 * more often than two ("the U.S. attack on an Iranian oil platform"), and anchor each other
 * without a day of their own; in a war they are not. Each event gives its dyads (`keys`).
 */
export function busyDyads(events: Iterable<{ keys: readonly string[]; day: number }>): Set<string> {
  const out = new Set<string>();
  for (const [d, s] of daysOfKeys(events)) {
    const span = Math.max(...s) - Math.min(...s) + 1;
    if (s.size >= ROUTINE_DAYS || (s.size >= 3 && 2 * s.size > span)) out.add(d);
  }
  return out;
}

/**
 * A place the gazetteer knows first as a city, town or village, or does not know at all (a
 * facility, a hamlet): naming it says where, not only which state or province.
 */
export const isTown = memoize((name: string): boolean => {
  const kind = places().lookup(name)[0]?.kind;
  return kind === undefined || kind === 'city' || kind === 'town' || kind === 'village';
});
