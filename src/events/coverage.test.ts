import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/record.js';
import { codeDoc } from './coder.js';
import { lemmaCandidates } from './lemma.js';
import type { EntSpec } from './docs.test-util.js';
import { build } from './docs.test-util.js';

// Our own sentences (POS fallback), one per mechanism added for trigger coverage.
const GEO: EntSpec = { name: 'Georgia', type: 'GPE', country: 'GEO', surfaces: ['Georgia'] };
const MDA: EntSpec = { name: 'Moldova', type: 'GPE', country: 'MDA', surfaces: ['Moldova'] };
const BAL: EntSpec = { name: 'Baltic', type: 'NORP', country: 'LTU', surfaces: ['Baltic'] };

function types(events: EventRecord[]): string[] {
  return events.map((e) => e.type).sort();
}

describe('trigger coverage mechanisms', () => {
  it('lemmatises -uing verbs to their silent e ("suing" → sue)', () => {
    expect(lemmaCandidates('suing', 'V')[0]).toBe('sue');
    expect(lemmaCandidates('pursuing', 'V')[0]).toBe('pursue');
  });

  it('reads a past participle tagged as an adjective between two noun phrases as the verb', () => {
    const { doc, ids } = build(['Georgia/NNP wounded/JJ two/CD soldiers/NNS from/IN Moldova/NNP ./.'], [GEO, MDA]);
    const ev = codeDoc(doc).events.find((e) => e.type === 'ASSAULT');
    expect(ev?.actor).toEqual([ids.get('Georgia')]);
  });

  it('keeps coordinated nationality adjectives the parse broke off the subject ("Ethiopian and Tigrayan negotiators")', () => {
    const ETH: EntSpec = { name: 'Ethiopia', type: 'NORP', country: 'ETH', surfaces: ['Ethiopian'] };
    const TIG: EntSpec = { name: 'Tigrayan', type: 'ORG', country: null, surfaces: ['Tigrayan'] };
    // The parse a greedy parser gave: "Ethiopian" the root, "signed" its conjunct.
    const deps: [number, string][][] = [[[-1, 'root'], [4, 'cc'], [3, 'compound'], [4, 'nsubj'], [0, 'conj'], [7, 'det'], [7, 'compound'], [4, 'obj'], [0, 'punct']]];
    const { doc, ids } = build(['Ethiopian/JJ and/CC Tigrayan/NNP negotiators/NNS signed/VBD a/DT ceasefire/NN agreement/NN ./.'], [ETH, TIG], { deps });
    const ev = codeDoc(doc).events.find((e) => e.type === 'SUPPORT');
    expect(ev?.actor.sort()).toEqual([ids.get('Ethiopia'), ids.get('Tigrayan')].sort());
  });

  it('keeps an adjective after a determiner an adjective', () => {
    const { doc } = build(['The/DT wounded/JJ soldiers/NNS from/IN Moldova/NNP rested/VBD ./.'], [MDA]);
    expect(codeDoc(doc).events).toEqual([]);
  });

  it('finds the subject behind a time or place adjunct ("Georgia on Thursday rejected")', () => {
    const { doc, ids } = build(['Georgia/NNP on/IN Thursday/NNP rejected/VBD calls/NNS from/IN Moldova/NNP ./.'], [GEO, MDA]);
    const ev = codeDoc(doc).events.find((e) => e.type === 'REJECT');
    expect(ev?.actor).toEqual([ids.get('Georgia')]);
  });

  it('finds the subject behind a participle and its object ("aircraft using missiles killed")', () => {
    const { doc, ids } = build(['Baltic/JJ aircraft/NN using/VBG guided/VBN missiles/NNS killed/VBD four/CD people/NNS ./.'], [BAL]);
    const ev = codeDoc(doc).events.find((e) => e.type === 'ASSAULT');
    expect(ev?.actor).toEqual([ids.get('Baltic')]);
  });

  it('gives "guilty of V-ing" the subject of the copula', () => {
    const { doc, ids } = build(['Georgia/NNP is/VBZ guilty/JJ of/IN violating/VBG the/DT ceasefire/NN ./.'], [GEO]);
    const ev = codeDoc(doc).events.find((e) => e.type === 'ASSAULT');
    expect(ev?.actor).toEqual([ids.get('Georgia')]);
  });

  it('takes a noun trigger\'s actor from a light verb across a quantity phrase', () => {
    const { doc, ids } = build(['Georgia/NNP will/MD grant/VB nearly/RB 900/CD million/CD dollars/NNS of/IN emergency/NN assistance/NN to/IN Moldova/NNP ./.'], [GEO, MDA]);
    const ev = codeDoc(doc).events.find((e) => e.type === 'AID');
    expect(ev?.actor).toEqual([ids.get('Georgia')]);
    expect(ev?.modality).toBe('future');
  });

  it('gives an adjunct noun behind a measure phrase the clause\'s actor ("after five days of fighting")', () => {
    const { doc, ids } = build(['Georgia/NNP captured/VBD the/DT town/NN after/IN five/CD days/NNS of/IN fighting/NN ./.'], [GEO]);
    expect(types(codeDoc(doc).events)).toEqual(['ASSAULT', 'COERCE']);
    expect(codeDoc(doc).events.find((e) => e.type === 'ASSAULT')?.actor).toEqual([ids.get('Georgia')]);
  });

  it('shares the subject with a "for" adjunct only after a verb of going', () => {
    const went = build(['Georgia/NNP went/VBD to/IN Riga/NNP for/IN talks/NNS ./.'], [GEO]);
    expect(types(codeDoc(went.doc).events)).toContain('CONSULT');
    const praised = build(['Georgia/NNP praised/VBD Moldova/NNP for/IN the/DT talks/NNS ./.'], [GEO, MDA]);
    expect(codeDoc(praised.doc).events.filter((e) => e.type === 'CONSULT')).toEqual([]);
  });

  it('reads forces after "of" as the actor of a noun whose recipient is not an "of" slot', () => {
    const { doc, ids } = build(['The/DT withdrawal/NN of/IN Baltic/JJ troops/NNS from/IN Moldova/NNP began/VBD ./.'], [BAL, MDA]);
    const ev = codeDoc(doc).events.find((e) => e.type === 'RETREAT');
    expect(ev?.actor).toEqual([ids.get('Baltic')]);
  });

  it('keeps a bracketed acronym inside the subject noun phrase', () => {
    const { doc, ids } = build(['Georgia/NNP Farmers/NNP Union/NNP (/-LRB- GFU/NNP )/-RRB- officials/NNS demanded/VBD support/NN ./.'],
      [{ name: 'Georgia Farmers Union', type: 'ORG', country: 'GEO', surfaces: ['Georgia Farmers Union'] }]);
    const ev = codeDoc(doc).events.find((e) => e.type === 'REQUEST');
    expect(ev?.actor).toEqual([ids.get('Georgia Farmers Union')]);
  });

  it('codes by the manual: lifted curfews are CONCEDE, blocking a bridge is PROTEST for a crowd and COERCE for a state', () => {
    const { doc } = build([
      'Georgia/NNP lifted/VBD a/DT night/NN curfew/NN ./.',
      'Baltic/JJ workers/NNS blocked/VBD the/DT bridge/NN ./.',
      'Georgia/NNP blocked/VBD the/DT bridge/NN ./.',
    ], [GEO, { name: 'Baltic workers', type: 'ORG', country: 'LTU', surfaces: ['Baltic workers'] }]);
    const bySentence = (i: number) => codeDoc(doc).events.filter((e) => e.evidence.sentence === i).map((e) => e.type);
    expect(bySentence(0)).toEqual(['CONCEDE']);
    expect(bySentence(1)).toEqual(['PROTEST']);
    expect(bySentence(2)).toEqual(['COERCE']);
  });
});
