/**
 * The two sides of a war an article reports, and the recipients inferred from them: hand-built
 * event lists, so the rule is tested apart from what the coder finds.
 */
import { describe, expect, it } from 'vitest';
import type { Entity, EventRecord } from '../core/record.js';
import { fillWarRecipients, warSides } from './war-sides.js';

function entity(id: string, name: string, type: Entity['type'], country: string | null, sector: string | null = null): Entity {
  return { id, name, type, mentions: [], country, role: null, sector, code: type === 'GPE' ? country : null, geo: null, ids: {} };
}

const ENTITIES = [
  entity('E1', 'Iran', 'GPE', 'IRN'),
  entity('E2', 'Iraq', 'GPE', 'IRQ'),
  entity('E3', 'Iraqi warplanes', 'ORG', 'IRQ', 'MIL'),
  entity('E4', 'Iranian troops', 'ORG', 'IRN', 'MIL'),
  entity('E5', 'Kuwait', 'GPE', 'KWT'),
  entity('E6', 'Kurdish rebels', 'ORG', null, 'REB'),
];
const byId = new Map(ENTITIES.map((e) => [e.id, e]));

function ev(type: EventRecord['type'], actor: string[], recipient: string[] = [], mode: string | null = null): EventRecord {
  return {
    id: '', type, mode, context: [], actor, recipient, location: null, date: null, modality: 'asserted', source: null, size: null,
    trigger: { start: 0, end: 0, text: '' }, evidence: { sentence: 0, start: 0, end: 0 }, confidence: 0.7, cameo: null,
  };
}

describe('war sides', () => {
  it('directs an attack, a seizure and a threat of violence with no recipient at the other side', () => {
    const events = [
      ev('ASSAULT', ['E1'], ['E2']),
      ev('ASSAULT', ['E3'], ['E1']),
      ev('ASSAULT', ['E3']),
      ev('COERCE', ['E4'], [], 'seize'),
      ev('THREATEN', ['E2'], [], 'violence'),
      ev('ACCUSE', ['E2']),
    ];
    expect(warSides(events, byId)).toEqual(['IRN', 'IRQ']);
    fillWarRecipients(events, byId);
    expect(events.map((e) => e.recipient)).toEqual([['E2'], ['E1'], ['E1'], ['E2'], ['E1'], []]);
  });

  it('infers nothing from one attack naming both, from a third fighting state, or for an actor of no side', () => {
    const once = [ev('ASSAULT', ['E1'], ['E2']), ev('ASSAULT', ['E3'])];
    fillWarRecipients(once, byId);
    expect(once[1]!.recipient).toEqual([]);
    const third = [ev('ASSAULT', ['E1'], ['E2']), ev('ASSAULT', ['E3'], ['E1']), ev('ASSAULT', ['E5']), ev('ASSAULT', ['E3'])];
    expect(warSides(third, byId)).toBeNull();
    const rebels = [ev('ASSAULT', ['E1'], ['E2']), ev('ASSAULT', ['E2'], ['E1']), ev('ASSAULT', ['E6']), ev('ASSAULT', ['E6', 'E3'])];
    fillWarRecipients(rebels, byId);
    expect(rebels.slice(2).map((e) => e.recipient)).toEqual([[], []]);
  });
});
