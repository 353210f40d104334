import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity, EventRecord } from '../core/record.js';
import { codeDoc } from './coder.js';
import type { ConfidenceModel, PageSignals } from './confidence.js';
import { CONFIDENCE_FLOOR, EVENT_CONFIDENCE_MODEL_PATH, EventScorer, eventFeatures, eventScorer, FEATURE_NAMES, pageSignals } from './confidence.js';
import { PAGE_TOPICS, TOPIC_TRUSTED_WORDS } from './page-topic.js';
import { eventWords } from './confidence-words.js';
import type { EntSpec } from './docs.test-util.js';
import { build } from './docs.test-util.js';

function entity(id: string, type: Entity['type'], country: string | null, sector: string | null = null): Entity {
  return { id, name: id, type, mentions: [], country, role: null, sector, code: null, geo: null, ids: {} };
}

function event(actor: string[], over: Partial<EventRecord> = {}): EventRecord {
  return {
    id: 'V1', type: 'ASSAULT', mode: null, context: [], actor, recipient: [], location: null, date: null,
    modality: 'asserted', source: null, size: null, trigger: { start: 40, end: 47, text: 'attacks' },
    evidence: { sentence: 2, start: 30, end: 80 }, confidence: 0.7, cameo: null, ...over,
  };
}

const QUIET: PageSignals = { sports: false, stateShare: 0, countries: 0, eventsPerSentence: 0.2, directQuotes: [], topics: [0, 0, 1, 0, 0] };

function feature(x: Float64Array, name: string): number {
  return x[FEATURE_NAMES.indexOf(name)]!;
}

describe('event confidence (confidence.ts)', () => {
  it('ships a model with exactly the features the code computes', () => {
    const model = JSON.parse(readFileSync(EVENT_CONFIDENCE_MODEL_PATH, 'utf8')) as ConfidenceModel;
    expect(Object.keys(model.weights)).toEqual([...FEATURE_NAMES]);
  });

  it('refuses a model naming a feature the code no longer has', () => {
    expect(() => new EventScorer({ weights: { bias: 0, 'actor:wizard': 1 } })).toThrow(/unknown feature "actor:wizard"/);
  });

  it('describes who acts: a state, a party, a product; and the page', () => {
    const byId = new Map([
      ['army', entity('army', 'ORG', 'IRN', 'MIL')],
      ['party', entity('party', 'ORG', 'GBR', 'OPP')],
      ['console', entity('console', 'MISC', null)],
    ]);
    const page: PageSignals = { ...QUIET, stateShare: 0.5, countries: 3, directQuotes: [{ start: 35, end: 60 }] };
    const army = eventFeatures(event(['army']), byId, page);
    expect(feature(army, 'actor:state')).toBe(1);
    expect(feature(army, 'actor:misc-only')).toBe(0);
    expect(feature(army, 'type:ASSAULT')).toBe(1);
    expect(feature(army, 'in-direct-quote')).toBe(1);
    expect(feature(army, 'page:state-share')).toBe(0.5);
    expect(feature(army, 'coder-score-log')).toBeCloseTo(Math.log(0.7));
    expect(feature(eventFeatures(event(['party']), byId, page), 'actor:political')).toBe(1);
    const product = eventFeatures(event(['console']), byId, QUIET);
    expect(feature(product, 'actor:misc-only')).toBe(1);
    expect(feature(product, 'actor:no-country')).toBe(1);
    expect(feature(product, 'in-direct-quote')).toBe(0);
  });

  it("counts the page's states among its actors, not its places", () => {
    const page = pageSignals(
      { text: 'Iran said.', sentences: [{ start: 0, end: 10 }, { start: 11, end: 20 }], quotes: [], entities: [entity('a', 'GPE', 'IRN'), entity('b', 'PERSON', null), entity('c', 'LOC', 'IRQ')] },
      [event(['a'])],
      false,
    );
    expect(page.stateShare).toBe(0.5);
    expect(page.countries).toBe(2);
    expect(page.eventsPerSentence).toBe(0.5);
  });

  it('trusts an army on a page about states more than a product on a page about none', () => {
    const scorer = eventScorer();
    expect(scorer).not.toBeNull();
    const byId = new Map([['army', entity('army', 'ORG', 'IRN', 'MIL')], ['console', entity('console', 'MISC', null)]]);
    const army = scorer!.probability(eventFeatures(event(['army']), byId, { ...QUIET, stateShare: 0.6, countries: 3 }), []);
    const product = scorer!.probability(eventFeatures(event(['console']), byId, QUIET), []);
    expect(army - product).toBeGreaterThan(0.25);
    expect(product).toBeLessThan(0.3);
  });

  it("replaces the coder's own score only when asked to", () => {
    const GEO: EntSpec = { name: 'Georgia', type: 'GPE', country: 'GEO', surfaces: ['Georgia'] };
    const MDA: EntSpec = { name: 'Moldova', type: 'GPE', country: 'MDA', surfaces: ['Moldova'] };
    const tagged = ['Georgia/NNP attacked/VBD Moldova/NNP ./.'];
    const { doc } = build(tagged, [GEO, MDA]);
    const unscored = codeDoc(doc, undefined, undefined, null);
    const own = unscored.events[0]!;
    const scored = codeDoc(build(tagged, [GEO, MDA]).doc).events[0]!;
    const byId = new Map([['E1', entity('E1', 'GPE', 'GEO')], ['E2', entity('E2', 'GPE', 'MDA')]]);
    const expected = eventScorer()!.probability(eventFeatures(own, byId, unscored.page), eventWords(own, doc));
    expect(scored.confidence).toBe(Math.round(expected * 100) / 100);
    expect(scored.confidence).not.toBe(own.confidence);
  });

  it('reads the trigger and the content words of its own sentence, not the trigger twice nor other sentences', () => {
    const text = 'Norwegian tankers supplied crude to the port. Troops attacked.';
    const tags = ['JJ', 'NNS', 'VBD', 'NN', 'TO', 'DT', 'NN', '.', 'NNS', 'VBD', '.'];
    const tokens = [...text.matchAll(/\w+|\./g)].map((m, i) => ({ start: m.index, end: m.index + m[0].length, xpos: tags[i]! }));
    const doc = { text, sentences: [{ start: 0, end: 45 }, { start: 46, end: 62 }], tokens };
    const supplied = event([], { type: 'AID', trigger: { start: 18, end: 26, text: 'supplied' }, evidence: { sentence: 0, start: 0, end: 45 } });
    expect(eventWords(supplied, doc).sort()).toEqual([
      'trigger-type:supplied|AID', 'trigger:supplied', 'word:crude', 'word:norwegian', 'word:port', 'word:tankers',
    ]);
    const phrase = event([], { type: 'AID', trigger: { start: 18, end: 32, text: 'supplied crude' }, evidence: { sentence: 0, start: 0, end: 45 } });
    expect(eventWords(phrase, doc)).toContain('trigger2:supplied crude');
    expect(eventWords(phrase, doc)).not.toContain('word:crude');
  });

  it('adds the weights of the words it knows, and nothing for the others', () => {
    const scorer = new EventScorer({ weights: { bias: 0 }, words: { 'word:shares': -2, 'trigger:attacked': 1 } });
    const x = new Float64Array(FEATURE_NAMES.length);
    x[0] = 1;
    expect(scorer.probability(x, [])).toBeCloseTo(0.5);
    expect(scorer.probability(x, ['word:shares', 'word:unheard-of'])).toBeCloseTo(1 / (1 + Math.exp(2)));
    expect(scorer.probability(x, ['word:shares', 'trigger:attacked'])).toBeCloseTo(1 / (1 + Math.exp(1)));
  });

  it('ships word weights only of the kinds eventWords makes', () => {
    const model = JSON.parse(readFileSync(EVENT_CONFIDENCE_MODEL_PATH, 'utf8')) as ConfidenceModel;
    const words = Object.keys(model.words ?? {});
    expect(words.length).toBeGreaterThan(1000);
    expect(words.filter((w) => !/^(?:trigger|trigger-type|trigger2|word):\S/.test(w))).toEqual([]);
  });

  it('does not report an event the model puts under the floor, and the trace says why', () => {
    const GEO: EntSpec = { name: 'Georgia', type: 'GPE', country: 'GEO', surfaces: ['Georgia'] };
    const MDA: EntSpec = { name: 'Moldova', type: 'GPE', country: 'MDA', surfaces: ['Moldova'] };
    const tagged = ['Georgia/NNP attacked/VBD Moldova/NNP ./.', 'Moldova/NNP criticised/VBD Georgia/NNP ./.'];
    const doubtful = new EventScorer({ weights: { bias: 0 }, words: { 'trigger:attacked': -10 } });
    const outcomes: string[] = [];
    const coded = codeDoc(build(tagged, [GEO, MDA]).doc, undefined, (t) => outcomes.push(t.outcome), doubtful);
    expect(coded.events.map((e) => [e.id, e.type, e.confidence])).toEqual([['V1', 'ACCUSE', 0.5]]);
    expect(outcomes).toEqual(['unlikely', 'event']);
    expect(CONFIDENCE_FLOOR).toBeGreaterThan(0);
    expect(codeDoc(build(tagged, [GEO, MDA]).doc, undefined, undefined, null).events).toHaveLength(2);
  });

  it('trusts the topic of a short page only in proportion to its words', () => {
    const entities = [entity('a', 'GPE', 'IRN')];
    const short = pageSignals({ text: 'The match was postponed. Rebels attacked Kandahar.', sentences: [], quotes: [], entities }, [], false);
    const sport = PAGE_TOPICS.indexOf('sport');
    const long = pageSignals({ text: 'The striker scored twice in the league match. '.repeat(30), sentences: [], quotes: [], entities }, [], false);
    expect(long.topics[sport]).toBeGreaterThan(0.9);
    expect(short.topics.reduce((a, b) => a + b, 0)).toBeLessThan(7 / TOPIC_TRUSTED_WORDS + 1e-9);
  });
});
