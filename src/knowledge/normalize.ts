/**
 * The one folding of names used both when the knowledge tables are built and when
 * they are searched, so "Ağbənd", "Agbend" and "AGBEND" meet on one key.
 */

// Letters that NFKD leaves whole; Azerbaijani ə and Turkish ı matter most here.
const WHOLE: Record<string, string> = {
  ə: 'e', ı: 'i', ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', œ: 'oe', ħ: 'h', ð: 'd', ŀ: 'l',
};

/** Lower case, no diacritics, no dots or apostrophes ("U.S." = "US"), other punctuation as one space. */
export function fold(text: string): string {
  const ascii = foldAscii(text);
  if (ascii !== null) return ascii;
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[əıøæßđłþœħðŀ]/g, (c) => WHOLE[c] ?? c)
    .replace(/[.'’‘ʼʻ`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The ASCII case of `fold` in one pass, null when `text` has other characters. Most
 * names are plain ASCII and folding runs on every lookup, so this skips the Unicode
 * passes and the regular expressions; a name already folded comes back as it is.
 */
function foldAscii(text: string): string | null {
  if (isFoldedAscii(text)) return text;
  let out = '';
  // A run of other characters becomes one space, but only between kept characters.
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return null;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out !== '') out += ' ';
      gap = false;
      out += String.fromCharCode(c);
    } else if (c !== 46 && c !== 39 && c !== 96) gap = true; // . ' ` vanish without a gap: "U.S." = "US"
  }
  return out;
}

/** Lower-case ASCII letters and digits, single spaces between: `fold` would not change it. */
function isFoldedAscii(text: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) prevSpace = false;
    else if (c === 32 && !prevSpace) prevSpace = true;
    else return false;
  }
  return !prevSpace || text.length === 0;
}

/** "Iran's" → "Iran", "the US" → "US": the forms news text wraps around a name. */
export function bare(text: string): string {
  return text
    .trim()
    .replace(/['’]s?$/u, '')
    .replace(/^the\s+/i, '');
}
