import { describe, expect, it } from 'vitest';
import { boilerplateReason } from './boilerplate.js';

describe('boilerplateReason', () => {
  it.each([
    ['Adsense 300 x 250', 'ad'],
    ['Advertisement', 'ad'],
    ['ADVERTISEMENT - Scroll to continue', 'ad'],
    ['Share this article', 'share'],
    ['Facebook | Twitter | WhatsApp', 'share'],
    ['Follow us on Twitter', 'follow'],
    ['Subscribe to our newsletter', 'subscribe'],
    ['Also Read: Talks resume in Geneva', 'related'],
    ['Related Articles', 'related'],
    ['Photo: Reuters/File', 'credit'],
    ['© 2020 Example News. All rights reserved.', 'legal'],
    ['Print this page | E-mail this article', 'share'],
    ['Print this page | E-mail to a friend', 'share'],
    ['Printer-friendly version', 'share'],
    ['Send to friend', 'share'],
    ['Send this article to a friend', 'share'],
    ['PUBLICIDAD', 'ad'],
    ['Publicité', 'ad'],
    ['Anzeige', 'ad'],
    ['Werbung', 'ad'],
    ['Pubblicità', 'ad'],
    ['Реклама', 'ad'],
    ['Iklan', 'ad'],
    ['Lire aussi : Canicule : la métropole ouvre ses salles fraîches', 'related'],
    ['Lea también: El plan de arbolado, en un mapa', 'related'],
  ])('%s is %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    'Officials said they would share intelligence with neighbouring states.',
    'Follow-up talks are planned for next month in Baku, the ministry said.',
    'He added.',
    'The advertisement campaign drew criticism from opposition lawmakers who called it misleading.',
    'Print the form, sign it and send it to a friend who can witness it.',
    'La publicidad oficial creció un 40% en el último año, según el informe.',
    'Voir aussi la carte des travaux prévue cet été dans le quartier.',
  ])('keeps real text: %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});
