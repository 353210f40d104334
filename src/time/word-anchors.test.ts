import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/rng.js';
import { findTimes } from './find.js';
import { scan } from './scan.js';
import { anchored, anchoredPatterns, AnchoredText } from './word-anchors.js';
import type { AnchoredPattern } from './word-anchors.js';

/** Pieces the time patterns are made of, plus look-alikes and awkward separators. */
const PIECES = [
  '3', '12', '9th', '1,000', '1,000,000.5', '2019', '1990s', '24', '10:30', '7', 'pm', 'p.m.', 'am', 'noon',
  'a', 'an', 'the', 'The', 'THE', 'past', 'Past', 'last', 'next', 'this', 'This', 'that', 'few', 'couple', 'of', 'number',
  'several', 'twenty', 'twenty-one', 'half', 'dozen', 'hundreds', 'in', 'In', 'for', 'took', 'recent', 'coming', 'same',
  'following', 'earlier', 'Earlier', 'later', 'LATER', 'before', 'after', 'ago', 'AGO', 'old', 'future',
  'day', 'days', 'Days', 'Monday', 'today', 'Today', 'yesterday', 'tomorrow', 'tonight', 'night', 'morning',
  'week', 'weeks', 'weekend', 'fortnight', 'month', 'months', 'year', 'years', 'YEARS', 'decade', 'century', 'centuries',
  'three-day', 'six-month', '24-hour', 'ten‐year', 'mid', 'mid-', 'early', 'late', 'recently', 'soon', 'monsoon',
  'January', 'Jan.', 'May', 'March', 'Mark', 'Sept', 'December', 'Dec', 'Friday', 'Fri', 'Wed.', 'Christmas', 'Boxing Day',
  "New Year's", 'Halloween', 'spring', 'Spring', 'fall', 'Fall', 'winter', 'summer', 'Arab', 'x_day', '_ago', 'İ', 'ſ',
  '.', ',', ';', ')', '(', '"', '-', '—', '–', '/', ':', "'", '’',
];
const SEPARATORS = [' ', ' ', ' ', ' ', '  ', '\n', '\n\n', '\u00a0', '', '-', ' - '];

/** A small seeded generator of [0, 1) numbers, so a failure names a text that can be made again. */
function rng(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/** Phrases shaped like the patterns, with their longest quantities and modifiers, so matches are frequent. */
const MODIFIERS = ['the past', 'the last', 'the coming', 'the', 'earlier', 'later', 'mid', 'early', 'last', 'this', 'next', 'Wed.,', 'Friday', 'in the', 'that'];
const QUANTITIES = [
  '1,000,000,000,000.5', '999,999,999,999,999.999', '123456', '3', '12th', '9 of', 'the past few', 'a couple of', 'a number of',
  'twenty-one', 'twenty one', 'a hundred', 'half a', 'several', 'a', 'an', 'hundreds of',
];
const HEADS = [
  'days', 'day', 'weeks', 'month', 'years', 'centuries', 'weekend', 'night', 'morning', 'today', 'yesterday', 'tomorrow',
  'December', 'Sept.', 'May', 'Monday', 'Christmas Day', 'spring', 'fall', 'past', 'future', 'recently', '10:30', 'pm',
];
const TAILS = ['ago', 'later', 'before', 'after', 'earlier', 'old', 'of 2019', '2020', '9th', 'morning', 'year', 'yesterday', ',', '.'];

function texts(n: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const maybe = (xs: readonly string[]): string[] => (r() < 0.5 ? [pick(xs)] : []);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let t = '';
    const len = 5 + Math.floor(r() * 40);
    for (let j = 0; j < len; j++) {
      const words = r() < 0.5 ? [pick(PIECES)] : [...maybe(MODIFIERS), ...maybe(QUANTITIES), pick(HEADS), ...maybe(TAILS)];
      for (const w of words) t += w + pick(SEPARATORS);
    }
    out.push(t);
  }
  return out;
}

function matches(run: (fn: (m: RegExpExecArray) => void) => void): string[] {
  const out: string[] = [];
  run((m) => out.push(`${m.index}:${JSON.stringify([...m])}`));
  return out;
}

function check(p: AnchoredPattern, text: string): void {
  const want = matches((fn) => scan(p.global, text, fn));
  const got = matches((fn) => new AnchoredText(text).scan(p, fn));
  expect({ pattern: p.global.source, text, got }).toEqual({ pattern: p.global.source, text, got: want });
}

describe('anchored scans', () => {
  it('the time matchers register their patterns', () => {
    findTimes('x', null);
    expect(anchoredPatterns.length).toBeGreaterThan(20);
  });

  it('every time pattern finds what a global scan finds, on generated texts', () => {
    findTimes('x', null);
    const sample = texts(1500, 6);
    for (const p of anchoredPatterns) for (const t of sample) check(p, t);
  });

  it('keeps its offsets where lower-casing would change the length ("İ")', () => {
    const p = anchored(/\b(\d+)\s+days\s+ago\b/gi, { words: ['ago'], before: 2 });
    const text = 'İstanbul: 3 days ago, and 4 DAYS AGO.';
    expect(matches((fn) => new AnchoredText(text).scan(p, fn))).toEqual(matches((fn) => scan(p.global, text, fn)));
    expect(matches((fn) => new AnchoredText(text).scan(p, fn))).toHaveLength(2);
  });

  it('a wrong anchor shows: too few word starts allowed before the word misses matches', () => {
    const p = anchored(/\b(\d+)\s+days\s+ago\b/gi, { words: ['ago'], before: 1 });
    expect(matches((fn) => new AnchoredText('3 days ago').scan(p, fn))).toEqual([]);
    anchoredPatterns.pop();
  });

  it('refuses a non-global or unicode regex and upper-case words that are not cased', () => {
    expect(() => anchored(/ago/i, { words: ['ago'], before: 0 })).toThrow(/global/);
    expect(() => anchored(/ago/giu, { words: ['ago'], before: 0 })).toThrow(/unicode/);
    expect(() => anchored(/ago/gi, { words: ['ag'], before: 0 })).toThrow(/three/);
    expect(() => anchored(/ago/gi, { words: ['Ago'], before: 0 })).toThrow(/lower case/);
  });
});
