import { describe, expect, it } from 'vitest';
import { Beam, BeamParser, MAX_BEAM_WORDS } from './beam.js';
import { BEAM_PARSER_MODEL_PATH, decoderFor, parse, parserBeamWidth, PARSER_MODEL_PATH, parserModelPath } from './index.js';
import { ClusterTable } from './clusters.js';
import { finishTree, GreedyParser, validMoves } from './decode.js';
import { bestLabel, OPEN_LABELS } from './labelling.js';
import { classAction, classGroup } from './move-classes.js';
import type { ParseResult } from './decode.js';
import { finishedFeatures, makeView, MAX_FEATURES, UPOS_CLASS_COUNT } from './features.js';
import { groupOrder } from './label-groups.js';
import { ACTION_STRIDE, LABEL_STRIDE, N_CLASSES, ParserModel } from './model.js';
import type { StateLabels } from './model.js';
import { LEFT, N_ACTIONS, ParseState, RIGHT } from './transitions.js';

const LABELS = groupOrder(['root', 'nsubj', 'obj', 'det', 'punct', 'obl', 'case', 'amod', 'advmod', 'conj']);
const CLUSTERS = ClusterTable.fromTsv(
  ['#clusters', 'minister\t700\t12\t3', 'troops\t65000\t255\t7', 'Baku\t5\t1\t0', 'the\t9\t9\t9', 'fired\t77\t7\t7'].join('\n'),
);

/** Random Int8 weights, with clusters (so the decoders take their cached scoring path) or without. */
function randomModel(
  seed: number, clusters: ClusterTable | null, labelSlots: Int32Array | null = null, stateLabels: StateLabels = 'fine',
): ParserModel {
  const size = ACTION_STRIDE * 2 ** 8 + LABEL_STRIDE * 2 ** 6;
  const q = new Int8Array(size);
  let a = seed;
  for (let i = 0; i < size; i++) {
    a = (Math.imul(a, 1103515245) + 12345) | 0;
    q[i] = ((a >>> 8) % 61) - 30;
  }
  const m = new ParserModel(LABELS, 8, 6, q, {}, clusters, { action: 10, label: 10 }, { move: null, label: labelSlots }, stateLabels);
  return ParserModel.fromBuffer(m.toBuffer());
}

const SENTENCES: [string[], string[], string[]][] = [
  [
    ['Iran', "'s", 'foreign', 'minister', 'met', 'his', 'Azeri', 'counterpart', 'in', 'Baku', '.'],
    ['PROPN', 'PART', 'ADJ', 'NOUN', 'VERB', 'PRON', 'ADJ', 'NOUN', 'ADP', 'PROPN', 'PUNCT'],
    ['NNP', 'POS', 'JJ', 'NN', 'VBD', 'PRP$', 'JJ', 'NN', 'IN', 'NNP', '.'],
  ],
  [['Hello'], ['INTJ'], ['UH']],
  [
    ['Troops', 'fired', 'on', 'protesters', ',', 'officials', 'said', 'on', 'Tuesday', 'in', 'the', 'capital', '.'],
    ['NOUN', 'VERB', 'ADP', 'NOUN', 'PUNCT', 'NOUN', 'VERB', 'ADP', 'PROPN', 'ADP', 'DET', 'NOUN', 'PUNCT'],
    ['NNS', 'VBD', 'IN', 'NNS', ',', 'NNS', 'VBD', 'IN', 'NNP', 'IN', 'DT', 'NN', '.'],
  ],
];

/** Word classes of the test sentences' tags (features.ts's uposClass). */
const CLASS_OF: Record<string, number> = { PROPN: 0, NOUN: 0, PRON: 1, VERB: 2, ADJ: 4, INTJ: 5, ADP: 6, DET: 7, PART: 7, PUNCT: 8 };

/**
 * Beam search written plainly: a hypothesis is its list of moves, its state
 * rebuilt from scratch whenever needed, every score summed over all features.
 * With `recombine`, a hypothesis whose buffer front, stack, headless count and
 * features equal those of a better one kept this step adds no candidates.
 * An arc's fine label is chosen when it is built, on the state its path leads to
 * with fine labels, even where the search's states record only its group
 * (StateLabels); the tree takes the fine labels.
 */
function referenceBeam(
  m: ParserModel, width: number, words: string[], upos: string[], xpos: string[], recombine = true,
): ParseResult {
  // The margin, in the Int8 sums' units: no candidate further than it below the best is kept.
  const margin = m.beamMargin * m.scales.action;
  const n = words.length;
  const view = makeView(words, upos, xpos, m.clusters);
  // A move: its class, what the state records of it, its fine label.
  type Move = [number, number, number];
  const replay = (moves: Move[], fineLabels = false): ParseState => {
    const st = new ParseState();
    st.reset(n);
    for (const [c, recorded, label] of moves) st.apply(classAction(c), fineLabels ? label : recorded);
    return st;
  };
  const fh = new Uint32Array(MAX_FEATURES);
  const addr = new Int32Array(MAX_FEATURES);
  let beam: Array<{ moves: Move[]; score: number }> = [{ moves: [], score: 0 }];
  for (let step = 0; step < 2 * n; step++) {
    const cands: Array<{ h: number; c: number; score: number }> = [];
    const seen: string[] = [];
    beam.forEach((h, hi) => {
      const st = replay(h.moves);
      const classes = new Uint8Array(N_CLASSES);
      const nValid = validMoves(st, m, new Uint8Array(N_ACTIONS), classes);
      const scores = new Int32Array(ACTION_STRIDE);
      if (nValid > 1) {
        const nf = finishedFeatures(st, view, fh);
        const key = JSON.stringify([st.b, st.headless, [...st.stack.subarray(0, st.sp)], [...fh.subarray(0, nf)]]);
        if (recombine && seen.includes(key)) return;
        seen.push(key);
        m.actionScoresInt(fh, nf, scores, addr);
      }
      for (let c = 0; c < N_CLASSES; c++) if (classes[c] === 1) cands.push({ h: hi, c, score: h.score + scores[c]! });
    });
    // Stable sort: equal scores keep the earlier hypothesis and class.
    cands.sort((a, b) => b.score - a.score);
    const kept = cands.slice(0, width).filter((x) => margin === 0 || x.score >= cands[0]!.score - margin);
    beam = kept.map(({ h, c, score }) => {
      const parent = beam[h]!;
      const st = replay(parent.moves);
      const a = classAction(c);
      let label = -1;
      if (a === LEFT || a === RIGHT) {
        label = a === LEFT ? st.forcedLeftLabel(m.rootLabel) : -1;
        // Fine labels: from the move's group; with group states, from every open group's
        // unless the move chose function words or punctuation.
        const among = m.stateLabels === 'fine' || [3, 5].includes(classGroup(c)) ? classGroup(c) : OPEN_LABELS;
        if (label < 0 && among >= 0) label = m.soleLabel[among]!;
        if (label < 0) {
          const out = new Int32Array(LABEL_STRIDE);
          const count = { n: 0 };
          // The label classifier reads a state that records fine labels.
          const lf = m.pick('label', fh, finishedFeatures(replay(parent.moves, true), view, fh), new Uint32Array(MAX_FEATURES), count);
          m.labelScoresInt(lf, count.n, a, among, out, addr);
          label = bestLabel(out, m, among);
        }
      }
      const d = a === LEFT ? st.stack[st.sp - 1]! : st.b;
      const k = CLASS_OF[upos[d]!]!;
      const recorded = label < 0 || m.stateLabels === 'fine' ? label
        : label === m.rootLabel ? m.stateRoot : m.stateLabels === 'group' ? classGroup(c) : classGroup(c) * UPOS_CLASS_COUNT + k;
      return { moves: [...parent.moves, [c, recorded, label] as Move], score };
    });
  }
  const best = beam[0]!.moves;
  const st = new ParseState();
  st.reset(n);
  const fine = new Int32Array(n);
  for (const [c, recorded, label] of best) {
    const a = classAction(c);
    if (a === LEFT) fine[st.stack[st.sp - 1]!] = label;
    if (a === RIGHT) fine[st.b] = label;
    st.apply(a, recorded);
  }
  return finishTree(st, m, m.stateLabels !== 'fine' ? fine : null);
}

describe('beam decoding', () => {
  it('with width 1 is greedy decoding', () => {
    for (const clusters of [CLUSTERS, null]) {
      for (let seed = 1; seed <= 8; seed++) {
        const m = randomModel(seed, clusters);
        const greedy = new GreedyParser(m);
        const beam = new BeamParser(m, 1);
        for (const s of SENTENCES) expect(beam.parse(...s)).toEqual(greedy.parse(...s));
      }
    }
  });

  it('finds what a plain recombining beam search finds, across sentences and widths (cached sums, moved and copied states)', () => {
    let differs = 0;
    for (const clusters of [CLUSTERS, null]) {
      for (let seed = 1; seed <= 6; seed++) {
        const m = randomModel(seed * 17, clusters);
        for (const width of [2, 3, 5]) {
          // One parser for all sentences: its pooled states and caches carry over.
          const beam = new BeamParser(m, width);
          for (const s of [...SENTENCES, ...SENTENCES.slice().reverse()]) {
            const got = beam.parse(...s);
            expect(got).toEqual(referenceBeam(m, width, ...s));
            if (JSON.stringify(got) !== JSON.stringify(new GreedyParser(m).parse(...s))) differs++;
          }
        }
      }
    }
    // The search matters: some beams end elsewhere than greedy decoding.
    expect(differs).toBeGreaterThan(5);
  });

  it('with a margin, keeps no candidate further than it below the best: fewer hypotheses, some parses changed', () => {
    let changed = 0;
    for (const clusters of [CLUSTERS, null]) {
      for (let seed = 1; seed <= 6; seed++) {
        const whole = randomModel(seed * 31, clusters);
        // Real score units: the test models' Int8 sums are ten times these.
        const m = whole.withBeamMargin(8);
        for (const width of [3, 5]) {
          const beam = new BeamParser(m, width);
          const wide = new BeamParser(whole, width);
          for (const s of [...SENTENCES, ...SENTENCES.slice().reverse()]) {
            const got = beam.parse(...s);
            expect(got).toEqual(referenceBeam(m, width, ...s));
            if (JSON.stringify(got) !== JSON.stringify(wide.parse(...s))) changed++;
          }
          expect(beam.meanBeamSize).toBeLessThan(wide.meanBeamSize);
          expect(beam.meanBeamSize).toBeGreaterThanOrEqual(1);
        }
      }
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('recombines only when asked: the trainer searches plainly, and recombining changes some parses', () => {
    let changed = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const m = randomModel(seed * 29, CLUSTERS);
      for (const width of [3, 5]) {
        const beam = new Beam(width);
        for (const s of SENTENCES) {
          const view = makeView(...s, m.clusters);
          beam.start(s[0].length);
          while (!beam.done()) {
            beam.select(m, view);
            beam.advance(m, view);
          }
          const plain = finishTree(beam.items[0]!.st, m);
          expect(plain).toEqual(referenceBeam(m, width, ...s, false));
          if (JSON.stringify(plain) !== JSON.stringify(referenceBeam(m, width, ...s, true))) changed++;
        }
      }
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('decodes a model whose label table reads a subset of the slots, and refuses one whose move table does', () => {
    const some = Int32Array.from([0, 1, 2, 4, 5, 41, 44, 50, 84, 85]);
    let differs = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const m = randomModel(seed * 13, CLUSTERS, some);
      const all = randomModel(seed * 13, CLUSTERS);
      const beam = new BeamParser(m, 3);
      for (const s of SENTENCES) {
        const got = beam.parse(...s);
        expect(got).toEqual(referenceBeam(m, 3, ...s));
        if (JSON.stringify(got) !== JSON.stringify(new BeamParser(all, 3).parse(...s))) differs++;
      }
    }
    // The subset is read: labels come out otherwise than from every slot.
    expect(differs).toBeGreaterThan(0);
    const moves = new ParserModel(LABELS, 8, 6, new Int8Array(ACTION_STRIDE * 2 ** 8 + LABEL_STRIDE * 2 ** 6), {}, null, undefined, { move: Int32Array.from([0, 1]), label: null });
    expect(() => new BeamParser(moves, 3)).toThrow(/move table reads every feature slot/);
  });

  it.each(['group', 'group-class'] as const)('decodes a model whose states record %s labels: fine labels chosen for the best parse after the search equal those chosen at each arc', (mode) => {
    let differs = 0;
    for (const clusters of [CLUSTERS, null]) {
      for (let seed = 1; seed <= 6; seed++) {
        const m = randomModel(seed * 23, clusters, null, mode);
        const fine = randomModel(seed * 23, clusters);
        // Width 1, and the greedy parser a beam hands long sentences to, decode it alike.
        for (const s of SENTENCES) expect(new BeamParser(m, 1).parse(...s)).toEqual(new GreedyParser(m).parse(...s));
        for (const width of [2, 3, 5]) {
          const beam = new BeamParser(m, width);
          for (const s of [...SENTENCES, ...SENTENCES.slice().reverse()]) {
            const got = beam.parse(...s);
            expect(got).toEqual(referenceBeam(m, width, ...s));
            if (JSON.stringify(got) !== JSON.stringify(new BeamParser(fine, width).parse(...s))) differs++;
          }
        }
      }
    }
    // The features read groups: parses come out otherwise than with fine labels.
    expect(differs).toBeGreaterThan(5);
    const m = randomModel(7, CLUSTERS, null, mode);
    expect(ParserModel.fromBuffer(m.toBuffer()).stateLabels).toBe(mode);
    expect(randomModel(7, CLUSTERS).stateLabels).toBe('fine');
  });

  it('yields one well-formed tree per sentence, and an empty one for no words', () => {
    const p = new BeamParser(randomModel(3, CLUSTERS), 4);
    for (const [w, u, x] of SENTENCES) {
      const r = p.parse(w, u, x);
      expect(r.head).toHaveLength(w.length);
      expect(r.head.filter((h) => h === -1)).toHaveLength(1);
      for (let i = 0; i < w.length; i++) {
        let j = i;
        for (let steps = 0; j !== -1; steps++) {
          expect(steps).toBeLessThanOrEqual(w.length);
          j = r.head[j]!;
        }
      }
    }
    expect(p.parse([], [], [])).toEqual({ head: [], deprel: [] });
    // A very long "sentence" is decoded greedily (bounded time), still as one tree.
    const n = MAX_BEAM_WORDS + 600;
    const long = SENTENCES[2]!.map((col) => Array.from({ length: n }, (_, i) => col[i % col.length]!)) as [string[], string[], string[]];
    const r = p.parse(...long);
    expect(r).toEqual(new GreedyParser(randomModel(3, CLUSTERS)).parse(...long));
    expect(r.head.filter((h) => h === -1)).toHaveLength(1);
    expect(() => new BeamParser(randomModel(1, null), 0)).toThrow(/beam width/);
  });
});

describe('choosing the parser model', () => {
  it('follows NEWSGRAPH_PARSER_MODEL ("beam" or a path), and names a missing model file', () => {
    const before = process.env.NEWSGRAPH_PARSER_MODEL;
    try {
      delete process.env.NEWSGRAPH_PARSER_MODEL;
      expect(parserModelPath()).toBe(PARSER_MODEL_PATH);
      process.env.NEWSGRAPH_PARSER_MODEL = 'beam';
      expect(parserModelPath()).toBe(BEAM_PARSER_MODEL_PATH);
      process.env.NEWSGRAPH_PARSER_MODEL = '/nonexistent/parser.bin';
      expect(() => parse(['Hello'], ['INTJ'], ['UH'])).toThrow(/\/nonexistent\/parser\.bin.*NEWSGRAPH_PARSER_MODEL/);
    } finally {
      if (before === undefined) delete process.env.NEWSGRAPH_PARSER_MODEL;
      else process.env.NEWSGRAPH_PARSER_MODEL = before;
    }
  });

  it('takes a beam width from NEWSGRAPH_PARSER_BEAM, refusing what is not one', () => {
    const before = process.env.NEWSGRAPH_PARSER_BEAM;
    try {
      delete process.env.NEWSGRAPH_PARSER_BEAM;
      expect(parserBeamWidth()).toBeUndefined();
      process.env.NEWSGRAPH_PARSER_BEAM = '4';
      expect(parserBeamWidth()).toBe(4);
      for (const bad of ['0', 'wide', '2.5', '1000']) {
        process.env.NEWSGRAPH_PARSER_BEAM = bad;
        expect(() => parserBeamWidth()).toThrow(new RegExp(`NEWSGRAPH_PARSER_BEAM.*"${bad.replace('.', '\\.')}"`));
      }
    } finally {
      if (before === undefined) delete process.env.NEWSGRAPH_PARSER_BEAM;
      else process.env.NEWSGRAPH_PARSER_BEAM = before;
    }
  });

  it('decodes a model with the beam its header names, greedily otherwise, or as asked', () => {
    const m = randomModel(5, CLUSTERS);
    expect(decoderFor(m)).toBeInstanceOf(GreedyParser);
    const beamed = new ParserModel(m.labels, m.actionBits, m.labelBits, m.weights, { beam: 6 }, m.clusters, m.scales);
    const d = decoderFor(beamed);
    expect(d).toBeInstanceOf(BeamParser);
    expect((d as BeamParser).width).toBe(6);
    expect(decoderFor(beamed, 1)).toBeInstanceOf(GreedyParser);
  });

  it('keeps a beam margin in the model header, decodes with it unless told another, and refuses a negative one', () => {
    const m = randomModel(5, CLUSTERS);
    expect(m.beamMargin).toBe(0);
    const narrowed = ParserModel.fromBuffer(m.withBeamMargin(12.5).toBuffer());
    expect(narrowed.beamMargin).toBe(12.5);
    expect(Buffer.compare(narrowed.withBeamMargin(0).toBuffer(), m.toBuffer())).toBe(0);
    expect((decoderFor(narrowed, 3) as BeamParser).model.beamMargin).toBe(12.5);
    expect((decoderFor(narrowed, 3, 0) as BeamParser).model.beamMargin).toBe(0);
    expect(() => m.withBeamMargin(-1)).toThrow(/beam margin/);
    expect(() => m.withBeamMargin(Number.NaN)).toThrow(/beam margin/);
  });
});
