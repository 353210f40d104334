import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/record.js';
import { codeDoc } from './coder.js';
import type { EntSpec } from './docs.test-util.js';
import { build } from './docs.test-util.js';

const ARM: EntSpec = { name: 'Armenia', type: 'GPE', country: 'ARM', surfaces: ['Armenia'] };
const AZE: EntSpec = { name: 'Azerbaijan', type: 'GPE', country: 'AZE', surfaces: ['Azerbaijan'] };

function only(events: EventRecord[], type: string): EventRecord {
  const found = events.filter((e) => e.type === type);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('event coder on hand-built docs (POS fallback)', () => {
  it('codes a compound subject as reciprocal actors and attaches a lower-bound death toll', () => {
    const { doc, ids } = build(['Armenia/NNP and/CC Azerbaijan/NNP have/VBP been/VBN fighting/VBG for/IN days/NNS and/CC hundreds/NNS of/IN people/NNS have/VBP been/VBN killed/VBN ./.'], [ARM, AZE]);
    const { events } = codeDoc(doc);
    const v = only(events, 'ASSAULT');
    expect(v.actor.sort()).toEqual([ids.get('Armenia'), ids.get('Azerbaijan')].sort());
    expect(v.modality).toBe('asserted');
    expect(v.size?.dead).toEqual({ min: 100, max: null });
    expect(doc.text.slice(v.trigger.start, v.trigger.end)).toBe('fighting');
  });

  it('reads a country\'s bare name before a noun of war as where it was fought, a possessor as its actor', () => {
    const IRQ: EntSpec = { name: 'Iraq', type: 'GPE', country: 'IRQ', surfaces: ['Iraq'] };
    const bare = build(['Opposition/NN to/TO the/DT Iraq/NNP invasion/NN grew/VBD ./.'], [IRQ]);
    expect(codeDoc(bare.doc).events.filter((e) => e.actor.includes(bare.ids.get('Iraq')!))).toEqual([]);
    const KWT: EntSpec = { name: 'Kuwait', type: 'GPE', country: 'KWT', surfaces: ['Kuwait'] };
    const owned = build(['Iraq/NNP \'s/POS invasion/NN of/IN Kuwait/NNP lasted/VBD seven/CD months/NNS ./.'], [IRQ, KWT]);
    expect(only(codeDoc(owned.doc).events, 'ASSAULT').actor).toContain(owned.ids.get('Iraq'));
  });

  it('reads a war named as going on as the background of the news, and a war declared or breaking out as an event', () => {
    const IRQ: EntSpec = { name: 'Iraq', type: 'GPE', country: 'IRQ', surfaces: ['Iraq'] };
    const IRN: EntSpec = { name: 'Iran', type: 'GPE', country: 'IRN', surfaces: ['Iran'] };
    const going = build(['Iraq/NNP \'s/POS war/NN with/IN Iran/NNP lasted/VBD eight/CD years/NNS ./.'], [IRQ, IRN]);
    expect(codeDoc(going.doc).events).toEqual([]);
    const declared = build(['Iraq/NNP declared/VBD war/NN on/IN Iran/NNP ./.'], [IRQ, IRN]);
    expect(only(codeDoc(declared.doc).events, 'ASSAULT').actor).toEqual([declared.ids.get('Iraq')]);
  });

  it('reads the agent of a passive as the actor and the subject as the recipient', () => {
    const { doc, ids } = build(['More/JJR than/IN 200/CD protesters/NNS were/VBD detained/VBN by/IN Russian/JJ police/NN on/IN Sunday/NNP ./.'],
      [{ name: 'Russian police', type: 'ORG', country: 'RUS', sector: 'COP', surfaces: ['Russian police'] }]);
    const v = only(codeDoc(doc).events, 'COERCE');
    expect(v.mode).toBe('arrest');
    expect(v.actor).toEqual([ids.get('Russian police')]);
    expect(v.size?.arrested).toEqual({ min: 201, max: null });
  });

  it('keeps a war that "could escalate" hypothetical and a denied attack negated', () => {
    const { doc } = build([
      'An/DT armed/JJ conflict/NN between/IN Azerbaijan/NNP and/CC Armenia/NNP could/MD escalate/VB into/IN a/DT war/NN ./.',
      'Armenia/NNP did/VBD not/RB attack/VB Azerbaijan/NNP ./.',
    ], [ARM, AZE]);
    const { events } = codeDoc(doc);
    expect(events.filter((e) => e.evidence.sentence === 0).every((e) => e.modality === 'hypothetical')).toBe(true);
    expect(events.find((e) => e.evidence.sentence === 1)?.modality).toBe('negated');
  });

  it('codes stated willingness as AGREE with the act as planned, and a negation inside the phrase negates it', () => {
    const { doc } = build([
      'Armenia/NNP is/VBZ willing/JJ to/TO withdraw/VB troops/NNS ./.',
      'Azerbaijan/NNP is/VBZ not/RB ready/JJ to/TO negotiate/VB with/IN Armenia/NNP ./.',
    ], [ARM, AZE], { published: '2020-12-09' });
    const { events } = codeDoc(doc);
    const first = events.filter((e) => e.evidence.sentence === 0);
    expect(first.find((e) => e.type === 'AGREE')?.modality).toBe('asserted');
    // The offered act is not reported as done.
    expect(first.filter((e) => e.type === 'RETREAT' && e.modality === 'asserted')).toEqual([]);
    const agree = events.find((e) => e.evidence.sentence === 1 && e.type === 'AGREE');
    expect(agree?.modality).toBe('negated');
  });

  it('marks planned, alleged and historical events', () => {
    const { doc } = build([
      'Armenia/NNP will/MD deploy/VB troops/NNS to/TO the/DT border/NN ./.',
      'Azerbaijan/NNP reportedly/RB shelled/VBD villages/NNS ./.',
      'Armenia/NNP occupied/VBD the/DT region/NN in/IN 1994/CD ./.',
    ], [ARM, AZE], { published: '2020-12-09' });
    doc.times = [{ start: doc.text.indexOf('1994'), end: doc.text.indexOf('1994') + 4, text: '1994', value: '1994', grain: 'year', anchor: 'absolute' }];
    const { events } = codeDoc(doc);
    expect(events.map((e) => `${e.type}:${e.modality}`)).toEqual(['MOBILIZE:future', 'ASSAULT:alleged', 'COERCE:historical']);
    expect(events[2]!.date).toEqual({ value: '1994', grain: 'year', inferred: false });
  });

  it('codes "threatened to attack" as one THREATEN with mode violence', () => {
    const { doc, ids } = build(['Azerbaijan/NNP threatened/VBD to/TO attack/VB Armenia/NNP ./.'], [ARM, AZE]);
    const { events } = codeDoc(doc);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'THREATEN', mode: 'violence', actor: [ids.get('Azerbaijan')] });
  });

  it('takes the head mention of a phrase, the place from "in X", and the source from a quote', () => {
    const text = 'Iranian/JJ President/NNP Hassan/NNP Rouhani/NNP said/VBD that/IN Iran/NNP held/VBD talks/NNS with/IN Armenia/NNP in/IN Tehran/NNP ./.';
    const ents: EntSpec[] = [
      { name: 'Iran', type: 'GPE', country: 'IRN', surfaces: ['Iranian', 'Iran'] },
      { name: 'Hassan Rouhani', type: 'PERSON', country: 'IRN', sector: 'GOV', surfaces: ['Iranian President Hassan Rouhani'] },
      ARM,
      { name: 'Tehran', type: 'GPE', country: 'IRN', surfaces: ['Tehran'] },
    ];
    const plain = build([text], ents);
    const quoteStart = plain.doc.text.indexOf('Iran held');
    const { doc, ids } = build([text], ents, { quotes: [{ start: quoteStart, end: plain.doc.text.length - 2, speaker: 'E2', cue: 'said', channel: null, direct: false }] });
    const v = only(codeDoc(doc).events, 'CONSULT');
    expect(v.actor).toEqual([ids.get('Iran')]);
    expect(v.recipient).toEqual([ids.get('Armenia')]);
    expect(v.location).toBe(ids.get('Tehran'));
    expect(v.source).toBe(ids.get('Hassan Rouhani'));
  });

  it('dates reported speech by its time of saying (inferred), a direct quotation by publication', () => {
    const text = 'Armenia/NNP shelled/VBD Azerbaijan/NNP ,/, officials/NNS said/VBD on/IN Sunday/NNP ./.';
    const plain = build([text], [ARM, AZE]);
    const t = plain.doc.text;
    const sunday = { start: t.indexOf('on Sunday'), end: t.indexOf('on Sunday') + 9, text: 'on Sunday', value: '2020-12-06', grain: 'day' as const, anchor: 'published' as const };
    for (const direct of [false, true]) {
      const quote = { start: 0, end: t.indexOf(' ,'), speaker: null, cue: 'said', channel: null, direct };
      const { doc } = build([text], [ARM, AZE], { published: '2020-12-08', quotes: [quote] });
      doc.times = [sunday];
      const v = only(codeDoc(doc).events, 'ASSAULT');
      expect(v.date).toEqual(direct
        ? { value: '2020-12-08', grain: 'day', inferred: true }
        : { value: '2020-12-06', grain: 'day', inferred: true });
    }
  });

  it('lists two sides taking the same place as an actor conflict', () => {
    const { doc } = build([
      'The/DT Armenian/JJ army/NN liberated/VBD the/DT Aghdam/NNP area/NN ./.',
      'The/DT Azerbaijani/JJ army/NN liberated/VBD villages/NNS including/VBG Aghdam/NNP ./.',
    ], [
      { name: 'Armenian army', type: 'ORG', country: 'ARM', sector: 'MIL', surfaces: ['The Armenian army'] },
      { name: 'Azerbaijani army', type: 'ORG', country: 'AZE', sector: 'MIL', surfaces: ['The Azerbaijani army'] },
      { name: 'Aghdam', type: 'GPE', country: 'AZE', surfaces: ['Aghdam'] },
    ]);
    const { events, conflicts } = codeDoc(doc);
    expect(events.map((e) => `${e.type}/${e.mode}`)).toEqual(['COERCE/seize', 'COERCE/seize']);
    expect(conflicts).toEqual([{ kind: 'actor', events: ['V1', 'V2'], note: 'who took Aghdam: Armenian army (1 mention) vs Azerbaijani army (1 mention)' }]);
  });

  it.each([
    ['killing/VBG at/IN least/JJS 12/CD people/NNS', { min: 12, max: null }],
    ['killing/VBG dozens/NNS', { min: 24, max: null }],
    ['killing/VBG two/CD soldiers/NNS', { min: 2, max: 2 }],
    ['killing/VBG between/IN 10/CD and/CC 20/CD people/NNS', { min: 10, max: 20 }],
    ['killing/VBG nearly/RB 50/CD people/NNS', { min: null, max: 50 }],
  ])('reads the death toll in "%s"', (tail, dead) => {
    const { doc } = build([`Armenia/NNP shelled/VBD Azerbaijan/NNP ,/, ${tail} ./.`], [ARM, AZE]);
    expect(only(codeDoc(doc).events, 'ASSAULT').size?.dead).toEqual(dead);
  });

  it('yields nothing for a sentence without an identifiable actor', () => {
    const { doc } = build(['Gunmen/NNS attacked/VBD a/DT village/NN ./.'], []);
    expect(codeDoc(doc).events).toEqual([]);
  });
});

describe('event coder, subjects by word order (POS fallback)', () => {
  it('reads a participle before a name as a modifier, not as a verb with its object', () => {
    const MOR: EntSpec = { name: 'Mr Morchio', type: 'PERSON', country: 'ITA', surfaces: ['Mr Morchio'] };
    const { doc, ids } = build(['The/DT founding/VBG Agnelli/NNP family/NN and/CC Mr/NNP Morchio/NNP subsequently/RB resigned/VBD ./.'], [MOR]);
    const v = only(codeDoc(doc).events, 'RETREAT');
    expect(v.actor).toEqual([ids.get('Mr Morchio')]);
  });
});

describe('event coder with a dependency parse', () => {
  it('uses nsubj/obj from the parse', () => {
    // "Armenia , backed by France , attacked Azerbaijan ." — the parse links the distant subject.
    const { doc, ids } = build(['Armenia/NNP ,/, backed/VBN by/IN France/NNP ,/, attacked/VBD Azerbaijan/NNP ./.'],
      [ARM, AZE, { name: 'France', type: 'GPE', country: 'FRA', surfaces: ['France'] }],
      { deps: [[[6, 'nsubj'], [2, 'punct'], [0, 'acl'], [4, 'case'], [2, 'obl'], [6, 'punct'], [-1, 'root'], [6, 'obj'], [6, 'punct']]] });
    const v = only(codeDoc(doc).events, 'ASSAULT');
    expect(v.actor).toEqual([ids.get('Armenia')]);
    expect(v.recipient).toEqual([ids.get('Azerbaijan')]);
    expect(v.confidence).toBeGreaterThan(0.7);
  });
});

describe('event coder with a misattached parse', () => {
  it('takes no clause for a subject: a nominal with a subject of its own leaves the subject to word order', () => {
    // "Russia and Iran are allies and rebels attacked Aleppo ." with "allies" (the head of
    // a copular clause) parsed as the subject of "attacked".
    const REB: EntSpec = { name: 'rebels', type: 'ORG', country: null, sector: 'REB', surfaces: ['rebels'] };
    const { doc, ids } = build(['Russia/NNP and/CC Iran/NNP are/VBP allies/NNS and/CC rebels/NNS attacked/VBD Aleppo/NNP ./.'],
      [{ name: 'Russia', type: 'GPE', country: 'RUS', surfaces: ['Russia'] }, { name: 'Iran', type: 'GPE', country: 'IRN', surfaces: ['Iran'] },
        { name: 'Aleppo', type: 'GPE', country: 'SYR', surfaces: ['Aleppo'] }, REB],
      { deps: [[[4, 'nsubj'], [2, 'cc'], [0, 'conj'], [4, 'cop'], [7, 'nsubj'], [6, 'cc'], [4, 'conj'], [-1, 'root'], [7, 'obj'], [7, 'punct']]] });
    const v = only(codeDoc(doc).events, 'ASSAULT');
    expect(v.actor).toEqual([ids.get('rebels')]);
  });


  it('gives a verb after "NP, which …," that noun phrase as subject, wherever the parse hung the verb', () => {
    // "Turkey , which hosts millions of refugees , urged Greece to open the border ." with
    // "urged" parsed as a modifier of "refugees" inside the relative clause, as greedy parses do.
    const TUR: EntSpec = { name: 'Turkey', type: 'GPE', country: 'TUR', surfaces: ['Turkey'] };
    const GRC: EntSpec = { name: 'Greece', type: 'GPE', country: 'GRC', surfaces: ['Greece'] };
    // The tagger often reads such a verb as a participle (VBN): both tags must work.
    for (const tag of ['VBD', 'VBN']) {
      const { doc, ids } = build([`Turkey/NNP ,/, which/WDT hosts/VBZ millions/NNS of/IN refugees/NNS ,/, urged/${tag} Greece/NNP to/TO open/VB the/DT border/NN ./.`],
        [TUR, GRC],
        { deps: [[[-1, 'root'], [3, 'punct'], [3, 'nsubj'], [0, 'acl:relcl'], [3, 'obj'], [6, 'case'], [4, 'nmod'], [8, 'punct'], [6, 'acl'],
          [8, 'obj'], [11, 'mark'], [8, 'xcomp'], [13, 'det'], [11, 'obj'], [0, 'punct']]] });
      const events = codeDoc(doc).events;
      expect(events.length, tag).toBeGreaterThan(0);
      for (const e of events) expect(e.actor, tag).toEqual([ids.get('Turkey')]);
    }
  });
});

describe('coder trace (used by bench/events-eval.ts to say why a sentence coded nothing)', () => {
  it('reports a coded trigger as an event and an actor-less one as no-actor, with the phrase it tried', () => {
    const { doc } = build([
      'Armenia/NNP attacked/VBD Azerbaijan/NNP ./.',
      'The/DT rebels/NNS attacked/VBD the/DT town/NN ./.',
    ], [ARM, AZE]);
    const seen: { sentence: number; outcome: string; actor: string }[] = [];
    const { events } = codeDoc(doc, undefined, (t) => {
      const ph = t.draft?.actorSpans[0];
      seen.push({ sentence: t.sentence, outcome: t.outcome, actor: ph ? doc.text.slice(doc.tokens[ph.first]!.start, doc.tokens[ph.last]!.end) : '' });
    });
    expect(events).toHaveLength(1);
    expect(seen).toEqual([
      { sentence: 0, outcome: 'event', actor: 'Armenia' },
      { sentence: 1, outcome: 'no-actor', actor: 'The rebels' },
    ]);
  });
});
