/**
 * Hand-built article records for the store conformance suite: six articles over
 * several countries, actors (coded, country-only, name-only), event types, date
 * grains (day, month, none, publication fallback, no date at all), places and
 * quotes — small enough that every expected answer can be worked out by hand (the
 * suite states them). Plus one record made by the real extract() from a short
 * article below, to prove real records store and come back identical.
 */
import { extract } from '../../src/extract.js';
import { RECORD_SCHEMA_ID, type ArticleRecord, type Entity, type EntityType, type EventRecord, type Modality, type PloverType, type Quote, type Range, type TimeGrain } from '../../src/core/record.js';
import type { ArticleInput } from '../../src/store/types.js';

interface EntitySpec {
  name: string;
  type: EntityType;
  code?: string;
  country?: string;
  sector?: string;
  role?: string;
  geo?: [lat: number, lon: number, precision: 'country' | 'city'];
}

/** The actors and places, reused across articles so the same thing groups across them. */
export const E = {
  iranGov: { name: 'Iranian government', type: 'ORG', code: 'IRNGOV', country: 'IRN', sector: 'GOV' },
  iran: { name: 'Iran', type: 'GPE', code: 'IRN', country: 'IRN', geo: [32.0, 53.0, 'country'] },
  iraqGov: { name: 'Iraqi government', type: 'ORG', code: 'IRQGOV', country: 'IRQ', sector: 'GOV' },
  usGov: { name: 'United States government', type: 'ORG', code: 'USAGOV', country: 'USA', sector: 'GOV' },
  protesters: { name: 'protesters', type: 'NORP', country: 'IRN', sector: 'CVL' },
  police: { name: 'Iranian police', type: 'ORG', code: 'IRNCOP', country: 'IRN', sector: 'COP' },
  kataib: { name: 'Kataib Hezbollah', type: 'ORG', country: 'IRQ', sector: 'REB' },
  araghchi: { name: 'Abbas Araghchi', type: 'PERSON', code: 'IRNGOV', country: 'IRN', sector: 'GOV', role: 'foreign minister' },
  worldBank: { name: 'World Bank', type: 'ORG', code: 'IGOWBK' },
  kenya: { name: 'Kenya', type: 'GPE', code: 'KEN', country: 'KEN', geo: [0.5, 38.0, 'country'] },
  baghdad: { name: 'Baghdad', type: 'GPE', country: 'IRQ', geo: [33.3152, 44.3661, 'city'] },
  tehran: { name: 'Tehran', type: 'GPE', country: 'IRN', geo: [35.6892, 51.389, 'city'] },
  washington: { name: 'Washington', type: 'GPE', country: 'USA', geo: [38.9072, -77.0369, 'city'] },
  erbil: { name: 'Erbil', type: 'GPE', country: 'IRQ', geo: [36.1911, 44.0092, 'city'] },
} satisfies Record<string, EntitySpec>;

type EntityName = keyof typeof E;

interface EventSpec {
  type: PloverType;
  actor: EntityName[];
  recipient: EntityName[];
  sentence: number;
  trigger: string;
  location?: EntityName;
  date?: [value: string, grain: TimeGrain];
  modality?: Modality;
  source?: EntityName;
  dead?: Range;
  arrested?: Range;
  context?: string[];
  cameo?: string;
  confidence?: number;
}

interface QuoteSpec {
  sentence: number;
  text: string;
  speaker?: EntityName;
  cue: string;
  direct: boolean;
}

interface ArticleSpec {
  key: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
  sentences: string[];
  entities: EntityName[];
  events: EventSpec[];
  quotes?: QuoteSpec[];
}

function mentionsOf(text: string, name: string): Entity['mentions'] {
  const out: Entity['mentions'] = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) out.push({ start: i, end: i + name.length, text: name, kind: 'name' });
  return out;
}

/** An ArticleRecord from a spec: sentences joined into one paragraph, offsets computed. */
export function buildRecord(spec: ArticleSpec): ArticleRecord {
  const sentences: Array<[number, number]> = [];
  let text = '';
  for (const s of spec.sentences) {
    if (text) text += ' ';
    sentences.push([text.length, text.length + s.length]);
    text += s;
  }
  const ids = new Map<EntityName, string>();
  const entities = spec.entities.map((name, i): Entity => {
    const e: EntitySpec = E[name];
    const id = `E${i + 1}`;
    ids.set(name, id);
    return {
      id, name: e.name, type: e.type, mentions: mentionsOf(text, e.name), country: e.country ?? null, role: e.role ?? null,
      sector: e.sector ?? null, code: e.code ?? null, geo: e.geo ? { lat: e.geo[0], lon: e.geo[1], precision: e.geo[2] } : null, ids: {},
    };
  });
  const idOf = (name: EntityName): string => {
    const id = ids.get(name);
    if (!id) throw new Error(`fixture ${spec.key}: entity ${name} not listed`);
    return id;
  };
  const span = (i: number): [number, number] => {
    const s = sentences[i];
    if (!s) throw new Error(`fixture ${spec.key}: no sentence ${i}`);
    return s;
  };
  const events = spec.events.map((ev, i): EventRecord => {
    const [start, end] = span(ev.sentence);
    const t = text.indexOf(ev.trigger, start);
    if (t < 0 || t >= end) throw new Error(`fixture ${spec.key}: trigger "${ev.trigger}" not in sentence ${ev.sentence}`);
    return {
      id: `V${i + 1}`, type: ev.type, mode: null, context: ev.context ?? [], actor: ev.actor.map(idOf), recipient: ev.recipient.map(idOf),
      location: ev.location ? idOf(ev.location) : null,
      date: ev.date ? { value: ev.date[0], grain: ev.date[1], inferred: false } : null,
      modality: ev.modality ?? 'asserted', source: ev.source ? idOf(ev.source) : null,
      size: ev.dead || ev.arrested ? { dead: ev.dead ?? null, injured: null, arrested: ev.arrested ?? null } : null,
      trigger: { start: t, end: t + ev.trigger.length, text: ev.trigger },
      evidence: { sentence: ev.sentence, start, end }, confidence: ev.confidence ?? 0.8, cameo: ev.cameo ?? null,
    };
  });
  const quotes = (spec.quotes ?? []).map((q, i): Quote => {
    const [start, end] = span(q.sentence);
    const at = text.indexOf(q.text, start);
    if (at < 0 || at >= end) throw new Error(`fixture ${spec.key}: quote not in sentence ${q.sentence}`);
    return { id: `Q${i + 1}`, start: at, end: at + q.text.length, text: q.text, speaker: q.speaker ? idOf(q.speaker) : null, cue: q.cue, channel: null, direct: q.direct };
  });
  return {
    schema: RECORD_SCHEMA_ID, id: `fixture-${spec.key}`, source: { uri: spec.publisher ? `https://example.org/${spec.key}` : null, format: 'text', publisher: spec.publisher },
    language: 'en', title: spec.title, authors: [], published: spec.published ? { value: spec.published, text: spec.published } : null, dateline: null,
    text, removed: [], sentences, entities, times: [], quotes, events, conflicts: [], provenance: { pipeline: 'fixture', stages: {} },
  };
}

/** Article keys, readable and in a known order. */
export const K = {
  a1: 'a000000000000001',
  a2: 'a000000000000002',
  a3: 'a000000000000003',
  a4: 'a000000000000004',
  a5: 'a000000000000005',
  a6: 'a000000000000006',
  real: 'b000000000000001',
} as const;

export const SPECS: ArticleSpec[] = [
  {
    key: K.a1, title: 'Iran and Iraq sign border security pact', publisher: 'Reuters', published: '2024-03-03T10:00:00Z',
    sentences: [
      'The Iranian government signed a border security agreement with the Iraqi government in Baghdad on Saturday.',
      'The two sides also held talks on water sharing.',
      '“We will protect the border together,” said Abbas Araghchi, the foreign minister.',
    ],
    entities: ['iranGov', 'iraqGov', 'baghdad', 'araghchi'],
    events: [
      { type: 'AGREE', actor: ['iranGov'], recipient: ['iraqGov'], sentence: 0, trigger: 'signed', location: 'baghdad', date: ['2024-03-02', 'day'], cameo: '057' },
      { type: 'CONSULT', actor: ['iranGov'], recipient: ['iraqGov'], sentence: 1, trigger: 'held talks', context: ['diplomatic'] },
    ],
    quotes: [{ sentence: 2, text: 'We will protect the border together', speaker: 'araghchi', cue: 'said', direct: true }],
  },
  {
    key: K.a2, title: 'US accuses Iran over drone shipments', publisher: 'AP', published: '2024-04-10',
    sentences: [
      'The United States government accused Iran of shipping drones to Russia on Tuesday, speaking in Washington.',
      'The United States government will impose new sanctions on the Iranian government next month, officials said.',
    ],
    entities: ['usGov', 'iran', 'washington', 'iranGov'],
    events: [
      { type: 'ACCUSE', actor: ['usGov'], recipient: ['iran'], sentence: 0, trigger: 'accused', location: 'washington', date: ['2024-04-09', 'day'] },
      { type: 'SANCTION', actor: ['usGov'], recipient: ['iranGov'], sentence: 1, trigger: 'impose new sanctions', location: 'washington', date: ['2024-05', 'month'], modality: 'future', source: 'usGov' },
    ],
    quotes: [{ sentence: 1, text: 'will impose new sanctions on the Iranian government next month', cue: 'said', direct: false }],
  },
  {
    key: K.a3, title: 'Police clash with protesters in Tehran', publisher: 'BBC', published: '2024-04-15T08:30',
    sentences: [
      'The protesters marched against the Iranian government in Tehran in April.',
      'Iranian police fired on the crowd, killing three people and arresting 12.',
      '“The people want change,” one of the protesters told the BBC.',
    ],
    entities: ['protesters', 'iranGov', 'tehran', 'police'],
    events: [
      { type: 'PROTEST', actor: ['protesters'], recipient: ['iranGov'], sentence: 0, trigger: 'marched', location: 'tehran', date: ['2024-04', 'month'] },
      { type: 'ASSAULT', actor: ['police'], recipient: ['protesters'], sentence: 1, trigger: 'fired', location: 'tehran', dead: { min: 3, max: 3 }, arrested: { min: 12, max: 12 } },
    ],
    quotes: [{ sentence: 2, text: 'The people want change', speaker: 'protesters', cue: 'told', direct: true }],
  },
  {
    // A syndicated copy of a1 (the analysis tests mark it as a1's duplicate).
    key: K.a4, title: 'Iran, Iraq sign border pact', publisher: 'Yahoo News', published: '2024-03-04',
    sentences: ['The Iranian government signed a border security agreement with the Iraqi government in Baghdad on Saturday.'],
    entities: ['iranGov', 'iraqGov', 'baghdad'],
    events: [
      { type: 'AGREE', actor: ['iranGov'], recipient: ['iraqGov'], sentence: 0, trigger: 'signed', location: 'baghdad', date: ['2024-03-02', 'day'] },
    ],
  },
  {
    key: K.a5, title: 'Iraq asks Iran to rein in militias', publisher: 'Al Jazeera', published: '2023-11-20T12:00',
    sentences: [
      'The Iraqi government asked Iran on Sunday to stop arming militias.',
      'Kataib Hezbollah could attack United States government forces in Erbil, analysts warned.',
      '“We will not accept attacks from our soil,” said a spokesman for the Iraqi government.',
    ],
    entities: ['iraqGov', 'iran', 'kataib', 'usGov', 'erbil'],
    events: [
      { type: 'REQUEST', actor: ['iraqGov'], recipient: ['iran'], sentence: 0, trigger: 'asked', date: ['2023-11-19', 'day'] },
      { type: 'THREATEN', actor: ['kataib'], recipient: ['usGov'], sentence: 1, trigger: 'attack', location: 'erbil', modality: 'hypothetical', confidence: 0.34 },
    ],
    quotes: [{ sentence: 2, text: 'We will not accept attacks from our soil', speaker: 'iraqGov', cue: 'said', direct: true }],
  },
  {
    // No title, publisher, publication date or event date: the event has no date at all.
    key: K.a6, title: null, publisher: null, published: null,
    sentences: ['The World Bank will fund new roads in Kenya.'],
    entities: ['worldBank', 'kenya'],
    events: [{ type: 'COOPERATE', actor: ['worldBank'], recipient: ['kenya'], sentence: 0, trigger: 'fund' }],
  },
];

/** A deterministic stand-in for the ingest's SimHash: 16 hex digits from the key. */
export function fakeSimhash(key: string): string {
  return [...key].reverse().join('').padEnd(16, '0').slice(0, 16);
}

export function fixtureInputs(): ArticleInput[] {
  return SPECS.map((s) => ({ key: s.key, record: buildRecord(s), origin: `fixtures/${s.key}.txt`, simhash: fakeSimhash(s.key) }));
}

/** A short article for the real pipeline. */
export const REAL_ARTICLE = `Iran and Iraq sign border agreement

BAGHDAD, March 3, 2024 — Iran's foreign minister met Iraqi officials in Baghdad on Monday and the two governments signed an agreement on border security. "We will cooperate fully," the minister told reporters.

Protesters clashed with police in Tehran on Sunday, and police arrested 12 people, according to state media. The United States accused Iran of supplying weapons to Russia.`;

let realRecord: ArticleRecord | undefined;

/** The record extract() makes of REAL_ARTICLE (made once: the pipeline takes a few seconds to load). */
export function realInput(): ArticleInput {
  realRecord ??= extract({ name: 'fixtures/real-article.txt', uri: 'https://example.org/real', kind: 'raw', content: REAL_ARTICLE });
  return { key: K.real, record: realRecord, origin: 'fixtures/real-article.txt', simhash: fakeSimhash(K.real) };
}
