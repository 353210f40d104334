import { describe, expect, it } from 'vitest';
import { countries } from './countries.js';

describe('countries', () => {
  const db = countries();

  it('reads demonyms, including the ones world-countries lacks', () => {
    expect(db.byDemonym('Azeri')?.a3).toBe('AZE');
    expect(db.byDemonym('Azerbaijani')?.a3).toBe('AZE');
    expect(db.byDemonym('Iranian')?.a3).toBe('IRN');
    expect(db.byDemonym('Armenian')?.a3).toBe('ARM');
    expect(db.byDemonym('Pakistani')?.a3).toBe('PAK');
    expect(db.byDemonym('Emirati')?.a3).toBe('ARE');
    expect(db.byDemonym('Saudi')?.a3).toBe('SAU');
    expect(db.byDemonym('Israeli')?.a3).toBe('ISR');
    expect(db.byDemonym('Palestinian')?.a3).toBe('PSE');
    expect(db.byDemonym('Americans')?.a3).toBe('USA');
    expect(db.byDemonym('Azeris')?.a3).toBe('AZE');
    // Older and regional forms the 1987 wire uses.
    expect(db.byDemonym('West German')?.a3).toBe('DEU');
    expect(db.byDemonym('Germans')?.a3).toBe('DEU');
    expect(db.byDemonym('Scottish')?.a3).toBe('GBR');
    expect(db.byDemonym('Salvadorean')?.a3).toBe('SLV');
    expect(db.group('Moslems')?.name).toBe('Muslims');
  });

  it('gives Kurdish no country but a group', () => {
    expect(db.byDemonym('Kurdish')).toBeUndefined();
    expect(db.group('Kurdish')?.name).toBe('Kurds');
    expect(db.group('Kurdish')?.countries).toContain('IRQ');
  });

  it('reads the names news uses', () => {
    const cases: [string, string][] = [
      ['the US', 'USA'], ['U.S.', 'USA'], ['America', 'USA'], ['UK', 'GBR'], ['Britain', 'GBR'],
      ['Russia', 'RUS'], ['South Korea', 'KOR'], ['Iran', 'IRN'], ['Islamic Republic of Iran', 'IRN'],
      ['Türkiye', 'TUR'], ['Turkey', 'TUR'], ["Iran's", 'IRN'], ['Azerbaijan', 'AZE'], ['Georgia', 'GEO'],
      ['IRAN', 'IRN'], ['Kosovo', 'XKX'], ['Surinam', 'SUR'],
    ];
    for (const [name, a3] of cases) expect(db.byName(name)?.a3, name).toBe(a3);
  });

  it('keeps short acronyms and capitalised names out of ordinary words', () => {
    expect(db.byName('us')).toBeUndefined();
    expect(db.byName('turkey')).toBeUndefined();
    expect(db.byName('Christchurch')).toBeUndefined();
    // Iceland's own name, accents folded, is an English word: "The Island Def Jam Music Group".
    expect(db.byName('Island')).toBeUndefined();
    expect(db.byName('Iceland')?.a3).toBe('ISL');
  });

  it('orders shared names by usual reading', () => {
    expect(db.allByName('Korea').map((c) => c.a3)).toEqual(['KOR', 'PRK']);
  });

  it('has codes, capitals, borders and no country at 0,0', () => {
    const aze = db.byCode('aze');
    expect(aze?.a2).toBe('AZ');
    expect(aze?.capital?.name).toBe('Baku');
    expect(aze?.borders).toEqual(expect.arrayContaining(['ARM', 'IRN', 'GEO', 'RUS', 'TUR']));
    expect(db.byCode('IR')?.a3).toBe('IRN');
    const tehran = db.byCode('IRN')?.capital;
    expect(tehran?.lat).toBeCloseTo(35.69, 1);
    expect(tehran?.lon).toBeCloseTo(51.42, 1);
    for (const c of db.all) expect(c.lat !== 0 || c.lon !== 0, c.a3).toBe(true);
    expect(db.all.length).toBeGreaterThanOrEqual(245);
  });

  it('knows former states by their ISO 3166-3 codes, never ahead of a current state', () => {
    const db = countries();
    expect(db.byName('Soviet Union')).toMatchObject({ a3: 'SUN', former: true, independent: false });
    expect(db.byName('USSR')?.a3).toBe('SUN');
    expect(db.byDemonym('Soviets')?.a3).toBe('SUN');
    expect(db.byName('East Germany')?.a3).toBe('DDR');
    expect(db.byName('Yugoslavia')?.a3).toBe('YUG');
    expect(db.byDemonym('German')?.a3).toBe('DEU');
    expect(db.byName('Russia')).toMatchObject({ a3: 'RUS', former: false });
  });
});
