/**
 * Hand-built event rows for the tests of this folder: the shapes the store returns,
 * with invented content.
 */
import type { Participant, EventRow } from '../store/types.js';
import type { ExportEvent } from './context.js';

export function participant(name: string, code: string | null, country: string | null, sector: string | null, entity = 'E1'): Participant {
  return { entity, name, code, country, sector };
}

export const IRAN_GOV = participant('Iranian government', 'IRNGOV', 'IRN', 'GOV', 'E1');
export const AZERBAIJAN = participant('Azerbaijan', 'AZE', 'AZE', null, 'E2');

export function eventRow(over: Partial<EventRow> = {}): EventRow {
  return {
    key: '0123456789abcdef:V3',
    articleKey: '0123456789abcdef',
    eventId: 'V3',
    type: 'CONSULT',
    mode: 'visit',
    context: ['diplomatic'],
    modality: 'asserted',
    actors: [IRAN_GOV],
    recipients: [AZERBAIJAN],
    place: { entity: 'E3', name: 'Tehran', country: 'IRN', lat: 35.69, lon: 51.42 },
    date: { value: '2020-12-09', grain: 'day', inferred: false },
    source: null,
    dead: null,
    injured: null,
    arrested: null,
    cameo: '042',
    confidence: 0.8,
    score: 1,
    trigger: 'visited',
    evidence: { sentence: 0, start: 0, end: 48, text: 'The Iranian government visited Baku, "officials" said.' },
    cluster: null,
    article: { title: 'Talks in Tehran', publisher: 'Example News', published: '2020-12-10T08:00', duplicateOf: null },
    ...over,
  };
}

export function exportEvent(row: EventRow = eventRow(), over: Partial<Omit<ExportEvent, 'row'>> = {}): ExportEvent {
  return {
    row,
    article: { uri: 'https://news.example/talks', language: 'en', ingestedAt: '2021-01-02T03:04:05.000Z', leadEnd: 100 },
    place: { precision: 'city', geonames: 112931, admin1: 'Tehran Province', countryName: 'Iran', countryA2: 'IR', countryNumeric: '364' },
    cluster: null,
    ...over,
  };
}
