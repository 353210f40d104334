import { describe, expect, it } from 'vitest';
import { SentenceParses } from './parses.js';

describe('SentenceParses', () => {
  // Tokens 0-2, 3-4 and 6-8 are sentences; token 5 lies between them (a stray mark).
  const ranges: [number, number][] = [[0, 3], [3, 5], [6, 9]];

  function make(): { parses: SentenceParses; calls: [number, number][] } {
    const calls: [number, number][] = [];
    return { parses: new SentenceParses(10, ranges, (first, end) => calls.push([first, end])), calls };
  }

  it('parses the sentence holding a token, once', () => {
    const { parses, calls } = make();
    parses.ensure(4);
    parses.ensure(3);
    parses.ensure(4);
    expect(calls).toEqual([[3, 5]]);
    expect(parses.parsed).toBe(1);
    expect(parses.sentences).toBe(3);
  });

  it('ignores tokens outside every sentence and out of range', () => {
    const { parses, calls } = make();
    parses.ensure(5);
    parses.ensure(9);
    parses.ensure(-1);
    parses.ensure(100);
    expect(calls).toEqual([]);
  });

  it('ensureAll parses the rest in order', () => {
    const { parses, calls } = make();
    parses.ensure(7);
    parses.ensureAll();
    expect(calls).toEqual([[6, 9], [0, 3], [3, 5]]);
    expect(parses.parsed).toBe(3);
  });
});
