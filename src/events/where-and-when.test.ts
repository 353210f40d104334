import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';

const dates = (content: string): Array<[string, string, string | null, boolean | null]> =>
  extract({ kind: 'text', name: 'dates', uri: null, published: '1987-04-03', content }).events.map((e) => [e.type, e.trigger.text, e.date?.value ?? null, e.date?.inferred ?? null]);

describe('the date of an act told in the past', () => {
  it('is never after publication: a later time is another verb\'s, and the act keeps the publication day', () => {
    const out = dates('CHIP TALKS OPEN\n\nU.S. and Japanese officials meet tomorrow to settle a dispute over the penalty tariffs President Reagan has ordered imposed on Japanese exports.\n');
    expect(out).toContainEqual(['CONSULT', 'meet', '1987-04-04', false]);
    expect(out).toContainEqual(['COERCE', 'imposed', '1987-04-03', true]);
  });

  it('still takes a later time for an act to come', () => {
    const out = dates('TALKS\n\nJapanese officials will meet U.S. negotiators tomorrow in Washington.\n');
    expect(out).toContainEqual(['CONSULT', 'meet', '1987-04-04', false]);
  });
});

describe('the place of an act', () => {
  const places = (content: string): Array<[string, string | null]> => {
    const rec = extract({ kind: 'text', name: 'places', uri: null, published: '1987-04-07', content });
    const names = new Map(rec.entities.map((e) => [e.id, e.name]));
    return rec.events.map((e) => [e.trigger.text, e.location === null ? null : names.get(e.location) ?? null]);
  };

  it('is no member of the ones acted on that "including" lists, but a place of the places it lists', () => {
    const asked = places('KUWAIT ASKS FOR FLAGS\n\nKuwait has asked at least four countries, including the United States and the Soviet Union, for use of their flags.\n');
    expect(asked).toContainEqual(['asked', null]);
    const shelled = places('CLASHES\n\nSyrian troops shelled villages across the province, including Kafranbel, on Monday.\n');
    expect(shelled).toContainEqual(['shelled', 'Kafranbel']);
  });
});
