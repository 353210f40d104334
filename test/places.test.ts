// Place reading in context, through the whole pipeline (our own sentences).
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.js';

const run = (content: string, published = '2022-11-08') =>
  extract({ name: 'snippet', uri: null, kind: 'text', content, published }).entities;

describe('places in context', () => {
  it('reads Georgia as the US state when its cities surround it', () => {
    const es = run('Voters in Georgia lined up early in Atlanta and Savannah, and turnout was high in Augusta and Macon.');
    const georgia = es.find((e) => e.name === 'Georgia')!;
    expect(georgia).toMatchObject({ country: 'USA', code: null });
    expect(es.find((e) => e.name === 'Augusta')?.geo?.lat).toBeCloseTo(33.47, 0);
  });

  it('keeps Georgia the country beside Tbilisi', () => {
    const es = run("Georgia's government met in Tbilisi, and protesters gathered in Batumi.");
    expect(es.find((e) => e.name === 'Georgia')).toMatchObject({ country: 'GEO', code: 'GEO' });
  });

  it('lets named cities set the country of an ambiguous one', () => {
    const es = run('Relief camps opened in Karachi, Sukkur and Hyderabad after the floods.');
    expect(es.find((e) => e.name === 'Hyderabad')?.country).toBe('PAK');
  });
});
