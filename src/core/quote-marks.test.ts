import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta } from './doc.js';
import { findQuoteMarks } from './quote-marks.js';

// Our own paragraphs, joined as the readers join them.
function inner(paras: string[]): string[] {
  const { text, paragraphs } = new Doc(paras, emptyMeta({ language: 'en' }));
  return findQuoteMarks(text, paragraphs).map((q) => text.slice(q.inner.start, q.inner.end));
}

function marks(paras: string[]) {
  const { text, paragraphs } = new Doc(paras, emptyMeta({ language: 'en' }));
  return findQuoteMarks(text, paragraphs).map((q) => ({ inner: text.slice(q.inner.start, q.inner.end), closed: q.closed, continues: q.continues }));
}

describe('findQuoteMarks: double marks', () => {
  it('pairs curly marks and straight ones, and keeps a nested single quote inside its outer quote', () => {
    expect(inner(['“The dam will hold,” the engineer said. "We checked it twice."', '“She told me ‘stay home’ and I did,” he said.']))
      .toEqual(['The dam will hold,', 'We checked it twice.', 'She told me ‘stay home’ and I did,']);
  });

  it('takes no single mark for a boundary once the document quotes with double marks', () => {
    expect(inner(['“We won,” the coach said.', 'The team’s ‘secret weapon’ was rest, the players\' union said.'])).toEqual(['We won,']);
  });

  it('continues an unclosed quote in the next paragraph that opens with a mark', () => {
    expect(marks(['He said: “We will rebuild.', '“Every house.”'])).toEqual([
      { inner: 'We will rebuild.', closed: false, continues: false },
      { inner: 'Every house.', closed: true, continues: true },
    ]);
  });
});

describe('findQuoteMarks: single marks (British house style)', () => {
  it('reads curly single marks as quotes with double marks nested inside', () => {
    expect(inner(['‘The fund was called “a rainy-day pot” by everyone,’ the auditor said. ‘It was not.’']))
      .toEqual(['The fund was called “a rainy-day pot” by everyone,', 'It was not.']);
  });

  it('reads straight single marks past the apostrophes inside words', () => {
    expect(inner(["'We haven't lost a game at home, and the fans' support is why,' the captain said."]))
      .toEqual(["We haven't lost a game at home, and the fans' support is why,"]);
  });

  it('lets a close after "s" yield to a later close, but keeps it when nothing closes later', () => {
    expect(inner(['‘We back the drivers’ claim in full,’ the union said.'])).toEqual(['We back the drivers’ claim in full,']);
    expect(inner(['‘Special forces’ were sent in, the army said.'])).toEqual(['Special forces']);
  });

  it('does not open at an apostrophe, an elided year or "rock \'n\' roll"', () => {
    expect(inner(["Rock 'n' roll fans queued outside the club's doors."])).toEqual([]);
    expect(inner(['The band’s ‘90s hits still sell, its label said.'])).toEqual([]);
    expect(inner(["'He was the best drummer of the '70s,' his sister said."])).toEqual(['He was the best drummer of the \'70s,']);
  });

  it('runs an unclosed single quote into a reopening paragraph, but not one that opens mid-sentence', () => {
    expect(marks(['The mayor said: ‘We will rebuild.', '‘Every street will be cleared by May.’'])).toEqual([
      { inner: 'We will rebuild.', closed: false, continues: false },
      { inner: 'Every street will be cleared by May.', closed: true, continues: true },
    ]);
    expect(inner(['The ‘90s boom ended in a crash.', '‘Nobody saw it coming,’ one trader said.'])).toEqual(['Nobody saw it coming,']);
  });
});

describe('findQuoteMarks: a multi-paragraph quote flattened into one paragraph', () => {
  it('reads a straight mark after a finished sentence and before a capital as a reopening', () => {
    expect(marks(['He said: "There is a strong case for a review. It may be about more than that. "So we need to know what took place." The party disagreed.'])).toEqual([
      { inner: 'There is a strong case for a review. It may be about more than that.', closed: false, continues: false },
      { inner: 'So we need to know what took place.', closed: true, continues: true },
    ]);
  });

  it('still closes at a mark glued to the words it ends, or followed by a space', () => {
    expect(inner(['"We won." The coach left. "We lost," she said.'])).toEqual(['We won.', 'We lost,']);
    expect(inner(['"We are still here, and stronger than ever. " A ruling is expected in February.'])).toEqual(['We are still here, and stronger than ever.']);
  });

  it('marks a curly quote cut short by a new opener as continued by it', () => {
    expect(marks(['She said: “We will rebuild. “Every house.”'])).toEqual([
      { inner: 'We will rebuild.', closed: false, continues: false },
      { inner: 'Every house.', closed: true, continues: true },
    ]);
  });
});
