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
  // Most names are plain ASCII; they skip the Unicode passes.
  if (/^[\x20-\x7e]*$/.test(text)) {
    return text
      .toLowerCase()
      .replace(/[.'`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[əıøæßđłþœħðŀ]/g, (c) => WHOLE[c] ?? c)
    .replace(/[.'’‘ʼʻ`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Iran's" → "Iran", "the US" → "US": the forms news text wraps around a name. */
export function bare(text: string): string {
  return text
    .trim()
    .replace(/['’]s?$/u, '')
    .replace(/^the\s+/i, '');
}
