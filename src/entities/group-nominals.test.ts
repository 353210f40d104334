import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import type { Entity } from '../core/record.js';
import { build } from '../events/docs.test-util.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';

// Our own sentences, hand-tagged ("word/TAG"), optionally with dependency arcs, so that
// the linker is tested without the tagger and parser.
function link(tagged: string[], ner: [string, NerSpan['label']][] = [], deps?: [number, string][][]): { entities: Entity[]; text: string } {
  const { doc } = build(tagged, [], deps ? { deps } : {});
  const spans = ner.map(([surface, label]): NerSpan => {
    const i = doc.text.indexOf(surface);
    if (i < 0) throw new Error(`no ${surface}`);
    return { start: i, end: i + surface.length, label };
  });
  const entities = linkEntities({ text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences, ner: spans, published: null, offices: lookupOffice, tokens: doc.tokens });
  return { entities, text: doc.text };
}

const groupsOf = (es: Entity[]): Entity[] => es.filter((e) => e.mentions.every((m) => m.kind === 'nominal'));

describe('unnamed group actors', () => {
  it('makes one CVL entity for demonstrators and joins "the protesters" to it', () => {
    const { entities } = link(['Demonstrators/NNS blocked/VBD the/DT road/NN ./.', 'Police/NNS fired/VBD tear/NN gas/NN at/IN the/DT protesters/NNS ./.']);
    const g = groupsOf(entities);
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ type: 'ORG', name: 'Demonstrators', role: 'protesters', sector: 'CVL', country: null, code: null });
    expect(g[0]!.mentions.map((m) => m.text)).toEqual(['Demonstrators', 'protesters']);
  });

  it('leaves bystanders, single people and state bodies without a country alone', () => {
    const { entities } = link(['Residents/NNS fled/VBD as/IN troops/NNS advanced/VBD ./.', 'A/DT protester/NN was/VBD arrested/VBN ./.', 'A/DT gunman/NN kidnapped/VBD 15/CD villagers/NNS ./.']);
    expect(entities).toEqual([]);
  });

  it('makes armed people of unstated allegiance a UAF group, without a code', () => {
    const { entities } = link(['Gunmen/NNS kidnapped/VBD 15/CD villagers/NNS ./.', 'Two/CD suicide/NN bombers/NNS and/CC assailants/NNS struck/VBD ./.', 'The/DT gunmen/NNS fled/VBD ./.']);
    const g = groupsOf(entities);
    expect(g.map((e) => [e.name, e.role, e.sector, e.code])).toEqual([
      ['Gunmen', 'gunmen', 'UAF', null],
      ['suicide bombers', 'suicide bombers', 'UAF', null],
      ['assailants', 'attackers', 'UAF', null],
    ]);
    expect(g[0]!.mentions.map((m) => m.text)).toEqual(['Gunmen', 'gunmen']);
    // A national adjective codes them; an armed group's gunmen are the group.
    expect(groupsOf(link(['Palestinian/JJ suicide/NN bombers/NNS killed/VBD 23/CD people/NNS ./.']).entities)[0]).toMatchObject({ code: 'PSEUAF' });
    const hamas = link(['Hamas/NNP gunmen/NNS opened/VBD fire/NN ./.'], [['Hamas', 'ORG']]).entities;
    expect(hamas).toHaveLength(1);
    expect(hamas[0]!.mentions.map((m) => m.text)).toEqual(['Hamas', 'Hamas gunmen']);
    // Bombers alone may be aircraft: no group.
    expect(link(['Bombers/NNS struck/VBD the/DT port/NN ./.']).entities).toEqual([]);
  });

  it('reads a group head by its modifiers and lets "the group" refer back', () => {
    const { entities } = link(['A/DT human/JJ rights/NNS group/NN protested/VBD on/IN Wednesday/NNP ./.', 'The/DT group/NN said/VBD more/JJR protests/NNS would/MD follow/VB ./.']);
    const g = groupsOf(entities);
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ name: 'human rights group', role: 'rights group', sector: 'HRI', code: null });
    expect(g[0]!.mentions.map((m) => m.text)).toEqual(['human rights group', 'The group']);
  });

  it('takes a country only from a national adjective in the phrase or a country right after it', () => {
    const kenyan = link(['Kenyan/JJ teachers/NNS marched/VBD on/IN Monday/NNP ./.']).entities;
    expect(groupsOf(kenyan)[0]).toMatchObject({ name: 'Kenyan teachers', country: 'KEN', sector: 'EDU', code: 'KENEDU' });
    const ivory = link(['Rebels/NNS in/IN the/DT Ivory/NNP Coast/NNP rejected/VBD the/DT appeal/NN ./.'], [['Ivory Coast', 'LOC']]).entities;
    expect(groupsOf(ivory)[0]).toMatchObject({ name: 'Rebels in the Ivory Coast', country: 'CIV', sector: 'REB', code: 'CIVREB' });
    expect(groupsOf(ivory)[0]!.mentions[0]!.text).toBe('Rebels in the Ivory Coast');
    // Firms named by their trade are business groups of their nation, not the nation.
    const houses = link(['Japanese/JJ securities/NNS houses/NNS asked/VBD the/DT ministry/NN ./.'], [['Japanese', 'MISC']]).entities;
    expect(houses.find((e) => e.type === 'ORG')).toMatchObject({ name: 'Japanese securities houses', country: 'JPN', sector: 'BUS', code: 'JPNBUS' });
    const exporters = link(['Spanish/JJ exporters/NNS asked/VBD for/IN help/NN ./.'], [['Spanish', 'MISC']]).entities;
    expect(exporters.find((e) => e.type === 'ORG')).toMatchObject({ name: 'Spanish exporters', country: 'ESP', sector: 'BUS', code: 'ESPBUS' });
    const muggers = link(['An/DT MP/NNP was/VBD attacked/VBN by/IN muggers/NNS in/IN Kenya/NNP ./.'], [['Kenya', 'LOC']]).entities;
    expect(groupsOf(muggers)[0]).toMatchObject({ name: 'muggers in Kenya', country: 'KEN', sector: 'CRM', code: 'KENCRM' });
    // Two countries in the phrase: whose they are is not stated.
    const two = link(['Croatian/JJ Serb/JJ refugees/NNS protested/VBD ./.']).entities;
    expect(groupsOf(two)[0]).toMatchObject({ country: null, sector: 'REF', code: null });
  });

  it('gives members of a named body to that body', () => {
    const { entities } = link(['Hamas/NNP militants/NNS fired/VBD rockets/NNS ./.', 'The/DT militants/NNS later/RB withdrew/VBD ./.'], [['Hamas', 'ORG']]);
    expect(entities).toHaveLength(1);
    expect(entities[0]!.mentions.map((m) => m.text)).toEqual(['Hamas', 'Hamas militants', 'militants']);
    const fatah = link(['Angry/JJ activists/NNS from/IN the/DT Fatah/NNP Party/NNP staged/VBD rallies/NNS ./.'], [['Fatah Party', 'ORG']]).entities;
    expect(groupsOf(fatah)).toEqual([]);
  });

  it('keeps groups of one role apart when a common noun tells them apart, and lets a bare mention join the latest', () => {
    const { entities } = link(['Some/DT 5,000/CD bank/NN workers/NNS voted/VBD to/TO strike/VB ./.', 'Then/RB 55,000/CD oil/NN workers/NNS threatened/VBD action/NN ./.', 'The/DT workers/NNS marched/VBD ./.']);
    const g = groupsOf(entities);
    expect(g.map((e) => e.mentions.map((m) => m.text))).toEqual([['bank workers'], ['oil workers', 'workers']]);
  });

  it('keeps qualified groups apart and reads an ethnic people as a people', () => {
    const { entities } = link(['Ibo/NNP elders/NNS met/VBD Yoruba/NNP elders/NNS ./.', '1,000/CD ethnic/JJ Turks/NNPS began/VBD a/DT hunger/NN strike/NN ./.']);
    const g = groupsOf(entities);
    expect(g.map((e) => e.name)).toEqual(['Ibo elders', 'Yoruba elders', 'ethnic Turks']);
    expect(g[2]).toMatchObject({ type: 'NORP', country: null, code: null });
  });

  it('with a parse, makes entities only from arguments; other mentions may only join', () => {
    const deps: [number, string][][] = [
      // "The demands of protesters grew ." — protesters is a noun modifier, not an argument.
      [[1, 'det'], [4, 'nsubj'], [3, 'case'], [1, 'nmod'], [-1, 'root'], [4, 'punct']],
    ];
    const { entities } = link(['The/DT demands/NNS of/IN protesters/NNS grew/VBD ./.'], [], deps);
    expect(entities).toEqual([]);
  });
});
