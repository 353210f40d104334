/**
 * The token whose relation tells what a noun is in its clause, read off a parse: up
 * through conjunctions ("students and workers marched") and quantity heads ("hundreds
 * of police"), where the first conjunct or the quantity carries the relation.
 */
import type { Token } from '../core/doc.js';

export function argumentHead(
  tokens: readonly Token[], head: number, lower: (i: number) => string, quantityHeads: ReadonlySet<string>,
): number {
  let h = head;
  for (let hops = 0; hops < 8; hops++) {
    const up = tokens[h]!.head;
    if (up === undefined || up < 0) break;
    if (tokens[h]!.deprel === 'conj' || (tokens[h]!.deprel === 'nmod' && quantityHeads.has(lower(up)))) h = up;
    else break;
  }
  return h;
}
