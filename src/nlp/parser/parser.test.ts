import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta } from '../../core/doc.js';
import { BeamParser, GreedyParser, ParserModel, parse, parserModelAvailable, PARSER_MODEL_PATH } from './index.js';
import { MAX_FEATURES } from './features.js';
import { GROUP_COUNT, groupOrder } from './label-groups.js';
import { ACTION_STRIDE, LABEL_STRIDE, N_CLASSES } from './model.js';
import { LEFT, ParseState, RIGHT } from './transitions.js';
import { moveTableOf, validMovesOf } from './decode.js';
import { classAction, classGroup } from './move-classes.js';
import { parserOnDemandStage, parserStage } from './stage.js';

const LABELS = groupOrder(['root', 'nsubj', 'obj', 'det', 'punct', 'obl', 'case', 'amod']);

/** One root, every head in range, and every word reaches the root (no cycles). */
function expectTree(head: number[]): void {
  const n = head.length;
  expect(head.filter((h) => h === -1)).toHaveLength(1);
  for (let i = 0; i < n; i++) {
    expect(head[i]).toBeGreaterThanOrEqual(-1);
    expect(head[i]).toBeLessThan(n);
    let j = i;
    for (let steps = 0; j !== -1; steps++) {
      expect(steps).toBeLessThanOrEqual(n);
      j = head[j]!;
    }
  }
}

/** Small tables: 2^8 action rows, 2^6 label rows. */
const A_BITS = 8;
const L_BITS = 6;

function randomModel(seed: number): ParserModel {
  const w = ParserModel.empty(LABELS, A_BITS, L_BITS, null).weights as Float32Array;
  let a = seed;
  for (let i = 0; i < w.length; i++) {
    a = (Math.imul(a, 1103515245) + 12345) | 0;
    w[i] = ((a >>> 8) % 2001) / 1000 - 1;
  }
  return new ParserModel(LABELS, A_BITS, L_BITS, w);
}

const SENTENCES: [string[], string[], string[]][] = [
  [
    ['Iran', "'s", 'foreign', 'minister', 'met', 'his', 'Azeri', 'counterpart', 'in', 'Baku', '.'],
    ['PROPN', 'PART', 'ADJ', 'NOUN', 'VERB', 'PRON', 'ADJ', 'NOUN', 'ADP', 'PROPN', 'PUNCT'],
    ['NNP', 'POS', 'JJ', 'NN', 'VBD', 'PRP$', 'JJ', 'NN', 'IN', 'NNP', '.'],
  ],
  [['Hello'], ['INTJ'], ['UH']],
  [
    ['Troops', 'fired', 'on', 'protesters', ',', 'officials', 'said', 'on', 'Tuesday', '.'],
    ['NOUN', 'VERB', 'ADP', 'NOUN', 'PUNCT', 'NOUN', 'VERB', 'ADP', 'PROPN', 'PUNCT'],
    ['NNS', 'VBD', 'IN', 'NNS', ',', 'NNS', 'VBD', 'IN', 'NNP', '.'],
  ],
];

describe('parser decoding (no trained model needed)', () => {
  it('always yields a single well-formed tree, whatever the weights', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const p = new GreedyParser(randomModel(seed));
      for (const [w, u, x] of SENTENCES) {
        const r = p.parse(w, u, x);
        expect(r.head).toHaveLength(w.length);
        expectTree(r.head);
        for (const d of r.deprel) expect(LABELS).toContain(d);
      }
    }
  });

  it('finds the valid moves of every state from its pattern table, as working them out group by group does', () => {
    // The reference: each class's validity from the transition system's rules directly.
    const reference = (st: ParseState, m: ParserModel): number[] => {
      const stacked = st.sp > 0;
      const headed = stacked && st.head[st.stack[st.sp - 1]!]! >= 0;
      const forced = stacked && !headed ? st.forcedLeftLabel(m.rootLabel) : -1;
      const out = [st.b < st.n ? 1 : 0, headed ? 1 : 0];
      const labelsOf = (g: number): number[] => m.labels.map((_, l) => l).filter((l) => m.groupOf[l] === g);
      for (let g = 0; g < GROUP_COUNT; g++) {
        out.push(stacked && !headed && labelsOf(g).some((l) => (forced >= 0 ? l === forced : l !== m.rootLabel)) ? 1 : 0);
      }
      for (let g = 0; g < GROUP_COUNT; g++) {
        out.push(stacked && st.b < st.n && labelsOf(g).some((l) => l !== m.rootLabel) ? 1 : 0);
      }
      return out;
    };
    const m = randomModel(5);
    const table = moveTableOf(m);
    const classes = new Uint8Array(N_CLASSES);
    const valid = new Uint8Array(4);
    let a = 11;
    const seen = new Set<string>();
    for (let walk = 0; walk < 60; walk++) {
      const st = new ParseState();
      st.reset(1 + (walk % 7));
      for (let step = 0; ; step++) {
        expect(step).toBeLessThanOrEqual(2 * st.n);
        const want = reference(st, m);
        const count = validMovesOf(st, table, valid, classes);
        expect([...classes]).toEqual(want);
        expect(count).toBe(st.terminal() ? 0 : want.reduce((x, y) => x + y, 0));
        seen.add(want.join(''));
        if (st.terminal()) break;
        const options = want.flatMap((v, c) => (v === 1 ? [c] : []));
        a = (Math.imul(a, 1103515245) + 12345) | 0;
        const c = options[(a >>> 8) % options.length]!;
        const act = classAction(c);
        const group = act === LEFT || act === RIGHT ? classGroup(c) : -1;
        const forced = act === LEFT ? st.forcedLeftLabel(m.rootLabel) : -1;
        const label = group < 0 ? -1 : forced >= 0 ? forced : m.labels.findIndex((_, l) => m.groupOf[l] === group && l !== m.rootLabel);
        st.apply(act, label);
      }
    }
    // The walks met states of many patterns, forced root arcs among them.
    expect(seen.size).toBeGreaterThan(5);
  });

  it('round-trips a model through its file format', () => {
    const m = randomModel(7);
    const back = ParserModel.fromBuffer(m.toBuffer());
    expect(back.labels).toEqual(LABELS);
    const a = new GreedyParser(m).parse(...SENTENCES[0]!);
    const b = new GreedyParser(back).parse(...SENTENCES[0]!);
    expect(b).toEqual(a);
  });

  it('decodes Int8 models (integer fast path) exactly as the Float32 reference loop', () => {
    for (let seed = 1; seed <= 10; seed++) {
      // Int8-valued weights: the Float32 sums are then exact, so both paths must agree.
      const f = randomModel(seed).weights as Float32Array;
      const q = Int8Array.from(f, (x) => Math.round(x * 127));
      const asFloat = new ParserModel(LABELS, A_BITS, L_BITS, Float32Array.from(q));
      const scales = { action: 127, label: 127 };
      const asInt = ParserModel.fromBuffer(new ParserModel(LABELS, A_BITS, L_BITS, q, {}, null, scales).toBuffer());
      expect(asInt.quantised).toBe(true);
      expect(asFloat.quantised).toBe(false);
      for (const [w, u, x] of SENTENCES) {
        expect(new GreedyParser(asInt).parse(w, u, x)).toEqual(new GreedyParser(asFloat).parse(w, u, x));
      }
    }
  });

  it('sums Int8 rows exactly at the extremes: every feature on one row, weights of -128 and 127', () => {
    // The integer scorers add two weights per operation (16-bit halves of one integer);
    // a row read MAX_FEATURES times with extreme weights is where a carry would cross.
    for (const fill of [[127], [-128], [127, -128, 0, -1, 1], [-128, 127]]) {
      const q = new Int8Array(ParserModel.empty(LABELS, A_BITS, L_BITS, null).weights.length);
      for (let i = 0; i < q.length; i++) q[i] = fill[i % fill.length]!;
      const asInt = new ParserModel(LABELS, A_BITS, L_BITS, q);
      const asFloat = new ParserModel(LABELS, A_BITS, L_BITS, Float32Array.from(q));
      for (const nf of [1, 57, MAX_FEATURES]) {
        const fh = new Uint32Array(MAX_FEATURES).fill(0x12345);
        const rows = new Int32Array(MAX_FEATURES);
        const fa = new Float64Array(ACTION_STRIDE);
        const ia = new Int32Array(ACTION_STRIDE);
        asFloat.scoreActions(fh, nf, fa, rows);
        asInt.actionScoresInt(fh, nf, ia, rows);
        expect(Array.from(ia.subarray(0, N_CLASSES))).toEqual(Array.from(fa.subarray(0, N_CLASSES)));
        for (const action of [LEFT, RIGHT]) {
          // Each group's labels, and all of them (a negative group).
          for (let g = -1; g < GROUP_COUNT; g++) {
            const fl = new Float64Array(LABEL_STRIDE);
            const il = new Int32Array(LABEL_STRIDE);
            asFloat.scoreLabels(fh, nf, action, g, fl, rows);
            asInt.labelScoresInt(fh, nf, action, g, il, rows);
            const lo = g < 0 ? 0 : asInt.groupStart[g]!;
            const hi = g < 0 ? asInt.nLabels : asInt.groupStart[g + 1]!;
            if (g < 0) expect(fl.subarray(lo, hi).some((x) => x !== 0)).toBe(true);
            expect(Array.from(il.subarray(lo, hi))).toEqual(Array.from(fl.subarray(lo, hi)));
          }
        }
      }
    }
  });

  it('reads only its own feature slots when a model names them, in both decoding paths and after a round trip', () => {
    const slots = { move: Int32Array.from([0, 1, 2, 4, 5, 13, 40, 83]), label: Int32Array.from([0, 2, 5, 41]) };
    const count = { n: 0 };
    const out = new Uint32Array(8);
    const fh = Uint32Array.from({ length: 84 }, (_, i) => 1000 + i);
    const m0 = randomModel(5);
    const m = new ParserModel(LABELS, A_BITS, L_BITS, m0.weights, {}, null, undefined, slots);
    expect([...m.pick('move', fh, 84, out, count).subarray(0, count.n)]).toEqual([1000, 1001, 1002, 1004, 1005, 1013, 1040, 1083]);
    // Slots past the features a state has (cluster slots without clusters) are skipped.
    expect([...m.pick('label', fh, 40, out, count).subarray(0, count.n)]).toEqual([1000, 1002, 1005]);
    expect(m0.pick('move', fh, 84, out, count)).toBe(fh);
    expect(count.n).toBe(84);

    for (let seed = 1; seed <= 6; seed++) {
      const q = Int8Array.from(randomModel(seed).weights as Float32Array, (x) => Math.round(x * 127));
      const asFloat = new ParserModel(LABELS, A_BITS, L_BITS, Float32Array.from(q), {}, null, undefined, slots);
      const asInt = ParserModel.fromBuffer(
        new ParserModel(LABELS, A_BITS, L_BITS, q, {}, null, { action: 127, label: 127 }, slots).toBuffer(),
      );
      expect([...asInt.slots.move!]).toEqual([...slots.move]);
      expect([...asInt.slots.label!]).toEqual([...slots.label]);
      const all = new ParserModel(LABELS, A_BITS, L_BITS, Float32Array.from(q));
      let differs = 0;
      for (const [w, u, x] of SENTENCES) {
        const r = new GreedyParser(asInt).parse(w, u, x);
        expectTree(r.head);
        expect(r).toEqual(new GreedyParser(asFloat).parse(w, u, x));
        if (JSON.stringify(r) !== JSON.stringify(new GreedyParser(all).parse(w, u, x))) differs++;
      }
      // The same weights read through every slot parse differently: the subset is used.
      if (seed === 1) expect(differs).toBeGreaterThan(0);
    }
    expect(() => new BeamParser(m, 4)).toThrow(/every feature slot/);
  });

  it('refuses a model file of another format or a truncated one, saying what is wrong', () => {
    const buf = randomModel(3).toBuffer();
    const hlen = buf.readUInt32LE(4);
    const header = JSON.parse(buf.toString('utf8', 8, 8 + hlen)) as Record<string, unknown>;
    const json = Buffer.from(JSON.stringify({ ...header, format: 2 }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length, 0);
    const old = Buffer.concat([buf.subarray(0, 4), len, json, buf.subarray(8 + hlen)]);
    expect(() => ParserModel.fromBuffer(old)).toThrow(/format 2.*retrain/);
    expect(() => ParserModel.fromBuffer(Buffer.from('nope'))).toThrow(/bad magic/);
  });

  it('returns an empty tree for an empty sentence', () => {
    expect(new GreedyParser(randomModel(1)).parse([], [], [])).toEqual({ head: [], deprel: [] });
  });
});

const haveModel = parserModelAvailable();
if (!haveModel) console.warn(`skipping trained-parser tests: no model at ${PARSER_MODEL_PATH}`);

describe.skipIf(!haveModel)('trained parser (models/parser.bin)', () => {
  it('parses simple sentences into plausible trees', () => {
    for (const [w, u, x] of SENTENCES) expectTree(parse(w, u, x).head);
    const [w, u, x] = SENTENCES[0]!;
    const r = parse(w, u, x);
    expect(r.head[4]).toBe(-1);
    expect(r.deprel[4]).toBe('root');
    expect(r.head[3]).toBe(4);
    expect(r.deprel[3]).toBe('nsubj');
    expect(r.head[7]).toBe(4);
    expect(r.deprel[7]).toBe('obj');
  });

  function twoSentences(): Doc {
    const text = 'Police arrested two men. They were released on bail.';
    const doc = new Doc([text], emptyMeta({ language: 'en' }));
    const words = ['Police', 'arrested', 'two', 'men', '.', 'They', 'were', 'released', 'on', 'bail', '.'];
    const upos = ['NOUN', 'VERB', 'NUM', 'NOUN', 'PUNCT', 'PRON', 'AUX', 'VERB', 'ADP', 'NOUN', 'PUNCT'];
    const xpos = ['NNS', 'VBD', 'CD', 'NNS', '.', 'PRP', 'VBD', 'VBN', 'IN', 'NN', '.'];
    let at = 0;
    doc.tokens = words.map((w, i) => {
      const start = text.indexOf(w, at);
      at = start + w.length;
      return { start, end: at, upos: upos[i]!, xpos: xpos[i]! };
    });
    doc.sentences = [{ start: 0, end: 24 }, { start: 25, end: text.length }];
    return doc;
  }

  it('writes doc-level heads in the stage', () => {
    const doc = twoSentences();
    parserStage.run(doc);
    const heads = doc.tokens.map((t) => t.head);
    expect(heads[1]).toBe(-1);
    expect(heads[7]).toBe(-1);
    expect(heads[3]).toBe(1);
    expect(heads[5]).toBe(7);
    expect(doc.tokens[5]!.deprel).toBe('nsubj:pass');
  });

  it('parses a dateline apart from the sentence it opens, and hangs it from that sentence\'s root', () => {
    const text = 'HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of coercion.';
    const words = ['HANOI', ',', 'Vietnam', '(', 'AP', ')', '—', 'U.S.', 'Defense', 'Secretary', 'Mark', 'Esper', 'on', 'Wednesday', 'accused', 'China', 'of', 'coercion', '.'];
    const xpos = ['NNP', ',', 'NNP', '-LRB-', 'NNP', '-RRB-', ':', 'NNP', 'NNP', 'NNP', 'NNP', 'NNP', 'IN', 'NNP', 'VBD', 'NNP', 'IN', 'NN', '.'];
    const upos = xpos.map((x) => (x === 'VBD' ? 'VERB' : x === 'IN' ? 'ADP' : x === 'NN' ? 'NOUN' : x.startsWith('NNP') ? 'PROPN' : 'PUNCT'));
    const build = (dateline: boolean): Doc => {
      const doc = new Doc([text], { ...emptyMeta({ language: 'en' }), dateline: dateline ? { place: null, text: 'HANOI' } : null });
      let at = 0;
      doc.tokens = words.map((w, i) => {
        const start = text.indexOf(w, at);
        at = start + w.length;
        return { start, end: at, upos: upos[i]!, xpos: xpos[i]! };
      });
      doc.sentences = [{ start: 0, end: text.length }];
      parserStage.run(doc);
      return doc;
    };
    const plain = build(false);
    // Without the dateline known, the town is the subject (the treebank has no datelines).
    expect(plain.tokens[0]!.deprel).toBe('nsubj');
    const doc = build(true);
    const root = doc.tokens.findIndex((t) => t.head === -1);
    expect(words[root]).toBe('accused');
    expect(doc.tokens.filter((t) => t.head === -1)).toHaveLength(1);
    // The subject is the secretary's name ("U.S. Defense Secretary Mark Esper").
    const subject = doc.tokens.findIndex((t) => t.head === root && t.deprel === 'nsubj');
    expect(subject).toBeGreaterThanOrEqual(7);
    expect(subject).toBeLessThanOrEqual(11);
    // The dateline's own root hangs from the sentence's; its words stay inside it.
    const datelineRoots = doc.tokens.slice(0, 7).filter((t) => t.head === root);
    expect(datelineRoots.map((t) => t.deprel)).toEqual(['dep']);
    expect(doc.tokens.slice(0, 7).every((t) => t.head === root || (t.head! >= 0 && t.head! < 7))).toBe(true);
  });

  it('parses an agency\'s credit apart from the sentence it opens', () => {
    const text = '(Reuters) — The New York State Attorney General (NYAG) is investigating WeWork, according to two people familiar with the matter.';
    const words = ['(', 'Reuters', ')', '—', 'The', 'New', 'York', 'State', 'Attorney', 'General', '(', 'NYAG', ')', 'is', 'investigating', 'WeWork', ',', 'according', 'to', 'two', 'people', 'familiar', 'with', 'the', 'matter', '.'];
    const xpos = ['-LRB-', 'NNP', '-RRB-', ':', 'DT', 'NNP', 'NNP', 'NNP', 'NNP', 'NNP', '-LRB-', 'NNP', '-RRB-', 'VBZ', 'VBG', 'NNP', ',', 'VBG', 'IN', 'CD', 'NNS', 'JJ', 'IN', 'DT', 'NN', '.'];
    const uposOf: Record<string, string> = { NNP: 'PROPN', DT: 'DET', VBZ: 'AUX', VBG: 'VERB', IN: 'ADP', CD: 'NUM', NNS: 'NOUN', JJ: 'ADJ', NN: 'NOUN' };
    const doc = new Doc([text], emptyMeta({ language: 'en' }));
    let at = 0;
    doc.tokens = words.map((w, i) => {
      const start = text.indexOf(w, at);
      at = start + w.length;
      return { start, end: at, upos: uposOf[xpos[i]!] ?? 'PUNCT', xpos: xpos[i]! };
    });
    doc.sentences = [{ start: 0, end: text.length }];
    parserStage.run(doc);
    const root = doc.tokens.findIndex((t) => t.head === -1);
    expect(words[root]).toBe('investigating');
    // Read whole, the parser made the agency the subject; the attorney general is.
    const subject = doc.tokens.findIndex((t) => t.head === root && t.deprel === 'nsubj');
    expect(words[subject]).toBe('General');
    expect(doc.tokens.slice(0, 4).every((t) => t.head === root || (t.head! >= 0 && t.head! < 4))).toBe(true);
  });

  it('parses a sentence on demand only when asked, as the whole-document stage does', () => {
    const all = twoSentences();
    parserStage.run(all);
    const doc = twoSentences();
    parserOnDemandStage.run(doc);
    expect(doc.tokens.every((t) => t.head === undefined && t.deprel === undefined)).toBe(true);
    doc.parses!.ensure(7);
    expect(doc.parses!.parsed).toBe(1);
    expect(doc.tokens.slice(0, 5).every((t) => t.head === undefined)).toBe(true);
    expect(doc.tokens.slice(5)).toEqual(all.tokens.slice(5));
    doc.parses!.ensureAll();
    expect(doc.tokens).toEqual(all.tokens);
  });
});
