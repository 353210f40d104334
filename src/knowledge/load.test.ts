import { describe, expect, it } from 'vitest';
import { countries, organisations, places, roles } from './index.js';

describe('knowledge loading', () => {
  it('loads every table once and answers at once after', () => {
    const t0 = performance.now();
    const first = [countries(), places(), organisations(), roles()];
    const loaded = performance.now() - t0;
    expect(places().size).toBeGreaterThan(50_000);
    // Generous: CI machines are shared; measured figures are in docs/knowledge.md.
    expect(loaded).toBeLessThan(10_000);
    expect([countries(), places(), organisations(), roles()]).toEqual(first);
    const t1 = performance.now();
    for (let i = 0; i < 1000; i++) places().lookup('Tehran');
    expect(performance.now() - t1).toBeLessThan(2_000);
  });
});
