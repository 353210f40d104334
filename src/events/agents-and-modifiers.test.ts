/**
 * Faults read off newswire (Reuters-style war and diplomacy reports), on our own hand-tagged
 * sentences: whose "by" agent is whose, passive voice shared along a list of participles, a
 * noun that only qualifies another noun, war-report wording, and senses of "demonstrate" and
 * "return" that are no protest and no release.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/record.js';
import { extract } from '../extract.js';
import { codeDoc } from './coder.js';
import type { EntSpec } from './docs.test-util.js';
import { build } from './docs.test-util.js';

const CHILE: EntSpec = { name: 'Chile', type: 'GPE', country: 'CHL', surfaces: ['Chile'] };
const CHILEAN_TROOPS: EntSpec = { name: 'Chilean troops', type: 'ORG', country: 'CHL', sector: 'MIL', surfaces: ['Chilean troops'] };
const PERUVIAN: EntSpec = { name: 'Peruvian', type: 'NORP', country: 'PER', surfaces: ['Peruvian'] };
const PERUVIAN_TROOPS: EntSpec = { name: 'Peruvian troops', type: 'ORG', country: 'PER', sector: 'MIL', surfaces: ['Peruvian troops'] };
const UNIONS: EntSpec = { name: 'Chilean unions', type: 'ORG', country: 'CHL', sector: 'LAB', surfaces: ['Chilean unions'] };

function summary(events: EventRecord[], names: ReadonlyMap<string, string>): string[] {
  const byId = new Map([...names].map(([name, id]) => [id, name]));
  return events.map((e) => `${e.type} ${e.trigger.text}: ${e.actor.map((id) => byId.get(id)).join('+')}`);
}

describe('agents, passives and modifiers', () => {
  it('reads a town "in" or "at" which the subject is, or a town before it, as where, not who; a country stays a party', () => {
    const lima: EntSpec = { name: 'Lima', type: 'GPE', country: 'PER', surfaces: ['Lima'], town: { lat: -12.04, lon: -77.03 } };
    const town = ['Negotiators/NNS in/IN Lima/NNP are/VBP discussing/VBG a/DT ceasefire/NN ./.'];
    expect(summary(codeDoc(build(town, [lima]).doc).events, new Map())).toEqual([]);
    // Nor is a town before a common noun the actor: "a Lima school complained".
    const school = ['A/DT Lima/NNP school/NN criticised/VBD Chile/NNP ./.'];
    expect(summary(codeDoc(build(school, [lima, CHILE]).doc).events, new Map())).toEqual([]);
    // The courts or police of a town act there: "prosecutors in Brunswick are investigating".
    const local = build(['Prosecutors/NNS in/IN Lima/NNP are/VBP investigating/VBG Chile/NNP ./.'], [lima, CHILE]);
    expect(summary(codeDoc(local.doc).events, local.ids)).toEqual(['ACCUSE investigating: Lima']);
    const country = ['Negotiators/NNS in/IN Chile/NNP are/VBP discussing/VBG a/DT ceasefire/NN ./.'];
    const b = build(country, [CHILE]);
    expect(summary(codeDoc(b.doc).events, b.ids)).toEqual(['CONSULT discussing: Chile']);
  });

  it('makes who faces or comes in for an act its recipient, and only "from" its actor', () => {
    const peru: EntSpec = { name: 'Peru', type: 'GPE', country: 'PER', surfaces: ['Peru'] };
    const faced = build(['Chile/NNP faced/VBD sharp/JJ criticism/NN from/IN Peru/NNP ./.'], [CHILE, peru]);
    const events = codeDoc(faced.doc).events;
    expect(summary(events, faced.ids)).toEqual(['ACCUSE criticism: Peru']);
    expect(events[0]!.recipient).toEqual([faced.ids.get('Chile')]);
    const came = build(['Chile/NNP has/VBZ come/VBN in/IN for/IN tough/JJ criticism/NN over/IN the/DT plan/NN ./.'], [CHILE]);
    expect(summary(codeDoc(came.doc).events, came.ids)).toEqual([]);
  });

  it('takes for "they" a name written in the plural before a subject written in the singular', () => {
    const r = extract({ name: 'they.txt', uri: null, kind: 'text', content: 'Statoil cancelled a 40 mln dlr crude oil purchase from the Nigerians yesterday, after they refused to accept a letter of credit from the Bank of Norway.', published: '1987-03-13' });
    const names = new Map(r.entities.map((e) => [e.id, e.name]));
    expect(r.events.filter((e) => e.type === 'REJECT').map((e) => e.actor.map((id) => names.get(id)))).toEqual([['Nigeria']]);
  });

  it('takes for "they" every name listed beside the one it stands for', () => {
    const r = extract({ name: 'they.txt', uri: null, kind: 'text', content: 'Costa Rica and Honduras said they were willing to drop their objections.', published: '1987-03-13' });
    const names = new Map(r.entities.map((e) => [e.id, e.name]));
    expect(r.events.map((e) => [e.type, e.actor.map((id) => names.get(id)).sort()])).toEqual([['AGREE', ['Costa Rica', 'Honduras']], ['ACCUSE', ['Costa Rica', 'Honduras']]]);
  });

  it('takes no news medium the sentence cites for the actor a pronoun stands for', () => {
    const wire: EntSpec = { name: 'Reuters', type: 'ORG', country: 'GBR', sector: 'MED', surfaces: ['Reuters'] };
    const cited = build(['According/VBG to/TO Reuters/NNP ,/, they/PRP plan/VBP to/TO seize/VB the/DT farm/NN ./.'], [wire]);
    expect(summary(codeDoc(cited.doc).events, cited.ids)).toEqual([]);
    // Nor media listed together: "The Sunday Times and The Sunday Telegraph say they will oppose …".
    const both = extract({ name: 'media.txt', uri: null, kind: 'text', content: 'The Sunday Times and The Sunday Telegraph say they will oppose any formal takeover bid.', published: '2005-02-14' });
    expect(both.events).toEqual([]);
    // Named as the subject, a medium still acts.
    const own = build(['Reuters/NNP demanded/VBD an/DT apology/NN ./.'], [wire]);
    expect(summary(codeDoc(own.doc).events, own.ids)).toEqual(['REQUEST demanded: Reuters']);
  });

  it('reads "they" after a plural teller no entity names as nobody, but officials\' "they" as the nearest state', () => {
    const deps: [number, string][][] = [
      [[1, 'nsubj'], [-1, 'root'], [1, 'obj'], [1, 'punct']],
      [[1, 'nsubj'], [-1, 'root'], [3, 'nsubj'], [1, 'ccomp'], [5, 'case'], [3, 'obl'], [1, 'punct']],
    ];
    const said = (who: string): string[] => {
      const b = build(['Chile/NNP lent/VBD money/NN ./.', `${who}/NNS said/VBD they/PRP insisted/VBD on/IN repayments/NNS ./.`], [CHILE], { deps });
      return summary(codeDoc(b.doc).events.filter((e) => e.type === 'REQUEST'), b.ids);
    };
    expect(said('Bankers')).toEqual([]);
    expect(said('Officials')).toEqual(['REQUEST insisted on: Chile']);
  });

  it('reads every participle of a passive list as passive: the victims do not act', () => {
    const tagged = ['Chile/NNP said/VBD 200/CD Peruvian/JJ troops/NNS had/VBD been/VBN killed/VBN ,/, wounded/VBN or/CC captured/VBN ./.'];
    expect(summary(codeDoc(build(tagged, [CHILE, PERUVIAN_TROOPS]).doc).events, new Map())).toEqual([]);
    // The parse the tagger's model gives it: "wounded" an adverbial clause of "killed".
    const deps: [number, string][][] = [[[1, 'nsubj'], [-1, 'root'], [4, 'nummod'], [4, 'amod'], [7, 'nsubj:pass'], [7, 'aux'], [7, 'aux:pass'], [1, 'ccomp'], [9, 'punct'], [7, 'advcl'], [11, 'cc'], [9, 'conj'], [1, 'punct']]];
    expect(summary(codeDoc(build(tagged, [CHILE, PERUVIAN_TROOPS], { deps }).doc).events, new Map())).toEqual([]);
  });

  it('reads a participle joined by "and" to a passive one, with no auxiliary of its own, as passive', () => {
    const sentenced = ['The/DT Peruvian/JJ activist/NN was/VBD evicted/VBN in/IN April/NNP and/CC sentenced/VBN to/TO 50/CD weeks/NNS in/IN jail/NN ./.'];
    const activist: EntSpec = { name: 'Peruvian activist', type: 'PERSON', country: 'PER', surfaces: ['Peruvian activist'] };
    // No actor: the activist was sentenced, by nobody the sentence names; by word order and by the parse.
    const b = build(sentenced, [activist]);
    expect(summary(codeDoc(b.doc).events, b.ids)).toEqual([]);
    const deps: [number, string][][] = [[[2, 'det'], [2, 'amod'], [4, 'nsubj:pass'], [4, 'aux:pass'], [-1, 'root'], [6, 'case'], [4, 'obl'], [8, 'cc'], [4, 'conj'], [11, 'case'], [11, 'nummod'], [8, 'obl'], [13, 'case'], [11, 'nmod'], [4, 'punct']]];
    const parsed = build(sentenced, [activist], { deps });
    expect(summary(codeDoc(parsed.doc).events, parsed.ids)).toEqual([]);
    // Its own object makes it active: the troops acted.
    const active = ['Chilean/JJ troops/NNS were/VBD sent/VBN to/TO the/DT border/NN and/CC attacked/VBD Peruvian/JJ positions/NNS ./.'];
    const a = build(active, [CHILEAN_TROOPS, PERUVIAN]);
    expect(summary(codeDoc(a.doc).events, a.ids)).toEqual(['ASSAULT attacked: Chilean troops']);
  });

  it('never reads "they" as a town named before it', () => {
    const lima: EntSpec = { name: 'Lima', type: 'GPE', country: 'PER', surfaces: ['Lima'], town: { lat: -12.04, lon: -77.03 } };
    const tagged = ['The/DT envoys/NNS flew/VBD to/TO Chile/NNP via/IN Lima/NNP ./.', 'They/PRP criticised/VBD Peruvian/JJ troops/NNS ./.'];
    const b = build(tagged, [CHILE, lima, PERUVIAN_TROOPS]);
    const actors = summary(codeDoc(b.doc).events, b.ids).filter((e) => e.startsWith('ACCUSE'));
    expect(actors).not.toContain('ACCUSE criticised: Lima');
  });

  it('gives a "by" agent after another participle to that participle, not to the trigger', () => {
    const far = build(['Ten/CD people/NNS were/VBD injured/VBN in/IN clashes/NNS during/IN a/DT strike/NN called/VBN by/IN Chilean/JJ unions/NNS ./.'], [UNIONS]);
    // The strike is the unions' (its own participle), the injuries are nobody's named.
    expect(summary(codeDoc(far.doc).events, far.ids)).toEqual(['PROTEST strike: Chilean unions']);
    const comma = build(['The/DT strike/NN ,/, called/VBN by/IN Chilean/JJ unions/NNS ,/, closed/VBD the/DT ports/NNS ./.'], [UNIONS]);
    expect(summary(codeDoc(comma.doc).events, comma.ids)).toEqual(['PROTEST strike: Chilean unions']);
  });

  it('codes no event for a noun that only qualifies another ("war spokesman"), but does for an act\'s form or carrier', () => {
    const spokesman = build(['Chile/NNP \'s/POS war/NN spokesman/NN said/VBD nothing/NN ./.'], [CHILE]);
    expect(codeDoc(spokesman.doc).events).toEqual([]);
    const action = build(['Chilean/JJ unions/NNS began/VBD strike/NN action/NN ./.'], [UNIONS]);
    expect(summary(codeDoc(action.doc).events, action.ids)).toEqual(['PROTEST strike: Chilean unions']);
  });

  it('reads war-report wording: losses inflicted, sorties flown, a moratorium on raids', () => {
    const losses = build(['Chilean/JJ troops/NNS inflicted/VBD heavy/JJ losses/NNS on/IN Peruvian/JJ troops/NNS ./.'], [CHILEAN_TROOPS, PERUVIAN_TROOPS]);
    const [e] = codeDoc(losses.doc).events;
    expect(e?.type).toBe('ASSAULT');
    expect(e?.recipient).toEqual([losses.ids.get('Peruvian troops')]);
    const sorties = build(['Chilean/JJ troops/NNS flew/VBD 40/CD sorties/NNS against/IN Peruvian/JJ targets/NNS ./.'], [CHILEAN_TROOPS, PERUVIAN]);
    expect(codeDoc(sorties.doc).events.map((x) => [x.type, x.mode])).toEqual([['ASSAULT', 'aerial']]);
    const halt = build(['The/DT Chilean/JJ troops/NNS declared/VBD a/DT moratorium/NN on/IN air/NN raids/NNS ./.'], [CHILEAN_TROOPS]);
    expect(codeDoc(halt.doc).events.map((x) => [x.type, x.mode])).toContainEqual(['RETREAT', 'ceasefire']);
  });

  it('turns a vow to keep up attacks into a threat', () => {
    const b = build(['Chile/NNP vowed/VBD to/TO keep/VB up/RP its/PRP$ raids/NNS on/IN Peruvian/JJ shipping/NN ./.'], [CHILE, PERUVIAN]);
    expect(codeDoc(b.doc).events.map((x) => x.type)).toEqual(['THREATEN']);
  });

  it('reads "demonstrate that" as showing and "returned home" as going back', () => {
    const show = build(['Chilean/JJ unions/NNS demonstrated/VBD that/IN wages/NNS fell/VBD ./.'], [UNIONS]);
    expect(codeDoc(show.doc).events).toEqual([]);
    const back = build(['Chilean/JJ troops/NNS returned/VBD home/RB ./.'], [CHILEAN_TROOPS]);
    expect(codeDoc(back.doc).events).toEqual([]);
    const march = build(['Chilean/JJ unions/NNS demonstrated/VBD in/IN the/DT capital/NN ./.'], [UNIONS]);
    expect(codeDoc(march.doc).events.map((x) => x.type)).toEqual(['PROTEST']);
  });

  it('makes both states of a two-state word the parties of the noun after it', () => {
    const chile: EntSpec = { name: 'Chilean', type: 'NORP', country: 'CHL', surfaces: ['Chilean'] };
    const b = build(['Chilean-Peruvian/JJ talks/NNS began/VBD on/IN Monday/NNP ./.'], [chile, PERUVIAN]);
    // The entities stage names each part inside the one word (src/entities/dyad-names.ts).
    b.doc.entities[0]!.mentions.push({ start: 0, end: 7, text: 'Chilean', kind: 'name' });
    b.doc.entities[1]!.mentions.push({ start: 8, end: 16, text: 'Peruvian', kind: 'name' });
    const [e] = codeDoc(b.doc).events;
    expect(e?.type).toBe('CONSULT');
    expect([...(e?.actor ?? [])].sort()).toEqual([b.ids.get('Chilean'), b.ids.get('Peruvian')].sort());
  });

  it('starts a subject at its determiner or possessive, not at a time word before it', () => {
    const b = build(['Chile/NNP said/VBD today/NN its/PRP$ jets/NNS had/VBD attacked/VBN Peruvian/JJ bases/NNS ./.'], [CHILE, PERUVIAN]);
    expect(summary(codeDoc(b.doc).events, b.ids)).toEqual(['ASSAULT attacked: Chile']);
  });

  it('gives a singular verb coordinated after a plural clause the singular subject before it', () => {
    // A newswire sentence with the greedy parse it was given: the inner passive is the root,
    // "accused" its conjunct, and "said" the passive's subject.
    const tagged = ['For/IN its/PRP$ part/NN the/DT Soviet/NNP Union/NNP has/VBZ said/VBN its/PRP$ diplomatic/JJ missions/NNS in/IN the/DT United/NNP States/NNPS are/VBP subjected/VBN to/IN surveillance/NN and/CC has/VBZ accused/VBN Washington/NNP of/IN spy-mania/NN ./.'];
    const deps: [number, string][][] = [[[2, 'case'], [2, 'nmod:poss'], [7, 'obl'], [5, 'det'], [5, 'compound'], [7, 'nsubj'], [7, 'aux'], [16, 'nsubj:pass'], [10, 'nmod:poss'], [10, 'amod'], [7, 'obj'], [14, 'case'], [14, 'det'], [14, 'amod'], [10, 'nmod'], [16, 'aux:pass'], [-1, 'root'], [18, 'case'], [16, 'obl'], [21, 'cc'], [21, 'aux'], [16, 'conj'], [21, 'obj'], [24, 'case'], [22, 'nmod'], [16, 'punct']]];
    const b = build(tagged, [
      { name: 'Soviet Union', type: 'GPE', country: 'SUN', surfaces: ['Soviet Union'] },
      { name: 'United States', type: 'GPE', country: 'USA', surfaces: ['United States'] },
      { name: 'Washington', type: 'GPE', country: 'USA', sector: 'GOV', surfaces: ['Washington'] },
    ], { deps });
    expect(summary(codeDoc(b.doc).events, b.ids)).toEqual(['ACCUSE accused: Soviet Union']);
  });

  it('reads no refusal into "declined to say" or "refused to rule out", and no act into an organisation\'s name', () => {
    const say = build(['Chile/NNP declined/VBD to/TO say/VB what/WP it/PRP would/MD do/VB ./.'], [CHILE]);
    expect(codeDoc(say.doc).events).toEqual([]);
    const rule = build(['Chile/NNP refused/VBD to/TO rule/VB out/RP retaliation/NN ./.'], [CHILE]);
    expect(codeDoc(rule.doc).events.map((e) => e.type)).not.toContain('REJECT');
    const gatt: EntSpec = { name: 'General Agreement on Tariffs', type: 'ORG', country: null, surfaces: ['General Agreement on Tariffs'] };
    const name = build(['Chile/NNP cited/VBD the/DT General/NNP Agreement/NNP on/IN Tariffs/NNPS ./.'], [CHILE, gatt]);
    expect(codeDoc(name.doc).events).toEqual([]);
  });

  it('gives no fight to who reports it in the clause an opening adjunct leads to', () => {
    const b = build(['Following/VBG Sunday/NNP \'s/POS battle/NN ,/, Chilean/JJ officers/NNS said/VBD the/DT town/NN fell/VBD ./.'],
      [{ name: 'Chilean officers', type: 'ORG', country: 'CHL', sector: 'MIL', surfaces: ['Chilean officers'] }]);
    expect(codeDoc(b.doc).events.filter((e) => e.type === 'ASSAULT')).toEqual([]);
  });

  it('reads stones thrown by a crowd as a riot, by soldiers as an assault', () => {
    const crowd = build(['Chilean/JJ demonstrators/NNS threw/VBD rocks/NNS at/IN a/DT hotel/NN ./.'],
      [{ name: 'Chilean demonstrators', type: 'ORG', country: 'CHL', sector: 'CVL', surfaces: ['Chilean demonstrators'] }]);
    expect(codeDoc(crowd.doc).events.map((e) => [e.type, e.mode])).toEqual([['PROTEST', 'riot']]);
    const troops = build(['Chilean/JJ troops/NNS threw/VBD stones/NNS at/IN villagers/NNS ./.'], [CHILEAN_TROOPS]);
    expect(codeDoc(troops.doc).events.map((e) => e.type)).toEqual(['ASSAULT']);
  });

  it('gives a list of participles its "by" agent, and a statement\'s act to whoever issued it', () => {
    const armed = build(['The/DT Peruvian/JJ troops/NNS ,/, supported/VBD ,/, trained/VBN and/CC armed/VBN by/IN Chile/NNP ,/, won/VBD ./.'], [CHILE, PERUVIAN_TROOPS]);
    const byId = new Map([...armed.ids].map(([n, id]) => [id, n]));
    expect(codeDoc(armed.doc).events.map((e) => `${e.type}: ${e.actor.map((id) => byId.get(id)).join('+')}`)).toEqual(['SUPPORT: Chile', 'AID: Chile']);
    const deps: [number, string][][] = [[[1, 'nsubj'], [-1, 'root'], [3, 'det'], [1, 'obj'], [3, 'acl'], [6, 'amod'], [4, 'obj'], [1, 'punct']]];
    const statement = build(['Chile/NNP issued/VBD a/DT statement/NN deploring/VBG Peruvian/JJ policy/NN ./.'], [CHILE, PERUVIAN], { deps });
    expect(summary(codeDoc(statement.doc).events, statement.ids)).toEqual(['ACCUSE deploring: Chile']);
  });

  it('reads "the dispute with Chile threatened to become a war" as a risk, not a threat by Chile', () => {
    const b = build(['The/DT dispute/NN with/IN Chile/NNP threatened/VBD to/TO become/VB a/DT war/NN ./.'], [CHILE]);
    expect(codeDoc(b.doc).events.map((e) => e.type)).not.toContain('THREATEN');
  });

  it('reads the possessor of an act done to someone as whom it was done to, unless "of" names that', () => {
    const minister: EntSpec = { name: 'Pedro Soto', type: 'PERSON', country: 'CHL', surfaces: ['Pedro Soto'] };
    const b = build(['Pedro/NNP Soto/NNP \'s/POS arrest/NN by/IN Peruvian/JJ troops/NNS angered/VBD Chile/NNP ./.'], [minister, PERUVIAN_TROOPS, CHILE]);
    const events = codeDoc(b.doc).events;
    expect(summary(events, b.ids)).toEqual(['COERCE arrest: Peruvian troops']);
    expect(events[0]!.recipient).toEqual([b.ids.get('Pedro Soto')]);
    // No doer named: no event, rather than the arrested man arresting.
    expect(codeDoc(build(['Pedro/NNP Soto/NNP \'s/POS arrest/NN angered/VBD many/JJ ./.'], [minister]).doc).events).toEqual([]);
    const of = build(['Chile/NNP \'s/POS arrest/NN of/IN Peruvian/JJ troops/NNS angered/VBD Lima/NNP ./.'], [CHILE, PERUVIAN_TROOPS]);
    expect(summary(codeDoc(of.doc).events, of.ids)).toEqual(['COERCE arrest: Chile']);
  });

  it('reads a participle set off by commas as a passive aside on its noun, and a host by "by" as the host', () => {
    const soldiers: EntSpec = { name: 'Chilean soldiers', type: 'ORG', country: 'CHL', sector: 'MIL', surfaces: ['Chilean soldiers'] };
    const tagged = ['Five/CD Chilean/JJ soldiers/NNS ,/, killed/VBN in/IN an/DT ambush/NN by/IN Peruvian/JJ troops/NNS ,/, were/VBD buried/VBN ./.'];
    const deps: [number, string][][] = [[[2, 'nummod'], [2, 'amod'], [13, 'nsubj:pass'], [4, 'punct'], [2, 'acl'], [7, 'case'], [7, 'det'], [4, 'obl'], [10, 'case'], [10, 'amod'], [4, 'obl:agent'], [4, 'punct'], [13, 'aux:pass'], [-1, 'root'], [13, 'punct']]];
    const b = build(tagged, [soldiers, PERUVIAN_TROOPS], { deps });
    const events = codeDoc(b.doc).events;
    expect(summary(events, b.ids)).toEqual(['ASSAULT killed: Peruvian troops']);
    expect(events[0]!.recipient).toEqual([b.ids.get('Chilean soldiers')]);
    // A swap row in the passive: "by" names the host; a ceremony is nobody's guest.
    const host: EntSpec = { name: 'Pedro Soto', type: 'PERSON', country: 'CHL', surfaces: ['Pedro Soto'] };
    const visit = build(['The/DT Peruvian/JJ envoy/NN was/VBD received/VBN by/IN Pedro/NNP Soto/NNP ./.'], [PERUVIAN, host]);
    const [v] = codeDoc(visit.doc).events;
    expect(v?.actor).toEqual([visit.ids.get('Peruvian')]);
    expect(v?.recipient).toEqual([visit.ids.get('Pedro Soto')]);
    expect(codeDoc(build(['The/DT ceremony/NN was/VBD hosted/VBN by/IN Pedro/NNP Soto/NNP ./.'], [host]).doc).events).toEqual([]);
  });

  it('reads a firm or a private person described by its nation as the firm named last or nobody, never as the nation', () => {
    const usa: EntSpec = { name: 'United States', type: 'GPE', country: 'USA', surfaces: ['US'] };
    const gm: EntSpec = { name: 'General Motors', type: 'ORG', country: null, sector: 'BUS', surfaces: ['General Motors'] };
    const iraq: EntSpec = { name: 'Iraq', type: 'GPE', country: 'IRQ', surfaces: ['Iraq'] };
    const back = build(['General/NNP Motors/NNPS ended/VBD the/DT venture/NN ./.', 'The/DT US/NNP firm/NN pulled/VBD out/RP of/IN Iraq/NNP ./.'], [usa, gm, iraq]);
    expect(summary(codeDoc(back.doc).events, back.ids)).toEqual(['RETREAT pulled out: General Motors']);
    // "A US firm": no firm before it is meant, and the United States did not pull out.
    const a = build(['A/DT US/NNP firm/NN pulled/VBD out/RP of/IN Iraq/NNP ./.'], [usa, iraq]);
    expect(summary(codeDoc(a.doc).events, a.ids)).toEqual([]);
    // "A US woman sued": a private person, not the state.
    const gmAsTarget = build(['A/DT US/NNP woman/NN sued/VBD General/NNP Motors/NNPS ./.'], [usa, gm]);
    expect(summary(codeDoc(gmAsTarget.doc).events, gmAsTarget.ids)).toEqual([]);
    // "US bank boss hails …": who heads a firm is a private person too; "US intelligence boss" is the state's.
    const boss = (tagged: string): string[] => summary(codeDoc(build([tagged], [usa, gm]).doc).events, new Map());
    expect(boss('US/NNP bank/NN boss/NN praised/VBD General/NNP Motors/NNPS ./.')).toEqual([]);
    expect(boss('US/NNP intelligence/NN boss/NN praised/VBD General/NNP Motors/NNPS ./.')).toHaveLength(1);
    // A state set apart from the description is the actor still.
    const apart = build(['Iraq/NNP -/HYPH US/NNP \'s/POS biggest/JJS supplier/NN -/HYPH pulled/VBD out/RP of/IN talks/NNS ./.'], [usa, iraq]);
    expect(summary(codeDoc(apart.doc).events, apart.ids)).toEqual(['SANCTION pulled out of talks: Iraq']);
  });

  it('reads a headline past tense with "by" after it as passive, and a pronoun inside the agent as no agent', () => {
    const blair: EntSpec = { name: 'Tony Blair', type: 'PERSON', country: 'GBR', sector: 'GOV', surfaces: ['Blair'] };
    const mps: EntSpec = { name: 'MPs', type: 'ORG', country: 'GBR', sector: 'LEG', surfaces: ['MPs'] };
    const headline = build(['Blair/NNP criticised/VBD by/IN MPs/NNPS'], [blair, mps], { deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'case'], [1, 'obl']]] });
    expect(summary(codeDoc(headline.doc).events, headline.ids)).toEqual(['ACCUSE criticised: MPs']);
    // "his" in the agent's place phrase is Blair himself, not who criticised him.
    const himself: EntSpec = { ...blair, surfaces: ['Blair', 'his'] };
    const many = build(['Blair/NNP was/VBD criticised/VBN by/IN many/JJ in/IN his/PRP$ party/NN ./.'], [himself],
      { deps: [[[2, 'nsubj:pass'], [2, 'aux:pass'], [-1, 'root'], [4, 'case'], [2, 'obl:agent'], [7, 'case'], [7, 'nmod:poss'], [4, 'nmod'], [2, 'punct']]] });
    expect(summary(codeDoc(many.doc).events, many.ids)).toEqual([]);
  });

  it('gives a plural possessive to its clause\'s own unnamed subject, not to a name further back', () => {
    const japan: EntSpec = { name: 'Japan', type: 'GPE', country: 'JPN', surfaces: ['Japan'] };
    const deps: [number, string][][] = [[[1, 'nsubj'], [-1, 'root'], [4, 'nsubj'], [4, 'aux'], [1, 'ccomp'], [7, 'case'], [7, 'nmod:poss'], [4, 'obl'], [1, 'punct']]];
    const b = build(['Japan/NNP said/VBD ministers/NNS had/VBD kept/VBN to/TO their/PRP$ pledge/NN ./.'], [japan], { deps });
    expect(summary(codeDoc(b.doc).events, b.ids).filter((e) => e.endsWith('Japan'))).toEqual([]);
  });
});

describe('the subject of a bare -ing verb after a prepositional phrase (the whole pipeline)', () => {
  const actors = (text: string, trigger: string): string[] => {
    const rec = extract({ kind: 'text', name: 'ing', uri: null, content: text });
    const names = new Map(rec.entities.map((e) => [e.id, e.name]));
    return rec.events.filter((e) => e.trigger.text === trigger).flatMap((e) => e.actor.map((id) => names.get(id) ?? id));
  };

  it('is not the channel or the addressee: the clause\'s subject acts', () => {
    expect(actors('Then, last week, Taylor Swift posted on Twitter accusing Big Machine of trying to stop her performing.', 'accusing')).toEqual(['Taylor Swift']);
    expect(actors('Nicola Sturgeon wrote to Jack McConnell on Tuesday accusing him of an error of judgement.', 'accusing')).toEqual(['Nicola Sturgeon']);
  });

  it('but is the noun after "with", "by" or "of", or after a "to" no message goes to', () => {
    expect(actors('Talks opened in New York with Planning Secretary Solita Monsod accusing the chief negotiator of bad faith.', 'accusing')).toEqual(['Solita Monsod']);
    expect(actors('Kurt Volker said he would have objected to Ukraine opening an investigation into Joe Biden.', 'opening an investigation')).toEqual(['Ukraine']);
  });
});

describe('a dateline or an agency\'s credit (the whole pipeline)', () => {
  it('names no actor', () => {
    const rec = extract({ kind: 'raw', name: 'dateline', uri: null, content: 'Crowds in the capital\n\nOSLO, Sept 16 (Reuters) - Several hundred people protested outside parliament in Oslo on Monday, demanding a tougher response to Sweden.' });
    const names = new Map(rec.entities.map((e) => [e.id, e.name]));
    expect(rec.events.flatMap((e) => e.actor.map((id) => names.get(id)))).not.toContain('Reuters');
  });
});

