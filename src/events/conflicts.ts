/**
 * Statements in one article that cannot both be true (docs/events.md, "Conflicts"):
 *  - actor: the same place taken (COERCE seize) by different sides, e.g. the Armenian
 *    army and the Azerbaijani army each said to have taken one village;
 *  - count: the same event (type, actors, place, day) with incompatible counts;
 *  - date: the same event (type, actors, recipients, place, trigger) on different days.
 * Only events the article asserts take part: a hypothetical or historical
 * statement contradicts nothing current.
 */
import type { Conflict, Entity, EventRecord, Range } from '../core/record.js';

export interface SeizeWitness {
  /** Someone took `location` from `from` (an actor-less "liberation of X from Y"). */
  location: string;
  from: string[];
}

const LIVE = new Set(['asserted', 'alleged']);

function side(e: Entity | undefined): string | null {
  return e ? (e.country ?? e.code ?? e.id) : null;
}

function label(e: Entity | undefined): string {
  return e ? e.name : 'unknown';
}

function disjoint(a: Range, b: Range): boolean {
  return (a.max !== null && b.min !== null && a.max < b.min) || (b.max !== null && a.min !== null && b.max < a.min);
}

function show(r: Range): string {
  if (r.min !== null && r.max !== null) return r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
  return r.min !== null ? `≥${r.min}` : `≤${r.max ?? '?'}`;
}

function actorConflicts(events: readonly EventRecord[], byId: ReadonlyMap<string, Entity>, witnesses: readonly SeizeWitness[], explicitPlace: ReadonlySet<string>): Conflict[] {
  const out: Conflict[] = [];
  const groups = new Map<string, EventRecord[]>();
  for (const ev of events) {
    if (ev.type !== 'COERCE' || ev.mode !== 'seize' || !ev.location || !LIVE.has(ev.modality) || !explicitPlace.has(ev.id)) continue;
    if (ev.actor.length === 0) continue;
    let g = groups.get(ev.location);
    if (!g) groups.set(ev.location, (g = []));
    g.push(ev);
  }
  for (const [place, list] of groups) {
    const sides = new Map<string, { events: EventRecord[]; name: string }>();
    for (const ev of list) {
      const ent = byId.get(ev.actor[0]!);
      const s = side(ent);
      if (s === null) continue;
      const entry = sides.get(s) ?? { events: [], name: label(ent) };
      entry.events.push(ev);
      sides.set(s, entry);
    }
    if (sides.size < 2) continue;
    const parts = [...sides.values()].sort((a, b) => a.events[0]!.evidence.start - b.events[0]!.evidence.start);
    const notes = parts.map((p) => `${p.name} (${p.events.length} mention${p.events.length === 1 ? '' : 's'})`);
    const against = witnesses.filter((w) => w.location === place);
    let tail = '';
    for (const p of parts) {
      const s = side(byId.get(p.events[0]!.actor[0]!));
      const n = against.filter((w) => w.from.some((id) => side(byId.get(id)) === s)).length;
      if (n > 0) tail += `; ${n} more say${n === 1 ? 's' : ''} it was taken from the ${p.name}`;
    }
    out.push({
      kind: 'actor',
      events: parts.flatMap((p) => p.events.map((e) => e.id)),
      note: `who took ${label(byId.get(place))}: ${notes.join(' vs ')}${tail}`,
    });
  }
  return out;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function findConflicts(events: readonly EventRecord[], byId: ReadonlyMap<string, Entity>, witnesses: readonly SeizeWitness[], explicitPlace: ReadonlySet<string>): Conflict[] {
  const out = actorConflicts(events, byId, witnesses, explicitPlace);
  const live = events.filter((e) => LIVE.has(e.modality) && e.actor.length > 0);
  for (const [i, j] of comparablePairs(live)) {
    const a = live[i]!;
    const b = live[j]!;
    if (a.size && b.size && a.date?.value === b.date?.value) {
      for (const f of ['dead', 'injured', 'arrested'] as const) {
        const ra = a.size[f];
        const rb = b.size[f];
        if (ra && rb && disjoint(ra, rb)) out.push({ kind: 'count', events: [a.id, b.id], note: `${f}: ${show(ra)} vs ${show(rb)}` });
      }
    }
    if (a.date && b.date && !a.date.inferred && !b.date.inferred && a.date.grain === 'day' && b.date.grain === 'day' && a.date.value !== b.date.value
      && a.location !== null && sameSet(a.recipient, b.recipient) && a.trigger.text.toLowerCase() === b.trigger.text.toLowerCase()) {
      out.push({ kind: 'date', events: [a.id, b.id], note: `${a.trigger.text}: ${a.date.value} vs ${b.date.value}` });
    }
  }
  return out;
}

/**
 * The pairs i < j of events that may contradict each other (same type, same actors,
 * same place), in the order of a double loop over all pairs. Events are grouped by
 * those three first: comparing every pair made a long document quadratic.
 */
function* comparablePairs(live: readonly EventRecord[]): Generator<[number, number]> {
  // The grouping key holds for actor lists without repeats (the coder's); any other
  // list is compared the old way.
  if (live.some((e) => new Set(e.actor).size !== e.actor.length)) {
    for (let i = 0; i < live.length; i++) {
      for (let j = i + 1; j < live.length; j++) {
        const a = live[i]!;
        const b = live[j]!;
        if (a.type === b.type && sameSet(a.actor, b.actor) && a.location === b.location) yield [i, j];
      }
    }
    return;
  }
  const groups = new Map<string, number[]>();
  // Each event's group, and its place in it: groups list their events in order, so i's
  // later partners come in order of j.
  const placeOf = live.map((e, i) => {
    const key = JSON.stringify([e.type, e.location, [...e.actor].sort()]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(i);
    return { group, at: group.length - 1 };
  });
  for (let i = 0; i < live.length; i++) {
    const { group, at } = placeOf[i]!;
    for (let k = at + 1; k < group.length; k++) yield [i, group[k]!];
  }
}
