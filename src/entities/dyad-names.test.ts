import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import { splitDyadNames } from './dyad-names.js';

function split(text: string, name: string): string[] {
  const start = text.indexOf(name);
  const spans: NerSpan[] = [{ start, end: start + name.length, label: 'MISC' }];
  return splitDyadNames(text, spans).map((s) => `${text.slice(s.start, s.end)}/${s.label}`);
}

describe('two states in one hyphenated word', () => {
  it('splits them into a country name and a people\'s adjective', () => {
    expect(split('U.S.-Japanese talks began.', 'U.S.-Japanese')).toEqual(['U.S./LOC', 'Japanese/MISC']);
    expect(split('The Iran-Iraq war went on.', 'Iran-Iraq')).toEqual(['Iran/LOC', 'Iraq/LOC']);
    expect(split('Chilean–Peruvian ties grew.', 'Chilean–Peruvian')).toEqual(['Chilean/MISC', 'Peruvian/MISC']);
  });

  it('leaves other hyphenated names whole', () => {
    expect(split('US-led forces moved.', 'US-led')).toEqual(['US-led/MISC']);
    expect(split('Coca-Cola rose.', 'Coca-Cola')).toEqual(['Coca-Cola/MISC']);
    expect(split('Afro-Caribbean voters.', 'Afro-Caribbean')).toEqual(['Afro-Caribbean/MISC']);
  });
});
