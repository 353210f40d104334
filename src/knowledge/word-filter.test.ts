import { describe, expect, it } from 'vitest';
import { countries } from './countries.js';
import { fold } from './normalize.js';
import { organisations } from './organisations.js';
import { readActor } from './actor.js';
import { roles } from './roles.js';
import { WordFilter } from './word-filter.js';

const KEYS = ['foreign minister', 'policeman', 'militia', 'bus driver', 'armed forces', 'head of state', 'x', 'ab', 'the', 'south korean', 'çavuşoğlu', 'us'];

/** What the filter stands for, with strings: the last word and its singulars (roles.ts), folded. */
function endsInByStrings(text: string, singulars: boolean, words: ReadonlySet<string>): boolean {
  const last = text.trim().split(/\s+/).at(-1)!;
  const forms = [last];
  if (singulars) {
    if (/men$/i.test(last)) forms.push(last.replace(/men$/i, 'man'));
    if (/ies$/i.test(last)) forms.push(last.replace(/ies$/i, 'y'));
    if (/es$/i.test(last)) forms.push(last.slice(0, -2));
    if (/s$/i.test(last)) forms.push(last.slice(0, -1));
  }
  return forms.some((f) => fold(f) === '' || words.has(fold(f)));
}

const PROBES = [
  'Foreign Minister', 'the foreign ministers', 'POLICEMEN', 'policemen', 'militias', 'Militia', 'bus drivers', 'buses',
  'forces', 'FORCE', 'state', 'states', 'weather', 'said on', 'x', 'xs', 'xes', 's', 'es', 'ies', 'AB', 'abs', 'a',
  'men', 'women', 'Cavusoglu', 'Çavuşoğlu', "officials'", 'pro-government', 'U.S.', 'us', 'US', 'the US', 'South',
  'south koreans', 'South Korean', 'x\u00a0', 'militia ', '  militia', '', ' ', 'theatre', 'Them',
];

describe('WordFilter', () => {
  const last = new WordFilter();
  const first = new WordFilter();
  for (const k of KEYS) {
    last.addKey(k, 'last');
    first.addKey(k, 'first');
  }
  const lastWords = new Set(KEYS.map((k) => k.split(' ').at(-1)!));
  const firstWords = new Set(KEYS.map((k) => k.split(' ')[0]!));

  it('judges a plain last word as the string reading does, and leaves any other undecided', () => {
    for (const p of PROBES) {
      for (const singulars of [true, false]) {
        const got = last.endsIn(p, singulars);
        const word = p.trim().split(/\s+/).at(-1)!;
        const plain = /^[A-Za-z0-9]+$/.test(word);
        if (got !== undefined) expect([p, singulars, got]).toEqual([p, singulars, endsInByStrings(p, singulars, lastWords)]);
        // Undecided only when the word is not plain, or a space around it is not ASCII.
        expect([p, got === undefined]).toEqual([p, !plain || !/^[\x00-\x7f]*$/.test(p)]);
        expect(last.mayEnd(p, singulars)).toBe(got !== false);
      }
    }
  });

  it('says "certainly not" of a first word only when it is plain and not added', () => {
    for (const p of PROBES) {
      const word = p.split(/\s/)[0]!;
      const plain = /^[A-Za-z0-9]+$/.test(word);
      expect([p, first.mayStart(p)]).toEqual([p, !plain || firstWords.has(word.toLowerCase())]);
      // Not alone: a text of one word (spaces around it aside) is never judged.
      const alone = p.trim().split(/\s+/).length <= 1 && !p.startsWith(' ');
      expect([p, first.mayStart(p, false)]).toEqual([p, alone || first.mayStart(p)]);
    }
  });

  it('answers as a set of strings for thousands of words (the table grows and probes)', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (): string => Array.from({ length: 1 + Math.floor(random() * 9) }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');
    const added = new Set<string>();
    const f = new WordFilter();
    for (let i = 0; i < 5000; i++) {
      const w = word();
      added.add(w);
      f.addKey(`q ${w}`, 'last');
    }
    for (let i = 0; i < 20000; i++) {
      const w = i % 2 === 0 ? word() : [...added][i % added.size]!;
      expect(f.endsIn(w.toUpperCase(), false)).toBe(added.has(w));
    }
  });
});

describe('the tables behind their filters', () => {
  it('still find every role, in the singular and plural, qualified or not', () => {
    for (const r of roles().all) {
      const found = roles().lookup(r.phrase);
      expect([r.phrase, found]).not.toEqual([r.phrase, undefined]);
      expect(roles().mayEnd(r.phrase)).toBe(true);
      expect(roles().lookup(`${r.phrase.toUpperCase()}`)?.role ?? null).toBe(roles().lookup(r.phrase.toUpperCase())?.role ?? null);
      const reading = readActor(`Iranian ${r.phrase}`);
      if (!/\bof\b/i.test(r.phrase)) expect([r.phrase, reading?.role ?? reading?.organisation ?? null]).not.toEqual([r.phrase, null]);
    }
    expect(roles().lookup('protesters')?.role).toBeDefined();
    expect(roles().lookup('weather')).toBeUndefined();
    expect(roles().mayEnd('weather')).toBe(false);
  });

  it('still find every organisation by its names', () => {
    for (const o of organisations().all) {
      for (const n of [o.name, ...o.aliases]) {
        expect([n, organisations().mayName(n)]).toEqual([n, true]);
        expect([n, organisations().lookup(n).length > 0]).toEqual([n, organisations().lookupOnce(n).length > 0]);
      }
    }
    expect(organisations().lookup('weather report')).toHaveLength(0);
    expect(organisations().mayName('weather report')).toBe(false);
  });

  it('still find every country and people by a text beginning with its first word', () => {
    for (const c of countries().all) {
      for (const n of [...c.names, ...c.demonyms]) expect([n, countries().mayBegin(n.split(/\s/)[0]!)]).toEqual([n, true]);
    }
    expect(countries().mayBegin('weather')).toBe(false);
    expect(countries().mayBegin('The')).toBe(true);
  });
});
