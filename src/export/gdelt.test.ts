import { describe, expect, it } from 'vitest';
import { eventRow, exportEvent, participant } from './fixtures.js';
import { GDELT_COLUMNS, actorColumns, gdeltHeader, gdeltLine, globalEventId, toGdelt } from './gdelt.js';

function named(fields: ReadonlyArray<string | number | null>): Record<string, string | number | null> {
  return Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, fields[i] ?? null]));
}

describe('GDELT 2.0 event rows', () => {
  it('has the 61 codebook columns in order', () => {
    expect(GDELT_COLUMNS).toHaveLength(61);
    expect(GDELT_COLUMNS.slice(0, 7)).toEqual(['GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate', 'Actor1Code', 'Actor1Name']);
    expect(GDELT_COLUMNS[14]).toBe('Actor1Type3Code');
    expect(GDELT_COLUMNS[15]).toBe('Actor2Code');
    expect(GDELT_COLUMNS.slice(25, 35)).toEqual(['IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone']);
    expect(GDELT_COLUMNS.slice(35, 43)).toEqual(['Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code', 'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID']);
    expect(GDELT_COLUMNS[51]).toBe('ActionGeo_Type');
    expect(GDELT_COLUMNS.slice(59)).toEqual(['DATEADDED', 'SOURCEURL']);
    expect(new Set(GDELT_COLUMNS).size).toBe(61);
    expect(gdeltHeader().split('\t')).toEqual(GDELT_COLUMNS);
  });

  it('fills the columns it knows', () => {
    const g = named(toGdelt(exportEvent(eventRow({ cameo: '0431', score: 1 }))));
    expect(g).toMatchObject({
      GLOBALEVENTID: globalEventId('0123456789abcdef', 'V3'),
      SQLDATE: '20201209', MonthYear: '202012', Year: 2020, FractionDate: (2020 + (12 * 30 + 9) / 365).toFixed(4),
      Actor1Code: 'IRNGOV', Actor1Name: 'Iranian government', Actor1CountryCode: 'IRN', Actor1Type1Code: 'GOV',
      Actor2Code: 'AZE', Actor2Name: 'Azerbaijan', Actor2CountryCode: 'AZE', Actor2Type1Code: null,
      IsRootEvent: 1, EventCode: '0431', EventBaseCode: '043', EventRootCode: '04', QuadClass: 1, GoldsteinScale: 1,
      NumMentions: 1, NumSources: 1, NumArticles: 1, AvgTone: null,
      Actor1Geo_Type: null, Actor2Geo_FullName: null,
      ActionGeo_Type: 4, ActionGeo_FullName: 'Tehran, Tehran Province, Iran', ActionGeo_CountryCode: null,
      ActionGeo_Lat: 35.69, ActionGeo_Long: 51.42, ActionGeo_FeatureID: null,
      DATEADDED: '20210102030405', SOURCEURL: 'https://news.example/talks',
    });
  });

  it('takes mention, source and article counts from the cluster', () => {
    const g = named(toGdelt(exportEvent(eventRow({ cluster: 'C1' }), { cluster: { mentions: 7, articles: 5, sources: 3 } })));
    expect([g['NumMentions'], g['NumSources'], g['NumArticles']]).toEqual([7, 3, 5]);
  });

  it('uses GDELT geo types for countries, regions and US places', () => {
    const country = named(toGdelt(exportEvent(eventRow({ place: { entity: 'E3', name: 'Iran', country: 'IRN', lat: 32, lon: 53 } }), {
      place: { precision: 'country', geonames: 130758, admin1: null, countryName: 'Iran', countryA2: 'IR', countryNumeric: '364' },
    })));
    expect(country['ActionGeo_Type']).toBe(1);
    expect(country['ActionGeo_FullName']).toBe('Iran');
    const texas = named(toGdelt(exportEvent(eventRow({ place: { entity: 'E3', name: 'Texas', country: 'USA', lat: 31, lon: -99 } }), {
      place: { precision: 'region', geonames: 4736286, admin1: 'Texas', countryName: 'United States', countryA2: 'US', countryNumeric: '840' },
    })));
    expect(texas['ActionGeo_Type']).toBe(2);
    expect(texas['ActionGeo_FullName']).toBe('Texas, United States');
  });

  it('writes no tabs or line breaks inside fields and 61 fields per line', () => {
    const line = gdeltLine(exportEvent(eventRow({ actors: [participant('The\tSplit\nName', null, 'IRN', 'GOV')], recipients: [] })));
    expect(line).not.toMatch(/[\r\n]/);
    const fields = line.split('\t');
    expect(fields).toHaveLength(61);
    expect(fields[6]).toBe('The Split Name');
    expect(fields[5]).toBe('IRN');
    expect(fields[15]).toBe('');
  });

  it('leaves dates empty when the event has none and the article no date', () => {
    const g = named(toGdelt(exportEvent(eventRow({ date: null, cameo: null, article: { title: null, publisher: null, published: null, duplicateOf: null } }), { article: null })));
    expect([g['SQLDATE'], g['Year'], g['EventCode'], g['IsRootEvent'], g['DATEADDED'], g['SOURCEURL']]).toEqual([null, null, null, null, null, null]);
  });

  it('reads actor codes into country, known group and type columns', () => {
    expect(actorColumns(participant('UN', 'UNODIP', null, 'DIP'))).toEqual(['UNODIP', 'UN', null, 'UNO', null, null, null, 'DIP', null, null]);
    expect(actorColumns(participant('NATO', 'IGOMIL', null, 'MIL'))).toEqual(['IGOMIL', 'NATO', null, null, null, null, null, 'IGO', 'MIL', null]);
    expect(actorColumns(participant('gunmen', null, null, 'UAF'))).toEqual([null, 'gunmen', null, null, null, null, null, 'UAF', null, null]);
    expect(actorColumns(undefined)).toEqual(Array(10).fill(null));
  });

  it('makes integer ids, stable and distinct per event', () => {
    const a = globalEventId('0123456789abcdef', 'V1');
    expect(a).toMatch(/^\d+$/);
    expect(globalEventId('0123456789abcdef', 'V1')).toBe(a);
    expect(globalEventId('0123456789abcdef', 'V2')).not.toBe(a);
    // Keys that differ only in their last digits (as hand-made ones do) stay apart.
    const ids = new Set(['1', '2', '3', '4'].map((d) => globalEventId(`a00000000000000${d}`, 'V1')));
    expect(ids.size).toBe(4);
    for (const id of ids) expect(BigInt(id)).toBeLessThan(2n ** 63n);
  });
});
