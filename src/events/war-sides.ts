/**
 * The two sides of a war an article reports, and the side an attack was made on where its
 * sentence does not say. Wire reports of a war name the enemy once and then write "its forces
 * repelled an attack", "warplanes hit the jetty", "the Iranians overran positions": a reader
 * knows whom; a coder that reads sentence by sentence does not, and the dyad is lost.
 *
 * Only when the article's violence between states is all between two countries, no third state
 * fights in it, and at least two of its attacks name both (as actor and recipient, or as two
 * actors): then an attack, a seizure of territory, a mobilisation or a threat of violence by one
 * of them alone, with no recipient, is directed at the other. A war with a third state in it, or
 * a government against its own rebels, infers nothing.
 */
import type { Entity, EventRecord } from '../core/record.js';

/** Attacks that must name both sides. */
const MIN_EVENTS = 2;

function countriesOf(ids: readonly string[], byId: ReadonlyMap<string, Entity>): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    const c = byId.get(id)?.country;
    if (c) out.add(c);
  }
  return out;
}

/** The two countries at war in the article, or null. */
export function warSides(events: readonly EventRecord[], byId: ReadonlyMap<string, Entity>): [string, string] | null {
  // How many attacks name each pair of countries (each attack counts a pair once).
  const pairs = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'ASSAULT' || e.modality === 'hypothetical') continue;
    const actors = [...countriesOf(e.actor, byId)];
    const named = new Set<string>();
    for (const a of actors) {
      for (const b of [...actors, ...countriesOf(e.recipient, byId)]) if (a !== b) named.add(a < b ? `${a}|${b}` : `${b}|${a}`);
    }
    for (const key of named) pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  if (pairs.size !== 1) return null;
  const [key, n] = [...pairs][0]!;
  const [a, b] = key.split('|') as [string, string];
  if (n < MIN_EVENTS) return null;
  // Every state that fights in the article is one of the two.
  for (const e of events) {
    if (e.modality === 'hypothetical' || e.type === 'MOBILIZE' || !directedAtEnemy(e)) continue;
    for (const c of countriesOf(e.actor, byId)) if (c !== a && c !== b) return null;
  }
  return [a, b];
}

/** The entity that best stands for a country: the country itself, else its forces or government, else its people. */
function standIn(country: string, byId: ReadonlyMap<string, Entity>): string | null {
  const all = [...byId.values()].filter((e) => e.country === country);
  const rank = (e: Entity): number => (e.type === 'GPE' && e.code === country ? 0 : e.sector === 'MIL' || e.sector === 'GOV' ? 1 : e.type === 'NORP' ? 2 : 3);
  const best = all.filter((e) => rank(e) < 3).sort((x, y) => rank(x) - rank(y))[0];
  return best?.id ?? null;
}

function directedAtEnemy(e: EventRecord): boolean {
  if (e.type === 'ASSAULT' || e.type === 'MOBILIZE') return true;
  if (e.type === 'COERCE') return e.mode === 'seize' || e.context.includes('territory');
  return e.type === 'THREATEN' && e.mode === 'violence';
}

export function fillWarRecipients(events: readonly EventRecord[], byId: ReadonlyMap<string, Entity>): void {
  const sides = warSides(events, byId);
  if (!sides) return;
  const stand = new Map<string, string | null>(sides.map((c) => [c, standIn(c, byId)]));
  for (const e of events) {
    if (e.recipient.length > 0 || !directedAtEnemy(e)) continue;
    // One side alone: every actor of the same country, one of the two.
    const own = byId.get(e.actor[0] ?? '')?.country;
    if (!own || !sides.includes(own) || e.actor.some((id) => byId.get(id)?.country !== own)) continue;
    const enemy = stand.get(own === sides[0] ? sides[1] : sides[0]);
    if (enemy) e.recipient = [enemy];
  }
}
