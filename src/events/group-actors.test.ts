import { describe, expect, it } from 'vitest';
import { linkEntities } from '../entities/link.js';
import { lookupOffice } from '../entities/offices.js';
import { codeDoc } from './coder.js';
import { build } from './docs.test-util.js';

// An unnamed group read by the linker (src/entities/group-nominals.ts) is an actor and a
// recipient like any other: our own sentences, hand-tagged.
describe('events with unnamed group actors', () => {
  it('codes demonstrators as the actor of a protest and the target of police force', () => {
    const { doc } = build(['Demonstrators/NNS blocked/VBD the/DT road/NN in/IN Nairobi/NNP ./.', 'Kenyan/JJ police/NN fired/VBD tear/NN gas/NN at/IN the/DT protesters/NNS ./.'], []);
    const k = doc.text.indexOf('Kenyan');
    doc.entities = linkEntities({ text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences, ner: [{ start: k, end: k + 6, label: 'MISC' }], published: null, offices: lookupOffice, tokens: doc.tokens });
    expect(doc.entities.find((e) => e.code === 'KENCOP')).toBeDefined();
    const group = doc.entities.find((e) => e.role === 'protesters');
    expect(group).toMatchObject({ sector: 'CVL', code: null });
    const { events } = codeDoc(doc);
    const protest = events.find((e) => e.type === 'PROTEST');
    expect(protest?.actor).toEqual([group!.id]);
    const force = events.find((e) => e.type === 'ASSAULT' || e.type === 'COERCE');
    expect(force?.recipient).toContain(group!.id);
  });

  it('still codes nothing for a trigger whose only subject is a bystander noun', () => {
    const { doc } = build(['Residents/NNS protested/VBD outside/IN the/DT hospital/NN ./.'], []);
    doc.entities = linkEntities({ text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences, ner: [], published: null, offices: lookupOffice, tokens: doc.tokens });
    expect(codeDoc(doc).events).toEqual([]);
  });
});
