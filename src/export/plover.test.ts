import { describe, expect, it } from 'vitest';
import { AZERBAIJAN, eventRow, exportEvent, participant } from './fixtures.js';
import { ploverEntity, ploverLine, toPlover } from './plover.js';

describe('PLOVER JSONL', () => {
  it('maps an event to the manual field names', () => {
    const p = toPlover(exportEvent(eventRow({ cluster: 'C7' })));
    expect(p).toMatchObject({
      id: '0123456789abcdef:V3',
      has_event: true,
      date: '2020-12-09',
      time: null,
      enddate: null,
      event: ['CONSULT'],
      mode: ['visit'],
      context: ['diplomatic'],
      quad_code: 1,
      event_scale: 1,
      link: 'C7',
      event_text: ['The Iranian government visited Baku, "officials" said.'],
      text_info: { sequence: 0, start: 0, end: 48 },
      coded_date: '2021-01-02',
      coded_time: '03:04:05.000Z',
      modality: 'asserted',
      cameo: '042',
      trigger: 'visited',
    });
    expect(p.actor).toEqual([{ entity_text: 'Iranian government', code: 'IRN', sector: 'GOV', actor_code: 'IRNGOV', entity_id: 'E1' }]);
    expect(p.recipient).toEqual([{ entity_text: 'Azerbaijan', code: 'AZE', sector: null, actor_code: 'AZE', entity_id: 'E2' }]);
    expect(p.event_loc).toEqual({
      extracted_place: 'Tehran', resolved_place: 'Tehran', geonameid: 112931, lat: 35.69, lon: 51.42, city: 'Tehran',
      province: 'Tehran Province', country: 'Iran', country_code: 'IRN', resolution: 4,
    });
    expect(p.cite_info).toMatchObject({ url: 'https://news.example/talks', title: 'Talks in Tehran', publication: 'Example News', language: 'en', citation: '0123456789abcdef' });
  });

  it('puts auxiliary modes in context, as the manual says, and keeps our modality', () => {
    expect(toPlover(exportEvent(eventRow({ modality: 'negated' }))).context).toEqual(['diplomatic', 'negation']);
    expect(toPlover(exportEvent(eventRow({ modality: 'future', context: [] }))).context).toEqual(['future']);
    const alleged = toPlover(exportEvent(eventRow({ modality: 'alleged' })));
    expect(alleged.context).toEqual(['diplomatic']);
    expect(alleged.modality).toBe('alleged');
  });

  it('writes month dates as a date range and sizes as numbers or ranges', () => {
    const p = toPlover(exportEvent(eventRow({
      type: 'ASSAULT', mode: null, score: -10, date: { value: '2020-10', grain: 'month', inferred: false },
      dead: { min: 3, max: 3 }, injured: { min: 10, max: null }, arrested: null,
    })));
    expect(p.date).toBe('2020-10-01');
    expect(p.enddate).toBe('2020-10-31');
    expect(p.date_grain).toBe('month');
    expect(p.mode).toEqual([]);
    expect(p.quad_code).toBe(4);
    expect(p.event_scale).toBe(-10);
    expect(p.size).toEqual({ dead: 3, injured: { min: 10, max: null } });
  });

  it('leaves out what is unknown rather than guessing', () => {
    const p = toPlover(exportEvent(eventRow({ place: null, recipients: [] }), { article: null, place: null }));
    expect(p.event_loc).toBeNull();
    expect(p.recipient).toEqual([]);
    expect(p.coded_date).toBeNull();
    expect(p.cite_info['url']).toBeNull();
    expect(p.size).toBeNull();
  });

  it('reads group codes and bare sectors', () => {
    expect(ploverEntity(participant('UN Security Council', 'UNODIP', null, 'DIP'))).toMatchObject({ code: 'UNO', sector: 'DIP' });
    expect(ploverEntity(participant('gunmen', null, null, 'UAF'))).toMatchObject({ code: null, sector: 'UAF' });
    expect(ploverEntity(AZERBAIJAN).code).toBe('AZE');
  });

  it('is one line of JSON', () => {
    const line = ploverLine(exportEvent(eventRow({ evidence: { sentence: 1, start: 5, end: 9, text: 'a\nb' } })));
    expect(line).not.toContain('\n');
    expect(JSON.parse(line).event_text).toEqual(['a\nb']);
  });
});
