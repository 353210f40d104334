import { describe, expect, it } from 'vitest';
import { buildRecord, K, SPECS } from '../../test/store/fixtures.js';
import { ploverScore } from '../knowledge/plover-scores.js';
import { actorId, dateSpan, deriveRows } from './rows.js';

const NOW = '2025-01-01T00:00:00.000Z';

function rowsOf(i: number): ReturnType<typeof deriveRows> {
  const spec = SPECS[i]!;
  return deriveRows({ key: spec.key, record: buildRecord(spec), origin: 'o', simhash: '0123456789abcdef' }, NOW);
}

describe('dateSpan', () => {
  it('covers the days of a day, month or year', () => {
    expect(dateSpan('2024-03-02')).toEqual({ grain: 'day', sort: '2024-03-02', lo: '2024-03-02', hi: '2024-03-02', month: '2024-03', day: '2024-03-02' });
    expect(dateSpan('2024-02')).toEqual({ grain: 'month', sort: '2024-02', lo: '2024-02-01', hi: '2024-02-29', month: '2024-02', day: null });
    expect(dateSpan('2023-02')!.hi).toBe('2023-02-28');
    expect(dateSpan('1990')).toEqual({ grain: 'year', sort: '1990', lo: '1990-01-01', hi: '1990-12-31', month: null, day: null });
    expect(dateSpan('2020-12-09T22:13')!.day).toBe('2020-12-09');
  });

  it('reads nothing from what is not an ISO date', () => {
    expect(dateSpan(null)).toBeNull();
    expect(dateSpan('')).toBeNull();
    expect(dateSpan('P3D')).toBeNull();
    expect(dateSpan('2024-13')).toBeNull();
  });
});

describe('actorId', () => {
  it('is the code, else the lower-cased name', () => {
    expect(actorId({ code: 'IRNGOV', name: 'Tehran' })).toBe('IRNGOV');
    expect(actorId({ code: null, name: 'Kataib Hezbollah' })).toBe('name:kataib hezbollah');
  });
});

describe('deriveRows', () => {
  it('resolves participants, place, evidence, score and the sort date', () => {
    const rows = rowsOf(2); // a3: protest (month date), assault (no date → publication day)
    const [protest, assault] = rows.events;
    expect(protest).toMatchObject({
      key: `${K.a3}:V1`, type: 'PROTEST', score: ploverScore('PROTEST').score, quad: ploverScore('PROTEST').quad,
      place: { entity: 'E3', name: 'Tehran', nameFolded: 'tehran', country: 'IRN', lat: 35.6892, lon: 51.389 },
      span: { sort: '2024-04', month: '2024-04', day: null },
      evidence: { sentence: 0, text: SPECS[2]!.sentences[0] },
    });
    expect(assault!.span).toMatchObject({ sort: '2024-04-15', day: '2024-04-15' });
    expect(assault!.dead).toEqual({ min: 3, max: 3 });
    expect(rows.participants.filter((p) => p.eventKey === assault!.key)).toEqual([
      { eventKey: assault!.key, articleKey: K.a3, role: 'actor', position: 0, entity: 'E4', name: 'Iranian police', nameFolded: 'iranian police', code: 'IRNCOP', country: 'IRN', sector: 'COP', actorId: 'IRNCOP' },
      { eventKey: assault!.key, articleKey: K.a3, role: 'recipient', position: 0, entity: 'E1', name: 'protesters', nameFolded: 'protesters', code: null, country: 'IRN', sector: 'CVL', actorId: 'name:protesters' },
    ]);
    expect(rows.quotes[0]!.speaker).toMatchObject({ entity: 'E1', actorId: 'name:protesters' });
    expect(rows.article).toMatchObject({ key: K.a3, publishedDay: '2024-04-15', publisherFolded: 'bbc', events: 2, quotes: 1, ingestedAt: NOW });
    expect(rows.entities.map((e) => e.actorId)).toEqual(['name:protesters', 'IRNGOV', 'name:tehran', 'IRNCOP']);
  });

  it('puts the source among the participants with its own role', () => {
    const rows = rowsOf(1);
    expect(rows.participants.filter((p) => p.role === 'source').map((p) => [p.eventKey, p.actorId])).toEqual([[`${K.a2}:V2`, 'USAGOV']]);
  });

  it('leaves an event without any date undated, and skips entities the record does not hold', () => {
    const spec = SPECS[5]!;
    const record = buildRecord(spec);
    record.events[0]!.recipient.push('E99');
    const rows = deriveRows({ key: spec.key, record, origin: 'o', simhash: '0' }, NOW);
    expect(rows.events[0]!.span).toBeNull();
    expect(rows.article.publishedDay).toBeNull();
    expect(rows.participants.map((p) => p.entity)).toEqual(['E1', 'E2']);
  });

  it('gives the same rows every time', () => {
    expect(rowsOf(0)).toEqual(rowsOf(0));
  });
});
