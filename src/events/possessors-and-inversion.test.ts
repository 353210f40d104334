import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { codeDoc } from './coder.js';
import type { EntSpec } from './docs.test-util.js';
import { build } from './docs.test-util.js';

const person = (name: string, surfaces = [name]): EntSpec => ({ name, type: 'PERSON', country: 'USA', sector: null, surfaces });
const coded = (tagged: string, ents: EntSpec[]): Array<{ type: string; modality: string; actors: string[] }> => {
  const { doc } = build([tagged], ents);
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  return codeDoc(doc).events.map((e) => ({ type: e.type, modality: e.modality, actors: e.actor.map((a) => names.get(a)!) }));
};

describe('who a possessive names, and negations before the subject', () => {
  it('does not take a name for its kin, victims or rivals: "Weeks\' family", "Epstein\'s victims"', () => {
    const epstein = person('Jeffrey Epstein', ['Epstein']);
    expect(coded('Lawyers/NNS for/IN Epstein/NNP \'s/POS victims/NNS criticised/VBD the/DT prosecutors/NNS ./.', [epstein])).toEqual([]);
    // The bearer's agents speak for the bearer.
    expect(coded('Epstein/NNP \'s/POS lawyers/NNS criticised/VBD the/DT prosecutors/NNS ./.', [epstein])).toEqual([{ type: 'ACCUSE', modality: 'asserted', actors: ['Jeffrey Epstein'] }]);
    // A possessive pronoun standing for the name sets kin apart too.
    const kin = extract({ kind: 'text', name: 'kin', uri: null, content: 'Senator Dana Whitfield met the governor. Her husband, Tom Whitfield, criticised the prosecutors.', published: '2019-11-20' });
    const named = new Map(kin.entities.map((e) => [e.id, e.name]));
    expect(kin.events.filter((e) => e.type === 'ACCUSE').map((e) => e.actor.map((a) => named.get(a)))).toEqual([['Tom Whitfield']]);
    const rachel = person('Rachel');
    expect(coded('Edwards/NNP \'/POS sister/NN Rachel/NNP criticised/VBD the/DT police/NN ./.', [person('Sherry Edwards', ['Edwards']), rachel]).map((e) => e.actors)).toEqual([['Rachel']]);
  });

  it('reads "neither can X allow" and "nor did X attack" as negated', () => {
    const xi: EntSpec = { name: 'Xi Jinping', type: 'PERSON', country: 'CHN', sector: 'GOV', surfaces: ['Xi'] };
    // (Letting chaos go on is no concession at all: senses.tsv; a concession to people stays one.)
    expect(coded('Yet/RB ,/, neither/DT can/MD Xi/NNP allow/VB foreign/JJ journalists/NNS to/TO enter/VB ./.', [xi])).toEqual([{ type: 'CONCEDE', modality: 'negated', actors: ['Xi Jinping'] }]);
    const iran: EntSpec = { name: 'Iran', type: 'GPE', country: 'IRN', surfaces: ['Iran'] };
    expect(coded('Nor/CC did/VBD Iran/NNP attack/VB the/DT tanker/NN ./.', [iran]).map((e) => e.modality)).toEqual(['negated']);
    expect(coded('Iran/NNP attacked/VBD the/DT tanker/NN ./.', [iran]).map((e) => e.modality)).toEqual(['asserted']);
  });

  it('reads an act someone is urged to do as not done, one they are reluctant to do as not done either', () => {
    const dhs: EntSpec = { name: 'Department of Homeland Security', type: 'ORG', country: 'USA', sector: 'GOV', surfaces: ['Department of Homeland Security'] };
    const urged = coded('Physicians/NNS are/VBP urging/VBG the/DT Department/NNP of/IN Homeland/NNP Security/NNP to/TO accept/VB their/PRP$ offer/NN ./.', [dhs]);
    expect(urged.filter((e) => e.type === 'AGREE').map((e) => e.modality)).toEqual(['hypothetical']);
    const rec = extract({ kind: 'text', name: 'reluctant', uri: null, content: 'Trade talks stall\n\nNovember 18, 2019\n\nWASHINGTON — China has been reluctant to commit to a meeting with U.S. negotiators.\n' });
    expect(rec.events.filter((e) => e.type === 'AGREE').map((e) => e.modality)).toEqual(['negated']);
  });

  it('reads "call" as asking only with "on": "called Trump\'s move to withdraw troops a mistake" names a move made', () => {
    const ents = [person('Nancy Pelosi', ['Pelosi']), person('Donald Trump', ['Trump'])];
    const named = coded('Pelosi/NNP called/VBD Trump/NNP \'s/POS move/NN to/TO withdraw/VB troops/NNS a/DT mistake/NN ./.', ents);
    expect(named.map((e) => [e.type, e.modality])).toEqual([['RETREAT', 'asserted']]);
    const asked = coded('Pelosi/NNP called/VBD on/IN Trump/NNP to/TO withdraw/VB troops/NNS ./.', ents);
    expect(asked.map((e) => [e.type, e.modality])).toEqual([['REQUEST', 'asserted']]);
  });
});
