/**
 * Readings that wire copy asks for (decision 0024): whom "it" stands for, a threat's own clause,
 * acts on a condition or still expected, and senses of "attack", "concede", "meet", "pledge" and
 * "raid". Hand-tagged docs; where the reading needs the parse, the arcs are given.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/record.js';
import { codeDoc } from './coder.js';
import type { EntSpec } from './docs.test-util.js';
import { build } from './docs.test-util.js';

const CHILE: EntSpec = { name: 'Chile', type: 'GPE', country: 'CHL', surfaces: ['Chile'] };
const PERU: EntSpec = { name: 'Peru', type: 'GPE', country: 'PER', surfaces: ['Peru'] };
const PERUVIAN: EntSpec = { name: 'Peruvian', type: 'NORP', country: 'PER', surfaces: ['Peruvian'] };
const BOLIVIA: EntSpec = { name: 'Bolivia', type: 'GPE', country: 'BOL', surfaces: ['Bolivia'] };
const CHILEAN_OFFICIALS: EntSpec = { name: 'Chilean officials', type: 'ORG', country: 'CHL', sector: 'GOV', surfaces: ['Chilean officials'] };
const ent = (name: string): EntSpec => ({ name, type: 'PERSON', country: null, surfaces: [name] });

type Deps = [number, string][][];

function events(tagged: string, ents: EntSpec[], deps?: Deps): { events: EventRecord[]; name: (id: string) => string } {
  const b = build([tagged], ents, deps ? { deps } : {});
  const byId = new Map([...b.ids].map(([name, id]) => [id, name]));
  return { events: codeDoc(b.doc).events, name: (id) => byId.get(id) ?? id };
}

describe('whom "it" stands for', () => {
  it('takes a clause\'s subject before a name inside a modifier', () => {
    const tagged = 'Chile/NNP imposed/VBD sanctions/NNS against/IN Peruvian/JJ goods/NNS after/IN it/PRP accused/VBD Bolivia/NNP ./.';
    const deps: Deps = [[[1, 'nsubj'], [-1, 'root'], [1, 'obj'], [5, 'case'], [5, 'amod'], [2, 'nmod'], [8, 'mark'], [8, 'nsubj'], [1, 'advcl'], [8, 'obj'], [1, 'punct']]];
    const r = events(tagged, [CHILE, PERUVIAN, BOLIVIA], deps);
    const accuse = r.events.find((e) => e.type === 'ACCUSE');
    expect(accuse?.actor.map(r.name)).toEqual(['Chile']);
    expect(accuse?.recipient.map(r.name)).toEqual(['Bolivia']);
  });

  it('takes the head of the sentence before for "It" opening a sentence, not a name after a preposition or in an appositive', () => {
    const tagged = ['In/IN Lima/NNP ,/, the/DT Andean/NNP Council/NNP ,/, a/DT Chilean/JJ body/NN ,/, ruled/VBD that/IN the/DT tax/NN was/VBD illegal/JJ ./.', 'It/PRP called/VBD on/IN Bolivia/NNP to/TO repeal/VB it/PRP ./.'];
    const council: EntSpec = { name: 'Andean Council', type: 'ORG', country: null, surfaces: ['Andean Council'] };
    const lima: EntSpec = { name: 'Lima', type: 'GPE', country: 'PER', surfaces: ['Lima'] };
    const chilean: EntSpec = { name: 'Chilean', type: 'NORP', country: 'CHL', surfaces: ['Chilean'] };
    const b = build(tagged, [lima, council, chilean, BOLIVIA]);
    const byId = new Map([...b.ids].map(([name, id]) => [id, name]));
    const call = codeDoc(b.doc).events.find((e) => e.type === 'REQUEST');
    expect(call?.actor.map((id) => byId.get(id))).toEqual(['Andean Council']);
  });

  it('takes a subject for a subject pronoun, before a nearer object', () => {
    const tagged = 'Chile/NNP shelled/VBD Peruvian/JJ towns/NNS as/IN it/PRP attacked/VBD Bolivia/NNP ./.';
    const deps: Deps = [[[1, 'nsubj'], [-1, 'root'], [3, 'amod'], [1, 'obj'], [6, 'mark'], [6, 'nsubj'], [1, 'advcl'], [6, 'obj'], [1, 'punct']]];
    const r = events(tagged, [CHILE, PERUVIAN, BOLIVIA], deps);
    expect(r.events.filter((e) => e.recipient.map(r.name).includes('Bolivia')).map((e) => e.actor.map(r.name))).toEqual([['Chile']]);
  });
});

describe('"our" in a quotation', () => {
  it('is its speaker\'s: "Our troops attacked" is the speaker\'s attack', () => {
    const tagged = 'Chile/NNP said/VBD :/: Our/PRP$ troops/NNS attacked/VBD Peruvian/JJ positions/NNS ./.';
    const plain = build([tagged], [CHILE, PERUVIAN]);
    const start = plain.doc.text.indexOf('Our');
    const chile = plain.ids.get('Chile')!;
    const b = build([tagged], [CHILE, PERUVIAN], { quotes: [{ start, end: plain.doc.text.length, speaker: chile, cue: 'said', channel: null, direct: true }] });
    const attack = codeDoc(b.doc).events.find((e) => e.type === 'ASSAULT');
    expect(attack?.actor).toEqual([b.ids.get('Chile')]);
  });
});

describe('the act one is charged with', () => {
  it('is the charged party\'s, as the act one is accused of', () => {
    const r = events('Chile/NNP charged/VBD Peru/NNP with/IN violating/VBG rules/NNS by/IN restricting/VBG imports/NNS ./.', [CHILE, PERU]);
    expect(r.events.filter((e) => e.type === 'COERCE').map((e) => e.actor.map(r.name))).toEqual([['Peru']]);
  });
});

describe('a threat\'s own clause', () => {
  it('is one THREATEN, directed at whom the act would hit', () => {
    const tagged = 'Chile/NNP warned/VBD it/PRP would/MD attack/VB Peru/NNP if/IN talks/NNS failed/VBD ./.';
    const deps: Deps = [[[1, 'nsubj'], [-1, 'root'], [4, 'nsubj'], [4, 'aux'], [1, 'ccomp'], [4, 'obj'], [8, 'mark'], [8, 'nsubj'], [4, 'advcl'], [1, 'punct']]];
    const r = events(tagged, [CHILE, PERU], deps);
    expect(r.events.map((e) => [e.type, e.mode, e.recipient.map(r.name)])).toEqual([['THREATEN', 'violence', ['Peru']]]);
  });
});

describe('acts on a condition, aimed at or expected', () => {
  it('reads an act with an "if" clause as hypothetical, but not under "even if"', () => {
    const deps: Deps = [[[2, 'nsubj'], [2, 'aux'], [-1, 'root'], [2, 'obj'], [6, 'mark'], [6, 'nsubj'], [2, 'advcl'], [2, 'punct']]];
    const would = events('Chile/NNP will/MD attack/VB Peru/NNP if/IN talks/NNS fail/VBP ./.', [CHILE, PERU], deps);
    expect(would.events.map((e) => e.modality)).toEqual(['hypothetical']);
    const evenIf: Deps = [[[3, 'nsubj'], [3, 'aux'], [3, 'advmod'], [-1, 'root'], [3, 'obj'], [7, 'advmod'], [8, 'mark'], [8, 'nsubj'], [3, 'advcl'], [3, 'punct']]];
    const never = events('Chile/NNP will/MD not/RB attack/VB Peru/NNP even/RB if/IN talks/NNS fail/VBP ./.', [CHILE, PERU], evenIf);
    expect(never.events.map((e) => e.modality)).toEqual(['negated']);
  });

  it('reads a negated act inside a condition as hypothetical, not as denied', () => {
    const deps: Deps = [[[2, 'nsubj'], [2, 'aux'], [-1, 'root'], [7, 'mark'], [7, 'nsubj'], [7, 'aux'], [7, 'advmod'], [2, 'advcl'], [2, 'punct']]];
    const r = events('Chile/NNP will/MD act/VB if/IN Peru/NNP does/VBZ not/RB withdraw/VB ./.', [CHILE, PERU], deps);
    expect(r.events.filter((e) => e.type === 'RETREAT').map((e) => e.modality)).toEqual(['hypothetical']);
  });

  it('reads attacks expected, and an aim, as not yet done', () => {
    const expected = events('Chile/NNP expects/VBZ further/JJ Peruvian/JJ attacks/NNS ./.', [CHILE, PERUVIAN]);
    expect(expected.events.filter((e) => e.type === 'ASSAULT').map((e) => e.modality)).toEqual(['future']);
    const goal: Deps = [[[3, 'nmod:poss'], [0, 'case'], [3, 'amod'], [6, 'nsubj:outer'], [6, 'cop'], [6, 'mark'], [-1, 'root'], [6, 'obj'], [6, 'punct']]];
    const aim = events('Peru/NNP \'s/POS main/JJ goal/NN is/VBZ to/TO occupy/VB Arica/NNP ./.', [PERU], goal);
    expect(aim.events.map((e) => [e.type, e.modality])).toEqual([['COERCE', 'hypothetical']]);
  });
});

describe('senses met on the wire', () => {
  const types = (tagged: string, ents: EntSpec[]): string[] => events(tagged, ents).events.map((e) => e.type);

  it('keeps troops attacking positions an attack, and an air raid an assault', () => {
    expect(types('Peruvian/JJ divisions/NNS attacked/VBD Chilean/JJ positions/NNS ./.', [PERUVIAN])).toEqual(['ASSAULT']);
    expect(types('Peruvian/JJ planes/NNS destroyed/VBD a/DT depot/NN during/IN a/DT raid/NN by/IN Peru/NNP ./.', [PERUVIAN, PERU])).toEqual(['ASSAULT', 'ASSAULT']);
  });

  it('reads an admission, terms met and a war aim pledged as no event', () => {
    expect(types('Chile/NNP conceded/VBD they/PRP were/VBD high/JJ ./.', [CHILE])).toEqual([]);
    expect(types('Chile/NNP conceded/VBD the/DT point/NN to/IN Peru/NNP ./.', [CHILE, PERU])).toEqual(['CONCEDE']);
    expect(types('Chile/NNP failed/VBD to/TO meet/VB the/DT terms/NNS ./.', [CHILE])).toEqual([]);
    expect(types('Peru/NNP pledged/VBD a/DT decisive/JJ victory/NN ./.', [PERU])).toEqual([]);
  });

  it('reads a question asked, a view shared, arms backing a unit and a participle before a noun as no event', () => {
    expect(types('Asked/VBN if/IN Peru/NNP would/MD retaliate/VB ,/, Ivanov/NNP said/VBD no/UH ./.', [PERU, ent('Ivanov')])).toEqual([]);
    expect(types('Chilean/JJ officials/NNS agreed/VBD that/IN the/DT obstacle/NN is/VBZ the/DT budget/NN ./.', [CHILEAN_OFFICIALS])).toEqual([]);
    expect(types('Chile/NNP and/CC Peru/NNP agreed/VBD that/IN talks/NNS would/MD resume/VB ./.', [CHILE, PERU])).toEqual(['AGREE']);
    expect(types('A/DT Peruvian/JJ brigade/NN ,/, backed/VBN by/IN tanks/NNS ,/, crossed/VBD the/DT border/NN ./.', [PERUVIAN])).toEqual([]);
    expect(types('Chile/NNP expressed/VBD restricted/VBN optimism/NN ./.', [CHILE])).toEqual([]);
    expect(types('Chile/NNP has/VBZ restricted/VBN imports/NNS ./.', [CHILE])).toEqual(['COERCE']);
    expect(types('Chile/NNP has/VBZ raided/VBN Peruvian/JJ bases/NNS ./.', [CHILE, PERUVIAN])).toEqual(['ASSAULT']);
  });

  it('reads an aim sought, harm to trade and a visiting party as no event, and positions attacked as an attack', () => {
    expect(types('Chile/NNP sought/VBD to/TO end/VB the/DT unrest/NN ./.', [CHILE])).toEqual([]);
    expect(types('Chile/NNP said/VBD the/DT tax/NN would/MD hit/VB Peruvian/JJ exports/NNS ./.', [CHILE, PERUVIAN])).toEqual([]);
    expect(types('Chile/NNP welcomed/VBD the/DT visiting/VBG Peruvian/JJ leader/NN ./.', [CHILE, PERUVIAN])).toEqual(['SUPPORT']);
    expect(types('Chile/NNP retaliated/VBD by/IN attacking/VBG Peruvian/JJ positions/NNS ./.', [CHILE, PERUVIAN])).toEqual(['ASSAULT']);
    expect(types('Peruvian/JJ gunships/NNS attacked/VBD the/DT position/NN ./.', [PERUVIAN])).toEqual(['ASSAULT']);
  });

  it('reads published figures released as no release, and willingness to refuse as no offer', () => {
    expect(types('Chile/NNP released/VBD new/JJ figures/NNS ./.', [CHILE])).toEqual([]);
    expect(types('Chile/NNP released/VBD 20/CD Peruvian/JJ prisoners/NNS ./.', [CHILE, PERUVIAN])).toEqual(['RETREAT']);
    const veto = events('Chile/NNP is/VBZ prepared/VBN to/TO veto/VB the/DT plan/NN ./.', [CHILE]);
    expect(veto.events.map((e) => [e.type, e.modality])).toEqual([['REJECT', 'future']]);
  });

  it('reads a level reached, congratulations offered, a cause "to blame" and a question asked of someone as no event', () => {
    expect(types('Chile/NNP \'s/POS deficit/NN will/MD hit/VB 368/CD billion/CD ./.', [CHILE])).toEqual([]);
    expect(types('Chile/NNP offered/VBD its/PRP$ congratulations/NNS ./.', [CHILE])).toEqual([]);
    expect(types('Chile/NNP offered/VBD talks/NNS to/IN Peru/NNP ./.', [CHILE, PERU])).toEqual(['AGREE']);
    expect(types('Chile/NNP is/VBZ to/TO blame/VB for/IN the/DT crisis/NN ./.', [CHILE])).toEqual([]);
    expect(types('Peru/NNP blamed/VBD Chile/NNP for/IN the/DT crisis/NN ./.', [CHILE, PERU])).toEqual(['ACCUSE']);
    expect(types('Chile/NNP asked/VBD Peru/NNP whether/IN the/DT talks/NNS were/VBD over/RB ./.', [CHILE, PERU])).toEqual([]);
    expect(types('Chile/NNP asked/VBD Peru/NNP to/TO withdraw/VB ./.', [CHILE, PERU])).toEqual(['REQUEST']);
  });

  it('reads troops marching as a deployment, and a state\'s boycott as a sanction', () => {
    expect(types('Scores/NNS of/IN Peruvian/JJ troops/NNS marched/VBD into/IN the/DT camp/NN ./.', [PERUVIAN])).toEqual(['MOBILIZE']);
    expect(types('Thousands/NNS of/IN Peruvian/JJ students/NNS marched/VBD through/IN Lima/NNP ./.', [PERUVIAN])).toEqual(['PROTEST']);
    expect(types('Chile/NNP \'s/POS boycott/NN of/IN Peruvian/JJ goods/NNS began/VBD ./.', [CHILE, PERUVIAN])).toEqual(['SANCTION']);
  });

  it('reads military action taken and an attack foiled as force used', () => {
    const taken = events('Chile/NNP took/VBD military/JJ action/NN against/IN Peru/NNP ./.', [CHILE, PERU]);
    expect(taken.events.map((e) => [e.type, e.actor.map(taken.name), e.recipient.map(taken.name)])).toEqual([['ASSAULT', ['Chile'], ['Peru']]]);
    expect(types('Chile/NNP foiled/VBD the/DT attack/NN ./.', [CHILE])).toEqual(['ASSAULT']);
  });
});
