/**
 * Search input is plain words: whatever query syntax the user types (quotes, AND,
 * NEAR(, *, -) is reduced to its letters and digits, so no input can be a syntax
 * error in FTS5 or tsquery. Each driver joins the words its own way (all must match).
 */
export function searchWords(text: string): string[] {
  return [...text.normalize('NFC').matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => m[0]).slice(0, 32);
}
