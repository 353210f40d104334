import { describe, expect, it } from 'vitest';
import { linkByHand } from './link.test-util.js';

// Our own text, with made-up bodies.
const PARAS = [
  'US telco Brennex said on Monday that watchdog Ostrava had fined it.',
  'The Halvard Gazette newspapers reported the fine; Pellworth, the country\'s largest carmaker, said nothing.',
  'Tarrow Mills <TRM> rose. Shares of <Kessel Barge Lines> fell.',
  'The U.S. Department of Transportation (DOT) approved the merger of Dunmore and Quill.',
  'Brennex said Ostrava was unfair. Torvald club Corrin won at home.',
  'Shares in Veldana rose, and Marrowby shareholders met. Profits at Quenstead doubled.',
];
const ORGS = [
  'Brennex', 'Ostrava', 'Halvard Gazette', 'Pellworth', 'Tarrow Mills', 'Kessel Barge Lines', 'U.S. Department of Transportation',
  'DOT', 'Dunmore', 'Quill', 'Corrin', 'Veldana', 'Marrowby', 'Quenstead',
];

describe('organisations coded from the words around them', () => {
  const entities = linkByHand(PARAS, [...ORGS.map((o) => [o, 'ORG'] as const), ['Brennex', 'ORG', 1], ['Ostrava', 'ORG', 1]]);
  const byName = (name: string) => entities.find((e) => e.name === name);

  it('reads a body noun right before a name', () => {
    expect(byName('Brennex')?.sector).toBe('BUS');
    expect(byName('Ostrava')?.sector).toBe('GOV');
  });

  it('reads a news medium from the noun after it, and a firm from an apposition', () => {
    expect(byName('Halvard Gazette')?.sector).toBe('MED');
    expect(byName('Pellworth')?.sector).toBe('BUS');
  });

  it('reads what only a firm has: shares, shareholders, profits', () => {
    expect(byName('Veldana')?.sector).toBe('BUS');
    expect(byName('Marrowby')?.sector).toBe('BUS');
    expect(byName('Quenstead')?.sector).toBe('BUS');
  });

  it('reads a ticker, and the angle brackets wire copy puts round a firm', () => {
    expect(byName('Tarrow Mills')?.sector).toBe('BUS');
    expect(byName('Kessel Barge Lines')?.sector).toBe('BUS');
  });

  it('reads an abbreviation in brackets as a mention of the body it abbreviates', () => {
    const dot = byName('U.S. Department of Transportation');
    expect(dot).toMatchObject({ sector: 'GOV', country: 'USA', code: 'USAGOV' });
    expect(dot?.mentions.map((m) => m.text)).toEqual(['U.S. Department of Transportation', 'DOT']);
    expect(byName('DOT')).toBeUndefined();
  });

  it('leaves bodies the text does not describe, and clubs, without a sector', () => {
    expect(byName('Dunmore')?.sector).toBeNull();
    expect(byName('Quill')?.sector).toBeNull();
    expect(byName('Corrin')?.sector).toBeNull();
  });
});

describe('a public body of no stated state', () => {
  const link = (paras: string[], names: string[]) =>
    linkByHand(paras, names.map((n) => [n, ['Canada', 'Mexico'].includes(n) ? 'LOC' : 'ORG'] as const));

  it("is the article's one country so far", () => {
    const es = link(['Grain exports from Canada rose. The Grain Quality Administration said so.'], ['Canada', 'Grain Quality Administration']);
    expect(es.find((e) => e.name === 'Grain Quality Administration')).toMatchObject({ sector: 'GOV', country: 'CAN', code: 'CANGOV' });
  });

  it('is nobody in particular when the article has named two', () => {
    const es = link(['Grain exports from Canada to Mexico rose. The Grain Quality Administration said so.'], ['Canada', 'Mexico', 'Grain Quality Administration']);
    expect(es.find((e) => e.name === 'Grain Quality Administration')).toMatchObject({ sector: 'GOV', country: null, code: null });
  });
});
