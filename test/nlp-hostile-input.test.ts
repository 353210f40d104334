// Issue 3's bad-input promise: the NLP stack (sentences, POS, parser over every sentence,
// NER) never throws on any string, and what it writes stays well-formed: spans inside the
// text, every sentence at most MAX_SENTENCE_TOKENS tokens, every parsed head inside its
// sentence, every name inside one sentence. Runs on the shipped models (skipped without them).
// The whole extract pipeline is held to the same inputs: a valid record, or a coded error.
import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta } from '../src/core/doc.js';
import { extract, isNewsgraphError, validateRecord } from '../src/extract.js';
import { nerStage } from '../src/nlp/ner/index.js';
import { parserModelAvailable } from '../src/nlp/parser/index.js';
import { parserStage } from '../src/nlp/parser/stage.js';
import { posModelAvailable, posStage } from '../src/nlp/pos/index.js';
import { MAX_SENTENCE_TOKENS, sentenceStage } from '../src/nlp/sentences.js';
import { rng } from '../src/core/rng.js';

const STACK = [sentenceStage, posStage, parserStage, nerStage];

const HOSTILE: Array<[string, string]> = [
  ['empty', ''],
  ['only spaces and newlines', ' \n\n \t \r\n '],
  ['1 MB without a space', 'a'.repeat(1_000_000)],
  ['200 kB of punctuation (160,000 tokens)', '.,;!?'.repeat(40_000)],
  ['control characters', 'Troops\u0000 fired\u0007 on\u001b[31m protesters\u0008 in\fBaku\v.\u007f\u0085 Officials said.'],
  ['emoji and flags', 'Protesters 🔥🔥 gathered in Baku 👍🏽 on Tuesday, officials 🇦🇿 said. 👨‍👩‍👧 fled.'],
  ['right-to-left text', 'قال وزير الخارجية الإيراني محمد جواد ظريف إن \u202eBaku\u202c. שלום עולם. Iran said.'],
  ['lone surrogates', 'Iran \ud800 said \udfff that \udc00\ud800 troops left.'],
  ['a 2,000-word run-on', Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? 'Baku' : 'troops')).join(' ')],
  ['a 2,000-word run-on with commas', Array.from({ length: 2000 }, (_, i) => (i % 9 === 8 ? 'said,' : 'the army')).join(' ')],
  ['digits and symbols', '$$$ 1,000,000,000.00 %%% 9/11/2001 ### @@@ &&& *** ((( ))) [[[ ]]]'],
  ['a long URL and handles', `See https://example.com/${'x/'.repeat(5000)}?q=1 @${'h'.repeat(3000)} #${'t'.repeat(3000)}`],
];

/** The first broken promise in a tagged and parsed doc, or null (plain loops: a million expect() calls would take minutes). */
function firstFault(d: Doc): string | null {
  const n = d.text.length;
  for (const [i, t] of d.tokens.entries()) {
    if (!(t.start >= 0 && t.end <= n && t.end > t.start)) return `token ${i} spans ${t.start}..${t.end} of ${n}`;
  }
  let first = 0;
  for (const [k, s] of d.sentences.entries()) {
    if (!(s.start >= 0 && s.end <= n)) return `sentence ${k} spans ${s.start}..${s.end} of ${n}`;
    while (first < d.tokens.length && d.tokens[first]!.end <= s.start) first++;
    let last = first;
    while (last < d.tokens.length && d.tokens[last]!.start < s.end) last++;
    if (last - first > MAX_SENTENCE_TOKENS) return `sentence ${k} has ${last - first} tokens`;
    for (let i = first; i < last; i++) {
      const h = d.tokens[i]!.head;
      if (h === undefined) return `token ${i} has no head`;
      if (h !== -1 && (h < first || h >= last)) return `token ${i}'s head ${h} is outside its sentence ${first}..${last - 1}`;
    }
    first = last;
  }
  let k = 0;
  for (const e of d.ner) {
    while (k < d.sentences.length && d.sentences[k]!.end <= e.start) k++;
    const s = d.sentences[k];
    if (!s || e.start < s.start || e.end > s.end) return `name ${e.start}..${e.end} is not inside one sentence`;
  }
  return null;
}

describe.skipIf(!posModelAvailable() || !parserModelAvailable())('the NLP stack on hostile input', () => {
  it.each(HOSTILE)('never throws and stays well-formed: %s', (name, text) => {
    const d = new Doc(text.split(/\n\s*\n/), emptyMeta({ language: 'en' }));
    for (const s of STACK) s.run(d);
    expect(firstFault(d), name).toBeNull();
    d.parses?.ensure(0);
  }, 60_000);

  it('cuts a 2,000-word run-on into bounded windows and parses each', () => {
    const text = Array.from({ length: 2000 }, () => 'troops').join(' ');
    const d = new Doc([text], emptyMeta({ language: 'en' }));
    for (const s of STACK) s.run(d);
    expect(d.tokens).toHaveLength(2000);
    expect(d.sentences.length).toBeGreaterThanOrEqual(Math.ceil(2000 / MAX_SENTENCE_TOKENS));
    expect(d.tokens.every((t) => t.head !== undefined)).toBe(true);
  });
});

/**
 * Fragments that have tripped tokenizers, splitters and span arithmetic: abbreviations,
 * clitics, paired and stray quotes, combining marks, zero-width and bidi controls, lone
 * surrogates, odd line breaks, markup. Mixed at random they meet in orders nobody wrote.
 */
const FRAGMENTS = [
  ' ', ' ', '\n', '\n\n', '\t', '\r', '\r\n', '\u2028', '\u0085', '.', ',', '!', '?', ';', ':', '…', '...', '-', '--', '—', '–', '/',
  '"', "'", '“', '”', '‘', '’', '`', '``', "''", '(', ')', '[', ']', '<b>', '</b>', '&amp;', '>>', '•', '·', '|', '*', '^M',
  'Iran', 'said', 'the', 'WORD', 'wOrD', 'Mr.', 'U.S.', 'Gen.', 'e.g.', 'a.m.', 'Inc.', 'J.', 'al-Qaeda', "didn't", "can't", 'Azerbaijan’s',
  '2,000', '3.5', '9/11', '$5', '5%', '½', '²', 'Ⅻ', 'http://x.co/a?b=c', '@handle', '#tag', 'ß', 'İ', 'ﬁ', 'ς', '١٢٣', 'שלום',
  '\u0301', 'e\u0301', '\u200b', '\u00ad', '\ufeff', '\u202e', '\u0000', '\ud800', '\udfff', '🔥', '👨‍👩‍👧', '🇦🇿',
];

/** n strings of 1–80 fragments each, from a fixed seed: the same strings on every run. */
function randomMixes(seed: number, n: number): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    let s = '';
    for (let k = 1 + Math.floor(r() * 80); k > 0; k--) s += FRAGMENTS[Math.floor(r() * FRAGMENTS.length)]! + (r() < 0.5 ? ' ' : '');
    return s;
  });
}

describe.skipIf(!posModelAvailable() || !parserModelAvailable())('the NLP stack and extract on random mixes of hostile fragments', () => {
  it('never throws, stays well-formed, and gives valid records or coded errors', () => {
    const mixes = randomMixes(14, 400);
    for (const [i, text] of mixes.entries()) {
      const d = new Doc(text.split(/\n\s*\n/), emptyMeta({ language: 'en' }));
      for (const s of STACK) s.run(d);
      const fault = firstFault(d);
      if (fault) expect.fail(`mix ${i} ${JSON.stringify(text)}: ${fault}`);
      if (i % 4 !== 0) continue;
      for (const kind of ['text', 'raw', 'html'] as const) {
        try {
          const errors = validateRecord(extract({ name: `mix ${i}`, uri: null, kind, content: text })).errors;
          if (errors.length > 0) expect.fail(`${kind} mix ${i} ${JSON.stringify(text)}: ${JSON.stringify(errors)}`);
        } catch (e) {
          if (!isNewsgraphError(e)) throw e;
        }
      }
    }
  }, 120_000);
});

describe.skipIf(!posModelAvailable() || !parserModelAvailable())('extract on hostile input', () => {
  it.each(HOSTILE)('gives a valid record or a coded error naming the input: %s', (name, text) => {
    for (const kind of ['text', 'raw'] as const) {
      try {
        const r = extract({ name, uri: null, kind, content: text });
        expect(validateRecord(r).errors, `${kind} ${name}`).toEqual([]);
      } catch (e) {
        expect(isNewsgraphError(e), `${kind} ${name}: ${String(e)}`).toBe(true);
        if (isNewsgraphError(e)) expect(e.input).toBe(name);
      }
    }
  }, 60_000);
});
