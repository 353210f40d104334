import { describe, expect, it } from 'vitest';
import { distanceKm, resolvePlace } from './resolve.js';

const ctx = (entries: Array<[string, number]>) => ({ countries: new Map(entries), regions: new Set<string>() });

describe('resolvePlace', () => {
  it('places Tehran in Iran within 10 km of 35.69, 51.42', () => {
    const r = resolvePlace(['Tehran'], ctx([['IRN', 3]]))!;
    expect(r.place.country).toBe('IRN');
    expect(distanceKm(r.place, { lat: 35.69, lon: 51.42 })).toBeLessThan(10);
    expect(r.precision).toBe('city');
  });

  it('finds war-affected places of the written supplement', () => {
    expect(resolvePlace(['Aghbend'], ctx([['AZE', 2], ['IRN', 2]]))?.place.country).toBe('AZE');
    expect(resolvePlace(['Nagorno-Karabakh'], ctx([]))?.place.country).toBe('AZE');
  });

  it('lets the article decide between namesakes', () => {
    expect(resolvePlace(['Astara'], ctx([['IRN', 4]]))?.place.country).toBe('IRN');
    expect(resolvePlace(['Astara'], ctx([['AZE', 4]]))?.place.country).toBe('AZE');
    expect(resolvePlace(['Paris'], ctx([]))?.place.country).toBe('FRA');
  });

  it('reads a world city, not its small namesake in a country the article keeps naming', () => {
    const paris = resolvePlace(['Paris'], ctx([['USA', 12]]))!;
    expect(paris.place.country).toBe('FRA');
    expect(paris.precision).toBe('city');
    expect(resolvePlace(['London'], ctx([['USA', 9], ['CAN', 2]]))?.place.country).toBe('GBR');
    expect(resolvePlace(['Moscow'], ctx([['USA', 6]]))?.place.country).toBe('RUS');
    // Unless the article names the namesake's region: "Paris, Texas".
    expect(resolvePlace(['Paris'], { countries: new Map([['USA', 12]]), regions: new Set(['texas']) })?.place.country).toBe('USA');
    // Nor a city whose alternate names hold the name: Puno, Peru is not Pune, India.
    expect(resolvePlace(['Puno'], ctx([['PER', 3]]))?.place.country).toBe('PER');
  });

  it('reads a region, not a small town of its name, unless a city of the name is large', () => {
    // "Wales" is also a village of 6,000 in England; "Delaware" a town in Ohio.
    expect(resolvePlace(['Wales'], ctx([]))?.place.kind).toBe('admin1');
    expect(resolvePlace(['Delaware'], ctx([['USA', 3]]))?.place.kind).toBe('admin1');
    expect(resolvePlace(['New York'], ctx([['USA', 3]]))?.place.kind).toBe('city');
    // With no country named, the English city of 55,000 beats New Zealand's region.
    expect(resolvePlace(['Canterbury'], ctx([]))?.place.country).toBe('GBR');
    expect(resolvePlace(['Canterbury'], ctx([['NZL', 3]]))?.place.country).toBe('NZL');
  });

  it('never returns 0,0 and gives nothing for unknown or directional names', () => {
    expect(resolvePlace(['Qwertyville'], ctx([]))).toBeNull();
    expect(resolvePlace(['North'], ctx([['IRN', 1]]))).toBeNull();
    const r = resolvePlace(['Georgia'], ctx([]))!;
    expect(Math.abs(r.place.lat) + Math.abs(r.place.lon)).toBeGreaterThan(1);
  });

  it('reads a GeoNames alternate name unlike the place\'s own only in a country the article names', () => {
    // "Twickenham" is an alternate name of Huntsville, Alabama; "Stepanakert" one of Xankandi.
    expect(resolvePlace(['Twickenham'], ctx([['GBR', 3]]))?.place.country).not.toBe('USA');
    expect(resolvePlace(['Stepanakert'], ctx([['AZE', 2], ['ARM', 2]]))?.place.country).toBe('AZE');
    // A spelling or a part of the place's own name is its own: Seville, Frankfurt.
    expect(resolvePlace(['Seville'], ctx([['GBR', 2]]))?.place.country).toBe('ESP');
    expect(resolvePlace(['Frankfurt'], ctx([['GBR', 2]]))?.place.country).toBe('DEU');
  });

  it('reads no nickname GeoNames keeps for another place beside a major place of that name, but keeps exonyms', () => {
    // "Rome" is an alternate name of Washington, "Venice" of Dayton, Ohio.
    expect(resolvePlace(['Rome'], ctx([['USA', 8]]))?.place.country).toBe('ITA');
    expect(resolvePlace(['Venice'], ctx([['USA', 8]]))?.place.name).not.toBe('Dayton');
    // "Hanover" and "Cologne" are the English names of Hannover and Köln, whose namesakes are small.
    expect(resolvePlace(['Hanover'], ctx([['DEU', 2]]))?.place.country).toBe('DEU');
    expect(resolvePlace(['Cologne'], ctx([['DEU', 2], ['ITA', 1]]))?.place.country).toBe('DEU');
  });

  it('reads a regional seat five times a town\'s size, and a capital twice, over a town in a named country', () => {
    const geneva = resolvePlace(['Geneva'], ctx([['USA', 6]]))!;
    expect(geneva.place.country).toBe('CHE');
    expect(geneva.precision).toBe('city');
    // New Zealand's Hamilton is 3.5 times Scotland's: a Scottish story keeps its own.
    expect(resolvePlace(['Hamilton'], ctx([['GBR', 5]]))?.place.country).toBe('GBR');
    // Unless the article names the town's region.
    expect(resolvePlace(['Geneva'], { countries: new Map([['USA', 6]]), regions: new Set(['illinois']) })?.place.country).toBe('USA');
  });

  it('reads a written sea by its bare name over a small town in a named country', () => {
    expect(resolvePlace(['Atlantic'], ctx([['USA', 8]]))?.place.kind).toBe('sea');
    expect(resolvePlace(['Pacific'], ctx([['USA', 8]]))?.place.kind).toBe('sea');
  });

  it('does not take a small namesake abroad for a bare name', () => {
    // An article about Iran: a tiny foreign place named like a common word is no safe reading.
    const r = resolvePlace(['Union'], ctx([['IRN', 5]]));
    expect(r === null || r.place.population >= 100_000 || r.place.country === 'IRN').toBe(true);
  });
});
