import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';

// Our own sports page with fewer than five of the @sport-term words, so only the page topic
// model can tell it is a sports report.
const SPORT_PAGE = 'Wenger backs young Gunners after Highbury display. Arsenal boss Arsene Wenger has backed his young players to cope with the pressure after a tense night at Highbury. The Frenchman said his side had shown character and that the hamstring problem of his skipper would not change his plans for the weekend. Wenger told reporters he had no intention of spending money in January and that the group he had was good enough to challenge for honours this year. He praised the teenage forward who came off the bench, saying the youngster had a bright future at Arsenal. Wenger also refused to be drawn on reports linking his Spanish forward with a move abroad, insisting the player was happy in north London. Chelsea and Manchester United both won at the weekend, and Arsenal now trail the leaders by six points with a trip to Bolton next. Wenger said the run of games was kind and that his players were fresh after the winter break, adding that he expected Thierry Henry to be fit for Saturday after a knock to his ankle. The Gunners have won their last four home games and Wenger believes the title race is far from over.';

describe('a sports page the topic model knows (senses.ts sportPage)', () => {
  it('codes none of the praise and backing of a sports page', () => {
    const rec = extract({ kind: 'text', name: 'sport', uri: null, content: SPORT_PAGE });
    expect(rec.events.map((e) => e.type)).toEqual([]);
  });

  it('never judges a short text by its topic', () => {
    const rec = extract({ kind: 'text', name: 'short', uri: null, content: 'Israeli demonstrators blocked a highway in Tel Aviv to protest the judicial overhaul.' });
    expect(rec.events.map((e) => e.type)).toEqual(['PROTEST']);
  });
});
