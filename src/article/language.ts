/**
 * Language identification with franc, restricted to common news languages so
 * that short English text is not mistaken for a rare relative. Under
 * MIN_CHARS of text there is too little evidence: "und". Plainly English text
 * (plain-english.ts) skips franc, which would say the same at a hundred times the cost.
 */
import { franc, francAll } from 'franc';
import type { Doc } from '../core/doc.js';
import type { Stage } from '../core/stage.js';
import { isPlainEnglish } from './plain-english.js';

const MIN_CHARS = 50;
// ISO 639-3 (franc) → ISO 639-1 (record).
const LANGUAGES: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', rus: 'ru',
  ukr: 'uk', pol: 'pl', tur: 'tr', arb: 'ar', pes: 'fa', urd: 'ur', hin: 'hi', ben: 'bn',
  cmn: 'zh', jpn: 'ja', kor: 'ko', ind: 'id', vie: 'vi', tha: 'th', swe: 'sv', dan: 'da',
  nob: 'no', fin: 'fi', ces: 'cs', ron: 'ro', hun: 'hu', ell: 'el', heb: 'he', azj: 'az',
  hye: 'hy', kat: 'ka', swh: 'sw', zlm: 'ms', tgl: 'tl', bul: 'bg', srp: 'sr', hrv: 'hr',
};
const ONLY = Object.keys(LANGUAGES);

/** Long documents: a 2,000-character sample is as reliable and keeps this fast. */
function sampleOf(text: string): string {
  return text.length > 2000 ? text.slice(0, 2000) : text;
}

export function detectLanguage(text: string): string {
  const sample = sampleOf(text);
  if (sample.replace(/\s+/g, '').length < MIN_CHARS) return 'und';
  return isPlainEnglish(sample) ? 'en' : francLanguage(sample);
}

/** franc's answer alone, as ISO 639-1 or "und": what the first pass must agree with. */
export function francLanguage(sample: string): string {
  return LANGUAGES[franc(sample, { only: ONLY, minLength: MIN_CHARS })] ?? 'und';
}

/** Languages not written in the Latin alphabet: franc tells them by their script, without doubt. */
const OTHER_SCRIPTS = new Set(['ru', 'uk', 'bg', 'sr', 'el', 'he', 'ar', 'fa', 'ur', 'hi', 'bn', 'zh', 'ja', 'ko', 'th', 'ka', 'hy']);
/**
 * franc's score of English (1 for the best language) from which a Latin-script text is read as
 * English whatever language won: ten Reuters-21578 earnings tables ("Shr loss … dlrs vs profit")
 * come out French with English at 0.985–1.000; the German, Italian, Portuguese and Malay prose of
 * the article-extraction benchmark's pages scores English 0.87–0.972.
 */
const NEAR_ENGLISH = 0.98;
/** Characters under which a Latin-script text is too short to be denied the English models. */
const MIN_FOREIGN_CHARS = 400;

/**
 * The language a text detected as `language` is recorded as, and whether the English models may
 * read it. English and undetermined text are read; another script is not; another Latin-script
 * language is read when the text is short (the benefit of the doubt, the detected language kept),
 * or when English scores nearly as well as the winner: then the near tie goes to English, and the
 * record says "en" (the earnings tables franc calls French by a hair).
 */
export function settleLanguage(text: string, language: string): { language: string; english: boolean } {
  if (language === 'en' || language === 'und') return { language, english: true };
  if (OTHER_SCRIPTS.has(language)) return { language, english: false };
  // franc calls a one-line English brief Dutch or French: a short text is given the benefit of the doubt.
  if (text.length < MIN_FOREIGN_CHARS) return { language, english: true };
  const english = francAll(sampleOf(text), { only: ONLY, minLength: MIN_CHARS }).find(([code]) => code === 'eng')?.[1] ?? 0;
  return english >= NEAR_ENGLISH ? { language: 'en', english: true } : { language, english: false };
}

/** Whether the English models may read a text detected as `language` (settleLanguage). */
export function readsAsEnglish(text: string, language: string): boolean {
  return settleLanguage(text, language).english;
}

export const languageStage: Stage = {
  name: 'language',
  version: '2',
  requires: ['text', 'meta'],
  assigns: ['language'],
  run(doc: Doc): void {
    const detected = detectLanguage(doc.text);
    // A page's declared language decides only when the text is too short to tell.
    const settled = settleLanguage(doc.text, detected === 'und' ? (doc.meta.language ?? 'und') : detected);
    doc.meta.language = settled.language;
    doc.readAsEnglish = settled.english;
  },
};
