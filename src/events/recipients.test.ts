/**
 * Whom an event is directed at, where the recipient is not the verb's plain object: the
 * target of a threatened act, the party a demanded clause has act, and an object a phrase
 * row holds inside itself (or whoever owns it). Hand-tagged docs; the last tests give arcs.
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
const PERUVIAN_DIPLOMATS: EntSpec = { name: 'Peruvian diplomats', type: 'ORG', country: 'PER', sector: 'GOV', surfaces: ['Peruvian diplomats'] };

function recipients(events: EventRecord[], type: string, names: ReadonlyMap<string, string>): string[] {
  const byId = new Map([...names].map(([name, id]) => [id, name]));
  return events.filter((e) => e.type === type).flatMap((e) => e.recipient.map((id) => byId.get(id) ?? id));
}

/** The recipients, by name, of the events of `type` coded from one hand-tagged sentence. */
function recipientsOf(tagged: string, ents: EntSpec[], type: string): string[] {
  const b = build([tagged], ents);
  return recipients(codeDoc(b.doc).events, type, b.ids);
}

describe('recipients', () => {
  it('directs a threat at whom the threatened act would hit, across a time adjunct', () => {
    const b = build(['Chile/NNP threatened/VBD on/IN Monday/NNP to/TO shell/VB Peruvian/JJ towns/NNS ./.'], [CHILE, PERUVIAN]);
    const monday = b.doc.text.indexOf('Monday');
    b.doc.times = [{ start: monday, end: monday + 6, text: 'Monday', value: null, grain: 'day', anchor: 'published' }];
    const { events } = codeDoc(b.doc);
    expect(events.map((e) => e.type)).toEqual(['THREATEN']);
    expect(recipients(events, 'THREATEN', b.ids)).toEqual(['Peruvian']);
  });

  it('makes a demand of the subject of the demanded clause, not of a question', () => {
    expect(recipientsOf('Chile/NNP demanded/VBD that/IN Peru/NNP withdraw/VB its/PRP$ troops/NNS ./.', [CHILE, PERU], 'REQUEST')).toEqual(['Peru']);
    expect(recipientsOf('Chile/NNP demanded/VBD Peru/NNP withdraw/VB its/PRP$ troops/NNS ./.', [CHILE, PERU], 'REQUEST')).toEqual(['Peru']);
    expect(recipientsOf('Chile/NNP called/VBD for/IN Peru/NNP to/TO withdraw/VB ./.', [CHILE, PERU], 'REQUEST')).toEqual(['Peru']);
    // "demanded the withdrawal of …" names no clause: the recipient is not guessed from a noun.
    expect(recipientsOf('Chile/NNP demanded/VBD the/DT withdrawal/NN ./.', [CHILE], 'REQUEST')).toEqual([]);
  });

  it('reads no demand into a question, whatever the parse hangs off the verb', () => {
    // "Chile asked if Peru would withdraw": the parse makes "withdraw" a ccomp with mark "if".
    const b = build(['Chile/NNP asked/VBD if/IN Peru/NNP would/MD withdraw/VB ./.'], [CHILE, PERU], {
      deps: [[[1, 'nsubj'], [-1, 'root'], [5, 'mark'], [5, 'nsubj'], [5, 'aux'], [1, 'ccomp'], [1, 'punct']]],
    });
    expect(recipients(codeDoc(b.doc).events, 'REQUEST', b.ids)).toEqual([]);
    const that = build(['Chile/NNP demanded/VBD that/IN Peru/NNP withdraw/VB ./.'], [CHILE, PERU], {
      deps: [[[1, 'nsubj'], [-1, 'root'], [4, 'mark'], [4, 'nsubj'], [1, 'ccomp'], [1, 'punct']]],
    });
    expect(recipients(codeDoc(that.doc).events, 'REQUEST', that.ids)).toEqual(['Peru']);
  });

  it('finds the recipient inside a phrase row that holds the object, or after it', () => {
    expect(recipientsOf('Chile/NNP expelled/VBD two/CD Peruvian/JJ diplomats/NNS ./.', [CHILE, PERUVIAN_DIPLOMATS], 'SANCTION')).toEqual(['Peruvian diplomats']);
    expect(recipientsOf('Chile/NNP rejected/VBD a/DT Peruvian/JJ proposal/NN ./.', [CHILE, PERUVIAN], 'REJECT')).toEqual(['Peruvian']);
    expect(recipientsOf('Chile/NNP rejected/VBD an/DT appeal/NN from/IN Bolivia/NNP ./.', [CHILE, BOLIVIA], 'REJECT')).toEqual(['Bolivia']);
  });

  it('takes "of" only right after the noun it belongs to', () => {
    expect(recipientsOf('Chile/NNP rejected/VBD the/DT proposal/NN for/IN talks/NNS during/IN the/DT visit/NN of/IN Bolivia/NNP ./.', [CHILE, BOLIVIA], 'REJECT')).toEqual([]);
    expect(recipientsOf('Chile/NNP rejected/VBD the/DT proposal/NN of/IN Bolivia/NNP ./.', [CHILE, BOLIVIA], 'REJECT')).toEqual(['Bolivia']);
  });

  it('reads the recipient slots of rows that used to have none: a mobilisation against, a rally against', () => {
    expect(recipientsOf('Chile/NNP mobilised/VBD reservists/NNS for/IN a/DT war/NN against/IN Peru/NNP ./.', [CHILE, PERU], 'MOBILIZE')).toEqual(['Peru']);
    expect(recipientsOf('Chilean/JJ students/NNS staged/VBD rallies/NNS in/IN Santiago/NNP against/IN Peru/NNP ./.', [{ name: 'Chilean students', type: 'ORG', country: 'CHL', surfaces: ['Chilean students'] }, PERU], 'PROTEST')).toEqual(['Peru']);
  });

  it('reads the phrase right after a row that ends in its own slot, or one inside the row', () => {
    expect(recipientsOf('Chile/NNP met/VBD with/IN Peru/NNP ./.', [CHILE, PERU], 'CONSULT')).toEqual(['Peru']);
    expect(recipientsOf('Chile/NNP called/VBD on/IN Peru/NNP to/TO withdraw/VB ./.', [CHILE, PERU], 'REQUEST')).toEqual(['Peru']);
  });

  it('takes a capital that stands for its government as a recipient, not a place', () => {
    const capital: EntSpec = { name: 'Lima', type: 'GPE', country: 'PER', sector: 'GOV', surfaces: ['Lima'] };
    const b = build(['Chile/NNP accused/VBD Lima/NNP of/IN spying/VBG ./.'], [CHILE, capital]);
    const [e] = codeDoc(b.doc).events;
    expect(recipients(codeDoc(b.doc).events, 'ACCUSE', b.ids)).toEqual(['Lima']);
    expect(e?.location).toBeNull();
  });

  it('directs a refusal at whom the refused act was for, and reads a relative pronoun object as its antecedent', () => {
    expect(recipientsOf('Chile/NNP refused/VBD to/TO allow/VB Peruvian/JJ planes/NNS to/TO land/VB ./.', [CHILE, PERUVIAN], 'REJECT')).toEqual(['Peruvian']);
    const tagged = ['Chile/NNP ,/, which/WDT Peru/NNP blames/VBZ for/IN the/DT raids/NNS ,/, denied/VBD it/PRP ./.'];
    const deps: [number, string][][] = [[[10, 'nsubj'], [4, 'punct'], [4, 'obj'], [4, 'nsubj'], [0, 'acl:relcl'], [8, 'case'], [8, 'det'], [4, 'obl'], [10, 'punct'], [-1, 'root'], [10, 'obj'], [10, 'punct']]];
    const b = build(tagged, [CHILE, PERU], { deps });
    expect(recipients(codeDoc(b.doc).events, 'ACCUSE', b.ids)).toEqual(['Chile']);
  });

  it('prefers a party to a named thing inside a recipient phrase', () => {
    const war: EntSpec = { name: 'Pacific War', type: 'MISC', country: null, surfaces: ['Pacific War'] };
    const deps: [number, string][][] = [[[1, 'nsubj'], [-1, 'root'], [5, 'nmod:poss'], [4, 'compound'], [5, 'compound'], [1, 'obj'], [5, 'appos'], [1, 'punct']]];
    const b = build(['Chile/NNP blamed/VBD its/PRP$ Pacific/NNP War/NNP enemy/NN Peru/NNP ./.'], [CHILE, war, PERU], { deps });
    expect(recipients(codeDoc(b.doc).events, 'ACCUSE', b.ids)).toEqual(['Peru']);
  });

  describe('the place an act is directed at', () => {
    const TACNA: EntSpec = { name: 'Tacna', type: 'GPE', country: 'PER', surfaces: ['Tacna'] };
    const CHILEAN_JETS: EntSpec = { name: 'Chilean jets', type: 'ORG', country: 'CHL', sector: 'MIL', surfaces: ['Chilean jets'] };

    it('takes the place a curfew is imposed in, and the place an attack on unnamed targets hit', () => {
      const curfew = build(['Chile/NNP imposed/VBD a/DT curfew/NN in/IN the/DT town/NN of/IN Tacna/NNP ./.'], [CHILE, TACNA], {
        deps: [[[1, 'nsubj'], [-1, 'root'], [3, 'det'], [1, 'obj'], [6, 'case'], [6, 'det'], [1, 'obl'], [8, 'case'], [6, 'nmod'], [1, 'punct']]],
      });
      const [e] = codeDoc(curfew.doc).events;
      expect(e?.type).toBe('COERCE');
      expect(recipients(codeDoc(curfew.doc).events, 'COERCE', curfew.ids)).toEqual(['Tacna']);
      expect(e?.location).toBe(curfew.ids.get('Tacna'));
      const fired = build(['Chilean/JJ jets/NNS fired/VBD at/IN targets/NNS in/IN Tacna/NNP ./.'], [CHILEAN_JETS, TACNA], {
        deps: [[[1, 'amod'], [2, 'nsubj'], [-1, 'root'], [4, 'case'], [2, 'obl'], [6, 'case'], [4, 'nmod'], [2, 'punct']]],
      });
      expect(recipients(codeDoc(fired.doc).events, 'ASSAULT', fired.ids)).toEqual(['Tacna']);
    });

    it('leaves a place inside another phrase, a fight between sides and an unparsed sentence without one', () => {
      // "at a meeting in Tacna": where the threat was made, not whom it was made against.
      const meeting = build(['Chile/NNP threatened/VBD at/IN a/DT meeting/NN in/IN Tacna/NNP to/TO close/VB the/DT border/NN ./.'], [CHILE, TACNA], {
        deps: [[[1, 'nsubj'], [-1, 'root'], [4, 'case'], [4, 'det'], [1, 'obl'], [6, 'case'], [4, 'nmod'], [8, 'mark'], [1, 'xcomp'], [10, 'det'], [8, 'obj'], [1, 'punct']]],
      });
      const threats = codeDoc(meeting.doc).events.filter((e) => e.type === 'THREATEN');
      expect(threats).toHaveLength(1);
      expect(threats[0]!.recipient).toEqual([]);
      // Both sides of a fight are its actors; where it was fought is no third party.
      const fight = build(['Chile/NNP and/CC Peru/NNP fought/VBD in/IN Tacna/NNP ./.'], [CHILE, PERU, TACNA], {
        deps: [[[3, 'nsubj'], [2, 'cc'], [0, 'conj'], [-1, 'root'], [5, 'case'], [3, 'obl'], [3, 'punct']]],
      });
      const [war] = codeDoc(fight.doc).events;
      expect(war?.actor.length).toBe(2);
      expect(war?.recipient).toEqual([]);
      expect(recipientsOf('Chile/NNP imposed/VBD a/DT curfew/NN in/IN Tacna/NNP ./.', [CHILE, TACNA], 'COERCE')).toEqual([]);
    });
  });

  it('directs a promise at whom the promised act is for, and a conditional threat at the party the condition is about', () => {
    expect(recipientsOf('Chile/NNP has/VBZ agreed/VBN to/TO supply/VB Peru/NNP with/IN oil/NN ./.', [CHILE, PERU], 'AGREE')).toEqual(['Peru']);
    const deps: [number, string][][] = [[[1, 'nsubj'], [-1, 'root'], [3, 'mark'], [1, 'xcomp'], [3, 'obj'], [7, 'mark'], [7, 'nsubj'], [3, 'advcl'], [7, 'advmod'], [1, 'punct']]];
    const b = build(['Chile/NNP threatened/VBD to/TO stop/VB talks/NNS if/IN Peru/NNP goes/VBZ ahead/RB ./.'], [CHILE, PERU], { deps });
    expect(recipients(codeDoc(b.doc).events, 'THREATEN', b.ids)).toEqual(['Peru']);
    // "even if" sets no condition on anyone.
    const evenDeps: [number, string][][] = [[[1, 'nsubj'], [-1, 'root'], [3, 'mark'], [1, 'xcomp'], [3, 'obj'], [7, 'advmod'], [8, 'mark'], [8, 'nsubj'], [3, 'advcl'], [8, 'advmod'], [1, 'punct']]];
    const even = build(['Chile/NNP threatened/VBD to/TO stop/VB talks/NNS even/RB if/IN Peru/NNP goes/VBZ ahead/RB ./.'], [CHILE, PERU], { deps: evenDeps });
    expect(recipients(codeDoc(even.doc).events, 'THREATEN', even.ids)).toEqual([]);
  });

  it('reads the next recipient slot when a slot\'s phrase names no party, and a withdrawal demanded of whoever withdraws', () => {
    const from = build(['Chile/NNP demanded/VBD support/NN from/IN Peru/NNP ./.'], [CHILE, PERU], {
      deps: [[[1, 'nsubj'], [-1, 'root'], [1, 'obj'], [4, 'case'], [1, 'obl'], [1, 'punct']]],
    });
    expect(recipients(codeDoc(from.doc).events, 'REQUEST', from.ids)).toEqual(['Peru']);
    const ARICA: EntSpec = { name: 'Arica', type: 'GPE', country: 'CHL', surfaces: ['Arica'] };
    expect(recipientsOf('Bolivia/NNP demanded/VBD the/DT withdrawal/NN of/IN Peruvian/JJ diplomats/NNS from/IN Arica/NNP ./.', [BOLIVIA, PERUVIAN_DIPLOMATS, ARICA], 'REQUEST')).toEqual(['Peruvian diplomats']);
  });

  it('directs a protest at the party of "in protest at/of/against …", and a ban at whoever held what was banned', () => {
    const refugees: EntSpec = { name: 'Chilean refugees', type: 'ORG', country: 'CHL', surfaces: ['Chilean refugees'] };
    expect(recipientsOf('Chilean/JJ refugees/NNS began/VBD a/DT hunger/NN strike/NN in/IN protest/NN at/IN Peru/NNP \'s/POS refusal/NN ./.', [refugees, PERU], 'PROTEST')).toEqual(['Peru']);
    const police: EntSpec = { name: 'Peruvian police', type: 'ORG', country: 'PER', sector: 'COP', surfaces: ['Peruvian police'] };
    const students: EntSpec = { name: 'Chilean students', type: 'ORG', country: 'CHL', surfaces: ['Chilean students'] };
    expect(recipientsOf('Peruvian/JJ police/NNS prevented/VBD the/DT demonstration/NN staged/VBN by/IN Chilean/JJ students/NNS ./.', [police, students], 'COERCE')).toEqual(['Chilean students']);
  });

  it('makes whoever receives aid its recipient and whoever gives it the actor, but not for money alone', () => {
    const b = build(['Chile/NNP received/VBD military/JJ aid/NN from/IN Peru/NNP ./.'], [CHILE, PERU]);
    const events = codeDoc(b.doc).events;
    expect(events.map((e) => e.type)).toEqual(['AID']);
    expect(events[0]!.actor).toEqual([b.ids.get('Peru')]);
    expect(recipients(events, 'AID', b.ids)).toEqual(['Chile']);
    const own = build(['Chile/NNP will/MD obtain/VB its/PRP$ first/JJ loans/NNS ./.'], [CHILE]);
    expect(codeDoc(own.doc).events.filter((e) => e.type === 'AID')).toEqual([]);
    const money = build(['Chile/NNP got/VBD its/PRP$ money/NN from/IN Peru/NNP ./.'], [CHILE, PERU]);
    expect(codeDoc(money.doc).events.filter((e) => e.type === 'AID')).toEqual([]);
  });

  it('makes the two sides of a mediation its recipients, and the mediator its actor', () => {
    const b = build(['Chile/NNP undertook/VBD a/DT mediation/NN mission/NN between/IN Peru/NNP and/CC Bolivia/NNP ./.'], [CHILE, PERU, BOLIVIA]);
    const [e] = codeDoc(b.doc).events;
    expect(e?.type).toBe('CONSULT');
    expect(e?.actor).toEqual([b.ids.get('Chile')]);
    expect(recipients(codeDoc(b.doc).events, 'CONSULT', b.ids)).toEqual(['Peru', 'Bolivia']);
  });
});

