import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import { joinSlashedNames } from './slashed-names.js';

function spans(text: string, names: [string, NerSpan['label']][]): NerSpan[] {
  return names.map(([s, label]) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, label }));
}

describe('joinSlashedNames', () => {
  it('joins a one-word name to the longer name after its slash, which shares its head', () => {
    const text = 'Talks covered the North/South Corridor and trade.';
    const joined = joinSlashedNames(text, spans(text, [['North', 'LOC'], ['South Corridor', 'LOC']]));
    expect(joined.map((s) => [text.slice(s.start, s.end), s.label])).toEqual([['North/South Corridor', 'LOC']]);
  });

  it('keeps names of one word on each side, and names not glued by a slash, apart', () => {
    const text = 'Israel/Palestine and Leeds / West Yorkshire Police.';
    const ner = spans(text, [['Israel', 'LOC'], ['Palestine', 'LOC'], ['Leeds', 'LOC'], ['West Yorkshire Police', 'ORG']]);
    expect(joinSlashedNames(text, ner)).toEqual(ner);
  });
});
