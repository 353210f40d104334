/** Exact-span precision/recall/F1 by conlleval's rules (a span counts only if its bounds and type match). */
import { ENTITY_TYPES, type TokenSpan } from '../src/nlp/ner/tags.js';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export type NerScores = Record<'overall' | (typeof ENTITY_TYPES)[number], Prf>;

export class SpanScorer {
  private readonly counts = new Map<string, { gold: number; predicted: number; correct: number }>();

  constructor() {
    for (const t of ['overall', ...ENTITY_TYPES]) this.counts.set(t, { gold: 0, predicted: 0, correct: 0 });
  }

  add(gold: readonly TokenSpan[], predicted: readonly TokenSpan[]): void {
    const key = (s: TokenSpan): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    for (const s of gold) this.bump(s.type, 'gold');
    for (const s of predicted) {
      this.bump(s.type, 'predicted');
      if (goldKeys.has(key(s))) this.bump(s.type, 'correct');
    }
  }

  private bump(type: string, field: 'gold' | 'predicted' | 'correct'): void {
    this.counts.get(type)![field]++;
    this.counts.get('overall')![field]++;
  }

  scores(): NerScores {
    const out: Partial<NerScores> = {};
    for (const [t, c] of this.counts) {
      const precision = c.predicted ? c.correct / c.predicted : 0;
      const recall = c.gold ? c.correct / c.gold : 0;
      const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      out[t as keyof NerScores] = { precision, recall, f1, ...c };
    }
    return out as NerScores;
  }
}

export function formatScores(s: NerScores): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  const rows = ['type       P      R      F1   gold  pred'];
  for (const t of ['overall', ...ENTITY_TYPES] as const) {
    const r = s[t];
    rows.push(`${t.padEnd(8)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)} ${String(r.gold).padStart(6)} ${String(r.predicted).padStart(5)}`);
  }
  return rows.join('\n');
}
