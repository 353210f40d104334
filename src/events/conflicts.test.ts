import { describe, expect, it } from 'vitest';
import type { Conflict, EventRecord, Range } from '../core/record.js';
import { rng } from '../core/rng.js';
import { findConflicts } from './conflicts.js';

/** The count and date rules as one loop over every pair: what findConflicts must equal, in order. */
function everyPair(events: readonly EventRecord[]): Conflict[] {
  const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
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

describe('findConflicts: count and date conflicts', () => {
  it('finds what a loop over every pair finds, in the same order', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const events = randomEvents(seed, 60, false);
      const found = findConflicts(events, new Map(), [], new Set());
      expect(found).toEqual(everyPair(events));
    }
  });

  it('also with actor lists that repeat an actor', () => {
    for (let seed = 41; seed <= 60; seed++) {
      const events = randomEvents(seed, 40, true);
      expect(findConflicts(events, new Map(), [], new Set())).toEqual(everyPair(events));
    }
  });

  it('finds some of each kind in these events, so the comparison says something', () => {
    const kinds = new Set(Array.from({ length: 40 }, (_, s) => findConflicts(randomEvents(s + 1, 60, false), new Map(), [], new Set()))
      .flat().map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['count', 'date']);
  });
});
