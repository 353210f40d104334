import { describe, expect, it } from 'vitest';
import { linkByHand } from './link.test-util.js';
import type { HandSpan } from './link.test-util.js';

// Our own text, with made-up people and bodies.
const PARAS = [
  'Barclays chief executive Tomas Velde said profits rose.',
  'Irena Kost, chief executive of Harwood Hospitals NHS Trust, said the ward would close.',
  'Piet Aalders, an analyst at Brennan Securities, said demand was strong.',
  'Dana Oyelaran, senior vice president at Corvel Records Inc, predicted change.',
  'Home Office minister Alys Penry defended the plan, and Corvel Records Inc said it would appeal.',
  'Maren Holt said on Monday that Barclays would appeal.',
];
const SPANS: HandSpan[] = [
  ['Barclays', 'ORG'], ['Tomas Velde', 'PER'], ['Irena Kost', 'PER'], ['Harwood Hospitals NHS Trust', 'ORG'],
  ['Piet Aalders', 'PER'], ['Brennan Securities', 'ORG'], ['Dana Oyelaran', 'PER'], ['Corvel Records Inc', 'ORG'],
  ['Home Office', 'ORG'], ['Alys Penry', 'PER'], ['Corvel Records Inc', 'ORG', 1], ['Maren Holt', 'PER'], ['Barclays', 'ORG', 1],
];

describe('people placed in an organisation', () => {
  const entities = linkByHand(PARAS, SPANS);
  const byName = (name: string) => entities.find((e) => e.name === name);

  it("take the organisation's sector and country from a title before the name", () => {
    expect(byName('Tomas Velde')).toMatchObject({ sector: 'BUS', country: 'GBR', code: 'GBRBUS' });
  });

  it('take them from an apposition: position of, at or with the body', () => {
    expect(byName('Irena Kost')?.sector).toBe('GOV');
    expect(byName('Piet Aalders')?.sector).toBe('BUS');
  });

  it("outrank a role word's sector: a firm's vice president is no government's", () => {
    expect(byName('Dana Oyelaran')?.sector).toBe('BUS');
  });

  it('leave a minister a minister, and a person merely near a body alone', () => {
    expect(byName('Alys Penry')?.sector).toBe('GOV');
    expect(byName('Maren Holt')?.sector).toBeNull();
  });
});
