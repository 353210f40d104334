/**
 * A copy of `s` that does not keep a longer string alive.
 *
 * V8 makes a substring of 13 or more characters a view into its parent string
 * (a "sliced string"), so a word sliced from an article and kept as a cache key
 * keeps the whole article text alive for as long as the key lives. Shorter
 * substrings are copied already. Concatenating and slicing again makes V8 copy
 * the characters into a new string of the word's own length (plus one).
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
