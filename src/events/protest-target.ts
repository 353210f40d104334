/**
 * Whom a protest is against when its clause says so only in a set phrase after it: "a hunger
 * strike in protest of the Russian government's refusal", "marched in protest at Israel's
 * raids", "resigned in protest against the ministry": the party named in the phrase (its
 * head, its possessor, or a name inside it).
 */
import type { Resolver } from './args-resolve.js';
import { npStartingAt } from './np.js';
import type { DocView } from './view.js';

const OBJECT_PREPS: ReadonlySet<string> = new Set(['at', 'of', 'against', 'over']);

export function protestTarget(v: DocView, resolver: Resolver, sent: readonly [number, number], after: number, actor: readonly string[]): string[] {
  for (let k = after + 1; k + 3 < sent[1]; k++) {
    if (v.info[k]!.lower !== 'in' || !v.info[k + 1]!.lemmas.includes('protest') || !OBJECT_PREPS.has(v.info[k + 2]!.lower)) continue;
    const np = npStartingAt(v, k + 3, sent[1]);
    if (!np) return [];
    return resolver.resolve([np]).ids.filter((id) => !actor.includes(id));
  }
  return [];
}
