import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import type { Entity } from '../core/record.js';
import { build } from '../events/docs.test-util.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';

// Our own sentences, hand-tagged ("word/TAG"); every capital tagged LOC, as the tagger does.
function codeOf(tagged: string[], name: string, ner: string[], published: string | null = null): string | null {
  const { doc } = build(tagged, []);
  const spans = ner.map((surface): NerSpan => {
    const i = doc.text.indexOf(surface);
    if (i < 0) throw new Error(`no ${surface}`);
    return { start: i, end: i + surface.length, label: 'LOC' };
  });
  const es: Entity[] = linkEntities({ text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences, ner: spans, published, offices: lookupOffice, tokens: doc.tokens, dateline: null });
  const e = es.find((x) => x.name === name);
  if (!e) throw new Error(`no entity ${name}`);
  return e.code;
}

describe('capitals that act', () => {
  it('codes a capital as its government when it says, decides or presses', () => {
    expect(codeOf(['Canberra/NNP has/VBZ rejected/VBN the/DT offer/NN ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    expect(codeOf(['Nairobi/NNP said/VBD the/DT talks/NNS failed/VBD ./.'], 'Nairobi', ['Nairobi'])).toBe('KENGOV');
    expect(codeOf(['Officials/NNS said/VBD Nairobi/NNP \'s/POS objections/NNS were/VBD weak/JJ ./.'], 'Nairobi', ['Nairobi'])).toBe('KENGOV');
    expect(codeOf(['Kenya/NNP accused/VBD Canberra/NNP of/IN spying/VBG ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    expect(codeOf(['Kenya/NNP called/VBD on/IN Canberra/NNP to/TO act/VB ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    expect(codeOf(['Kenya/NNP will/MD keep/VB talking/VBG with/IN Canberra/NNP ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    // A government named after its seat.
    expect(codeOf(['The/DT Canberra/NNP government/NN accused/VBD Kenya/NNP ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    expect(codeOf(['Nairobi/NNP authorities/NNS arrested/VBD two/CD men/NNS ./.'], 'Nairobi', ['Nairobi'])).toBe('KENGOV');
  });

  it('codes a capital that opens a condition or is about to act', () => {
    expect(codeOf(['Kenya/NNP will/MD act/VB if/IN Canberra/NNP imposes/VBZ sanctions/NNS ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    expect(codeOf(['Canberra/NNP is/VBZ likely/JJ to/TO announce/VB sanctions/NNS ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
  });

  it('codes a capital that acts in a relative clause, after an adverb, or as a passive\'s agent', () => {
    expect(codeOf(['Items/NNS on/IN which/WDT Canberra/NNP has/VBZ asked/VBN Kenya/NNP to/TO cut/VB tariffs/NNS ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    expect(codeOf(['Canberra/NNP recently/RB asked/VBD Kenya/NNP to/TO act/VB ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    expect(codeOf(['Bases/NNS blamed/VBN by/IN Canberra/NNP for/IN the/DT attack/NN were/VBD hit/VBN ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    expect(codeOf(['Canberra/NNP charged/VBD Kenya/NNP with/IN dumping/VBG ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    expect(codeOf(['Kenya/NNP asked/VBD Canberra/NNP to/TO act/VB ./.'], 'Canberra', ['Canberra'])).toBe('AUSGOV');
    expect(codeOf(['Nairobi/NNP \'s/POS new/JJ pact/NN cut/VBD costs/NNS ./.'], 'Nairobi', ['Nairobi'])).toBe('KENGOV');
    // Not the agent of a state act: traders of the town.
    expect(codeOf(['Goods/NNS sent/VBN by/IN Nairobi/NNP traders/NNS arrived/VBD ./.'], 'Nairobi', ['Nairobi'])).toBeNull();
  });

  it('codes a former seat of government only while the government sat there', () => {
    const tagged = ['Bonn/NNP has/VBZ agreed/VBN to/TO cut/VB taxes/NNS ./.'];
    expect(codeOf(tagged, 'Bonn', ['Bonn'], '1987-06-01T00:00:00Z')).toBe('DEUGOV');
    expect(codeOf(tagged, 'Bonn', ['Bonn'], '2020-06-01T00:00:00Z')).toBeNull();
    expect(codeOf(tagged, 'Bonn', ['Bonn'])).toBeNull();
    expect(codeOf(['Peking/NNP has/VBZ agreed/VBN to/TO cut/VB taxes/NNS ./.'], 'Peking', ['Peking'], '2020-06-01T00:00:00Z')).toBe('CHNGOV');
  });

  it('leaves a capital a place where it is one, a club or a part of something', () => {
    expect(codeOf(['Officials/NNS in/IN Nairobi/NNP said/VBD the/DT talks/NNS failed/VBD ./.'], 'Nairobi', ['Nairobi'])).toBeNull();
    expect(codeOf(['Bombs/NNS hit/VBD Nairobi/NNP \'s/POS southern/JJ suburbs/NNS ./.'], 'Nairobi', ['Nairobi'])).toBeNull();
    expect(codeOf(['Jets/NNS attacked/VBD Nairobi/NNP ./.'], 'Nairobi', ['Nairobi'])).toBeNull();
    expect(codeOf(['Kenya/NNP held/VBD talks/NNS with/IN Nairobi/NNP traders/NNS ./.'], 'Nairobi', ['Nairobi'])).toBeNull();
    expect(codeOf(['Kenya/NNP urged/VBD Nairobi/NNP mayor/NN Ann/NNP Kiptoo/NNP to/TO resign/VB ./.'], 'Nairobi', ['Nairobi'])).toBeNull();
    // Not a verb of state: "Canberra beat Perth" is a team.
    expect(codeOf(['Canberra/NNP beat/VBD Perth/NNP 3-1/CD ./.'], 'Canberra', ['Canberra'])).toBeNull();
    // Brussels speaks for the European Union (organisations.tsv), not for Belgium.
    expect(codeOf(['Brussels/NNP said/VBD the/DT talks/NNS failed/VBD ./.'], 'Brussels', ['Brussels'])).not.toBe('BELGOV');
  });
});
