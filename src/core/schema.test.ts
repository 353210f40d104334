import { describe, expect, it } from 'vitest';
import { Doc } from './doc.js';
import { validateRecord } from './schema.js';
import { docToRecord } from './serialize.js';

function record() {
  const doc = new Doc(['Officials met on Monday.'], {
    source: { uri: null, format: 'text', publisher: null },
    title: 'Talks', authors: [{ name: 'Jane Doe', role: null }], published: { value: '2020-12-09T22:13', text: '9 Dec 2020 10:13 pm' },
    dateline: null, removed: [], language: 'en',
  });
  doc.sentences = [{ start: 0, end: 24 }];
  return docToRecord(doc, 'newsgraph test');
}

describe('validateRecord', () => {
  it('accepts a well-formed record', () => {
    expect(validateRecord(record())).toEqual({ valid: true, errors: [] });
  });

  it('rejects unknown fields and bad values', () => {
    expect(validateRecord({ ...record(), extra: 1 }).valid).toBe(false);
    expect(validateRecord({ ...record(), language: 'english' }).valid).toBe(false);
    expect(validateRecord({ ...record(), published: { value: '9 Dec 2020', text: 'x' } }).valid).toBe(false);
  });

  it('rejects spans outside the text or whose text does not match', () => {
    expect(validateRecord({ ...record(), sentences: [[0, 99]] }).errors[0]).toMatch(/outside text/);
    const r = record();
    r.times = [{ start: 0, end: 9, text: 'Monday', value: null, grain: 'day', anchor: 'published' }];
    expect(validateRecord(r).errors[0]).toMatch(/does not match/);
  });
});
