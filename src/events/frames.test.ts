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
// The attacker and the place attacked of the attack frames below.
const TALIBAN: EntSpec = { name: 'Taliban', type: 'ORG', country: 'AFG', surfaces: ['Taliban'] };
const KABUL: EntSpec = { name: 'Kabul', type: 'GPE', country: 'AFG', surfaces: ['Kabul'] };

function assault(b: ReturnType<typeof build>): EventRecord[] {
  return codeDoc(b.doc).events.filter((e) => e.type === 'ASSAULT');
}

function types(events: EventRecord[]): string[] {
  return events.map((e) => e.type);
}

describe('second-pass frames', () => {
  it('matches a phrase row across a name in apposition to the object', () => {
    const b = build(['Croatia/NNP dragged/VBD the/DT police/NN chief/NN ,/, Ivo/NNP Horvat/NNP ,/, to/TO court/NN ./.'], [CROATIA]);
    expect(codeDoc(b.doc).events.map((e) => [e.type, e.mode])).toEqual([['ACCUSE', 'allege']]);
    // Anything but a name between the commas ends the phrase.
    const c = build(['Croatia/NNP dragged/VBD the/DT police/NN chief/NN ,/, who/WP resigned/VBD ,/, to/TO court/NN ./.'], [CROATIA]);
    expect(codeDoc(c.doc).events).toEqual([]);
  });

  it('codes an attack on words in scare quotes or on a plan as criticism, an attack on a place as an assault', () => {
    const words = build(['Croatia/NNP attacked/VBD the/DT government/NN \'s/POS "/`` bungling/NN "/\'\' ./.'], [CROATIA]);
    expect(codeDoc(words.doc).events.map((e) => [e.type, e.mode, e.cameo])).toEqual([['ACCUSE', 'disapprove', '111']]);
    const plan = build(['Croatia/NNP attacked/VBD the/DT plan/NN ./.'], [CROATIA]);
    expect(types(codeDoc(plan.doc).events)).toEqual(['ACCUSE']);
    const place = build(['The/DT Taliban/NNP attacked/VBD Kabul/NNP ./.'], [TALIBAN, KABUL]);
    expect(types(codeDoc(place.doc).events)).toEqual(['ASSAULT']);
  });

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

  it("reads a headline's bare participle of a verb that takes an object as passive, unless a noun phrase follows it", () => {
    const rulesOnly = (b: ReturnType<typeof build>): EventRecord[] => codeDoc(b.doc, undefined, undefined, null).events;
    // "Yukos accused of lying to court": Yukos is accused, and nobody named accuses it.
    const headline = build(['Hamas/NNP accused/VBN of/IN lying/VBG ./.'], [HAMAS],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'mark'], [1, 'advcl'], [1, 'punct']]] });
    expect(rulesOnly(headline).filter((e) => e.type === 'ACCUSE')).toEqual([]);
    // "the civilian allegedly killed by UK troops", as the tagger and parser read a headline.
    const agent = build(['Hamas/NNP attacked/VBN by/IN Israel/NNP ./.'], [HAMAS, ISRAEL],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'case'], [1, 'obl'], [1, 'punct']]] });
    const attack = rulesOnly(agent).find((e) => e.type === 'ASSAULT');
    expect([attack?.actor, attack?.recipient]).toEqual([[agent.ids.get('Israel')], [agent.ids.get('Hamas')]]);
    // "Vincent Cable … accused/VBN Mr Brown of ducking tough choices", Brown parsed as the subject of "ducking".
    const active = build(['Hamas/NNP accused/VBN Israel/NNP of/IN lying/VBG ./.'], [HAMAS, ISRAEL],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [4, 'nsubj'], [4, 'mark'], [1, 'advcl'], [1, 'punct']]] });
    expect(rulesOnly(active).find((e) => e.type === 'ACCUSE')?.actor).toEqual([active.ids.get('Hamas')]);
  });

  it('reads a headline\'s past tense before "of", or before "to" and a verb, as passive', () => {
    const rulesOnly = (b: ReturnType<typeof build>): EventRecord[] => codeDoc(b.doc, undefined, undefined, null).events;
    // "Labour accused of broken pledge" as a story's title, the participle tagged as a past tense.
    const of = build(['Hamas/NNP accused/VBD of/IN lying/VBG'], [HAMAS],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'mark'], [1, 'advcl']]] });
    expect(rulesOnly(of).filter((e) => e.type === 'ACCUSE')).toEqual([]);
    // In running text "Davis warned of miscarriages of justice" warns.
    const warned = build(['Hamas/NNP warned/VBD of/IN attacks/NNS ./.'], [HAMAS],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'case'], [1, 'obl'], [1, 'punct']]] });
    expect(rulesOnly(warned).find((e) => e.type === 'THREATEN')?.actor).toEqual([warned.ids.get('Hamas')]);
    const caps = build(['HAMAS/NNP URGED/VBD TO/TO RESTRAIN/VB FIGHTERS/NNS'], [{ ...HAMAS, surfaces: ['HAMAS'] }],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'mark'], [1, 'xcomp'], [3, 'obj']]] });
    expect(rulesOnly(caps).filter((e) => e.type === 'REQUEST')).toEqual([]);
    // In running text "Hamas asked to join the talks" asks.
    const asked = build(['Hamas/NNP asked/VBD to/TO join/VB the/DT talks/NNS ./.'], [HAMAS],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'mark'], [1, 'xcomp'], [5, 'det'], [3, 'obj'], [1, 'punct']]] });
    expect(rulesOnly(asked).find((e) => e.type === 'REQUEST')?.actor).toEqual([asked.ids.get('Hamas')]);
  });

  it('gives the infinitive of a directive noun to whom the noun is addressed', () => {
    // "Reagan's invitation to Gorbachev to visit the United States": Gorbachev would visit.
    const invited = build(['Hamas/NNP \'s/POS invitation/NN to/IN Israel/NNP to/TO visit/VB Gaza/NNP stands/VBZ ./.'], [HAMAS, ISRAEL],
      { deps: [[[2, 'nmod:poss'], [0, 'case'], [8, 'nsubj'], [4, 'case'], [2, 'nmod'], [6, 'mark'], [2, 'acl'], [6, 'obj'], [-1, 'root'], [8, 'punct']]] });
    expect(codeDoc(invited.doc, undefined, undefined, null).events.find((e) => e.type === 'CONSULT')?.actor).toEqual([invited.ids.get('Israel')]);
  });

  it('reads a participle set off by a comma with "of" or "to" after it as passive on the noun before it', () => {
    const rulesOnly = (b: ReturnType<typeof build>): EventRecord[] => codeDoc(b.doc, undefined, undefined, null).events;
    // "Bernie Ebbers is on trial, accused of overseeing an $11bn fraud": nobody named accuses him.
    const trial = build(['Hamas/NNP is/VBZ on/IN trial/NN ,/, accused/VBN of/IN lying/VBG ./.'], [HAMAS],
      { deps: [[[3, 'nsubj'], [3, 'cop'], [3, 'case'], [-1, 'root'], [5, 'punct'], [3, 'advcl'], [7, 'mark'], [5, 'advcl'], [3, 'punct']]] });
    expect(rulesOnly(trial).filter((e) => e.type === 'ACCUSE')).toEqual([]);
  });

  it("takes a host's guest from the object itself, never from a name inside it", () => {
    const rulesOnly = (b: ReturnType<typeof build>): EventRecord[] => codeDoc(b.doc, undefined, undefined, null).events;
    const guest = build(['Israel/NNP received/VBD Hamas/NNP ./.'], [HAMAS, ISRAEL]);
    const visit = rulesOnly(guest).find((e) => e.type === 'CONSULT');
    expect([visit?.actor, visit?.recipient]).toEqual([[guest.ids.get('Hamas')], [guest.ids.get('Israel')]]);
    // "to receive 75 pct of Argo's assets": Argo visits nobody.
    const assets = build(['Israel/NNP received/VBD 75/CD pct/NN of/IN Hamas/NNP \'s/POS assets/NNS ./.'], [HAMAS, ISRAEL]);
    expect(rulesOnly(assets).filter((e) => e.type === 'CONSULT')).toEqual([]);
  });

  it('reads a participle opening a conditional clause as passive on the main subject', () => {
    const rulesOnly = (b: ReturnType<typeof build>): EventRecord[] => codeDoc(b.doc, undefined, undefined, null).events;
    // "If convicted, Eder could receive a jail term": Eder is the one convicted.
    const convicted = build(['If/IN convicted/VBN ,/, Hamas/NNP could/MD face/VB prison/NN ./.'], [HAMAS],
      { deps: [[[1, 'mark'], [5, 'advcl'], [1, 'punct'], [5, 'nsubj'], [5, 'aux'], [-1, 'root'], [5, 'obj'], [5, 'punct']]] });
    expect(rulesOnly(convicted).filter((e) => e.type === 'SANCTION')).toEqual([]);
    // "If approved by Congress, the bill would …": the agent approves.
    const approved = build(['If/IN approved/VBN by/IN Israel/NNP ,/, Hamas/NNP would/MD gain/VB ./.'], [HAMAS, ISRAEL],
      { deps: [[[1, 'mark'], [7, 'advcl'], [3, 'case'], [1, 'obl'], [1, 'punct'], [7, 'nsubj'], [7, 'aux'], [-1, 'root'], [7, 'punct']]] });
    expect(rulesOnly(approved).find((e) => e.type === 'SUPPORT')?.actor).toEqual([approved.ids.get('Israel')]);
  });
});

describe('round-two frames', () => {
  const SERBIA: EntSpec = { name: 'Serbia', type: 'GPE', country: 'SRB', surfaces: ['Serbia'] };
  const MALI: EntSpec = { name: 'Mali', type: 'GPE', country: 'MLI', surfaces: ['Mali'] };
  const FRANCE: EntSpec = { name: 'France', type: 'GPE', country: 'FRA', surfaces: ['France'] };
  const find = (b: ReturnType<typeof build>, type: string): EventRecord | undefined => codeDoc(b.doc).events.find((e) => e.type === type);

  it('gives an event noun the subject of a verb of attending or taking part', () => {
    const attended = build(['Croatia/NNP attended/VBD talks/NNS in/IN Geneva/NNP ./.'], [CROATIA]);
    expect(find(attended, 'CONSULT')?.actor).toEqual([attended.ids.get('Croatia')]);
    const part = build(['Croatia/NNP took/VBD an/DT active/JJ part/NN in/IN the/DT fighting/NN ./.'], [CROATIA]);
    expect(find(part, 'ASSAULT')?.actor).toEqual([part.ids.get('Croatia')]);
    const engaged = build(['Croatia/NNP engaged/VBD in/IN fighting/NN with/IN Serbia/NNP ./.'], [CROATIA, SERBIA]);
    expect(find(engaged, 'ASSAULT')?.actor).toEqual([engaged.ids.get('Croatia')]);
    // The parse reaches a light verb across an adjunct word order cannot cross.
    const far = build(['Croatia/NNP attended/VBD on/IN Monday/NNP lengthy/JJ talks/NNS ./.'], [CROATIA],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'case'], [1, 'obl'], [5, 'amod'], [1, 'obj'], [1, 'punct']]] });
    expect(find(far, 'CONSULT')?.actor).toEqual([far.ids.get('Croatia')]);
  });

  it('does not give an event noun the subject of a verb that only reacts to it', () => {
    const welcomed = build(['Croatia/NNP welcomed/VBD the/DT talks/NNS ./.'], [CROATIA]);
    expect(find(welcomed, 'CONSULT')).toBeUndefined();
    // "took part" needs "in": "took the fighting seriously" is no fighting by Croatia.
    const took = build(['Croatia/NNP took/VBD the/DT fighting/NN seriously/RB ./.'], [CROATIA]);
    expect(find(took, 'ASSAULT')).toBeUndefined();
  });

  it('makes a noun governing an infinitive its governor: refusal, threat, decision', () => {
    const refusal = build(["Croatia/NNP 's/POS refusal/NN to/TO withdraw/VB its/PRP$ troops/NNS angered/VBD Serbia/NNP ./."], [CROATIA, SERBIA],
      { deps: [[[2, 'nmod:poss'], [0, 'case'], [7, 'nsubj'], [4, 'mark'], [2, 'acl'], [6, 'nmod:poss'], [4, 'obj'], [-1, 'root'], [7, 'obj'], [7, 'punct']]] });
    const rev = codeDoc(refusal.doc).events;
    expect(rev.find((e) => e.type === 'REJECT')?.actor).toEqual([refusal.ids.get('Croatia')]);
    expect(rev.some((e) => e.type === 'RETREAT')).toBe(false);
    const threat = build(["Croatia/NNP 's/POS threat/NN to/TO attack/VB Serbia/NNP alarmed/VBD Europe/NNP ./."], [CROATIA, SERBIA],
      { deps: [[[2, 'nmod:poss'], [0, 'case'], [6, 'nsubj'], [4, 'mark'], [2, 'acl'], [4, 'obj'], [-1, 'root'], [6, 'obj'], [6, 'punct']]] });
    const tev = codeDoc(threat.doc).events;
    expect(tev.find((e) => e.type === 'THREATEN')?.mode).toBe('violence');
    expect(tev.some((e) => e.type === 'ASSAULT')).toBe(false);
    const decided = build(['Croatia/NNP announced/VBD a/DT decision/NN to/TO deploy/VB troops/NNS ./.'], [CROATIA],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'det'], [1, 'obj'], [5, 'mark'], [3, 'acl'], [5, 'obj'], [1, 'punct']]] });
    const mob = find(decided, 'MOBILIZE');
    expect(mob?.actor).toEqual([decided.ids.get('Croatia')]);
    expect(mob?.modality).toBe('future');
    // A noun with "to" but no infinitive governs nothing: "a threat to peace" leaves the attack asserted.
    const peace = build(['Croatia/NNP attacked/VBD Serbia/NNP ,/, a/DT threat/NN to/TO peace/NN ./.'], [CROATIA, SERBIA]);
    expect(find(peace, 'ASSAULT')?.modality).toBe('asserted');
  });

  it('reads "the junta" as the state named last before it, and only then', () => {
    const after = build(['France/NNP recalled/VBD its/PRP$ ambassador/NN from/IN Mali/NNP after/IN the/DT junta/NN expelled/VBD French/JJ diplomats/NNS ./.'], [FRANCE, MALI]);
    const expel = codeDoc(after.doc).events.find((e) => e.mode === 'expel');
    expect(expel?.actor).toEqual([after.ids.get('Mali')]);
    const alone = build(['The/DT junta/NN expelled/VBD French/JJ diplomats/NNS ./.'], []);
    expect(codeDoc(alone.doc).events).toEqual([]);
    // Only a bare government noun: "the rebels" are not the state named before them.
    const rebels = build(['Fighting/NN continued/VBD in/IN Mali/NNP ./.', 'The/DT rebels/NNS expelled/VBD French/JJ diplomats/NNS ./.'], [MALI]);
    expect(codeDoc(rebels.doc).events.filter((e) => e.mode === 'expel')).toEqual([]);
  });

  it('takes an accused act named by a noun as alleged', () => {
    const b = build(['Serbia/NNP accused/VBD Croatia/NNP of/IN the/DT attack/NN ./.'], [SERBIA, CROATIA]);
    const a = find(b, 'ASSAULT');
    if (a) expect(a.modality).toBe('alleged');
    expect(find(b, 'ACCUSE')?.actor).toEqual([b.ids.get('Serbia')]);
  });

  it('distrusts a case-marked subject and a comma-set-off -ing clause hung from a noun', () => {
    const RUSSIA: EntSpec = { name: 'Russia', type: 'NORP', country: 'RUS', surfaces: ['Russian'] };
    // The parse made "gunships" (the object of "including") the subject and "aircraft" the root.
    const incl = build(['Russian/JJ aircraft/NN including/VBG helicopter/NN gunships/NNS killed/VBD 46/CD civilians/NNS ./.'], [RUSSIA],
      { deps: [[[1, 'amod'], [-1, 'root'], [4, 'case'], [4, 'compound'], [5, 'nsubj'], [1, 'acl:relcl'], [7, 'nummod'], [5, 'obj'], [1, 'punct']]] });
    expect(find(incl, 'ASSAULT')?.actor).toEqual([incl.ids.get('Russia')]);
    // "killing 30 soldiers" after a comma is the attack's result, not something the base did.
    const SERB: EntSpec = { name: 'Serbia', type: 'NORP', country: 'SRB', surfaces: ['Serbian'] };
    const comma = build(['Croatia/NNP attacked/VBD a/DT Serbian/JJ base/NN ,/, killing/VBG 30/CD soldiers/NNS ./.'], [CROATIA, SERB],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [4, 'det'], [4, 'amod'], [1, 'obj'], [6, 'punct'], [4, 'acl'], [8, 'nummod'], [6, 'obj'], [1, 'punct']]] });
    expect(codeDoc(comma.doc).events.filter((e) => e.type === 'ASSAULT').map((e) => e.actor)).toEqual([[comma.ids.get('Croatia')]]);
    // Without the comma the -ing word modifies its noun: the soldiers kill.
    const mod = build(['Croatia/NNP condemned/VBD Serbian/JJ soldiers/NNS killing/VBG civilians/NNS ./.'], [CROATIA, SERB],
      { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'amod'], [1, 'obj'], [3, 'acl'], [4, 'obj'], [1, 'punct']]] });
    expect(find(mod, 'ASSAULT')?.actor).toEqual([mod.ids.get('Serbia')]);
  });

  it('gives an act kept going its keeper, across a particle; never to a verb that stops it', () => {
    const up = build(['Croatia/NNP stepped/VBD up/RP attacks/NNS on/IN Serbia/NNP ./.'], [CROATIA, SERBIA]);
    expect(find(up, 'ASSAULT')?.actor).toEqual([up.ids.get('Croatia')]);
    const kept = build(['Croatia/NNP maintained/VBD the/DT blockade/NN of/IN Serbia/NNP ./.'], [CROATIA, SERBIA]);
    expect(find(kept, 'COERCE')?.actor).toEqual([kept.ids.get('Croatia')]);
    const halted = build(['Croatia/NNP halted/VBD attacks/NNS on/IN Serbia/NNP ./.'], [CROATIA, SERBIA]);
    expect(find(halted, 'ASSAULT')).toBeUndefined();
  });

  it('reads an adjective heading a determiner phrase as its noun ("the offensive/JJ against")', () => {
    const off = build(['Croatia/NNP broadened/VBD the/DT offensive/JJ against/IN Serbia/NNP ./.'], [CROATIA, SERBIA]);
    expect(find(off, 'ASSAULT')?.actor).toEqual([off.ids.get('Croatia')]);
    // Followed by its noun it stays an adjective: "the offensive remarks" are no attack.
    const remarks = build(['Croatia/NNP repeated/VBD the/DT offensive/JJ remarks/NNS about/IN Serbia/NNP ./.'], [CROATIA, SERBIA]);
    expect(find(remarks, 'ASSAULT')).toBeUndefined();
  });
});

describe('actors of event nouns', () => {
  const ISRAELI: EntSpec = { name: 'Israel', type: 'NORP', country: 'ISR', surfaces: ['Israeli'] };
  const GAZA: EntSpec = { name: 'Gaza', type: 'GPE', country: 'PSE', surfaces: ['Gaza'] };

  it('gives a verb whose subject is an event noun the noun\'s actor, never the place it hit', () => {
    const by = build(['The/DT attack/NN on/IN Kabul/NNP by/IN the/DT Taliban/NNP killed/VBD 12/CD people/NNS ./.'], [KABUL, TALIBAN]);
    expect(assault(by).map((e) => e.actor)).toEqual([[by.ids.get('Taliban')]]);
    const strike = build(['An/DT Israeli/JJ air/NN strike/NN on/IN Gaza/NNP killed/VBD five/CD people/NNS ./.'], [ISRAELI, GAZA]);
    expect(assault(strike).map((e) => e.actor)).toEqual([[strike.ids.get('Israel')]]);
    // No one named: the place attacked is no actor, so there is no event.
    const bare = build(['The/DT attack/NN on/IN Kabul/NNP killed/VBD 12/CD people/NNS ./.'], [KABUL]);
    expect(assault(bare)).toEqual([]);
  });

  it('reads "an attack blamed on X" and "X\'s offensive"', () => {
    const blamed = build(['Five/CD soldiers/NNS were/VBD killed/VBN in/IN an/DT attack/NN blamed/VBN on/IN the/DT Taliban/NNP ./.'], [TALIBAN]);
    expect(assault(blamed).map((e) => e.actor)).toEqual([[blamed.ids.get('Taliban')]]);
    // An agentless passive with no attacker named is no event.
    const none = build(['Five/CD soldiers/NNS were/VBD killed/VBN in/IN Kabul/NNP ./.'], [KABUL]);
    expect(assault(none)).toEqual([]);
    const RUSSIA: EntSpec = { name: 'Russia', type: 'GPE', country: 'RUS', surfaces: ['Russia'] };
    const off = build(["Russia/NNP 's/POS offensive/JJ against/IN Kabul/NNP continued/VBD ./."], [RUSSIA, KABUL]);
    expect(assault(off).map((e) => e.actor)).toEqual([[off.ids.get('Russia')]]);
    const remarks = build(["Russia/NNP 's/POS offensive/JJ remarks/NNS angered/VBD Kabul/NNP ./."], [RUSSIA, KABUL]);
    expect(assault(remarks)).toEqual([]);
  });
});

describe('agentless attacks', () => {
  const KILLED = 'Five/CD soldiers/NNS were/VBD killed/VBN in/IN Kabul/NNP ./.';

  it('takes the party that claims the attack, in the sentence or the one before', () => {
    const same = build(['Five/CD soldiers/NNS were/VBD killed/VBN in/IN Kabul/NNP ,/, and/CC the/DT Taliban/NNP claimed/VBD responsibility/NN ./.'], [TALIBAN, KABUL]);
    expect(assault(same).map((e) => e.actor)).toEqual([[same.ids.get('Taliban')]]);
    const before = build(['The/DT Taliban/NNP claimed/VBD responsibility/NN ./.', KILLED], [TALIBAN, KABUL]);
    expect(assault(before).map((e) => e.actor)).toEqual([[before.ids.get('Taliban')]]);
    const blamed = build(['Five/CD soldiers/NNS were/VBD killed/VBN in/IN Kabul/NNP in/IN violence/NN blamed/VBN on/IN the/DT Taliban/NNP ./.'], [TALIBAN, KABUL]);
    expect(assault(blamed).map((e) => e.actor)).toEqual([[blamed.ids.get('Taliban')]]);
  });

  it('gives a harm done in a raid the raider', () => {
    const ISRAELI: EntSpec = { name: 'Israel', type: 'NORP', country: 'ISR', surfaces: ['Israeli'] };
    const raid = build(['Two/CD men/NNS were/VBD killed/VBN in/IN an/DT Israeli/JJ raid/NN ./.'], [ISRAELI]);
    expect(assault(raid).map((e) => e.actor)).toEqual([[raid.ids.get('Israel')]]);
    const anon = build(['Two/CD men/NNS were/VBD killed/VBN in/IN a/DT raid/NN on/IN Kabul/NNP ./.'], [KABUL]);
    expect(assault(anon)).toEqual([]);
    const clash = build(['Two/CD men/NNS were/VBD killed/VBN in/IN clashes/NNS with/IN the/DT Taliban/NNP ./.'], [TALIBAN]);
    expect(assault(clash).map((e) => e.actor)).toEqual([[clash.ids.get('Taliban')]]);
    const sided = build(['Two/CD men/NNS were/VBD killed/VBN in/IN clashes/NNS in/IN Kabul/NNP ./.'], [KABUL]);
    expect(assault(sided)).toEqual([]);
  });

  it('reads a relative clause owning the attack noun', () => {
    const which = build(['Two/CD soldiers/NNS died/VBD in/IN the/DT attack/NN ,/, which/WDT the/DT Taliban/NNP claimed/VBD ./.'], [TALIBAN]);
    expect(assault(which).map((e) => e.actor)).toEqual([[which.ids.get('Taliban')]]);
    const not = build(['Two/CD soldiers/NNS died/VBD in/IN the/DT attack/NN ,/, which/WDT the/DT Taliban/NNP did/VBD not/RB claim/VB ./.'], [TALIBAN]);
    expect(assault(not)).toEqual([]);
    const condemned = build(['Two/CD soldiers/NNS died/VBD in/IN the/DT attack/NN ,/, which/WDT the/DT Taliban/NNP condemned/VBD ./.'], [TALIBAN]);
    expect(assault(condemned)).toEqual([]);
  });

  it('codes nothing when no one owns it', () => {
    const denied = build(['The/DT Taliban/NNP did/VBD not/RB claim/VB responsibility/NN ./.', KILLED], [TALIBAN, KABUL]);
    expect(assault(denied)).toEqual([]);
    const unrelated = build(['The/DT Taliban/NNP met/VBD officials/NNS ./.', KILLED], [TALIBAN, KABUL]);
    expect(assault(unrelated)).toEqual([]);
  });
});

describe('subjects past relative clauses, reduced passives and gerund names', () => {
  const CHECHEN: EntSpec = { name: 'Chechen rebels', type: 'ORG', country: null, surfaces: ['Chechen rebels'] };
  const ETHIOPIA: EntSpec = { name: 'Ethiopia', type: 'GPE', country: 'ETH', surfaces: ['Ethiopia'] };
  const ERITREA: EntSpec = { name: 'Eritrea', type: 'GPE', country: 'ERI', surfaces: ['Eritrea'] };
  const TROOPS: EntSpec = { name: 'Congolese troops', type: 'ORG', country: 'COD', surfaces: ['Congolese troops'] };

  it('reads a relative pronoun subject as the phrase it follows (the parse made the verb a conjunct)', () => {
    const { doc, ids } = build(['Chechen/NNP rebels/NNS ,/, who/WP have/VBP been/VBN fighting/VBG for/IN independence/NN ,/, ambushed/VBD a/DT convoy/NN ./.'], [CHECHEN],
      { deps: [[[1, 'compound'], [-1, 'root'], [6, 'punct'], [6, 'nsubj'], [6, 'aux'], [6, 'aux'], [1, 'parataxis'], [8, 'case'], [6, 'obl'], [10, 'punct'], [6, 'conj'], [12, 'det'], [10, 'obj'], [1, 'punct']]] });
    const evs = codeDoc(doc).events.filter((e) => e.type === 'ASSAULT');
    expect(evs.length).toBeGreaterThan(0);
    for (const e of evs) expect(e.actor).toEqual([ids.get('Chechen rebels')]);
  });

  it('reads "X backed by Y attacked" as X attacking and no support by X', () => {
    const { doc, ids } = build(['Congolese/JJ troops/NNS backed/VBN by/IN tanks/NNS attacked/VBD the/DT town/NN ./.'], [TROOPS]);
    const evs = codeDoc(doc).events;
    expect(evs.map((e) => [e.type, e.actor])).toEqual([['ASSAULT', [ids.get('Congolese troops')]]]);
  });

  it('gives a subjectless gerund its "between" parties', () => {
    const { doc, ids } = build(['Fighting/VBG erupted/VBD between/IN Ethiopia/NNP and/CC Eritrea/NNP ./.'], [ETHIOPIA, ERITREA]);
    expect(codeDoc(doc).events.find((e) => e.type === 'ASSAULT')?.actor).toEqual([ids.get('Ethiopia'), ids.get('Eritrea')]);
    // One party only is no pair: nothing to code.
    const one = build(['Fighting/VBG erupted/VBD between/IN Ethiopia/NNP and/CC rebels/NNS ./.'], [ETHIOPIA]);
    expect(codeDoc(one.doc).events.filter((e) => e.type === 'ASSAULT')).toEqual([]);
  });
});

describe('round four: manual vocabulary frames', () => {
  const SERBIA: EntSpec = { name: 'Serbia', type: 'GPE', country: 'SRB', surfaces: ['Serbia'] };
  const SMITH: EntSpec = { name: 'Smith', type: 'PERSON', country: null, surfaces: ['Smith'] };

  it('lets a noun phrase row\'s class noun take its own modifiers, and only modifiers', () => {
    const freed = build(['The/DT release/NN of/IN 200/CD political/JJ prisoners/NNS by/IN Croatia/NNP began/VBD on/IN Monday/NNP ./.'], [CROATIA]);
    const e = codeDoc(freed.doc).events.find((x) => x.type === 'RETREAT');
    expect(e?.mode).toBe('release');
    expect(e?.actor).toEqual([freed.ids.get('Croatia')]);
    // A release of anything but captives is no RETREAT, nor is a captive noun behind another noun.
    const report = build(['The/DT release/NN of/IN the/DT report/NN by/IN Croatia/NNP angered/VBD Serbia/NNP ./.'], [CROATIA, SERBIA]);
    expect(codeDoc(report.doc).events.filter((x) => x.type === 'RETREAT')).toEqual([]);
    const dates = build(['The/DT release/NN of/IN data/NNS on/IN prisoners/NNS by/IN Croatia/NNP began/VBD ./.'], [CROATIA]);
    expect(codeDoc(dates.doc).events.filter((x) => x.type === 'RETREAT')).toEqual([]);
  });

  it('codes the event noun a bare light verb carries, not the light verb', () => {
    const probe = build(['Croatia/NNP ordered/VBD an/DT investigation/NN into/IN the/DT killings/NNS ./.'], [CROATIA]);
    expect(types(codeDoc(probe.doc).events)).toEqual(['ACCUSE']);
    // An order to act stays a REQUEST; a phrase row of the verb keeps the verb.
    const order = build(['Croatia/NNP ordered/VBD Serbia/NNP to/TO withdraw/VB ./.'], [CROATIA, SERBIA]);
    expect(types(codeDoc(order.doc).events)).toContain('REQUEST');
    const curfew = build(['Croatia/NNP imposed/VBD a/DT curfew/NN on/IN the/DT town/NN ./.'], [CROATIA]);
    const [c] = codeDoc(curfew.doc).events;
    expect(c?.type).toBe('COERCE');
    expect(c?.mode).toBe('curfew');
  });

  it('expels individuals as COERCE deport, diplomats and members of a body as SANCTION expel', () => {
    const workers = build(['Croatia/NNP expelled/VBD 30/CD Serbian/JJ workers/NNS ./.'], [CROATIA]);
    const [w] = codeDoc(workers.doc).events;
    expect([w?.type, w?.mode]).toEqual(['COERCE', 'deport']);
    const envoys = build(['Croatia/NNP expelled/VBD two/CD Serbian/JJ consuls/NNS ./.'], [CROATIA]);
    const [d] = codeDoc(envoys.doc).events;
    expect([d?.type, d?.mode]).toEqual(['SANCTION', 'expel']);
    const member = build(['The/DT Helsinki/NNP Committee/NNP expelled/VBD Smith/NNP from/IN the/DT federation/NN ./.'], [RIGHTS, SMITH]);
    const [m] = codeDoc(member.doc).events;
    expect([m?.type, m?.mode]).toEqual(['SANCTION', 'expel']);
  });

  it('reads "executed a search" as a COERCE seize and an execution of people as ASSAULT', () => {
    const search = build(['Croatia/NNP executed/VBD a/DT search/NN warrant/NN at/IN the/DT office/NN ./.'], [CROATIA]);
    const [s] = codeDoc(search.doc).events;
    expect([s?.type, s?.mode]).toEqual(['COERCE', 'seize']);
    const killed = build(['Croatia/NNP executed/VBD two/CD prisoners/NNS ./.'], [CROATIA]);
    expect(types(codeDoc(killed.doc).events)).toEqual(['ASSAULT']);
  });

  it('takes a demand\'s or refusal\'s mode from what it asks for (manual REQUEST/REJECT table)', () => {
    const talks = build(['Croatia/NNP demanded/VBD talks/NNS with/IN Serbia/NNP ./.'], [CROATIA, SERBIA]);
    const r = codeDoc(talks.doc).events.find((x) => x.type === 'REQUEST');
    expect(r?.mode).toBe('meet');
    const money = build(['Croatia/NNP rejected/VBD the/DT verdict/NN ./.'], [CROATIA]);
    expect(codeDoc(money.doc).events.find((x) => x.type === 'REJECT')?.mode ?? null).toBeNull();
  });
});

describe('forces after "of" an event noun', () => {
  const KENYA: EntSpec = { name: 'Kenya', type: 'GPE', country: 'KEN', surfaces: ['Kenya'] };
  const SOMALIA: EntSpec = { name: 'Somalia', type: 'GPE', country: 'SOM', surfaces: ['Somalia'] };
  const named = (events: EventRecord[], ents: readonly { id: string; name: string }[]): string[][] =>
    events.map((e) => e.actor.map((id) => ents.find((x) => x.id === id)?.name ?? id));

  it('act when they are someone\'s, and leave the noun to its carrier when they are no one\'s', () => {
    const owned = build(['The/DT deployment/NN of/IN Kenyan/JJ troops/NNS to/TO Somalia/NNP began/VBD ./.'],
      [{ name: 'Kenyan troops', type: 'ORG', country: 'KEN', surfaces: ['Kenyan troops'] }, SOMALIA]);
    const a = codeDoc(owned.doc).events;
    expect(types(a)).toEqual(['MOBILIZE']);
    expect(named(a, owned.doc.entities)).toEqual([['Kenyan troops']]);
    const bare = build(['Kenya/NNP approved/VBD the/DT deployment/NN of/IN 500/CD troops/NNS to/TO Somalia/NNP ./.'], [KENYA, SOMALIA]);
    const b = codeDoc(bare.doc).events;
    expect(types(b)).toEqual(['MOBILIZE']);
    expect(named(b, bare.doc.entities)).toEqual([['Kenya']]);
  });
});
