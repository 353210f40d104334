import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import { detectLanguage, readsAsEnglish } from './language.js';

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

  it('gives an article in German no English reading, and says why in the provenance', () => {
    const rec = extract({ kind: 'text', name: 'de', uri: null, content: `Neue Brücke\n\n${GERMAN}` });
    expect(rec.language).toBe('de');
    expect(rec.sentences.length).toBeGreaterThan(0);
    expect([rec.entities, rec.quotes, rec.events, rec.times]).toEqual([[], [], [], []]);
    expect(rec.provenance.stages.ner).toMatch(/not run, the article is in another language \(de\)/);
  });
});
