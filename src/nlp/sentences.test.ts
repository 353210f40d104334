import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta } from '../core/doc.js';
import { MAX_SENTENCE_TOKENS, sentenceStage, splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on . ? ! and trims whitespace', () => {
    expect(split('  One. Two?  Three!  ')).toEqual(['One.', 'Two?', 'Three!']);
  });

  it('cuts a run without sentence ends into windows of at most MAX_SENTENCE_TOKENS tokens, at commas where it can', () => {
    const words = Array.from({ length: 2000 }, (_, i) => (i % 97 === 96 ? ',' : ['troops', 'and', 'rebels', 'of', 'Baku'][i % 5]!));
    const text = words.join(' ');
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThanOrEqual(Math.ceil(2000 / MAX_SENTENCE_TOKENS));
    const counts = spans.map((s) => tokenize(text, s.start, s.end).length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2000);
    // Every window but the last ends on a comma (one falls in each window's second half).
    for (const s of spans.slice(0, -1)) expect(text.slice(s.start, s.end).endsWith(',')).toBe(true);
    // Without any soft break, a hard cut at the limit.
    const plain = Array.from({ length: 600 }, () => 'word').join(' ');
    expect(splitSentences(plain).map((s) => tokenize(plain, s.start, s.end).length)).toEqual([MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 600 - 2 * MAX_SENTENCE_TOKENS]);
    // An ordinary long sentence is left whole.
    const long = `${Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ')}.`;
    expect(splitSentences(long)).toHaveLength(1);
  });

  it('keeps an ellipsis after a word no sentence ends with inside its sentence, spaced or not', () => {
    expect(split('He cited attacks by . . . Iran against ships. Then he left.')).toEqual(['He cited attacks by . . . Iran against ships.', 'Then he left.']);
    expect(split('He cited attacks by... Iran against ships.')).toEqual(['He cited attacks by... Iran against ships.']);
    expect(split('It was long . . . Then it ended.')).toEqual(['It was long . . .', 'Then it ended.']);
  });

  it('never crosses a paragraph break', () => {
    expect(split('No period here\n\nNext paragraph. Second one')).toEqual(
      ['No period here', 'Next paragraph.', 'Second one'],
    );
  });

  it('keeps titles, initials and abbreviations inside the sentence', () => {
    expect(split('Mr. Smith met Dr. Jones and Gen. Lee on Jan. 5 at 9 a.m. local time. They talked.')).toEqual(
      ['Mr. Smith met Dr. Jones and Gen. Lee on Jan. 5 at 9 a.m. local time.', 'They talked.'],
    );
    expect(split('J. R. R. Tolkien wrote it. He was British.')).toEqual(['J. R. R. Tolkien wrote it.', 'He was British.']);
    expect(split('Acme Inc. said the U.S. Army would buy No. 5 at 3.5 percent. Shares rose.')).toEqual(
      ['Acme Inc. said the U.S. Army would buy No. 5 at 3.5 percent.', 'Shares rose.'],
    );
  });

  it('ends a sentence at an abbreviation before a typical sentence start', () => {
    expect(split('Troops arrived in the U.S. The talks failed.')).toEqual(['Troops arrived in the U.S.', 'The talks failed.']);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(split('“We will win,” he said. “It is over.” Next sentence.')).toEqual(
      ['“We will win,” he said.', '“It is over.”', 'Next sentence.'],
    );
    expect(split('He said "It is over." Then he left.')).toEqual(['He said "It is over."', 'Then he left.']);
    expect(split('“Why?” he asked.')).toEqual(['“Why?” he asked.']);
  });

  it('does not split a title ending in ? or ! before a lower-case word', () => {
    expect(split('Do They Know It’s Christmas? has gone straight in at number one. Wham! singers agreed.')).toEqual(
      ['Do They Know It’s Christmas? has gone straight in at number one.', 'Wham! singers agreed.'],
    );
  });

  it('keeps a news dateline in the first sentence', () => {
    expect(split('MOSCOW, Nov 10 (Reuters) - Russia said on Tuesday it would send troops. Talks continue.')).toEqual(
      ['MOSCOW, Nov 10 (Reuters) - Russia said on Tuesday it would send troops.', 'Talks continue.'],
    );
    expect(split('BAKU, Nov. 10 (AP) — Azerbaijan’s army advanced.')).toEqual(
      ['BAKU, Nov. 10 (AP) — Azerbaijan’s army advanced.'],
    );
  });

  it('treats ellipses as sentence ends only before a capital', () => {
    expect(split('He paused... and went on. Then… Nothing.')).toEqual(['He paused... and went on.', 'Then…', 'Nothing.']);
  });

  it('starts a sentence at each item of a bulleted list', () => {
    expect(split('The winners were:\n - Best actor - Nathan Lane for The Producers\n - Best actress - Laura Kelly\n• Best opera - Lady Macbeth')).toEqual(
      ['The winners were:', '- Best actor - Nathan Lane for The Producers', '- Best actress - Laura Kelly', '• Best opera - Lady Macbeth'],
    );
    // A dash within a line is not a bullet, nor is a line break alone (wrapped text).
    expect(split('Prices rose - sharply - in May\nand June. They fell.')).toEqual(['Prices rose - sharply - in May\nand June.', 'They fell.']);
  });

  it('is a Stage over doc.text and doc.paragraphs', () => {
    const doc = new Doc(['First one. Second one.', 'Third'], emptyMeta({ language: 'en' }));
    sentenceStage.run(doc);
    expect(doc.sentences.map((s) => doc.slice(s))).toEqual(['First one.', 'Second one.', 'Third']);
  });
});

/** UD EWT lives beside the project (../shared/data); CI clones may not have it. */
const EWT_TEST = fileURLToPath(new URL('../../../shared/data/ud-english-ewt/en_ewt-ud-test.conllu', import.meta.url));

describe.skipIf(!existsSync(EWT_TEST))('sentence boundaries on UD EWT test (skipped: EWT data absent)', () => {
  it('keeps precision high', async () => {
    const { evalSentences } = await import('../../training/eval-sentences.js');
    const s = evalSentences(EWT_TEST, 'paragraphs');
    expect(s.precision).toBeGreaterThan(0.95);
    expect(s.recall).toBeGreaterThan(0.7);
  });
});
