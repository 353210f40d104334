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

/**
 * Count and date conflicts. Comparable events (same type, actor set and place) are grouped
 * first, and each disagreement is reported once with every event that takes part, the
 * way the actor check does: an article that repeats "12 dead" three times against one
 * "20 dead" has one contradiction, not three, and a long text that repeats one event
 * thousands of times gives a few conflicts instead of millions of pairs.
 */
export function findConflicts(events: readonly EventRecord[], byId: ReadonlyMap<string, Entity>, witnesses: readonly SeizeWitness[], explicitPlace: ReadonlySet<string>): Conflict[] {
  const out = actorConflicts(events, byId, witnesses, explicitPlace);
  const found: Array<{ first: number; conflict: Conflict }> = [];
  const index = new Map(events.map((e, i) => [e, i]));
  const distinct = (list: readonly EventRecord[], value: (e: EventRecord) => string): Claim[] => claimsBy(list, value, index);
  const live = events.filter((e) => LIVE.has(e.modality) && e.actor.length > 0);
  for (const group of subgroups(live, (e) => JSON.stringify([e.type, e.location, [...new Set(e.actor)].sort()]))) {
    for (const same of subgroups(group, (e) => (e.size ? `${e.date?.value ?? ''}` : null))) {
      for (const f of ['dead', 'injured', 'arrested'] as const) {
        const claims = distinct(same.filter((e) => e.size![f]), (e) => show(e.size![f]!));
        const c = disagreement(claims, (a, b) => disjoint(a.size![f]!, b.size![f]!), f, 'count');
        if (c) found.push(c);
      }
    }
    const dayDated = (e: EventRecord): string | null => (e.date && !e.date.inferred && e.date.grain === 'day' && e.location !== null
      ? JSON.stringify([[...new Set(e.recipient)].sort(), e.trigger.text.toLowerCase()]) : null);
    for (const same of subgroups(group, dayDated)) {
      const claims = distinct(same, (e) => e.date!.value);
      const c = disagreement(claims, (a, b) => a.date!.value !== b.date!.value, same[0]!.trigger.text, 'date');
      if (c) found.push(c);
    }
  }
  // In the order of the events they start from, as the article tells them.
  found.sort((a, b) => a.first - b.first);
  return [...out, ...found.map((f) => f.conflict)];
}

interface Claim {
  value: string;
  events: EventRecord[];
  /** Index of the claim's first event in the article's event list. */
  first: number;
}

/** Events grouped by a value, in order of first mention. */
function claimsBy(events: readonly EventRecord[], value: (e: EventRecord) => string, index: ReadonlyMap<EventRecord, number>): Claim[] {
  const claims = new Map<string, Claim>();
  for (const e of events) {
    const v = value(e);
    const c = claims.get(v);
    if (c) c.events.push(e);
    else claims.set(v, { value: v, events: [e], first: index.get(e)! });
  }
  return [...claims.values()];
}

/**
 * One conflict over the claims that contradict another claim ("dead: 12 (3 mentions) vs
 * 20"), or null when none does. Claims are few: an article gives a handful of values.
 */
function disagreement(claims: readonly Claim[], clash: (a: EventRecord, b: EventRecord) => boolean, label: string, kind: 'count' | 'date'): { first: number; conflict: Conflict } | null {
  const involved = new Set<Claim>();
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      if (clash(claims[i]!.events[0]!, claims[j]!.events[0]!)) {
        involved.add(claims[i]!);
        involved.add(claims[j]!);
      }
    }
  }
  if (involved.size === 0) return null;
  const parts = claims.filter((c) => involved.has(c));
  const note = parts.map((c) => (c.events.length > 1 ? `${c.value} (${c.events.length} mentions)` : c.value)).join(' vs ');
  return { first: parts[0]!.first, conflict: { kind, events: parts.flatMap((c) => c.events.map((e) => e.id)), note: `${label}: ${note}` } };
}

/** Events split by a key (null: left out), each part in the input order. */
function subgroups(events: readonly EventRecord[], key: (e: EventRecord) => string | null): EventRecord[][] {
  const parts = new Map<string, EventRecord[]>();
  for (const e of events) {
    const k = key(e);
    if (k === null) continue;
    const part = parts.get(k);
    if (part) part.push(e);
    else parts.set(k, [e]);
  }
  return [...parts.values()];
}
