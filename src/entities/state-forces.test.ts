import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import type { Entity } from '../core/record.js';
import { build } from '../events/docs.test-util.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';
import { findForcePhrases, locativeBefore } from './state-forces.js';

// Our own sentences, hand-tagged ("word/TAG"), optionally with dependency arcs.
function link(tagged: string[], ner: [string, NerSpan['label']][] = [], opts: { deps?: [number, string][][]; dateline?: string } = {}): Entity[] {
  const { doc } = build(tagged, [], opts.deps ? { deps: opts.deps } : {});
  const spans = ner.map(([surface, label]): NerSpan => {
    const i = doc.text.indexOf(surface);
    if (i < 0) throw new Error(`no ${surface}`);
    return { start: i, end: i + surface.length, label };
  });
  return linkEntities({ text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences, ner: spans, published: null, offices: lookupOffice, tokens: doc.tokens, dateline: opts.dateline ?? null });
}

const forcesOf = (es: Entity[]): Entity[] => es.filter((e) => e.type === 'ORG' && ['MIL', 'COP', 'GOV'].includes(e.sector ?? '') && e.mentions.every((m) => m.kind === 'nominal'));

describe('state forces without a stated state', () => {
  it('takes the country of the place the sentence puts the force in', () => {
    const police = forcesOf(link(['Police/NNS fired/VBD tear/NN gas/NN at/IN protesters/NNS in/IN Nairobi/NNP ./.'], [['Nairobi', 'LOC']]));
    expect(police).toHaveLength(1);
    expect(police[0]).toMatchObject({ name: 'Police', country: 'KEN', sector: 'COP', code: 'KENCOP' });
    const army = forcesOf(link(['The/DT army/NN shelled/VBD villages/NNS near/IN the/DT town/NN of/IN Goma/NNP ./.'], [['Goma', 'LOC']]));
    expect(army[0]).toMatchObject({ name: 'army', code: 'CODMIL' });
    expect(army[0]!.mentions.map((m) => m.text)).toEqual(['army']);
    const authorities = forcesOf(link(['The/DT authorities/NNS in/IN Croatia/NNP detained/VBD five/CD journalists/NNS ./.'], [['Croatia', 'LOC']]));
    expect(authorities[0]).toMatchObject({ sector: 'GOV', code: 'HRVGOV' });
  });

  it('reads warplanes and warships as a state\'s forces, owned as the troops are', () => {
    const es = link(['Kenyan/JJ warplanes/NNS bombed/VBD a/DT camp/NN ./.', 'Later/RB warplanes/NNS hit/VBD a/DT bridge/NN ./.'], [['Kenyan', 'MISC']]);
    const planes = es.filter((e) => e.mentions.some((m) => m.text === 'warplanes'));
    expect(planes).toHaveLength(1);
    expect(planes[0]).toMatchObject({ code: 'KENMIL' });
  });

  it('gives forces a state reports on, after a time word, to that state', () => {
    const es = link(['Kenya/NNP \'s/POS army/NN said/VBD today/NN troops/NNS killed/VBD 40/CD rebels/NNS ./.'], [['Kenya', 'LOC']]);
    const troops = es.find((e) => e.mentions.some((m) => m.text === 'troops'));
    expect(troops).toMatchObject({ code: 'KENMIL' });
  });

  it('makes no entity when nothing says whose the force is', () => {
    expect(forcesOf(link(['Troops/NNS shelled/VBD rebel/NN positions/NNS ./.']))).toEqual([]);
    // Two countries' places: nobody's in particular.
    expect(forcesOf(link(['Police/NNS in/IN London/NNP and/CC Paris/NNP arrested/VBD ten/CD men/NNS ./.'], [['London', 'LOC'], ['Paris', 'LOC']]))).toEqual([]);
    // Armed people of unstated allegiance are no state force.
    expect(forcesOf(link(['Gunmen/NNS attacked/VBD a/DT bus/NN in/IN Nairobi/NNP ./.'], [['Nairobi', 'LOC']]))).toEqual([]);
  });

  it('keeps a force named with its country for later bare mentions', () => {
    const es = link(['Russian/JJ troops/NNS advanced/VBD on/IN Kharkiv/NNP ./.', 'In/IN Kharkiv/NNP ,/, troops/NNS shelled/VBD apartment/NN blocks/NNS ./.'], [['Russian', 'MISC'], ['Kharkiv', 'LOC']]);
    const f = forcesOf(es);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: 'RUSMIL' });
    expect(f[0]!.mentions.map((m) => m.text)).toEqual(['Russian troops', 'troops']);
    // Troops of an organisation are nobody's state: the place does not make them the host's.
    const un = link(['UN/NNP troops/NNS arrived/VBD in/IN Bosnia/NNP ./.', 'The/DT troops/NNS patrolled/VBD in/IN Sarajevo/NNP ./.'], [['UN', 'ORG'], ['Bosnia', 'LOC'], ['Sarajevo', 'LOC']]);
    expect(forcesOf(un)).toEqual([]);
  });

  it('leaves owned, indefinite and other sides\' forces alone', () => {
    expect(forcesOf(link(['Its/PRP$ troops/NNS crossed/VBD the/DT border/NN in/IN Kenya/NNP ./.'], [['Kenya', 'LOC']]))).toEqual([]);
    expect(forcesOf(link(['Rebel/NN soldiers/NNS attacked/VBD a/DT base/NN in/IN Kenya/NNP ./.'], [['Kenya', 'LOC']]))).toEqual([]);
    expect(forcesOf(link(['No/DT troops/NNS were/VBD sent/VBN to/TO Kenya/NNP ./.'], [['Kenya', 'LOC']]))).toEqual([]);
  });

  it('with a parse, does not give a state\'s deployed troops to the place they go to', () => {
    const deps: [number, string][][] = [
      // "Germany deployed troops in Lithuania ." — troops is the object of a state's verb.
      [[1, 'nsubj'], [-1, 'root'], [1, 'obj'], [4, 'case'], [1, 'obl'], [1, 'punct']],
    ];
    const es = link(['Germany/NNP deployed/VBD troops/NNS in/IN Lithuania/NNP ./.'], [['Germany', 'LOC'], ['Lithuania', 'LOC']], { deps });
    expect(forcesOf(es)).toEqual([]);
  });

  it('falls back on the one country the article has named so far, for a force that acts', () => {
    const egypt = link(['Security/NN forces/NNS fired/VBD on/IN protesters/NNS ,/, Egyptian/JJ officials/NNS said/VBD ./.'], [['Egyptian', 'MISC']]);
    expect(forcesOf(egypt).map((e) => [e.name, e.code])).toEqual([['Security forces', 'EGYCOP'], ['Egyptian officials', 'EGYGOV']]);
    // Named in an earlier sentence, by name.
    const kenya = link(['Kenya/NNP is/VBZ to/TO vote/VB in/IN May/NNP ./.', 'Police/NNS arrested/VBD ten/CD opposition/NN activists/NNS ./.'], [['Kenya', 'LOC']]);
    expect(forcesOf(kenya)[0]).toMatchObject({ code: 'KENCOP' });
  });

  it('takes no country from an article naming two, from a people, or for a force acted upon', () => {
    const two = link(['Security/NN forces/NNS fired/VBD on/IN protesters/NNS ,/, Egyptian/JJ and/CC US/NNP officials/NNS said/VBD ./.'], [['Egyptian', 'MISC'], ['US', 'LOC']]);
    expect(forcesOf(two).map((e) => e.name)).toEqual(['US officials']);
    const people = link(['Police/NNS arrested/VBD two/CD Palestinians/NNPS ./.'], [['Palestinians', 'MISC']]);
    expect(forcesOf(people)).toEqual([]);
    const backer = link(['Police/NNS arrested/VBD two/CD Iran-backed/JJ militants/NNS ./.']);
    expect(forcesOf(backer)).toEqual([]);
    const object = link(['Kenya/NNP is/VBZ to/TO vote/VB ./.', 'Rebels/NNS attacked/VBD troops/NNS ./.'], [['Kenya', 'LOC']]);
    expect(forcesOf(object)).toEqual([]);
  });

  it('falls back on the dateline, for a force that acts', () => {
    const es = link(['NAIROBI/NNP -/: Police/NNS arrested/VBD ten/CD people/NNS ./.'], [['NAIROBI', 'LOC']], { dateline: 'NAIROBI' });
    expect(forcesOf(es)[0]).toMatchObject({ code: 'KENCOP' });
  });
});

describe('findForcePhrases', () => {
  it('reads the head, its state modifiers and a plural body in the singular', () => {
    const { doc } = build(['Riot/JJ police/NNS and/CC police/NN forces/NNS charged/VBD ./.'], []);
    const found = findForcePhrases(doc.text, doc.tokens, [[0, doc.tokens.length]]);
    expect(found.map((p) => [doc.text.slice(p.span.start, p.span.end), p.sector, p.qualified, p.excluded])).toEqual([
      ['Riot police', 'COP', false, false],
      ['police forces', 'COP', false, false],
    ]);
  });

  it('needs a state modifier for a general head and reads a single soldier as a person', () => {
    const { doc } = build(['Forces/NNS loyal/JJ to/TO him/PRP and/CC a/DT soldier/NN fled/VBD ./.'], []);
    const found = findForcePhrases(doc.text, doc.tokens, [[0, doc.tokens.length]]);
    expect(found.map((p) => [doc.text.slice(p.span.start, p.span.end), p.body, p.excluded])).toEqual([['soldier', false, true]]);
  });
});

describe('locativeBefore', () => {
  it('reads where something is, not where it goes', () => {
    expect(locativeBefore('killed in Nairobi', 10)).toBe(true);
    expect(locativeBefore('near the town of Samarra', 17)).toBe(true);
    expect(locativeBefore('In the capital Kabul', 15)).toBe(true);
    expect(locativeBefore('crossed into Lebanon', 13)).toBe(false);
    expect(locativeBefore('talks with Kenya', 11)).toBe(false);
  });
});
