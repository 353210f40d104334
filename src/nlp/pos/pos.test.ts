import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta } from '../../core/doc.js';
import { sentenceStage } from '../sentences.js';
import { decodeModel, encodeModel } from './model.js';
import { POS_MODEL_PATH, loadTagger, posStage, tagTokens, taggingForms } from './index.js';
import { PosTagger } from './tagger.js';
import { tokenize } from '../tokenize.js';
import {
  MAX_STATIC, N_DYNAMIC, SENTENCE_END, SENTENCE_START, asNext2Features, asNextFeatures, asPrev2Features, asPrevFeatures,
  dynamicFeatures, hashRange, ownFeatures, pairFeatures, positionFeatures, prev2TagsHash, prevTagClMidHash, prevTagHash,
  staticFeatures, wordInfo, wordShape, wordTagFeatures,
} from './features.js';

describe('POS model format', () => {
  it('round-trips through encode/decode', () => {
    const m = {
      header: {
        classes: ['NOUN|NN', 'VERB|VB'], scale: 0.5, features: 2, entries: 3, lexiconBytes: 0,
        tagdict: { words: ['the'], classes: [0] }, info: {},
      },
      hashes: Uint32Array.from([7, 0xffffffff]),
      rowLength: Uint8Array.from([1, 2]),
      weights: Int16Array.from([-3, 4, 32767]),
      classOf: Uint8Array.from([1, 0, 1]),
      lexicon: { clusters: new Map([['Baku', [3, 2, 1] as const]]), caseBucket: new Map([['baku', 4]]), ambiguity: new Map([['that', 'DT,IN,WDT']]) },
    };
    const back = decodeModel(encodeModel(m));
    expect({ ...back.header, lexiconBytes: 0 }).toEqual(m.header);
    expect(back.lexicon).toEqual(m.lexicon);
    expect([...back.hashes]).toEqual([...m.hashes]);
    expect([...back.weights]).toEqual([...m.weights]);
    expect([...back.rowLength]).toEqual([...m.rowLength]);
    expect([...back.classOf]).toEqual([...m.classOf]);
  });

  it('shows straight double quotes to the tagger as opening or closing', () => {
    const text = 'He said: "I stand by it". She said "no" and "yes."';
    expect(taggingForms(text, tokenize(text)).join(' ')).toBe(
      'He said : “ I stand by it ” . She said “ no ” and “ yes . ”',
    );
  });

  it('has stable features', () => {
    expect(wordShape('Nagorno-Karabakh')).toBe('Xxxx-Xxxx');
    expect(wordShape('2,000')).toBe('d,ddd');
    expect(hashRange(3, 'abc')).toBe(hashRange(3, 'xabcx', 1, 4));
    expect(hashRange(3, 'abc')).not.toBe(hashRange(4, 'abc'));
  });
});

describe('POS word facts from the lexicon', () => {
  it('takes clusters by form, then lowercased, then capitalised', () => {
    const lex = {
      clusters: new Map([['Apple', [1, 1, 1] as const], ['apple', [2, 2, 2] as const], ['Baku', [3, 3, 3] as const], ['us', [4, 4, 4] as const]]),
      caseBucket: new Map([['baku', 4]]),
      ambiguity: new Map([['us', 'PRP']]),
    };
    const fine = (w: string): number => wordInfo(w, lex).fine;
    expect([fine('Apple'), fine('apple'), fine('APPLE'), fine('aPPle')]).toEqual([1, 2, 2, 2]);
    expect([fine('Baku'), fine('baku'), fine('BAKU'), fine('US'), fine('Us'), fine('x')]).toEqual([3, 3, 3, 4, 4, -1]);
    expect([wordInfo('BAKU', lex).caseBucket, wordInfo('Us', lex).amb, wordInfo('Baku', lex).amb]).toEqual([4, 'PRP', '']);
  });
});

describe('POS feature groups (the tagger scores these instead of the full lists)', () => {
  it('add up to exactly the static and dynamic features, at every position', () => {
    const lex = {
      clusters: new Map([['Baku', [3, 2, 1] as const], ['said', [9, 8, 7] as const]]),
      caseBucket: new Map([['baku', 4]]),
      ambiguity: new Map([['that', 'DT,IN,WDT'], ['said', 'VBD,VBN']]),
    };
    const ws = ['Baku', 'said', 'that', '2,000', 'Troops', 'left', '.'].map((w) => wordInfo(w, lex));
    const buf = new Uint32Array(MAX_STATIC + N_DYNAMIC);
    const list = (fill: (out: Uint32Array) => number): number[] => [...buf.subarray(0, fill(buf))];
    for (let i = 0; i < ws.length; i++) {
      const [t1, t2] = [i % 5 - 1, (i * 3) % 7 - 1];
      const full = list((o) => dynamicFeatures(ws, i, t1, t2, o, staticFeatures(ws, i, o, 0)));
      const w = ws[i]!;
      const p1 = ws[i - 1] ?? SENTENCE_START;
      const p2 = ws[i - 2] ?? SENTENCE_START;
      const n1 = ws[i + 1] ?? SENTENCE_END;
      const n2 = ws[i + 2] ?? SENTENCE_END;
      const groups = [
        ...list((o) => positionFeatures(w, i === 0, o, ownFeatures(w, o, 0))),
        ...list((o) => asPrevFeatures(p1, o, 0)), ...list((o) => asPrev2Features(p2, o, 0)),
        ...list((o) => asNextFeatures(n1, o, 0)), ...list((o) => asNext2Features(n2, o, 0)),
        ...list((o) => wordTagFeatures(w, n1, t1, o, pairFeatures(p1, w, n1, o, 0))),
        prevTagHash(t1), prev2TagsHash(t1, t2), prevTagClMidHash(w.mid, t1),
      ];
      expect(groups.sort()).toEqual(full.sort());
    }
  });
});

describe.skipIf(!existsSync(POS_MODEL_PATH))('POS tagger (skipped: models/pos.bin missing; run npx tsx training/train-pos.ts)', () => {
  it('tags a news sentence', () => {
    const words = ['Azerbaijan', '’s', 'army', 'did', 'n’t', 'attack', 'the', 'war-torn', 'region', 'on', 'Tuesday', '.'];
    const { upos, xpos } = tagTokens(words);
    expect(upos).toHaveLength(words.length);
    expect(upos[0]).toBe('PROPN');
    expect(xpos[1]).toBe('POS');
    expect(upos[2]).toBe('NOUN');
    expect(upos[3]).toBe('AUX');
    expect(upos[4]).toBe('PART');
    expect(upos[5]).toBe('VERB');
    expect(xpos[6]).toBe('DT');
    expect(upos[7]).toBe('ADJ');
    expect(xpos[10]).toBe('NNP');
    expect(upos[11]).toBe('PUNCT');
  });

  it('tags the same after its type cache has dropped generations', () => {
    const model = decodeModel(readFileSync(POS_MODEL_PATH));
    // Generations of 40 types: types are dropped and scored again every few sentences.
    const small = new PosTagger(model, 40);
    const reference = new PosTagger(model);
    const probe = ['Mr', 'Zarif', 'said', 'the', 'talks', 'in', 'Geneva', 'would', 'resume', 'on', 'Monday', '.'];
    const words = ['Iran', 'talks', 'Geneva', 'officials', 'resumed', 'quickly', 'nuclear', 'Zarif', 'Monday', 'deal'];
    for (let s = 0; s < 300; s++) {
      const sentence = Array.from({ length: 6 + (s % 9) }, (_, i) => (i % 3 === 0 ? words[(s + i) % words.length]! : `Qx${s}z${i}`));
      expect(small.predict(sentence)).toEqual(reference.predict(sentence));
      if (s % 7 === 0) expect(small.predict(probe)).toEqual(reference.predict(probe));
    }
    // A sentence longer than two generations: its first words are dropped before it is scored.
    const long = Array.from({ length: 120 }, (_, i) => (i % 4 === 0 ? words[i % words.length]! : `Long${i}`));
    expect(small.predict(long)).toEqual(reference.predict(long));
  });

  it('loads the model once', () => {
    expect(loadTagger()).toBe(loadTagger());
  });

  it('fills doc.tokens through the stages', () => {
    const doc = new Doc(['MOSCOW, Nov 10 (Reuters) - Russia said it would send 2,000 troops. They arrived.'], emptyMeta({ language: 'en' }));
    sentenceStage.run(doc);
    posStage.run(doc);
    const toks = doc.tokens.map((t) => `${doc.slice(t)}/${t.xpos}`);
    expect(toks).toContain('troops/NNS');
    expect(toks).toContain('said/VBD');
    expect(doc.tokens.every((t) => t.upos && t.xpos)).toBe(true);
    expect(doc.tokens[0]).toMatchObject({ start: 0, end: 6 });
  });
});
