import { describe, expect, it } from 'vitest';
import { parseByline } from './byline.js';

describe('parseByline', () => {
  it('splits a glued name and role', () => {
    expect(parseByline('Aizbah KhanWeb Editor')).toEqual([{ name: 'Aizbah Khan', role: 'Web Editor' }]);
    expect(parseByline('Maria LopezSenior Correspondent')).toEqual([{ name: 'Maria Lopez', role: 'Senior Correspondent' }]);
  });

  it('does not split a name with an inner capital and no role', () => {
    expect(parseByline('Ronan McDonald')).toEqual([{ name: 'Ronan McDonald', role: null }]);
  });

  it('reads "By" bylines with several authors', () => {
    expect(parseByline('By Jane Doe and John Roe')).toEqual([
      { name: 'Jane Doe', role: null },
      { name: 'John Roe', role: null },
    ]);
    expect(parseByline('By Jane Doe, Chief Political Correspondent')).toEqual([
      { name: 'Jane Doe', role: 'Chief Political Correspondent' },
    ]);
  });

  it('reads names with accented and non-ASCII letters', () => {
    expect(parseByline('By Siobhán Kearney, Transport Correspondent')).toEqual([
      { name: 'Siobhán Kearney', role: 'Transport Correspondent' },
    ]);
    expect(parseByline('Łukasz Żuławski and Martina Ríos')).toEqual([
      { name: 'Łukasz Żuławski', role: null },
      { name: 'Martina Ríos', role: null },
    ]);
    expect(parseByline('Zoë BrontëSenior Writer')).toEqual([{ name: 'Zoë Brontë', role: 'Senior Writer' }]);
  });

  it('reads credit-style prefixes: "Story and photos by", "Text and pictures by"', () => {
    expect(parseByline('Story and photos by Priya Natarajan')).toEqual([{ name: 'Priya Natarajan', role: null }]);
    expect(parseByline('Text and pictures by Jane Doe', { requirePrefix: true })).toEqual([{ name: 'Jane Doe', role: null }]);
  });

  it('drops an agency after the name rather than calling it a role', () => {
    expect(parseByline('By Jane Doe, Reuters')).toEqual([{ name: 'Jane Doe', role: null }]);
  });

  it('rejects prose and headlines', () => {
    expect(parseByline('Iran, Azerbaijan Agree On Furthering Comprehensive Bilateral Cooperation')).toBeNull();
    expect(parseByline('The minister said talks went well.')).toBeNull();
    expect(parseByline('Jane Doe', { requirePrefix: true })).toBeNull();
  });
});
