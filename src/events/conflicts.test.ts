import { describe, expect, it } from 'vitest';
import type { Conflict, EventRecord, Range } from '../core/record.js';
import { rng } from '../core/rng.js';
import { findConflicts } from './conflicts.js';

/** The count and date rules as one loop over every pair: the pairs findConflicts must report. */
function everyPair(events: readonly EventRecord[]): Conflict[] {
  // Lists of participants compare as sets: a repeated actor is the same actor.
  const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
  const disjoint = (a: Range, b: Range): boolean =>
    (a.max !== null && b.min !== null && a.max < b.min) || (b.max !== null && a.min !== null && b.max < a.min);
  const show = (r: Range): string =>
    r.min !== null && r.max !== null ? (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`) : r.min !== null ? `≥${r.min}` : `≤${r.max ?? '?'}`;
  const live = events.filter((e) => (e.modality === 'asserted' || e.modality === 'alleged') && e.actor.length > 0);
  const out: Conflict[] = [];
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i]!;
      const b = live[j]!;
      if (a.type !== b.type || !sameSet(a.actor, b.actor) || a.location !== b.location) continue;
      if (a.size && b.size && a.date?.value === b.date?.value) {
        for (const f of ['dead', 'injured', 'arrested'] as const) {
          const ra = a.size[f];
          const rb = b.size[f];
          if (ra && rb && disjoint(ra, rb)) out.push({ kind: 'count', events: [a.id, b.id], note: `${f}: ${show(ra)} vs ${show(rb)}` });
        }
      }
      if (a.date && b.date && !a.date.inferred && !b.date.inferred && a.date.grain === 'day' && b.date.grain === 'day'
        && a.date.value !== b.date.value && a.location !== null && sameSet(a.recipient, b.recipient)
        && a.trigger.text.toLowerCase() === b.trigger.text.toLowerCase()) {
        out.push({ kind: 'date', events: [a.id, b.id], note: `${a.trigger.text}: ${a.date.value} vs ${b.date.value}` });
      }
    }
  }
  return out;
}

function randomEvents(seed: number, n: number, repeats: boolean): EventRecord[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const range = (): Range | null => {
    if (r() < 0.3) return null;
    const min = Math.floor(r() * 8);
    return { min, max: r() < 0.2 ? null : r() < 0.5 ? min : min + Math.floor(r() * 4) };
  };
  return Array.from({ length: n }, (_, i): EventRecord => {
    const actors = ['E1', 'E2', 'E3'].filter(() => r() < 0.5);
    if (repeats && actors.length > 0 && r() < 0.2) actors.push(actors[0]!);
    return {
      id: `V${i + 1}`,
      type: pick(['ASSAULT', 'COERCE'] as const),
      mode: null,
      context: [],
      actor: r() < 0.5 ? actors : actors.reverse(),
      recipient: r() < 0.5 ? [] : ['E4'],
      location: pick([null, 'E5', 'E6']),
      date: r() < 0.2 ? null : { value: pick(['2020-10-07', '2020-10-08']), grain: 'day', inferred: r() < 0.3 },
      modality: pick(['asserted', 'asserted', 'alleged', 'hypothetical'] as const),
      source: null,
      size: r() < 0.3 ? null : { dead: range(), injured: range(), arrested: null },
      trigger: { start: 0, end: 0, text: pick(['attacked', 'Attacked', 'shelled']) },
      evidence: { sentence: 0, start: 0, end: 0 },
      confidence: 0.8,
      cameo: null,
    };
  });
}

/** A conflict's label: the field of a count, the trigger word of a date. */
const labelOf = (c: Conflict): string => `${c.kind}:${c.note.slice(0, c.note.indexOf(':')).toLowerCase()}`;

function checkAgainstPairs(events: readonly EventRecord[]): Conflict[] {
  const found = findConflicts(events, new Map(), [], new Set());
  const pairs = everyPair(events);
  // Every contradicting pair is in exactly one conflict of its kind and label …
  for (const p of pairs) {
    const holding = found.filter((c) => labelOf(c) === labelOf(p) && p.events.every((id) => c.events.includes(id)));
    expect(holding, `${p.events.join('+')} ${p.note}`).toHaveLength(1);
  }
  // … and every event of a conflict contradicts another event in it; none is listed twice.
  for (const c of found) {
    expect(new Set(c.events).size).toBe(c.events.length);
    for (const id of c.events) {
      expect(pairs.some((p) => labelOf(p) === labelOf(c) && p.events.includes(id) && p.events.every((x) => c.events.includes(x))), `${id} in ${c.note}`).toBe(true);
    }
  }
  return found;
}

function ev(id: string, dead: number, date = '2020-10-07'): EventRecord {
  return {
    id, type: 'ASSAULT', mode: null, context: [], actor: ['E1'], recipient: ['E2'], location: 'E3',
    date: { value: date, grain: 'day', inferred: false }, modality: 'asserted', source: null,
    size: { dead: { min: dead, max: dead }, injured: null, arrested: null },
    trigger: { start: 0, end: 0, text: 'shelled' }, evidence: { sentence: 0, start: 0, end: 0 }, confidence: 0.8, cameo: null,
  };
}

describe('findConflicts: count and date conflicts', () => {
  it('reports every pair that contradicts, each once, with only events that contradict', () => {
    for (let seed = 1; seed <= 40; seed++) checkAgainstPairs(randomEvents(seed, 60, false));
  });

  it('also with actor lists that repeat an actor', () => {
    for (let seed = 41; seed <= 60; seed++) checkAgainstPairs(randomEvents(seed, 40, true));
  });

  it('finds some of each kind in these events, so the comparison says something', () => {
    const kinds = new Set(Array.from({ length: 40 }, (_, s) => findConflicts(randomEvents(s + 1, 60, false), new Map(), [], new Set()))
      .flat().map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['count', 'date']);
  });

  it('reports a figure repeated against another once, counting its mentions', () => {
    const events = [ev('V1', 12), ev('V2', 20), ev('V3', 12), ev('V4', 12)];
    expect(findConflicts(events, new Map(), [], new Set())).toEqual([
      { kind: 'count', events: ['V1', 'V3', 'V4', 'V2'], note: 'dead: 12 (3 mentions) vs 20' },
    ]);
  });

  it('lists the values in the order the article first gives them', () => {
    const range = (id: string, min: number, max: number): EventRecord => ({ ...ev(id, 0), size: { dead: { min, max }, injured: null, arrested: null } });
    // 10–12 and 11–13 agree with each other; both contradict 20, which comes between them.
    const events = [range('V1', 10, 12), ev('V2', 20), range('V3', 11, 13)];
    expect(findConflicts(events, new Map(), [], new Set()).map((c) => c.note)).toEqual(['dead: 10–12 vs 20 vs 11–13']);
    const later = [range('V1', 10, 12), range('V2', 11, 13), ev('V3', 20)];
    expect(findConflicts(later, new Map(), [], new Set()).map((c) => c.note)).toEqual(['dead: 10–12 vs 11–13 vs 20']);
  });

  it('reports one event repeated thousands of times with a few conflicts', () => {
    const events = Array.from({ length: 20_000 }, (_, i) => ev(`V${i + 1}`, 10 + (i % 3), i % 2 ? '2020-10-07' : '2020-10-08'));
    const found = findConflicts(events, new Map(), [], new Set());
    expect(found.map((c) => c.note)).toEqual([
      // Even events are dated the 8th (10, 12, 11 dead in turn), odd ones the 7th (11, 10, 12).
      'dead: 10 (3334 mentions) vs 12 (3333 mentions) vs 11 (3333 mentions)',
      'shelled: 2020-10-08 (10000 mentions) vs 2020-10-07 (10000 mentions)',
      'dead: 11 (3334 mentions) vs 10 (3333 mentions) vs 12 (3333 mentions)',
    ]);
  });
});
