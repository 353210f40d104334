import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_EOL, csvRow } from './csv.js';
import { EVENT_CSV_COLUMNS, eventCsvValues } from './events-csv.js';
import { eventRow, participant } from './fixtures.js';

describe('flat event CSV', () => {
  it('has one column per field, participants as parallel lists', () => {
    const row = eventRow({
      actors: [participant('Iran, the state', 'IRNGOV', 'IRN', 'GOV', 'E1'), participant('gunmen', null, null, 'UAF', 'E9')],
      dead: { min: 2, max: null },
      context: ['military', 'territory'],
      source: participant('ministry', 'AZEGOV', 'AZE', 'GOV', 'E5'),
    });
    const values = Object.fromEntries(EVENT_CSV_COLUMNS.map((c, i) => [c, eventCsvValues(row)[i]]));
    expect(values).toMatchObject({
      key: '0123456789abcdef:V3', type: 'CONSULT', context: 'military; territory',
      actor_names: 'Iran, the state; gunmen', actor_codes: 'IRNGOV; ', actor_countries: 'IRN; ', actor_sectors: 'GOV; UAF', actor_entities: 'E1; E9',
      recipient_names: 'Azerbaijan', place: 'Tehran', place_lat: 35.69, date: '2020-12-09', date_grain: 'day', date_inferred: false,
      source_name: 'ministry', source_code: 'AZEGOV', dead_min: 2, dead_max: null, injured_min: null,
      evidence_text: 'The Iranian government visited Baku, "officials" said.', article_published: '2020-12-10T08:00',
    });
    expect(new Set(EVENT_CSV_COLUMNS).size).toBe(EVENT_CSV_COLUMNS.length);
  });

  it('survives commas, quotes and line breaks through csv-parse', () => {
    const row = eventRow({ evidence: { sentence: 2, start: 1, end: 2, text: 'He said, "no"\nand left.' }, trigger: 'said,' });
    const text = csvRow(EVENT_CSV_COLUMNS) + CSV_EOL + csvRow(eventCsvValues(row)) + CSV_EOL;
    const [parsed] = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(parsed!['evidence_text']).toBe('He said, "no"\nand left.');
    expect(parsed!['trigger']).toBe('said,');
    expect(parsed!['evidence_sentence']).toBe('2');
  });
});
