import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta } from './doc.js';
import { isNewsgraphError } from './errors.js';
import { Pipeline } from './pipeline.js';
import type { Stage } from './stage.js';

const meta = () => emptyMeta();

const splitter: Stage = {
  name: 'split', version: '1', requires: ['text'], assigns: ['sentences'],
  run(doc) {
    doc.sentences = doc.paragraphs.slice();
  },
};
const counter: Stage = {
  name: 'count', version: '2', requires: ['sentences'], assigns: ['times'],
  run(doc) {
    doc.provenance.count = `count@2 (${doc.sentences.length})`;
  },
};

describe('Pipeline.build', () => {
  it('runs stages in order and records provenance', () => {
    const doc = Pipeline.build([splitter, counter]).run(new Doc(['One.', 'Two.'], meta()));
    expect(doc.text).toBe('One.\n\nTwo.');
    expect(doc.sentences).toEqual([{ start: 0, end: 4 }, { start: 6, end: 10 }]);
    expect(doc.provenance).toEqual({ split: 'split@1', count: 'count@2 (2)' });
  });

  it('does not run a stage that reads English only on a Doc in another language, and says why', () => {
    const english: Stage = { ...counter, englishOnly: true };
    const german = new Doc(['Eins.', 'Zwei.'], { ...meta(), language: 'de' });
    german.readAsEnglish = false;
    const doc = Pipeline.build([splitter, english]).run(german);
    expect(doc.sentences).toHaveLength(2);
    expect(doc.provenance).toEqual({ split: 'split@1', count: 'count@2: not run, the article is in another language (de)' });
    expect(Pipeline.build([splitter, english]).run(new Doc(['One.'], meta())).provenance.count).toBe('count@2 (1)');
  });

  it('refuses a stage whose requirement no earlier stage assigns', () => {
    let caught: unknown;
    try {
      Pipeline.build([counter, splitter]);
    } catch (e) {
      caught = e;
    }
    expect(isNewsgraphError(caught) && caught.code).toBe('E_PIPELINE');
    expect((caught as Error).message).toMatch(/"count" requires sentences/);
  });

  it('refuses duplicate stage names', () => {
    expect(() => Pipeline.build([splitter, splitter])).toThrow(/appears twice/);
  });
});
