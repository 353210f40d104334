/**
 * The country an unlinked organisation or other name opens with: "Iranian Revolutionary
 * Guards", "U.S. Leaders" (wire style capitalises after "U.S."), "an Iranian Silkworm missile",
 * "the United States-flag ship". Such a name belongs to that country even when no table
 * knows it, and an event coder reading "Iranian Silkworm missile strike" needs to know whose.
 *
 * Only a people's adjective or a name of two words or more counts: a one-word country name
 * opens too many other names ("Jordan Grand Prix", "Georgia Tech").
 */
import { countries } from '../knowledge/index.js';
import { HYPHEN } from './compound-qualifiers.js';

const MAX_WORDS = 2;

export function prefixCountry(surface: string): string | null {
  const words = surface.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2 && !HYPHEN.test(surface)) return null;
  for (let n = Math.min(MAX_WORDS, words.length); n >= 1; n--) {
    const head = words.slice(0, n);
    const last = head[n - 1]!;
    // "United States-flag": the part before the hyphen, when a name follows it.
    const cut = last.search(HYPHEN);
    const whole = n < words.length || cut > 0;
    if (!whole) continue;
    if (cut > 0) head[n - 1] = last.slice(0, cut);
    const prefix = head.join(' ');
    const c = countries().byDemonym(prefix) ?? (n > 1 ? countries().byName(prefix) : undefined);
    if (c) return c.a3;
  }
  return null;
}
