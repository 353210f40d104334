/**
 * Roles that name the same office for coreference: a story calls an ambassador
 * "the envoy", a foreign minister "the top diplomat".
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['ambassador', 'envoy', 'diplomat', 'special envoy'],
  ['foreign minister', 'top diplomat', 'minister'],
  ['president', 'head of state', 'leader'],
  ['prime minister', 'premier', 'head of government', 'leader', 'chancellor'],
  // A party's leader out of office is "the Tory leader", never "the prime minister".
  ['party leader', 'leader'],
  ['spokesman', 'spokeswoman', 'spokesperson'],
  ['defence minister', 'defense minister', 'minister'],
];

export function sameRole(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  return FAMILIES.some((f) => f.includes(x) && f.includes(y));
}
