/**
 * What a page is about: business, entertainment, politics, sport or tech, by multinomial naive
 * Bayes over its words (models/page-topic.json, trained by training/train-page-topic.ts on BBC
 * News pages). The event confidence model reads it: an "attack" on an entertainment page is far
 * less often a real event than one on a politics page, and the coder cannot see the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PAGE_TOPICS = ['business', 'entertainment', 'politics', 'sport', 'tech'] as const;
export type PageTopic = (typeof PAGE_TOPICS)[number];

export const PAGE_TOPIC_MODEL_PATH = fileURLToPath(new URL('../../models/page-topic.json', import.meta.url));

export interface PageTopicModel {
  topics: string[];
  /** Log prior per topic. */
  prior: number[];
  /** Log probability of the word per topic, for the words kept. */
  words: Record<string, number[]>;
}

const WORD = /[a-z][a-z'-]*[a-z]|[a-z]/g;

/** The words the model reads: lower-cased letters, inner hyphens and apostrophes kept. */
export function pageWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export class PageTopicClassifier {
  private readonly words: ReadonlyMap<string, readonly number[]>;
  private readonly prior: readonly number[];

  constructor(model: PageTopicModel) {
    if (model.topics.join() !== PAGE_TOPICS.join()) {
      throw new Error(`page topic model: topics ${model.topics.join(', ')} are not ${PAGE_TOPICS.join(', ')} (retrain with training/train-page-topic.ts)`);
    }
    this.prior = model.prior;
    this.words = new Map(Object.entries(model.words));
  }

  /** Probability of each topic, in PAGE_TOPICS order. */
  probabilities(words: readonly string[]): number[] {
    const score = [...this.prior];
    for (const w of words) {
      const lp = this.words.get(w);
      if (lp) for (let k = 0; k < score.length; k++) score[k]! += lp[k]!;
    }
    const top = Math.max(...score);
    const exp = score.map((s) => Math.exp(s - top));
    const sum = exp.reduce((a, b) => a + b, 0);
    return exp.map((e) => e / sum);
  }
}

/** A page's topic as the shipped model reads it: its word count and each topic's probability. */
export interface PageTopicReading {
  words: number;
  /** In PAGE_TOPICS order. */
  probabilities: readonly number[];
}

/**
 * Naive Bayes is sure of itself on a few words: a page shorter than this is not judged by its
 * topic in full (senses.ts: never a sports page by topic; confidence.ts: topics scaled down).
 */
export const TOPIC_TRUSTED_WORDS = 150;

// The senses (is it a sports page?) and the confidence model both ask; the page is read once.
const readings = new WeakMap<object, PageTopicReading | null>();

/** The topic of a page's text, once per page object; null without the model. */
export function pageTopic(page: { readonly text: string }): PageTopicReading | null {
  let reading = readings.get(page);
  if (reading === undefined) {
    const clf = pageTopicClassifier();
    const words = clf ? pageWords(page.text) : [];
    reading = clf ? { words: words.length, probabilities: clf.probabilities(words) } : null;
    readings.set(page, reading);
  }
  return reading;
}

let loaded: PageTopicClassifier | null | undefined;

/** The shipped model, or null when its file is absent. */
export function pageTopicClassifier(): PageTopicClassifier | null {
  if (loaded === undefined) {
    loaded = existsSync(PAGE_TOPIC_MODEL_PATH) ? new PageTopicClassifier(JSON.parse(readFileSync(PAGE_TOPIC_MODEL_PATH, 'utf8')) as PageTopicModel) : null;
  }
  return loaded;
}
