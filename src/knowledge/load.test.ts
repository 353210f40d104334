import { describe, expect, it } from 'vitest';
import { countries, organisations, places, roles } from './index.js';

// Load time and memory are measured by `npm run eval:entities`, not asserted here.
describe('knowledge loading', () => {
  it('loads every table once and hands back the same indexes after', () => {
    const first = [countries(), places(), organisations(), roles()];
    expect(places().size).toBeGreaterThan(50_000);
    expect([countries(), places(), organisations(), roles()]).toEqual(first);
    expect(places().lookup('Tehran')[0]?.country).toBe('IRN');
  });
});
