import { describe, expect, it } from 'vitest';
import { hamming, hash64, hashHex, simhash, words, ZERO_SIMHASH } from './simhash.js';

const BASE = `The foreign ministers of Armenia and Georgia met in Tbilisi on Tuesday to discuss the reopening of the Upper Lars freight route,
which was closed for several days after a landslide. Officials said customs teams would work around the clock once trucks move again.
Opposition lawmakers criticised the agreement, saying it had been signed without a debate in parliament. The ministers also discussed
the reconstruction of roads damaged during the 2008 war and plans for a joint study of a rail link through the South Caucasus.
Traders in both countries have complained for months about long queues at the border, where hundreds of lorries waited in the snow.
A spokesman for the Georgian government said the route would reopen on Monday and that a working group would meet every week.`;

const OTHER = `Kenya's weekly tea auction in Mombasa saw prices fall for a third week as buyers from Pakistan held back amid a shortage of foreign
exchange. Brokers said the average price for a kilogram of black tea dropped to its lowest level since August, and farmers' groups warned
that smaller payments would reach growers who already face higher fertiliser costs. Volumes offered rose as the short rains boosted output.`;

describe('simhash', () => {
  it('gives 16 hex digits, the same for the same text', () => {
    const h = simhash(BASE);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(BASE)).toBe(h);
  });

  it('ignores case, punctuation and spacing', () => {
    const noisy = BASE.toUpperCase().replace(/,/g, ' ,').replace(/\n/g, '\n\n  ');
    expect(simhash(noisy)).toBe(simhash(BASE));
  });

  it('keeps an edited copy close and an unrelated text far', () => {
    const copy = 'TBILISI (AFP) - ' + BASE.replace('Tuesday', 'Wednesday').replace('several', 'three') + '\nCopyright AFP. All rights reserved.';
    expect(hamming(simhash(BASE), simhash(copy))).toBeLessThanOrEqual(12);
    expect(hamming(simhash(BASE), simhash(OTHER))).toBeGreaterThan(16);
  });

  it('is all zeros for a text without words', () => {
    expect(simhash('')).toBe(ZERO_SIMHASH);
    expect(simhash(' — … !! ')).toBe(ZERO_SIMHASH);
  });

  it('rejects a bad shingle size', () => {
    expect(() => simhash(BASE, 0)).toThrow(/shingle size/);
  });

  it('splits words on anything but letters and digits', () => {
    expect(words('Iran’s  "foreign" ministry, 2023-03-14')).toEqual(['iran', 's', 'foreign', 'ministry', '2023', '03', '14']);
  });
});

describe('hamming and hashes', () => {
  it('counts differing bits', () => {
    expect(hamming('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hamming('0000000000000001', '8000000000000000')).toBe(2);
    expect(hamming('abcdef0123456789', 'ABCDEF0123456789')).toBe(0);
  });

  it('names a malformed fingerprint', () => {
    expect(() => hamming('xyz', '0000000000000000')).toThrow(/"xyz"/);
  });

  it('hashes strings to two unsigned halves, stably', () => {
    const [a, b] = hash64('IRNGOV');
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(2 ** 32);
    expect(hashHex('IRNGOV')).toBe(hashHex('IRNGOV'));
    expect(hashHex('IRNGOV')).not.toBe(hashHex('IRNGOW'));
  });
});
