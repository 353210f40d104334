/**
 * Scoring pronoun antecedents against bench/data/coref-gold.jsonl (its header says how the gold
 * was made). Each gold pronoun is found in the record's text by the words before it (whitespace
 * may differ); it is right when the entity holding it as a pronoun mention has the gold word in
 * its name, or, for a gold null, when no entity holds it.
 */
import type { ArticleRecord } from '../src/core/record.js';

export interface CorefGold {
  file: string;
  before: string;
  pronoun: string;
  antecedent: string | null;
}

export interface CorefScore {
  /** Pronouns scored (those inside quotations are not). */
  total: number;
  right: number;
  /** Gold names: resolved to the right person / left unresolved. */
  named: number;
  namedRight: number;
  namedUnresolved: number;
  /** Gold nulls left unresolved. */
  none: number;
  noneRight: number;
  /** Pronouns not found in the record's text (a gold or reader fault). */
  lost: number;
  misses: string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function emptyScore(): CorefScore {
  return { total: 0, right: 0, named: 0, namedRight: 0, namedUnresolved: 0, none: 0, noneRight: 0, lost: 0, misses: [] };
}

/** Adds one article's gold pronouns (all of `file`) to `score`. */
export function scoreArticle(record: ArticleRecord, gold: readonly CorefGold[], score: CorefScore): void {
  for (const g of gold) {
    if (g.antecedent === 'Q') continue;
    score.total++;
    const re = new RegExp(`${escape(g.before.trim()).replace(/\s+/g, '\\s+')}\\s*(${escape(g.pronoun)})\\b`, 'u');
    const m = re.exec(record.text);
    if (!m) {
      score.lost++;
      score.misses.push(`${g.file}: "${g.before}${g.pronoun}" not found in the record's text`);
      continue;
    }
    const at = m.index + m[0].length - g.pronoun.length;
    const holder = record.entities.find((e) => e.mentions.some((x) => x.kind === 'pronoun' && x.start === at));
    const got = holder?.name ?? null;
    let ok: boolean;
    if (g.antecedent === null) {
      score.none++;
      ok = got === null;
      if (ok) score.noneRight++;
    } else {
      score.named++;
      ok = got !== null && got.toLowerCase().includes(g.antecedent.toLowerCase());
      if (ok) score.namedRight++;
      if (got === null) score.namedUnresolved++;
    }
    if (ok) score.right++;
    else score.misses.push(`${g.file}: …${g.before.slice(-40)}[${g.pronoun}] → ${got ?? 'none'}, expected ${g.antecedent ?? 'none'}`);
  }
}
