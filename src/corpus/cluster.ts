/**
 * Cross-article event clusters: the events of many articles that report one real-world
 * event (docs/corpus.md, "Event clusters").
 *
 * Two events may join when they have the same PLOVER type and the same kind of
 * modality (asserted/alleged, negated, hypothetical/future, historical: a denial never
 * joins the claim it denies), their dates are within DATE_TOLERANCE_DAYS, their places
 * have the same name or lie within PLACE_RADIUS_KM (or one is unknown), and their
 * sides agree: actors overlap and recipients overlap when both events name them. When the actors cannot be compared
 * (one event has none, or one names them and the other codes them) the pair needs the
 * same place and the same day instead. And the pair must share an anchor that codes do
 * not give (cluster-anchors.ts): a named participant, the wording, a town, or a dated dyad.
 *
 * Qualifying pairs are merged greedily, closest first, and a merge happens only when
 * every member of one group is still compatible with every member of the other
 * (complete link over the groups' dates, places and sides): chains of "each close to
 * the next" cannot grow a cluster that spans a week or two cities.
 *
 * Everything is sorted by key before it is used, so the clusters do not depend on the
 * input order.
 */
import type { Modality, PloverType } from '../core/record.js';
import type { ArticleKey, ClusterInputEvent, EventCluster } from '../store/types.js';
import { busyDyads, SAYING_TYPES, TOPIC_WORDS, isTown, withoutInitials, routineNames, sameWording, shared, specificNames, topicOf, wordingOf, type Wording } from './cluster-anchors.js';
import { hash64, hashHex } from './simhash.js';

/**
 * Two day-grain reports of one event may differ by this many days: outlets in other
 * time zones, "on Tuesday" resolved against a late publication date, and a report
 * published the next day that only gives the weekday all shift the date by a day or
 * two. The same bound holds for every pair inside a cluster.
 */
export const DATE_TOLERANCE_DAYS = 2;
/** Places farther apart than this are different events (a city and its suburbs fit). */
export const PLACE_RADIUS_KM = 100;
/** "Same place" for events whose actors cannot be compared. */
export const STRONG_PLACE_KM = 25;

/** Types where actor and recipient are interchangeable ("A met B" = "B met A"). */
const SYMMETRIC = new Set<PloverType>(['CONSULT', 'AGREE', 'COOPERATE']);

const DAY_MS = 86_400_000;

/** Modalities that report the same kind of happening: what clusters may join (asserted with alleged, hypothetical with future). */
export function modalityGroup(m: Modality): string {
  switch (m) {
    case 'asserted':
    case 'alleged':
      return 'real';
    case 'hypothetical':
    case 'future':
      return 'irrealis';
    default:
      return m;
  }
}

/** A date interval in days since the epoch; NaN bounds when the date cannot be read. */
export interface DayInterval {
  lo: number;
  hi: number;
}

/**
 * The days an ISO value covers: a day (or a datetime's day) is one day, a month its
 * days, a year its days. Week-grain dates arrive as their Monday and read as that day.
 */
export function dayInterval(value: string): DayInterval | null {
  // Corpora repeat the same few hundred dates; parsing each once matters at 100k events.
  const cached = intervals.get(value);
  if (cached !== undefined) return cached;
  const d = parseInterval(value);
  if (intervals.size > 100_000) intervals.clear();
  intervals.set(value, d);
  return d;
}

const intervals = new Map<string, DayInterval | null>();

function parseInterval(value: string): DayInterval | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const d = Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / DAY_MS;
    return Number.isFinite(d) ? { lo: d, hi: d } : null;
  }
  if (m[2] !== undefined) {
    const mo = Number(m[2]) - 1;
    return { lo: Date.UTC(y, mo, 1) / DAY_MS, hi: Date.UTC(y, mo + 1, 1) / DAY_MS - 1 };
  }
  return { lo: Date.UTC(y, 0, 1) / DAY_MS, hi: Date.UTC(y + 1, 0, 1) / DAY_MS - 1 };
}

export function gapDays(a: DayInterval, b: DayInterval): number {
  return Math.max(0, a.lo - b.hi, b.lo - a.hi);
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const CODE = /^[A-Z]{3}[A-Z0-9]*$/;

/** Participants as the store hands them: CAMEO-style codes, else names. */
interface Side {
  codes: string[];
  names: string[];
  /**
   * One bit per country prefix of the codes (hashed into 32 bits), when the side is
   * codes only: two such sides with disjoint masks cannot match (codesMatch needs a
   * shared prefix), which rejects most pairs without comparing strings. 0 otherwise.
   */
  mask: number;
}

function side(list: readonly string[]): Side {
  const codes: string[] = [];
  const names: string[] = [];
  for (const s of list) {
    const t = s.trim();
    if (!t) continue;
    if (CODE.test(t)) codes.push(t);
    // "Boyd L. Jefferies" and "Boyd Jefferies" are one participant.
    else names.push(withoutInitials(t.toLowerCase().replace(/^name:/, '')));
  }
  let mask = 0;
  if (names.length === 0) for (const c of codes) mask |= countryBit(c.slice(0, 3));
  return { codes, names, mask };
}

const countryBits = new Map<string, number>();
function countryBit(prefix: string): number {
  let b = countryBits.get(prefix);
  if (b === undefined) countryBits.set(prefix, (b = 1 << (hash64(prefix)[1] & 31)));
  return b;
}

/**
 * Cheap, exact pre-check on the country masks (actor and recipient of each event):
 * true only when sides() would reject the pair.
 */
function masksClash(ax: number, rx: number, ay: number, ry: number, symmetric: boolean): boolean {
  const off = (p: number, q: number): boolean => p !== 0 && q !== 0 && (p & q) === 0;
  const direct = off(ax, ay) || off(rx, ry);
  return direct && (!symmetric || off(ax, ry) || off(rx, ay));
}

/** IRN matches IRNGOV: a bare country code stands for anyone of that country. */
export function codesMatch(a: string, b: string): boolean {
  return a === b || (a.length === 3 && b.startsWith(a)) || (b.length === 3 && a.startsWith(b));
}

type Relation = 'match' | 'clash' | 'unknown';

/** Whether two sides name the same participants: overlap, incompatible, or not comparable. */
function relate(a: Side, b: Side): Relation {
  let comparable = false;
  if (a.codes.length > 0 && b.codes.length > 0) {
    comparable = true;
    for (const x of a.codes) for (const y of b.codes) if (codesMatch(x, y)) return 'match';
  }
  if (a.names.length > 0 && b.names.length > 0) {
    comparable = true;
    for (const x of a.names) if (b.names.includes(x)) return 'match';
  }
  return comparable ? 'clash' : 'unknown';
}

export interface Place {
  name: string;
  lat: number | null;
  lon: number | null;
}

/**
 * Kilometres between places: by coordinates when both have them, 0 for the same name,
 * Infinity otherwise. A place without coordinates under another name counts as
 * different: treating it as unknown let misplaced events (a dateline city, an enclave
 * the gazetteer lacks) join clusters of other events in the demo corpus.
 */
export function placeDistance(a: Place, b: Place): number {
  if (a.name === b.name) return 0;
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    // A degree of latitude is 111 km anywhere: far-apart pairs skip the trigonometry.
    const dLat = Math.abs(a.lat - b.lat) * 111.19;
    return dLat > PLACE_RADIUS_KM ? dLat : haversineKm(a.lat, a.lon, b.lat, b.lon);
  }
  return Infinity;
}

interface Profile {
  actors: Side;
  recipients: Side;
}

interface Prepared {
  ev: ClusterInputEvent;
  block: string;
  date: DayInterval | null;
  /** The date is the event's own at day grain (not a coarser grain, not the publication date). */
  exactDay: boolean;
  /**
   * The event's own day or month, over before the report's days (publication and the
   * DATE_TOLERANCE_DAYS before it): a past act recalled by its date.
   */
  recalled: boolean;
  place: Place | null;
  profile: Profile;
  symmetric: boolean;
  /** Keys of the place (empty when none) and of the participants, for grouping. */
  placeKey: string;
  profileKey: string;
  /** What the pair must share besides codes (cluster-anchors.ts): names, wording, a town. */
  names: string[];
  /** The names that are not routine for the event's type in this corpus (set per block). */
  rareNames: string[];
  wording: Wording;
  /** Content words of the sentence besides the names (topicOf), for sayings (SAYING_TYPES). */
  topic: Uint32Array | null;
  town: boolean;
  /**
   * For an attack between states: its dyads (actor and recipient country prefixes) are all
   * rare in the corpus (set per block; busyDyads in cluster-anchors.ts). Two such attacks
   * on one day anchor each other without a day of their own.
   */
  quietDyad: boolean;
}

/**
 * The days an event may have happened on, and whether that is its own single day (not a
 * coarser grain, not taken from the publication date).
 */
export function eventDays(ev: Pick<ClusterInputEvent, 'date' | 'published'>): { date: DayInterval | null; exactDay: boolean } {
  if (ev.date) {
    const date = dayInterval(ev.date);
    if (date) return { date, exactDay: date.lo === date.hi };
  }
  if (ev.published) {
    // An undated event is usually from the day before publication or that day.
    const p = dayInterval(ev.published.slice(0, 10));
    if (p) return { date: { lo: p.lo - 1, hi: p.hi }, exactDay: false };
  }
  return { date: null, exactDay: false };
}

/** The block an event is clustered in: its type and modality group (no cluster spans two). */
export function blockOf(ev: Pick<ClusterInputEvent, 'type' | 'modality'>): string {
  return `${ev.type}|${modalityGroup(ev.modality)}`;
}

/** The event's place as the distances compare it: the name trimmed and lower-cased. */
export function placeOf(ev: Pick<ClusterInputEvent, 'place'>): Place | null {
  return ev.place ? { name: ev.place.name.trim().toLowerCase(), lat: ev.place.lat, lon: ev.place.lon } : null;
}

function prepare(ev: ClusterInputEvent): Prepared {
  const { date, exactDay } = eventDays(ev);
  const published = ev.published ? dayInterval(ev.published.slice(0, 10)) : null;
  const recalled = ev.date !== null && date !== null && date.hi - date.lo <= 31 && published !== null && date.hi < published.lo - DATE_TOLERANCE_DAYS;
  const place = placeOf(ev);
  const wording = wordingOf(ev.evidence);
  return {
    names: specificNames(ev.names),
    rareNames: [],
    wording,
    topic: SAYING_TYPES.has(ev.type) ? topicOf(wording, ev.names) : null,
    town: ev.place !== null && isTown(ev.place.name.trim()),
    quietDyad: false,
    ev,
    block: blockOf(ev),
    date,
    exactDay,
    recalled,
    place,
    profile: { actors: side(ev.actors), recipients: side(ev.recipients) },
    symmetric: SYMMETRIC.has(ev.type),
    placeKey: place ? placeKey(place) : '',
    // Control characters, not commas: a name may hold a comma ("Smith, John").
    profileKey: `${ev.actors.join('\u0001')}\u0000${ev.recipients.join('\u0001')}`,
  };
}

interface SideRelations {
  actors: Relation;
  recipients: Relation;
}

/** Relation of two profiles' sides, trying the swapped reading for symmetric types. */
function sides(a: Profile, b: Profile, symmetric: boolean): SideRelations | null {
  const direct = { actors: relate(a.actors, b.actors), recipients: relate(a.recipients, b.recipients) };
  const ok = (r: SideRelations): boolean => r.actors !== 'clash' && r.recipients !== 'clash';
  if (symmetric && direct.actors !== 'match') {
    // The swapped reading counts only when it pairs up real participants: two empty
    // recipient lists would otherwise make any two meetings "compatible".
    const swapped = { actors: relate(a.actors, b.recipients), recipients: relate(a.recipients, b.actors) };
    if (ok(swapped) && swapped.actors === 'match') return swapped;
  }
  return ok(direct) ? direct : null;
}

/**
 * The state dyads of an event ("USA>IRN"): each actor's country with each recipient's, for
 * sides named by codes only (a name says nothing of a state). Empty when either side is not.
 */
function stateDyads(p: Profile): string[] {
  if (p.actors.names.length > 0 || p.recipients.names.length > 0) return [];
  const out: string[] = [];
  for (const a of p.actors.codes) for (const r of p.recipients.codes) if (a.slice(0, 3) !== r.slice(0, 3)) out.push(`${a.slice(0, 3)}>${r.slice(0, 3)}`);
  return [...new Set(out)].sort();
}

/** A date of a year's grain or coarser than a month. */
export function yearGrain(d: DayInterval): boolean {
  return d.hi - d.lo > 31;
}

/** The cost of joining two events (lower is closer), or null when they may not join. */
function pairCost(a: Prepared, b: Prepared): number | null {
  if (!a.date || !b.date) return null;
  const gap = gapDays(a.date, b.date);
  if (gap > DATE_TOLERANCE_DAYS) return null;
  // A year says too little to place an event on a day of it ("Balladur ruled out … in 1987" is
  // not his rejection of June 14): year-grain dates join only each other.
  if (yearGrain(a.date) !== yearGrain(b.date)) return null;
  const km = a.place && b.place ? placeDistance(a.place, b.place) : null;
  if (km !== null && km > PLACE_RADIUS_KM) return null;
  const rel = sides(a.profile, b.profile, a.symmetric);
  if (!rel) return null;
  if (rel.actors !== 'match') {
    const strong = km !== null && km <= STRONG_PLACE_KM && a.exactDay && b.exactDay && gap === 0;
    if (!strong) return null;
  }
  if (!anchored(a, b, km, gap, rel)) return null;
  return gap + (km === null ? 0.5 : km / PLACE_RADIUS_KM) + (rel.actors === 'match' ? 0 : 1) + (rel.recipients === 'match' ? 0 : 0.25);
}

/**
 * The pair shares something a code does not give (cluster-anchors.ts): a named participant,
 * a town, a past date both reports recall, a dyad on the day both reports give, or the wording.
 */
function anchored(a: Prepared, b: Prepared, km: number | null, gap: number, rel: SideRelations): boolean {
  return anchoredBeyondWording(a, b, km, gap, rel) || sameWording(a.wording, b.wording);
}

/** The anchors other than the wording: a named participant, a town, a recalled date, a dated dyad. */
function anchoredBeyondWording(a: Prepared, b: Prepared, km: number | null, gap: number, rel: SideRelations): boolean {
  if (shared(a.rareNames, b.rareNames, 1) > 0 || shared(a.names, b.names, 2) >= 2) {
    if (a.topic === null || b.topic === null || shared(a.topic, b.topic, TOPIC_WORDS) >= TOPIC_WORDS) return true;
  }
  if (km !== null && km <= STRONG_PLACE_KM && a.town && b.town) return true;
  if (rel.actors !== 'match') return false;
  if (a.recalled && b.recalled && a.date!.lo === b.date!.lo && a.date!.hi === b.date!.hi) return true;
  if (rel.recipients !== 'match' || gap > 1) return false;
  // A dyad on a day both reports give; or, for an attack between states that seldom fight,
  // on a report's day (the day of publication or the one before): "the U.S. attack".
  return (a.exactDay && b.exactDay) || (a.quietDyad && b.quietDyad && a.date!.hi - a.date!.lo <= 1 && b.date!.hi - b.date!.lo <= 1);
}

/** A growing cluster: what complete link needs to check a merge without visiting every member. */
interface Group {
  members: number[];
  /** The heads of the units the group holds (what the pairs name). */
  heads: number[];
  maxLo: number;
  minHi: number;
  /** Distinct places and sides of the members, by key. */
  places: Map<string, Place>;
  profiles: Map<string, Profile>;
}

function placeKey(p: Place): string {
  return `${p.name}|${p.lat ?? ''}|${p.lon ?? ''}`;
}

function canMerge(a: Group, b: Group, symmetric: boolean): boolean {
  if (Math.max(a.maxLo, b.maxLo) - Math.min(a.minHi, b.minHi) > DATE_TOLERANCE_DAYS) return false;
  for (const x of a.places.values()) {
    for (const y of b.places.values()) if (placeDistance(x, y) > PLACE_RADIUS_KM) return false;
  }
  for (const x of a.profiles.values()) for (const y of b.profiles.values()) if (!sides(x, y, symmetric)) return false;
  return true;
}

function absorb(into: Group, from: Group): void {
  for (const m of from.members) into.members.push(m);
  for (const h of from.heads) into.heads.push(h);
  into.maxLo = Math.max(into.maxLo, from.maxLo);
  into.minHi = Math.min(into.minHi, from.minHi);
  for (const [k, p] of from.places) if (!into.places.has(k)) into.places.set(k, p);
  for (const [k, p] of from.profiles) if (!into.profiles.has(k)) into.profiles.set(k, p);
}

function byCount(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([v]) => v);
}

/** The cluster id: a stable hash of its smallest member key. */
export function clusterId(smallestKey: string): string {
  return 'C' + hashHex(smallestKey);
}

/**
 * Events of a block that agree on everything a pair's cost reads (date interval, day
 * grain, place, participants): twins. Many articles repeat one wire story, and one
 * long article can repeat one event thousands of times; comparing such events pair by
 * pair made a dense day quadratic in its events. A class whose members may join each
 * other is one unit of the scan below: any pair touching a twin costs no less than the
 * twins' own pair, and a group that admits one twin admits them all, so they belong
 * together. A class whose members may not join each other (no actors, and no place or
 * no exact day) can join nothing at all, so its members stay singletons.
 */
function twinKey(p: Prepared): string {
  // Twins must anchor each other as they anchor others: by what the event shares with itself
  // beyond its wording (its names, town, recalled date or dated dyad), else by the same wording.
  const rel = sides(p.profile, p.profile, p.symmetric);
  const self = rel !== null && anchoredBeyondWording(p, p, p.place ? 0 : null, 0, rel);
  // A saying's name anchors only with its topic, and a recalled date only another recalled one.
  const anchor = `${p.names.join('\u0001')}\u0000${p.topic?.join(',') ?? ''}\u0000${p.recalled ? 1 : 0}\u0000${self ? '' : `${p.wording.words.join(',')}|${p.wording.numbers.join(',')}`}`;
  return `${p.date!.lo}\u0000${p.date!.hi}\u0000${p.exactDay ? 1 : 0}\u0000${p.placeKey}\u0000${p.profileKey}\u0000${anchor}`;
}

/** Units of the scan: each a list of item indices, in index order, headed by its first. */
function twinUnits(items: readonly Prepared[]): { units: number[][]; alone: number[] } {
  const byKey = new Map<string, number[]>();
  const alone: number[] = [];
  items.forEach((p, i) => {
    if (p.date === null) {
      alone.push(i);
      return;
    }
    const k = twinKey(p);
    const u = byKey.get(k);
    if (u) u.push(i);
    else byKey.set(k, [i]);
  });
  const units: number[][] = [];
  for (const members of byKey.values()) {
    const head = items[members[0]!]!;
    if (pairCost(head, head) !== null) units.push(members);
    else for (const i of members) alone.push(i);
  }
  return { units, alone };
}

/** Cluster events within one block (same type and modality group). Returns groups of indices into `items`. */
function clusterBlock(items: readonly Prepared[]): number[][] {
  const routine = routineNames(items.filter((p) => p.date !== null).map((p) => ({ keys: p.names, day: p.date!.lo })));
  for (const p of items) p.rareNames = routine.size === 0 ? p.names : p.names.filter((n) => !routine.has(n));
  if (items[0]?.ev.type === 'ASSAULT') {
    const dyads = items.map((p) => stateDyads(p.profile));
    const busy = busyDyads(items.flatMap((p, i) => (p.date !== null ? [{ keys: dyads[i]!, day: p.date.lo }] : [])));
    items.forEach((p, i) => (p.quietDyad = dyads[i]!.length > 0 && dyads[i]!.every((d) => !busy.has(d))));
  }
  const { units, alone } = twinUnits(items);
  // A unit stands for its first member: its features are every member's.
  const order = units.map((u) => u[0]!);
  order.sort((x, y) => items[x]!.date!.lo - items[y]!.date!.lo || (items[x]!.ev.key < items[y]!.ev.key ? -1 : 1));
  // The window scan touches ~100 neighbours per unit: plain arrays keep it cheap, and
  // the masks reject most pairs of different countries before pairCost is called.
  const m = order.length;
  const lo = Float64Array.from(order, (i) => items[i]!.date!.lo);
  const hi = Float64Array.from(order, (i) => items[i]!.date!.hi);
  const am = Int32Array.from(order, (i) => items[i]!.profile.actors.mask);
  const rm = Int32Array.from(order, (i) => items[i]!.profile.recipients.mask);
  const symmetric = items[0]?.symmetric ?? false;
  const pairs: Array<{ cost: number; a: number; b: number }> = [];
  for (let x = 0; x < m; x++) {
    const limit = hi[x]! + DATE_TOLERANCE_DAYS;
    const ax = am[x]!;
    const rx = rm[x]!;
    for (let y = x + 1; y < m && lo[y]! <= limit; y++) {
      if (masksClash(ax, rx, am[y]!, rm[y]!, symmetric)) continue;
      const cost = pairCost(items[order[x]!]!, items[order[y]!]!);
      if (cost === null) continue;
      const [i, j] = order[x]! < order[y]! ? [order[x]!, order[y]!] : [order[y]!, order[x]!];
      pairs.push({ cost, a: i, b: j });
    }
  }
  // Items are sorted by key, so index order is key order: a total, input-independent order.
  pairs.sort((p, q) => p.cost - q.cost || p.a - q.a || p.b - q.b);

  // Groups are indexed by their first unit's head; groupOf maps a head to its group.
  const groupOf = new Int32Array(items.length);
  const groups: Array<Group | null> = new Array<Group | null>(items.length).fill(null);
  for (const u of units) {
    const head = u[0]!;
    const p = items[head]!;
    groupOf[head] = head;
    groups[head] = {
      members: u,
      heads: [head],
      maxLo: p.date!.lo,
      minHi: p.date!.hi,
      places: new Map(p.place ? [[p.placeKey, p.place]] : []),
      profiles: new Map([[p.profileKey, p.profile]]),
    };
  }
  for (const { a, b } of pairs) {
    const ga = groupOf[a]!;
    const gb = groupOf[b]!;
    if (ga === gb) continue;
    const A = groups[ga]!;
    const B = groups[gb]!;
    if (!canMerge(A, B, symmetric)) continue;
    const [keep, drop] = ga < gb ? [ga, gb] : [gb, ga];
    const D = groups[drop]!;
    absorb(groups[keep]!, D);
    for (const h of D.heads) groupOf[h] = keep;
    groups[drop] = null;
  }
  const out: number[][] = alone.map((i) => [i]);
  for (const g of groups) if (g) out.push(g.members);
  return out;
}

/**
 * Cluster the events of the corpus. `duplicates` maps an article to the article it
 * duplicates (findDuplicates); a duplicate's events still join clusters but its article
 * counts once. Every event ends in exactly one cluster (singletons included).
 */
export function clusterEvents(events: readonly ClusterInputEvent[], duplicates: ReadonlyMap<ArticleKey, ArticleKey>): EventCluster[] {
  const prepared = events.map(prepare).sort((a, b) => (a.ev.key < b.ev.key ? -1 : a.ev.key > b.ev.key ? 1 : 0));
  for (let i = 1; i < prepared.length; i++) {
    if (prepared[i]!.ev.key === prepared[i - 1]!.ev.key) throw new Error(`clusterEvents: event key "${prepared[i]!.ev.key}" appears twice in the input`);
  }
  const blocks = new Map<string, Prepared[]>();
  for (const p of prepared) {
    const b = blocks.get(p.block);
    if (b) b.push(p);
    else blocks.set(p.block, [p]);
  }
  const out: EventCluster[] = [];
  for (const items of blocks.values()) {
    for (const members of clusterBlock(items)) out.push(summarise(members.map((i) => items[i]!), duplicates));
  }
  return out.sort(compareClusters);
}

/** The order of clusters everywhere: most articles first, then most mentions, then id. */
export function compareClusters(a: EventCluster, b: EventCluster): number {
  return b.articles - a.articles || b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function summarise(members: Prepared[], duplicates: ReadonlyMap<ArticleKey, ArticleKey>): EventCluster {
  members.sort((a, b) => (a.ev.key < b.ev.key ? -1 : 1));
  const articles = new Set<string>();
  const sources = new Set<string>();
  for (const m of members) {
    const original = duplicates.get(m.ev.articleKey) ?? m.ev.articleKey;
    articles.add(original);
    const pub = m.ev.publisher?.trim().toLowerCase();
    sources.add(pub ? `p:${pub}` : `a:${original}`);
  }
  let first: { d: DayInterval; s: string } | null = null;
  let last: { d: DayInterval; s: string } | null = null;
  for (const m of members) {
    const s = m.ev.date ?? m.ev.published?.slice(0, 10) ?? null;
    const d = s ? dayInterval(s) : null;
    if (!s || !d) continue;
    if (!first || d.lo < first.d.lo || (d.lo === first.d.lo && s < first.s)) first = { d, s };
    if (!last || d.hi > last.d.hi || (d.hi === last.d.hi && s > last.s)) last = { d, s };
  }
  const places = byCount(members.filter((m) => m.ev.place).map((m) => m.ev.place!.name.trim()));
  return {
    id: clusterId(members[0]!.ev.key),
    type: members[0]!.ev.type,
    actors: byCount(members.flatMap((m) => m.ev.actors)),
    recipients: byCount(members.flatMap((m) => m.ev.recipients)),
    firstDate: first?.s ?? null,
    lastDate: last?.s ?? null,
    place: places[0] ?? null,
    mentions: members.length,
    articles: articles.size,
    sources: sources.size,
    events: members.map((m) => m.ev.key),
  };
}
