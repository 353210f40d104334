/**
 * Casualty and arrest counts: "hundreds of people have been killed" → dead
 * {min: 100, max: null}. Conventions (docs/events.md, "Sizes"):
 *  - a bare number is exact: "12 killed" → {12, 12}; approximations ("about 12") too;
 *  - "at least N" → {N, null}; "more than N" / "over N" → {N + 1, null} (strictly more);
 *  - "nearly N" / "up to N" → {null, N}; "fewer than N" → {null, N - 1};
 *  - "between N and M", "N to M" → {N, M};
 *  - plural round words are lower bounds: "dozens" {24, null} (at least two dozen),
 *    "scores" {40, null}, "hundreds" {100, null}, "thousands" {1000, null}, "several" {3, null};
 *    "a dozen" is 12.
 */
import type { Range } from '../core/record.js';
import type { DocView } from './view.js';

export type SizeField = 'dead' | 'injured' | 'arrested';

export interface SizeHit {
  field: SizeField;
  range: Range;
  /** Token index of the cue word ("killed"). */
  cue: number;
}

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const LOWER_BOUND_WORDS: Record<string, number> = { dozens: 24, scores: 40, hundreds: 100, thousands: 1000, millions: 1_000_000, several: 3 };

const CUE_LIST: Record<string, SizeField> = {
  kill: 'dead', die: 'dead', dead: 'dead', death: 'dead', toll: 'dead', slay: 'dead', fatality: 'dead', massacre: 'dead',
  injure: 'injured', wound: 'injured', hurt: 'injured', injury: 'injured', injured: 'injured', wounded: 'injured',
  arrest: 'arrested', detain: 'arrested', jail: 'arrested', imprison: 'arrested', detention: 'arrested',
};

const CUES: ReadonlyMap<string, SizeField> = new Map(Object.entries(CUE_LIST));
const PASSIVE_NEXT: ReadonlySet<string> = new Set(['by', 'in', 'on', '.', ',']);
const LEFT_STOP: ReadonlySet<string> = new Set([',', ';', 'that', 'which']);

interface Quantity {
  first: number;
  last: number;
  range: Range;
}

function scaleOf(w: string | undefined): number | undefined {
  return w !== undefined && Object.hasOwn(SCALES, w) ? SCALES[w] : undefined;
}

function numberAt(v: DocView, i: number): { value: number; last: number; lower: boolean } | null {
  const w = v.info[i]?.lower;
  if (w === undefined) return null;
  const lb = Object.hasOwn(LOWER_BOUND_WORDS, w) ? LOWER_BOUND_WORDS[w] : undefined;
  if (lb !== undefined) {
    // "tens of thousands"
    if (w === 'thousands' && v.info[i - 2]?.lower === 'tens') return { value: 10_000, last: i, lower: true };
    return { value: lb, last: i, lower: true };
  }
  if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(w)) {
    let value = Number(w.replace(/,/g, ''));
    let last = i;
    const scale = scaleOf(v.info[i + 1]?.lower);
    if (scale) {
      value *= scale;
      last = i + 1;
    }
    return { value, last, lower: false };
  }
  let value = Object.hasOwn(UNITS, w) ? UNITS[w] : undefined;
  if (value === undefined) return null;
  let last = i;
  const next = v.info[i + 1]?.lower ?? '';
  const hy = /^-?(one|two|three|four|five|six|seven|eight|nine)$/.exec(next);
  if (value >= 20 && hy) {
    value += UNITS[hy[1]!]!;
    last++;
  }
  const scale = scaleOf(v.info[last + 1]?.lower);
  if (scale) {
    value *= scale;
    last++;
  }
  return { value, last, lower: false };
}

function quantityAt(v: DocView, i: number, first: number): Quantity | null {
  const n = numberAt(v, i);
  if (!n) return null;
  const t = v.info;
  const w1 = t[i - 1]?.lower ?? '';
  const w2 = i - 2 >= first ? `${t[i - 2]!.lower} ${w1}` : '';
  if (n.lower) return { first: i, last: n.last, range: { min: n.value, max: null } };
  if (w2 === 'at least' || w1 === 'minimum') return { first: i - 2, last: n.last, range: { min: n.value, max: null } };
  if (w2 === 'more than' || w1 === 'over' || w2 === 'upwards of') return { first: i - 2, last: n.last, range: { min: n.value + 1, max: null } };
  if (w2 === 'fewer than' || w2 === 'less than') return { first: i - 2, last: n.last, range: { min: null, max: n.value - 1 } };
  if (w1 === 'nearly' || w1 === 'almost' || w2 === 'up to' || w2 === 'as many' || w2 === 'at most') return { first: i - 1, last: n.last, range: { min: null, max: n.value } };
  if (w1 === 'and' && i - 3 >= first && t[i - 3]!.lower === 'between') {
    const lo = numberAt(v, i - 2);
    if (lo) return { first: i - 3, last: n.last, range: { min: lo.value, max: n.value } };
  }
  if (w1 === 'between' && t[n.last + 1]?.lower === 'and') {
    const hi = numberAt(v, n.last + 2);
    if (hi) return { first: i - 1, last: hi.last, range: { min: n.value, max: hi.value } };
  }
  const to = t[n.last + 1]?.lower;
  if (to === 'to' || to === '-') {
    const hi = numberAt(v, n.last + 2);
    if (hi && hi.value > n.value) return { first: i, last: hi.last, range: { min: n.value, max: hi.value } };
  }
  return { first: i, last: n.last, range: { min: n.value, max: n.value } };
}

/** Counts in one sentence's tokens [first, end), skipping tokens inside time expressions. */
export function findSizes(v: DocView, first: number, end: number, isTime: (i: number) => boolean): SizeHit[] {
  const out: SizeHit[] = [];
  for (let c = first; c < end; c++) {
    const info = v.info[c]!;
    const field = CUES.get(info.lemmas[0]!) ?? CUES.get(info.lower);
    if (!field) continue;
    const next = v.info[c + 1];
    const active = info.xpos === 'VBG' || (info.xpos === 'VBD' && next !== undefined && !PASSIVE_NEXT.has(next.lower)) || info.lower === 'toll';
    let q: Quantity | null = null;
    if (active) {
      for (let k = c + 1; k < Math.min(end, c + 7) && !q; k++) if (!isTime(k)) q = quantityAt(v, k, first);
    }
    for (let k = c - 1; k >= Math.max(first, c - 9) && !q; k--) {
      if (CUES.has(v.info[k]!.lemmas[0]!) || LEFT_STOP.has(v.info[k]!.lower)) break;
      if (!isTime(k)) q = quantityAt(v, k, first);
    }
    if (q) out.push({ field, range: q.range, cue: c });
  }
  return out;
}
