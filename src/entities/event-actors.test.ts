import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import { codeDoc } from '../events/coder.js';
import { build } from '../events/docs.test-util.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';

// The actors this stage reads for armed groups, proxies and unattributed forces are what
// the events coder takes as the actor of an attack: our own sentences, hand-tagged.
function coded(tagged: string[], ner: [string, NerSpan['label']][] = []): { actor: string[]; entity: (id: string) => string } {
  const { doc } = build(tagged, []);
  const spans = ner.map(([surface, label]): NerSpan => ({ start: doc.text.indexOf(surface), end: doc.text.indexOf(surface) + surface.length, label }));
  doc.entities = linkEntities({ text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences, ner: spans, published: null, offices: lookupOffice, tokens: doc.tokens });
  const assault = codeDoc(doc).events.filter((e) => e.type === 'ASSAULT');
  const byId = new Map(doc.entities.map((e) => [e.id, `${e.name}:${e.code ?? e.sector ?? ''}`]));
  return { actor: assault.flatMap((e) => e.actor), entity: (id) => byId.get(id) ?? id };
}

describe('attack actors from the entities stage', () => {
  it('codes unidentified gunmen as the actor', () => {
    const r = coded(['Gunmen/NNS attacked/VBD a/DT bus/NN ./.']);
    expect(r.actor.map(r.entity)).toEqual(['Gunmen:UAF']);
  });

  it('codes a backed militia, not its backer, and a led coalition as its leader\'s military', () => {
    const proxy = coded(['Iran-backed/JJ militias/NNS attacked/VBD a/DT base/NN ./.']);
    expect(proxy.actor.map(proxy.entity)).toEqual(['Iran-backed militias:REB']);
    const led = coded(['The/DT Saudi-led/JJ coalition/NN attacked/VBD the/DT port/NN ./.'], [['Saudi-led', 'MISC']]);
    expect(led.actor.map(led.entity)).toEqual(['Saudi-led coalition:SAUMIL']);
  });

  it('codes a bare force by the one country the sentence names, and nothing when it names two', () => {
    const one = coded(['Security/NN forces/NNS attacked/VBD protesters/NNS ,/, Egyptian/JJ officials/NNS said/VBD ./.'], [['Egyptian', 'MISC']]);
    expect(one.actor.map(one.entity)).toEqual(['Security forces:EGYCOP']);
    const two = coded(['Troops/NNS attacked/VBD the/DT town/NN ,/, Egyptian/JJ and/CC Libyan/JJ officials/NNS said/VBD ./.'], [['Egyptian', 'MISC'], ['Libyan', 'MISC']]);
    expect(two.actor).toEqual([]);
  });
});
