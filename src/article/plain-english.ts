/**
 * A cheap first pass for language identification: text that is plainly English is
 * told in one pass over its characters instead of franc's trigram comparison with
 * forty languages (most of the language stage's cost on English news).
 *
 * "Plainly English" is strict, so that franc would answer English too: at least
 * MIN_CHARS characters, and in every quarter of the text at least 15% of the words
 * are English function words that are not words of the other candidate languages
 * ("the", "of", "which" …, but not "in", "is", "was", "a") and nearly all letters are
 * ASCII. Short texts fail it (franc's own answer there is unsteady: a one-line
 * English wire brief can come out French), and so do texts with a foreign quarter.
 * Checked against franc on ~30,000 English, foreign and mixed samples with no
 * disagreement (bench/records-identity.ts compares whole records; plain-english.test.ts).
 */

const MIN_CHARS = 400;
const PARTS = 4;
const MIN_SHARE = 0.15;
/** Words per quarter below which the share says too little. */
const MIN_WORDS = 5;

const FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'that', 'for', 'with', 'said', 'has', 'have', 'which', 'their', 'they',
  'been', 'from', 'were', 'would', 'this', 'it', 'he', 'his', 'be', 'are', 'at', 'by', 'its', 'who',
  'had', 'not', 'but',
]);
const LONGEST = 5;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Letters (and marks) outside ASCII: Latin-1 and beyond, but not punctuation, spaces or symbols. */
function isOtherLetter(c: number): boolean {
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f) && c !== 0xfeff;
}

function plainPart(text: string, from: number, to: number): boolean {
  let words = 0;
  let english = 0;
  let ascii = 0;
  let other = 0;
  let start = -1;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    if (isAsciiLetter(c)) {
      ascii++;
      if (start < 0) start = i;
    } else if (isOtherLetter(c)) {
      other++;
      if (start < 0) start = i;
    } else if (start >= 0) {
      words++;
      if (i - start <= LONGEST && FUNCTION_WORDS.has(text.slice(start, i).toLowerCase())) english++;
      start = -1;
    }
  }
  return words >= MIN_WORDS && other * 20 <= ascii && english >= MIN_SHARE * words;
}

/** True when `text` is English beyond doubt by the rule above; false says nothing. */
export function isPlainEnglish(text: string): boolean {
  if (text.length < MIN_CHARS) return false;
  const size = Math.ceil(text.length / PARTS);
  for (let k = 0; k < PARTS; k++) {
    if (!plainPart(text, k * size, Math.min(text.length, (k + 1) * size))) return false;
  }
  return true;
}
