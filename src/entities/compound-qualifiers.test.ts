import { describe, expect, it } from 'vitest';
import type { Entity } from '../core/record.js';
import { readCompound } from './compound-qualifiers.js';
import { linkTagged } from './link.test-util.js';

// Our own sentences, hand-tagged, so that the linker is tested without the tagger.
const link = linkTagged;

const show = (es: Entity[]): [string, string, string | null, string | null][] => es.map((e) => [e.type, e.mentions.map((m) => m.text).join('|'), e.sector, e.code]);

describe('readCompound', () => {
  const read = (w: string): [string, string] | null => {
    const q = readCompound(w, { start: 0, end: w.length });
    return q ? [w.slice(q.part.start, q.part.end), q.relation] : null;
  };
  it('splits a named leader or backer from its relation', () => {
    expect(read('US-led')).toEqual(['US', 'leader']);
    expect(read('U.S.-led')).toEqual(['U.S.', 'leader']);
    expect(read('Iran-backed')).toEqual(['Iran', 'backer']);
    expect(read('al-Qaeda-allied')).toEqual(['al-Qaeda', 'backer']);
    expect(read('Russian-sponsored')).toEqual(['Russian', 'backer']);
  });
  it('reads no other hyphenated word, and no unnamed backer', () => {
    expect(read('government-backed')).toBeNull();
    expect(read('state-sponsored')).toBeNull();
    expect(read('Israeli-Palestinian')).toBeNull();
    expect(read('Tel-Aviv')).toBeNull();
    expect(read('US-made')).toBeNull();
  });
});

describe('hyphenated leaders and backers', () => {
  it('makes a body led by a state that state\'s military, and links the state', () => {
    const es = link(['The/DT Saudi-led/JJ coalition/NN bombed/VBD the/DT port/NN ./.'], [['Saudi-led', 'MISC']]);
    expect(show(es)).toEqual([['GPE', 'Saudi', null, 'SAU'], ['ORG', 'Saudi-led coalition', 'MIL', 'SAUMIL']]);
    // NER missed the compound: it is read from the tags all the same, through a modifier.
    const us = link(['US-led/JJ international/JJ forces/NNS advanced/VBD ./.']);
    expect(show(us)).toEqual([['GPE', 'US', null, 'USA'], ['ORG', 'US-led international forces', 'MIL', 'USAMIL']]);
  });

  it('gives a body led by an organisation to the organisation', () => {
    const es = link(['NATO-led/JJ troops/NNS patrolled/VBD the/DT border/NN ./.'], [['NATO-led', 'ORG']]);
    expect(es).toHaveLength(1);
    expect(es[0]!.mentions.map((m) => m.text)).toEqual(['NATO', 'NATO-led troops']);
  });

  it('makes no body of a led event or talks: only the leader is named', () => {
    const es = link(['Saudi-led/JJ air/NN strikes/NNS hit/VBD the/DT city/NN ./.', 'US-led/JJ talks/NNS resumed/VBD ./.']);
    expect(show(es)).toEqual([['GPE', 'Saudi', null, 'SAU'], ['GPE', 'US', null, 'USA']]);
  });

  it('makes a backed group a proxy of its own: the backer is not its country', () => {
    const es = link(['Iran-backed/JJ militias/NNS attacked/VBD a/DT base/NN ./.']);
    expect(show(es)).toEqual([['GPE', 'Iran', null, 'IRN'], ['ORG', 'Iran-backed militias', 'REB', null]]);
    // Another qualifier in the phrase gives the country; a backing armed group is no owner.
    const iraqi = link(['Iran-backed/JJ Iraqi/JJ militias/NNS fired/VBD rockets/NNS ./.'], [['Iraqi', 'MISC']]);
    expect(show(iraqi).filter((e) => e[0] === 'ORG')).toEqual([['ORG', 'Iran-backed Iraqi militias', 'REB', 'IRQREB']]);
    const hez = link(['Hezbollah-backed/JJ fighters/NNS attacked/VBD ./.']);
    expect(show(hez)).toEqual([['ORG', 'Hezbollah', 'REB', 'LBNREB'], ['ORG', 'Hezbollah-backed fighters', 'REB', null]]);
  });

  it('reads generic forces with a backer as a proxy only when no state is named', () => {
    expect(show(link(['US-backed/JJ forces/NNS captured/VBD the/DT town/NN ./.'])).at(-1)).toEqual(['ORG', 'US-backed forces', 'REB', null]);
    // "US-backed Iraqi forces" are Iraq's: the backer names neither owner nor proxy.
    const iraqi = link(['US-backed/JJ Iraqi/JJ forces/NNS retook/VBD the/DT city/NN ./.'], [['Iraqi', 'MISC']]);
    expect(show(iraqi)).toEqual([['GPE', 'US', null, 'USA'], ['ORG', 'US-backed Iraqi forces', 'MIL', 'IRQMIL'], ['NORP', 'Iraqi', null, 'IRQ']]);
    const gov = link(['Saudi-backed/JJ government/NN forces/NNS advanced/VBD ./.']);
    expect(show(gov)).toEqual([['GPE', 'Saudi', null, 'SAU']]);
  });
});
