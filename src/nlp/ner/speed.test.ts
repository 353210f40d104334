/**
 * The inference shortcuts must not change a single score: hashes built piece by piece
 * equal the hashes of the template strings, and the document decoder (per word type sums,
 * per shape triple and capitalisation code sums, both passes' rows together) decodes
 * exactly like the full feature lists the models were trained on.
 */
import { describe, expect, it } from 'vitest';
import { KEEP_BYTES, trimScratch } from '../../core/scratch.js';
import { documentFeatures } from './features.js';
import { fnv1a } from './hash.js';
import { DocumentDecoder } from './document-decoder.js';
import { loadNer, modelAvailable } from './load.js';
import { Clusters, Gazetteer } from './resources.js';
import { shortShape, wordShape } from './shape.js';
import { tagByReference } from './tagger.js';

const DOC = [
  'Iranian Foreign Minister Javad Zarif met 23 officials in New York on Wednesday .',
  'JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .',
  'Zarif said the talks with the European Union would resume in Geneva .',
  '.',
].map((s) => s.split(' '));

describe('gazetteer', () => {
  it('finds the longest match of each type, in the order the types first match', () => {
    const g = Gazetteer.parse('CITY\tnew york\nSTATE\tnew york\nCITY\tnew york city\nORG\tnew\n');
    const m = g.matchAt(['in', 'new', 'york', 'city', 'today'], 1);
    expect(m.map((x) => [g.typeNames[x.type], x.length])).toEqual([['ORG', 1], ['CITY', 3], ['STATE', 2]]);
    expect(g.matchAt(['york', 'city'], 0)).toEqual([]);
    expect(g.hasWord('ORG', 'new')).toBe(true);
    expect(g.hasWord('CITY', 'new')).toBe(false);
  });

  it('knows the one-word entries of a word and which words can go on a phrase', () => {
    const g = Gazetteer.parse('CITY\tnew york\nSTATE\tnew york\nCITY\tnew york city\nORG\tnew\nCITY\tyork\nORG\tbig apple\n');
    expect(g.wordTypes('new')).toBe(1 << g.typeNames.indexOf('ORG'));
    expect(g.wordTypes('big')).toBe(0);
    expect(g.wordTypes('apple')).toBe(-1);
    expect(g.wordTypes('new york')).toBe(-1);
    expect(['york', 'apple', 'city', 'new'].map((w) => g.isSecondWord(w))).toEqual([true, true, false, false]);
  });
});

describe('clusters', () => {
  const FILE = '#clusters\nLondon\t12\t3\t1\nparis\t999\t149\t29\nParis\t7\t2\t0\nParis\t8\t2\t0\n#case\nlondon\t4\nwho\t0\n';

  it('reads cluster ids at three levels, the last line of a word winning', () => {
    const c = Clusters.parse(FILE);
    expect(c.lookup('London')).toEqual({ fine: 12, mid: 3, coarse: 1 });
    expect(c.lookup('Paris')).toEqual({ fine: 8, mid: 2, coarse: 0 });
    expect(c.lookup('paris')).toEqual({ fine: 999, mid: 149, coarse: 29 });
    expect(c.lookup('Rome')).toBeUndefined();
    expect(c.caseBucket('london')).toBe(4);
    expect(c.caseBucket('who')).toBe(0);
    expect(c.caseBucket('London')).toBeUndefined();
  });

  it('falls back from capitals to title case, then lower case', () => {
    const c = Clusters.parse(FILE);
    expect(c.lookup('LONDON')).toEqual({ fine: 12, mid: 3, coarse: 1 });
    expect(c.lookup('PARIS')).toEqual({ fine: 8, mid: 2, coarse: 0 });
  });

  it('names the line of a bad or oversized column', () => {
    expect(() => Clusters.parse('#clusters\nx\t1\t2\t3\ny\t1\tb\t3\n')).toThrow(/line 3 .*not a whole number/);
    expect(() => Clusters.parse('#clusters\nx\t5000\t2\t3\n')).toThrow(/line 2 has a cluster id beyond/);
  });
});

describe.skipIf(!modelAvailable())('NER inference shortcuts', () => {
  it('builds the same hashes as the template strings', () => {
    const { resources } = loadNer();
    const [f] = documentFeatures([['the', 'Foreign', 'Minister']], resources);
    const mine = [...f!.hashes.subarray(f!.offsets[1], f!.offsets[2])];
    const [a, b, c] = ['the', 'Foreign', 'Minister'].map(wordShape);
    const ss = shortShape('Foreign');
    for (const s of ['lw-1=the', 'lw+1=minister', 'lw-1,0=the|foreign', 'lw0,+1=foreign|minister', `sh-1,0,+1=${a}|${b}|${c}`,
      `lw-1|sh0=the|${b}`, `sh0|lw+1=${b}|minister`, `sh-1,0=${a}|${b}`, `first=false|${ss}`, `ss=${ss}|a`, 'ac|lw=aforeign']) {
      expect(mine).toContain(fnv1a(s));
    }
  });

  it('decodes whole documents exactly like the full lists, one model at a time', () => {
    const { models, resources } = loadNer();
    const decoder = new DocumentDecoder(models);
    expect(decoder.tag(DOC, resources)).toEqual(tagByReference(DOC, models, resources));
    // Pass 1 alone, and again once the types' sums are cached.
    const first = new DocumentDecoder(models.slice(0, 1));
    expect(first.tag(DOC, resources)).toEqual(tagByReference(DOC, models.slice(0, 1), resources));
    expect(first.tag(DOC, resources)).toEqual(tagByReference(DOC, models.slice(0, 1), resources));
  });

  it('decodes exactly when a document outgrows the sums arena, and after it starts again', () => {
    const { models, resources } = loadNer();
    const decoder = new DocumentDecoder(models);
    // More new word types than the arena's 16,384, in sentences of 20.
    const words = Array.from({ length: 17_000 }, (_, i) => (i % 7 === 0 ? `Zq${i}` : `q${i}x`));
    const big = Array.from({ length: words.length / 20 }, (_, s) => words.slice(20 * s, 20 * s + 20));
    expect(decoder.tag(big, resources)).toEqual(tagByReference(big, models, resources));
    expect(decoder.tag(DOC, resources)).toEqual(tagByReference(DOC, models, resources));
    expect(decoder.tag(big.slice(0, 30), resources)).toEqual(tagByReference(big.slice(0, 30), models, resources));
  });

  it('gives a long document of few word types no more arena than its types need', () => {
    const { models, resources } = loadNer();
    const decoder = new DocumentDecoder(models);
    const capacity = decoder.arenaCapacity;
    // 24,000 tokens, more than the arena's types, of 60 word types.
    const long = Array.from({ length: 1_200 }, (_, s) => Array.from({ length: 20 }, (_, i) => (i + s) % 3 === 0 ? `Zq${(i * s) % 30}` : `q${(i + s) % 30}x`));
    expect(decoder.tag(long, resources)).toEqual(tagByReference(long, models, resources));
    expect(decoder.arenaCapacity).toBe(capacity);
    expect(decoder.tag(DOC, resources)).toEqual(tagByReference(DOC, models, resources));
  });

  it('decodes exactly after a long document\'s buffers are trimmed, arena included', () => {
    const { models, resources } = loadNer();
    const decoder = new DocumentDecoder(models);
    const capacity = decoder.arenaCapacity;
    // 40,000 tokens of 20,000 word types: the arena and the document buffers grow.
    const words = Array.from({ length: 40_000 }, (_, i) => (i % 7 === 0 ? `Zq${i % 20_000}` : `q${i % 20_000}x`));
    const big = Array.from({ length: words.length / 20 }, (_, s) => words.slice(20 * s, 20 * s + 20));
    expect(decoder.tag(big, resources)).toEqual(tagByReference(big, models, resources));
    expect(decoder.bytes()).toBeGreaterThan(KEEP_BYTES);
    expect(decoder.arenaCapacity).toBeGreaterThan(capacity);
    expect(trimScratch()).toBeGreaterThan(KEEP_BYTES);
    expect(decoder.bytes()).toBeLessThan(KEEP_BYTES);
    expect(decoder.arenaCapacity).toBe(capacity);
    // The types still carry slots of the old arena: they must be taken as new.
    expect(decoder.tag(big.slice(0, 50), resources)).toEqual(tagByReference(big.slice(0, 50), models, resources));
    expect(decoder.tag(DOC, resources)).toEqual(tagByReference(DOC, models, resources));
    expect(decoder.tag(big, resources)).toEqual(tagByReference(big, models, resources));
  });

  it('decodes exactly when the shape triples outgrow their memo within a document', () => {
    const { models, resources } = loadNer();
    const decoder = new DocumentDecoder(models);
    // 64 words of distinct shapes ("A1a1…" → "Xdxd…"), in sentences of pseudo-random order:
    // far more than the memo's 4,096 triples.
    const word = (k: number): string => Array.from({ length: 6 }, (_, b) => ((k >> b) & 1 ? 'Ab' : 'cd')).join('7');
    let x = 7;
    const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 26;
    const doc = Array.from({ length: 600 }, () => Array.from({ length: 15 }, () => word(next())));
    expect(decoder.tag(doc, resources)).toEqual(tagByReference(doc, models, resources));
    expect(decoder.tag(DOC, resources)).toEqual(tagByReference(DOC, models, resources));
  });

  it('finds entities on the document decoder, and history changes pass 2', () => {
    const { models, resources } = loadNer();
    const spans = new DocumentDecoder(models).tag(DOC, resources);
    expect(spans.flat().length).toBeGreaterThan(3);
    expect(spans[3]).toEqual([]);
  });
});
