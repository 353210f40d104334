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
  ])('%s is %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    'Officials said they would share intelligence with neighbouring states.',
    'Follow-up talks are planned for next month in Baku, the ministry said.',
    'He added.',
    'The advertisement campaign drew criticism from opposition lawmakers who called it misleading.',
  ])('keeps real text: %s', (line) => {
    expect(boilerplateReason(line)).toBeNull();
  });
});
