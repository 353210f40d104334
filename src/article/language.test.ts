import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { detectLanguage, readsAsEnglish, settleLanguage } from './language.js';

// Our own texts.
const GERMAN = 'Die Stadtverwaltung hat am Dienstag angekündigt, dass die neue Brücke über den Fluss im Frühjahr eröffnet wird. '
  + 'Der Bürgermeister sagte, die Bauarbeiten seien trotz des langen Winters im Zeitplan geblieben, und die Anwohner könnten bald wieder zu Fuß in die Altstadt gehen. '
  + 'Die Kosten für das Projekt sind nach Angaben der Verwaltung nicht gestiegen, obwohl die Preise für Stahl im vergangenen Jahr deutlich höher waren. '
  + 'Für die Eröffnung ist ein kleines Fest mit Musik auf dem Marktplatz geplant.';
const RUSSIAN = 'Городские власти во вторник объявили, что новый мост через реку откроется весной. Мэр сказал, что строительство идет по графику.';

describe('readsAsEnglish', () => {
  it('lets the English models read English and undetermined text', () => {
    expect(readsAsEnglish('The council said the bridge would open in spring.', 'en')).toBe(true);
    expect(readsAsEnglish('Ok.', 'und')).toBe(true);
    // franc's answer on one line is unsteady: a short English brief may come out Dutch.
    expect(readsAsEnglish('Israeli aircraft struck targets overnight, killing at least 12 people, officials said.', 'nl')).toBe(true);
  });

  it('keeps them from prose in another language or script', () => {
    expect(detectLanguage(GERMAN)).toBe('de');
    expect(readsAsEnglish(GERMAN, 'de')).toBe(false);
    expect(readsAsEnglish(RUSSIAN, 'ru')).toBe(false);
  });

  it('records as English a table that franc calls French by a hair, and reads it', () => {
    // Our own table in the shape of a wire earnings report: franc scores French 1, English 0.99.
    const table = 'ACME WIDGET CORP <ACW> 4TH QTR LOSS\n\nOper shr loss six cts vs profit 14 cts\n    Oper net loss 1,212,000 vs profit 2,480,000\n'
      + '    Sales 141.7 mln vs 133.2 mln\n    Year\n    Oper shr profit 22 cts vs loss 19 cts\n    Oper net profit 3,105,000 vs loss 2,760,000\n'
      + '    Sales 602.4 mln vs 577.9 mln\n    NOTE: Oper net excludes tax credits of 410,000 dlrs vs 380,000 dlrs in quarter and 1,150,000 dlrs vs 990,000 dlrs in year.\n';
    expect(detectLanguage(table)).toBe('fr');
    expect(settleLanguage(table, 'fr')).toEqual({ language: 'en', english: true });
    expect(settleLanguage(GERMAN, 'de')).toEqual({ language: 'de', english: false });
    expect(extract({ kind: 'text', name: 'table', uri: null, content: table }).language).toBe('en');
  });

  it('gives an article in German no English reading, and says why in the provenance', () => {
    const rec = extract({ kind: 'text', name: 'de', uri: null, content: `Neue Brücke\n\n${GERMAN}` });
    expect(rec.language).toBe('de');
    expect(rec.sentences.length).toBeGreaterThan(0);
    expect([rec.entities, rec.quotes, rec.events, rec.times]).toEqual([[], [], [], []]);
    expect(rec.provenance.stages.ner).toMatch(/not run, the article is in another language \(de\)/);
  });
});
