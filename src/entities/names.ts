/** Name comparison for coreference: folded tokens, so "Zarif" matches "Javad Zarif". */

export function nameTokens(name: string): string[] {
  const ascii = asciiNameTokens(name);
  if (ascii !== null) return ascii;
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * `nameTokens` of a plain-ASCII name in one pass, null for any other: most names are
 * ASCII, and every mention of a name is split, so the Unicode passes are skipped.
 */
function asciiNameTokens(name: string): string[] | null {
  const out: string[] = [];
  let from = -1;
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 32;
    if (c > 0x7f) return null;
    const alnum = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (alnum) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      out.push(name.slice(from, i).toLowerCase());
      from = -1;
    }
  }
  return out;
}

/**
 * Two folded name tokens that are one name in two transliterations: "zelensky", "zelenskiy",
 * "zelenskyy"; "hassan", "hasan". Doubled letters and a final -iy/-yy/-ii
 * count as one; tokens under five letters must be equal ("ali" is no "alli").
 */
export function sameNameToken(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || a[0] !== b[0]) return false;
  return spellingKey(a) === spellingKey(b);
}

function spellingKey(t: string): string {
  return t.replace(/(?:iy|yy|ii|ij)$/, 'y').replace(/(\p{L})\1+/gu, '$1');
}

/** A later short form refers to a fuller name when all its tokens are in it, surname included. */
export function isShortFormOf(short: readonly string[], full: readonly string[]): boolean {
  if (short.length === 0 || short.length > full.length) return false;
  if (!short.every((t) => full.some((f) => sameNameToken(t, f)))) return false;
  // "Hassan" alone is too weak when the surname differs; the last token must match.
  return sameNameToken(short[short.length - 1]!, full[full.length - 1]!) || short.length === full.length;
}

/** A social handle names a person when it contains all of their name's tokens: @bayramov_jeyhun. */
export function handleMatches(handle: string, full: readonly string[]): boolean {
  const h = handle.replace(/^@/, '').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const significant = full.filter((t) => t.length >= 3);
  return significant.length >= 1 && significant.every((t) => h.includes(t)) && (significant.length >= 2 || h.length <= significant[0]!.length + 4);
}
