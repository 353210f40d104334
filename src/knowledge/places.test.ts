import { describe, expect, it } from 'vitest';
import { places, type PlaceCandidate } from './places.js';

function km(a: { lat: number; lon: number }, lat: number, lon: number): number {
  const r = Math.PI / 180;
  const x = (lon - a.lon) * r * Math.cos(((lat + a.lat) / 2) * r);
  return Math.hypot(x, (lat - a.lat) * r) * 6371;
}

const first = (name: string): PlaceCandidate | undefined => places().lookup(name)[0];

describe('places', () => {
  it('puts Tehran in Iran at 35.69, 51.42', () => {
    const t = first('Tehran')!;
    expect(t.country).toBe('IRN');
    expect(t.kind).toBe('city');
    expect(km(t, 35.69, 51.42)).toBeLessThan(10);
    expect(t.geonames).toBe(112931);
    expect(first('TEHRAN')?.id).toBe(t.id);
  });

  it('knows Aghbend, an Azerbaijani village on the Iranian border', () => {
    const a = first('Aghbend')!;
    expect(a.country).toBe('AZE');
    expect(a.kind).toBe('village');
    expect(km(a, 38.9, 46.57)).toBeLessThan(15);
    expect(first('Ağbənd')?.id).toBe(a.id);
  });

  it('finds Astara on both sides of the border', () => {
    const towns = places().lookup('Astara').filter((p) => p.precision === 'city');
    expect(towns.map((p) => p.country).sort()).toEqual(['AZE', 'IRN']);
  });

  it('ranks Paris, France first and keeps Paris, Texas', () => {
    const all = places().lookup('Paris');
    expect(all[0]?.country).toBe('FRA');
    expect(all[0]?.population).toBe(Math.max(...all.map((p) => p.population)));
    expect(all.some((p) => p.country === 'USA' && p.admin1?.name === 'Texas')).toBe(true);
    for (const p of all) expect(p.lat !== 0 || p.lon !== 0).toBe(true);
  });

  it('reads Georgia as the country first and keeps the US state', () => {
    const all = places().lookup('Georgia');
    expect(all[0]).toMatchObject({ kind: 'country', country: 'GEO', precision: 'country' });
    expect(all.some((p) => p.kind === 'admin1' && p.country === 'USA' && p.admin1?.code === 'US.GA')).toBe(true);
  });

  it('keeps Christchurch a city of New Zealand, not a country', () => {
    const all = places().lookup('Christchurch');
    expect(all[0]).toMatchObject({ kind: 'city', country: 'NZL' });
    expect(all.some((p) => p.kind === 'country')).toBe(false);
  });

  it('folds alternate spellings of Karabakh places onto one place', () => {
    expect(first('Stepanakert')?.id).toBe(first('Khankendi')?.id);
    expect(first('Shushi')?.id).toBe(first('Shusha')?.id);
    expect(first('Nagorno Karabakh')).toMatchObject({ country: 'AZE', kind: 'region' });
    expect(first('Lachin corridor')?.country).toBe('AZE');
  });

  it('has the seas and regions of the supplement, international ones without a country', () => {
    expect(first('Caspian Sea')).toMatchObject({ kind: 'sea', country: null });
    expect(first('South Caucasus')?.kind).toBe('region');
    expect(first('Strait of Hormuz')?.kind).toBe('strait');
    expect(first('Kashmir')?.countries).toEqual(expect.arrayContaining(['IND', 'PAK']));
  });

  it('finds places by id and nothing for unknown names', () => {
    expect(places().byId('112931')?.name).toBe('Tehran');
    expect(places().lookup('Qwxzzy')).toEqual([]);
  });
});

describe('places lookup sharing', () => {
  it('answers a repeated name with the same frozen list', () => {
    const a = places().lookup('Paris');
    expect(a.length).toBeGreaterThan(0);
    expect(places().lookup('Paris')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a[0])).toBe(true);
  });
});
