/**
 * A bounded memo for pure string functions over the knowledge tables. The linker asks
 * the same questions many times per article ("the government", "Iranian", "Iran's")
 * and the tables never change while the process runs, so each answer is kept. The
 * memo empties itself when full instead of growing: keys are often slices of an
 * article and would otherwise keep old articles' text alive in a long ingest.
 */
export function memoize<V>(fn: (key: string) => V, limit = 20_000): (key: string) => V {
  const memo = new Map<string, V>();
  return (key: string): V => {
    const known = memo.get(key);
    if (known !== undefined || memo.has(key)) return known as V;
    const value = fn(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value);
    return value;
  };
}
