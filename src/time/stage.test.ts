import { describe, expect, it } from 'vitest';
import { Doc } from '../core/doc.js';
import type { DocMeta } from '../core/doc.js';
import { Pipeline } from '../core/pipeline.js';
import type { Stage } from '../core/stage.js';
import { timeStage } from './stage.js';

function meta(published: string | null): DocMeta {
  return {
    source: { uri: null, format: 'text', publisher: null },
    title: null,
    authors: [],
    published: published ? { value: published, text: published } : null,
    dateline: null,
    removed: [],
    language: 'en',
  };
}

const sentences: Stage = {
  name: 'sentences',
  version: 'test',
  requires: [],
  assigns: ['sentences'],
  run(doc) {
    doc.sentences = doc.paragraphs.slice();
  },
};

describe('timeStage', () => {
  it('fills doc.times against the publication date', () => {
    const doc = new Doc(['The envoy reached the capital on Wednesday.', 'Talks will resume next week.'], meta('2020-12-09T22:13'));
    Pipeline.build([sentences, timeStage]).run(doc);
    expect(doc.times.map((t) => [doc.slice(t), t.value, t.grain])).toEqual([
      ['Wednesday', '2020-12-09', 'day'],
      ['next week', '2020-12-14', 'week'],
    ]);
    expect(doc.provenance.time).toMatch(/^time@/);
  });

  it('keeps relative expressions without a publication date, with null values', () => {
    const doc = new Doc(['The envoy arrived yesterday.'], meta(null));
    Pipeline.build([sentences, timeStage]).run(doc);
    expect(doc.times).toEqual([{ start: 18, end: 27, text: 'yesterday', value: null, grain: 'day', anchor: 'published' }]);
  });

  it('needs sentences before it', () => {
    expect(() => Pipeline.build([timeStage])).toThrow(/sentences/);
  });
});
