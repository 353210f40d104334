/**
 * A bounded memo for pure string functions over the knowledge tables. The linker asks
 * the same questions many times per article ("the government", "Iranian", "Iran's")
 * and the tables never change while the process runs, so each answer is kept. The
 * memo empties itself when full instead of growing: keys are often slices of an
 * article and would otherwise keep old articles' text alive in a long ingest.
 * Callers share the values it returns: objects in them must be frozen or never changed.
 */

/** Stands for an `undefined` answer, the commonest ("no such role"), so a hit is one probe. */
const UNDEFINED = Symbol('undefined');

export function memoize<V>(fn: (key: string) => V, limit = 20_000): (key: string) => V {
  const memo = new Map<string, V | typeof UNDEFINED>();
  return (key: string): V => {
    const known = memo.get(key);
    if (known !== undefined) return (known === UNDEFINED ? undefined : known) as V;
    const value = fn(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value === undefined ? UNDEFINED : value);
    return value;
  };
}
