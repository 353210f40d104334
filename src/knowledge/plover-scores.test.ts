import { describe, expect, it } from 'vitest';
import { PLOVER_TYPES } from '../core/record.js';
import { ploverScore } from './plover-scores.js';

describe('PLOVER scores', () => {
  it('gives every type a quad class whose sign matches its score', () => {
    for (const type of PLOVER_TYPES) {
      const { quad, score } = ploverScore(type);
      expect(quad.endsWith('cooperation') ? score > 0 : score < 0, type).toBe(true);
    }
    expect(ploverScore('ASSAULT').score).toBeLessThan(ploverScore('ACCUSE').score);
  });
});
