import { describe, expect, it } from 'vitest';
import { PAGE_TOPICS, PageTopicClassifier, pageTopicClassifier, pageWords } from './page-topic.js';

// Our own sentences, one page of each kind.
const PAGES: Record<string, string> = {
  sport: 'The striker scored twice as the home side won the league match, and the coach praised his squad before the cup final.',
  politics: 'The prime minister told MPs the government would publish the bill, and the opposition leader demanded a vote in parliament before the election.',
  business: 'Shares in the company rose after it reported higher profits and sales, and analysts said the firm would raise its dividend for investors.',
  entertainment: 'The actress won the award for best film at the ceremony, and the singer said the album and the new show would open in the cinema next month.',
  tech: 'The software lets users browse the net on mobile phones, and the firm said its broadband network and computer chips would speed up downloads.',
};

describe('page topic (page-topic.ts)', () => {
  it('reads lower-cased words, keeping inner hyphens and apostrophes', () => {
    expect(pageWords("Kyrgyz-Tajik border's guards, 2024: FIRED")).toEqual(['kyrgyz-tajik', "border's", 'guards', 'fired']);
  });

  it('puts each page under its topic with the shipped model', () => {
    const clf = pageTopicClassifier();
    expect(clf).not.toBeNull();
    for (const [topic, text] of Object.entries(PAGES)) {
      const p = clf!.probabilities(pageWords(text));
      expect(PAGE_TOPICS[p.indexOf(Math.max(...p))]).toBe(topic);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    }
  });

  it('refuses a model with other topics', () => {
    expect(() => new PageTopicClassifier({ topics: ['news'], prior: [0], words: {} })).toThrow(/retrain/);
  });
});
