// Groups a nation qualifies (qualified-groups.ts): our own sentences, with tags and NER spans
// given by hand so that the linker is tested alone.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../core/record.js';
import { linkTagged } from './link.test-util.js';

const link = linkTagged;

const groups = (es: Entity[]): [string, string | null][] => es.filter((e) => e.type === 'ORG').map((e) => [e.name, e.code]);

describe('groups a nation qualifies', () => {
  it('read a plural in -men as a group, and a person named after a verb as no title', () => {
    const es = link(['Leading/VBG Japanese/JJ businessmen/NNS called/VBD on/IN Takeshita/NNP to/TO act/VB ./.'], [['Japanese', 'MISC'], ['Takeshita', 'PER']]);
    expect(groups(es)).toEqual([['Japanese businessmen', 'JPNBUS']]);
  });

  it('leave one person of a nation to the title-only step, and a title before a name to that person', () => {
    const es = link(['A/DT Japanese/JJ businessman/NN said/VBD so/RB ,/, as/IN did/VBD Japanese/JJ businessmen/NNS Ken/NNP Ota/NNP and/CC Jun/NNP Mori/NNP ./.'], [['Japanese', 'MISC'], ['Ken Ota', 'PER'], ['Jun Mori', 'PER']]);
    expect(groups(es)).toEqual([]);
  });

  it('read seamen, miners and banks by their sectors', () => {
    const es = link(['Brazilian/JJ seamen/NNS and/CC Bolivian/JJ miners/NNS struck/VBD while/IN German/JJ private/JJ banks/NNS lent/VBD ./.'], [['Brazilian', 'MISC'], ['Bolivian', 'MISC'], ['German', 'MISC']]);
    expect(groups(es)).toEqual([['Brazilian seamen', 'BRALAB'], ['Bolivian miners', 'BOLLAB'], ['German private banks', 'DEUBUS']]);
  });

  it('read a headline in capitals, but only a whole role phrase there, with the name in sentence case', () => {
    const es = link(['U.S./NNP LAWMAKERS/NNP SUPPORT/NNP GULF/NNP ACTION/NNP', 'JAPAN/NNP ASKS/NNP TRADERS/NNP TO/TO CUT/VB SALES/NNS'], [['U.S.', 'LOC'], ['JAPAN', 'LOC']]);
    expect(groups(es)).toEqual([['U.S. lawmakers', 'USALEG']]);
  });
});
