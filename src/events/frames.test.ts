/**
 * The second pass's parse-independent frames, on hand-tagged docs (POS fallback):
 * reporting-verb "protest", crowd violence, peacekeeping deployments, comma-set-off
 * passive agents, gerunds after catenative verbs, particles after an apposition.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/record.js';
import { codeDoc } from './coder.js';
import type { EntSpec } from './docs.test-util.js';
import { build } from './docs.test-util.js';

const RIGHTS: EntSpec = { name: 'Helsinki Committee', type: 'ORG', country: null, surfaces: ['Helsinki Committee'] };
const CROATIA: EntSpec = { name: 'Croatia', type: 'GPE', country: 'HRV', surfaces: ['Croatia'] };

function types(events: EventRecord[]): string[] {
  return events.map((e) => e.type);
}

describe('second-pass frames', () => {
  it('codes a protest that reports speech as ACCUSE, a marching protest as PROTEST', () => {
    const said = build(['Croatia/NNP is/VBZ failing/VBG refugees/NNS ,/, the/DT Helsinki/NNP Committee/NNP protested/VBD ./.'], [CROATIA, RIGHTS]);
    expect(types(codeDoc(said.doc).events)).toEqual(['ACCUSE']);
    const marched = build(['The/DT Helsinki/NNP Committee/NNP protested/VBD in/IN Zagreb/NNP ./.'], [RIGHTS]);
    expect(types(codeDoc(marched.doc).events)).toEqual(['PROTEST']);
  });

  it('reads violence by protesters as a riot', () => {
    const { doc } = build(['Croatian/JJ protesters/NNS stormed/VBD the/DT parliament/NN ./.'],
      [{ name: 'Croatian protesters', type: 'ORG', country: 'HRV', surfaces: ['Croatian protesters'] }]);
    const [e] = codeDoc(doc).events;
    expect(e?.type).toBe('PROTEST');
    expect(e?.mode).toBe('riot');
  });

  it('codes deployed peacekeepers as AID', () => {
    const { doc } = build(['Croatia/NNP deployed/VBD 500/CD peacekeepers/NNS ./.'], [CROATIA]);
    expect(types(codeDoc(doc).events)).toEqual(['AID']);
  });

  it('finds a passive agent after inserted material and a gerund subject after "resume"', () => {
    const acc = build(['Smith/NNP was/VBD accused/VBN of/IN fraud/NN ,/, much/JJ of/IN it/PRP hidden/VBN ,/, by/IN the/DT Helsinki/NNP Committee/NNP ./.'],
      [RIGHTS, { name: 'Smith', type: 'PERSON', country: null, surfaces: ['Smith'] }]);
    const a = codeDoc(acc.doc).events.find((e) => e.type === 'ACCUSE');
    expect(a?.actor).toEqual([acc.ids.get('Helsinki Committee')]);
    const shell = build(['Croatia/NNP prepared/VBD to/TO resume/VB shelling/VBG the/DT town/NN ./.'], [CROATIA]);
    const s = codeDoc(shell.doc).events.find((e) => e.type === 'ASSAULT');
    expect(s?.modality).toBe('future');
    const stop = build(['Croatia/NNP stopped/VBD shelling/VBG the/DT town/NN ./.'], [CROATIA]);
    expect(codeDoc(stop.doc).events.find((e) => e.type === 'ASSAULT')?.modality).toBe('negated');
  });

  it('matches a phrasal particle after an object with an apposition', () => {
    const { doc } = build(['Croatia/NNP forced/VBD the/DT refugee/NN agency/NN ,/, UNHCR/NNP ,/, out/RP of/IN the/DT country/NN ./.'], [CROATIA]);
    const e = codeDoc(doc).events.find((x) => x.type === 'SANCTION');
    expect(e?.mode).toBe('expel');
  });
});
