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

describe('third-pass frames', () => {
  const HAMAS: EntSpec = { name: 'Hamas', type: 'ORG', country: 'PSE', surfaces: ['Hamas'] };
  const ISRAEL: EntSpec = { name: 'Israel', type: 'GPE', country: 'ISR', surfaces: ['Israel'] };
  const actorOf = (b: ReturnType<typeof build>, type: string): string[] | undefined => codeDoc(b.doc).events.find((e) => e.type === type)?.actor;

  it('gives an act the party that claims or is blamed for it', () => {
    const claimed = build(['Hamas/NNP claimed/VBD responsibility/NN for/IN the/DT bombing/NN ./.'], [HAMAS]);
    expect(actorOf(claimed, 'ASSAULT')).toEqual([claimed.ids.get('Hamas')]);
    const blamed = build(['Israel/NNP blamed/VBD Hamas/NNP for/IN the/DT bombing/NN ./.'], [ISRAEL, HAMAS]);
    expect(actorOf(blamed, 'ASSAULT')).toEqual([blamed.ids.get('Hamas')]);
    const on = build(['Israel/NNP blamed/VBD the/DT bombing/NN on/IN Hamas/NNP ./.'], [ISRAEL, HAMAS]);
    expect(actorOf(on, 'ASSAULT')).toEqual([on.ids.get('Hamas')]);
    const held = build(['Israel/NNP held/VBD Hamas/NNP responsible/JJ for/IN the/DT bombing/NN ./.'], [ISRAEL, HAMAS]);
    expect(actorOf(held, 'ASSAULT')).toEqual([held.ids.get('Hamas')]);
    // Condemning an act names no one who did it.
    const condemned = build(['Israel/NNP condemned/VBD the/DT bombing/NN ./.'], [ISRAEL]);
    expect(actorOf(condemned, 'ASSAULT')).toBeUndefined();
  });

  it('widens a verb to a kind of object through the noun classes', () => {
    const sent = build(['Croatia/NNP sent/VBD blankets/NNS and/CC tents/NNS to/TO Bosnia/NNP ./.'], [CROATIA]);
    expect(types(codeDoc(sent.doc).events)).toContain('AID');
    const moved = build(['Croatia/NNP moved/VBD two/CD divisions/NNS to/IN the/DT border/NN ./.'], [CROATIA]);
    expect(types(codeDoc(moved.doc).events)).toContain('MOBILIZE');
    // A class stands for a noun only: "moved" alone, or with another object, is no event.
    const other = build(['Croatia/NNP moved/VBD its/PRP$ capital/NN ./.'], [CROATIA]);
    expect(codeDoc(other.doc).events).toEqual([]);
  });

  it('shares an opening reciprocal adjunct with the main clause ("In a meeting with X, Y said")', () => {
    const { doc, ids } = build(['In/IN a/DT meeting/NN with/IN Israel/NNP ,/, Croatia/NNP said/VBD talks/NNS would/MD continue/VB ./.'], [ISRAEL, CROATIA]);
    const e = codeDoc(doc).events.find((x) => x.type === 'CONSULT');
    expect(e?.actor).toEqual([ids.get('Croatia')]);
    expect(e?.recipient).toEqual([ids.get('Israel')]);
  });

  it('reads the parse with care: a perfect "have" is active, a gerund after "resume" shares its subject', () => {
    // "Israel and Hamas have agreed to talks": a misparsed nsubj:pass elsewhere does not make "agreed" passive.
    const agreed = build(['With/IN the/DT signing/NN ,/, Israel/NNP have/VBP agreed/VBN ./.'], [ISRAEL],
      { deps: [[[6, 'mark'], [2, 'det'], [6, 'nsubj:pass'], [2, 'punct'], [6, 'nsubj'], [6, 'aux'], [-1, 'root'], [6, 'punct']]] });
    expect(actorOf(agreed, 'AGREE')).toEqual([agreed.ids.get('Israel')]);
    // The parse hangs "shelling" off a later clause; word order says "resume shelling".
    const shell = build(['Israel/NNP prepared/VBD to/TO resume/VB shelling/VBG the/DT town/NN as/IN talks/NNS failed/VBD ./.'], [ISRAEL],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'mark'], [1, 'xcomp'], [9, 'advcl'], [6, 'det'], [4, 'obj'], [9, 'mark'], [9, 'nsubj'], [3, 'advcl'], [1, 'punct']]] });
    expect(actorOf(shell, 'ASSAULT')).toEqual([shell.ids.get('Israel')]);
  });

  it('reads a noun-modifying past participle as passive only when a verb heads the sentence', () => {
    // "property seized by Algerian forces": passive, the agent acts.
    const seized = build(['Hamas/NNP demanded/VBD property/NN seized/VBN by/IN Israel/NNP ./.'], [HAMAS, ISRAEL],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [1, 'obj'], [2, 'acl'], [5, 'case'], [3, 'obl:agent'], [1, 'punct']]] });
    expect(actorOf(seized, 'COERCE')).toEqual([seized.ids.get('Israel')]);
    // "Iranian students rallied/VBN in Tehran" parsed as a noun root with an acl: the acl is the verb.
    const rallied = build(['Hamas/NNP supporters/NNS rallied/VBN in/IN Gaza/NNP ./.'], [{ ...HAMAS, surfaces: ['Hamas supporters'] }],
      { deps: [[[1, 'compound'], [-1, 'root'], [1, 'acl'], [4, 'case'], [2, 'obl'], [1, 'punct']]] });
    expect(actorOf(rallied, 'PROTEST')).toEqual([rallied.ids.get('Hamas')]);
  });
});
