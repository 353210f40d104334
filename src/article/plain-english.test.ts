import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractHtml } from './html/index.js';
import { detectLanguage, francLanguage } from './language.js';
import { isPlainEnglish } from './plain-english.js';

const ENGLISH = [
  'The foreign ministers of Azerbaijan and Iran met in Baku on Wednesday to discuss the reconstruction of the',
  'territories that were returned after the war, officials said. The two men agreed that trade between their',
  'countries had been held back by the conflict and that it would grow once the border crossings were opened.',
  'It was the first visit by an Iranian foreign minister since the ceasefire, which was brokered by Russia and',
  'which has been holding for a month. He said that Tehran would take part in the rebuilding of roads and that',
  'its companies were ready to work on the railway line, which would link the Gulf with the Black Sea.',
].join(' ');

const FRENCH = [
  'Les pelleteuses sont arrivées lundi matin dans la cour de l’école élémentaire, où les enfants ont découvert',
  'un chantier qui doit transformer le bitume en jardin avant l’été. La ville a retenu dix-huit établissements',
  'cette année et prévoit d’en traiter une centaine d’ici la fin du mandat, selon l’adjointe chargée de',
  'l’éducation, qui a présenté le projet aux parents mardi soir. Les travaux coûteront 6,2 millions d’euros et',
  'seront financés en partie par l’agence de l’eau, qui soutient les projets de désimperméabilisation des sols.',
].join(' ');

describe('isPlainEnglish', () => {
  it('tells ordinary English prose', () => {
    expect(isPlainEnglish(ENGLISH)).toBe(true);
  });

  it('says nothing about other languages, short text or a foreign quarter', () => {
    expect(isPlainEnglish(FRENCH)).toBe(false);
    expect(isPlainEnglish(ENGLISH.slice(0, 300))).toBe(false);
    expect(isPlainEnglish(`${ENGLISH.slice(0, 450)} ${FRENCH.slice(0, 200)}`)).toBe(false);
    expect(isPlainEnglish(`${FRENCH.slice(0, 200)} ${ENGLISH.slice(0, 450)}`)).toBe(false);
  });

  it('says nothing when most letters are not ASCII, even among English words', () => {
    const japanese = '東京電力は福島第一原子力発電所の処理水について海洋放出を開始したと発表した。';
    expect(isPlainEnglish(`${ENGLISH} ${japanese.repeat(12)}`)).toBe(false);
  });

  it('agrees with franc wherever it answers', () => {
    for (const t of [ENGLISH, ENGLISH.repeat(3).slice(0, 2000)]) expect(detectLanguage(t)).toBe('en');
    expect(detectLanguage(FRENCH)).toBe('fr');
  });
});

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const BBC = `${SHARED}news-text/bbc-news-articles.jsonl`;
const PAGES = `${SHARED}article-extraction-benchmark/html/`;
const present = existsSync(BBC) && existsSync(PAGES);
if (!present) console.warn(`plain-English agreement test skipped: ${SHARED} lacks the BBC articles or the benchmark pages`);

describe.skipIf(!present)('isPlainEnglish against franc on real text', () => {
  it('never calls English what franc does not: English articles, foreign pages and mixtures of both', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const english = readFileSync(BBC, 'utf8').split('\n').filter((l) => l.trim()).slice(0, 400).map((l) => (JSON.parse(l) as { text: string }).text);
    const foreign: string[] = [];
    for (const f of readdirSync(PAGES).sort()) {
      const html = gunzipSync(readFileSync(PAGES + f)).toString('utf8');
      const text = extractHtml(html, { url: null, name: f }).paragraphs.join('\n\n');
      if (text.length >= 400 && !isPlainEnglish(text.slice(0, 2000))) foreign.push(text);
    }
    const samples: string[] = [...english, ...foreign];
    for (let i = 0; i < 600; i++) {
      const e = english[Math.floor(rand() * english.length)]!;
      const f = foreign[Math.floor(rand() * foreign.length)]!;
      const n = 400 + Math.floor(rand() * 1600);
      const ne = Math.floor(n * (0.5 + rand() / 2));
      const es = Math.floor(rand() * Math.max(1, e.length - ne));
      const fs = Math.floor(rand() * Math.max(1, f.length - (n - ne)));
      samples.push(rand() < 0.5 ? `${e.slice(es, es + ne)}\n\n${f.slice(fs, fs + n - ne)}` : `${f.slice(fs, fs + n - ne)}\n\n${e.slice(es, es + ne)}`);
    }
    let fired = 0;
    const disagree: string[] = [];
    for (const t of samples) {
      const sample = t.slice(0, 2000);
      if (!isPlainEnglish(sample)) continue;
      fired++;
      if (francLanguage(sample) !== 'en') disagree.push(sample.slice(0, 120));
    }
    expect(disagree).toEqual([]);
    // The pass must also be worth having: most English news passes it.
    expect(fired).toBeGreaterThan(english.length * 0.8);
  }, 60_000);
});
