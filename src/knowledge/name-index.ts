import { fold } from './normalize.js';

/**
 * How strictly an alias must match the case of the text. News capitalises names, so a
 * capitalised alias ("Turkey", "Dawn", "Pentagon") is not found in all-lower text, and a
 * short acronym ("US", "PM", "AP", "IS") only in capitals: "us", "pm" and "is" are words.
 */
export type CaseRule = 'any' | 'capitalised' | 'capitals';

export function caseRuleOf(alias: string): CaseRule {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 3 && letters !== '' && letters === letters.toUpperCase()) return 'capitals';
  return /^\p{Lu}/u.test(alias) ? 'capitalised' : 'any';
}

function caseFits(rule: CaseRule, text: string): boolean {
  if (rule === 'any') return true;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (rule === 'capitals') return letters === letters.toUpperCase();
  return letters !== letters.toLowerCase();
}

interface Posting<T> {
  value: T;
  rule: CaseRule;
}

/** Folded name → values, each kept once, in the order they were added. */
export class NameIndex<T> {
  private readonly map = new Map<string, Posting<T>[]>();

  /** `cased: false` ignores case rules (places: any capitalisation is a place name). */
  constructor(private readonly cased = true) {}

  add(alias: string, value: T): void {
    const key = fold(alias);
    if (key === '') return;
    const rule = this.cased ? caseRuleOf(alias) : 'any';
    const list = this.map.get(key);
    if (!list) {
      this.map.set(key, [{ value, rule }]);
      return;
    }
    const same = list.find((p) => p.value === value);
    // The loosest rule wins: "Iran" and "IRAN" both name the one country.
    if (same) {
      if (rule === 'any' || (rule === 'capitalised' && same.rule === 'capitals')) same.rule = rule;
    } else list.push({ value, rule });
  }

  get(text: string): T[] {
    const list = this.map.get(fold(text));
    if (!list) return [];
    return list.filter((p) => caseFits(p.rule, text)).map((p) => p.value);
  }

  /** The folded keys. */
  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  get size(): number {
    return this.map.size;
  }
}
