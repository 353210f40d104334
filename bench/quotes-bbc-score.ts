/**
 * Direct quotations and their speakers on real news (bench/data/quotes-bbc-gold.jsonl, BBC
 * News articles of ../shared/data/news-text; its header says how the gold was made). A gold
 * quotation is found when a predicted quote holds its opening words; its speaker is right when
 * the predicted speaker's name holds the gold word.
 */
import { existsSync } from 'node:fs';
import type { ArticleRecord } from '../src/core/record.js';
import { bbcArticles } from '../training/common/news-articles.js';

interface Gold {
  file: string;
  opens: string;
  speaker: string;
}

export interface BbcQuoteScore {
  gold: number;
  found: number;
  speakerOk: number;
  articles: number;
  misses: string[];
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Null when the articles are absent (../shared is not beside the project). */
export function scoreBbcQuotes(goldText: string, bbcPath: string, run: (id: string, text: string) => ArticleRecord): BbcQuoteScore | null {
  if (!existsSync(bbcPath)) return null;
  const gold = goldText.split('\n').filter((l) => l.trim() && !l.includes('"note"')).map((l) => JSON.parse(l) as Gold);
  const score: BbcQuoteScore = { gold: 0, found: 0, speakerOk: 0, articles: 0, misses: [] };
  for (const a of bbcArticles(new Set(gold.map((g) => g.file)), bbcPath)) {
    score.articles++;
    const r = run(a.file, a.text);
    for (const g of gold.filter((x) => x.file === a.file)) {
      score.gold++;
      const q = r.quotes.find((p) => squash(p.text).includes(squash(g.opens)));
      if (!q) {
        score.misses.push(`${a.file}: "${g.opens}" not found`);
        continue;
      }
      score.found++;
      const name = r.entities.find((e) => e.id === q.speaker)?.name ?? null;
      if (name !== null && name.toLowerCase().includes(g.speaker.toLowerCase())) score.speakerOk++;
      else score.misses.push(`${a.file}: "${g.opens}" → ${name ?? 'no speaker'}, expected ${g.speaker}`);
    }
  }
  return score;
}
