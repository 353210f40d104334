import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster.js';

describe('entity cluster', () => {
  it('gives a name read across a line break of the page with a space, and keeps the mention as written', () => {
    const text = 'arrested in Fort\nLauderdale last month';
    const start = text.indexOf('Fort');
    const k = new Cluster('GPE', 'Fort');
    k.add(text, { start, end: start + 'Fort\nLauderdale'.length }, 'name');
    const e = k.toEntity('E1');
    expect(e.name).toBe('Fort Lauderdale');
    expect(e.mentions[0]?.text).toBe('Fort\nLauderdale');
  });
});
