/**
 * Dealings between firms are trade, not public life (the judging guide's "deals between private
 * firms"): no event when firms stand on both sides, unless the sentence names labour, courts or
 * regulators. Our own sentences, hand-tagged; the firms are made up.
 */
import { describe, expect, it } from 'vitest';
import { codeDoc } from './coder.js';
import type { EntSpec } from './docs.test-util.js';
import { build } from './docs.test-util.js';

const ACME: EntSpec = { name: 'Acme Corp', type: 'ORG', country: null, sector: 'BUS', surfaces: ['Acme Corp'] };
const BOLT: EntSpec = { name: 'Bolt Inc', type: 'ORG', country: null, sector: null, surfaces: ['Bolt Inc'] };
const PERU: EntSpec = { name: 'Peru', type: 'GPE', country: 'PER', surfaces: ['Peru'] };
// A public body named like a firm is no firm.
const INSURER: EntSpec = { name: 'Federal Deposit Insurance Corporation', type: 'ORG', country: 'USA', sector: 'GOV', surfaces: ['Federal Deposit Insurance Corporation'] };

function types(tagged: string, ents: EntSpec[]): string[] {
  return codeDoc(build([tagged], ents).doc).events.map((e) => e.type);
}

describe('trade between firms', () => {
  it('codes no rejection, agreement or meeting with firms on both sides', () => {
    expect(types('Acme/NNP Corp/NNP rejected/VBD an/DT offer/NN from/IN Bolt/NNP Inc/NNP ./.', [ACME, BOLT])).toEqual([]);
    expect(types('Acme/NNP Corp/NNP met/VBD Bolt/NNP Inc/NNP on/IN Monday/NNP ./.', [ACME, BOLT])).toEqual([]);
  });

  it('still codes a firm dealing with a state', () => {
    expect(types('Acme/NNP Corp/NNP met/VBD Peru/NNP on/IN Monday/NNP ./.', [ACME, PERU])).toEqual(['CONSULT']);
  });

  it('still codes dealings between firms over litigation or labour', () => {
    expect(types('Acme/NNP Corp/NNP met/VBD Bolt/NNP Inc/NNP to/TO settle/VB the/DT litigation/NN ./.', [ACME, BOLT])).toEqual(['CONSULT']);
  });

  it('reads a public body named like a firm as no firm', () => {
    expect(types('The/DT Federal/NNP Deposit/NNP Insurance/NNP Corporation/NNP met/VBD Acme/NNP Corp/NNP on/IN Monday/NNP ./.', [INSURER, ACME])).toEqual(['CONSULT']);
  });
});
