/**
 * Language identification with franc, restricted to common news languages so
 * that short English text is not mistaken for a rare relative. Under
 * MIN_CHARS of text there is too little evidence: "und". Plainly English text
 * (plain-english.ts) skips franc, which would say the same at a hundred times the cost.
 */
import { franc } from 'franc';
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

export function detectLanguage(text: string): string {
  // Long documents: a 2,000-character sample is as reliable and keeps this fast.
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  if (sample.replace(/\s+/g, '').length < MIN_CHARS) return 'und';
  return isPlainEnglish(sample) ? 'en' : francLanguage(sample);
}

/** franc's answer alone, as ISO 639-1 or "und": what the first pass must agree with. */
export function francLanguage(sample: string): string {
  return LANGUAGES[franc(sample, { only: ONLY, minLength: MIN_CHARS })] ?? 'und';
}

export const languageStage: Stage = {
  name: 'language',
  version: '1',
  requires: ['text', 'meta'],
  assigns: ['language'],
  run(doc: Doc): void {
    const detected = detectLanguage(doc.text);
    // A page's declared language decides only when the text is too short to tell.
    doc.meta.language = detected === 'und' ? (doc.meta.language ?? 'und') : detected;
  },
};
