/**
 * The bulk feature hashing of extractFeatures must give exactly the hashes of
 * the original per-template code below (a verbatim copy of features.ts before
 * it was optimised): the weights in models/parser.bin are addressed by them,
 * and training shares extractFeatures. validActions (closed form) is checked
 * against ParseState.validAction on the same states.
 */
import { describe, expect, it } from 'vitest';
import { ClusterTable } from './clusters.js';
import { BUFFER_SLOTS, extractFeatures, PAIR_SLOTS, STATE_SLOTS, featureHash, makeView, MAX_FEATURES } from './features.js';
import { WordCache } from './word-cache.js';
import type { SentenceView } from './features.js';
import { validActions } from './decode.js';
import { combine } from './hash.js';
import { LEFT, N_ACTIONS, ParseState, RIGHT } from './transitions.js';

const NIL = 0x5bd1e995 | 0;

function f1(t: number, a: number): number {
  return combine(combine(t * 0x9e3779b1, a), 1);
}
function f2(t: number, a: number, b: number): number {
  return combine(combine(combine(t * 0x9e3779b1, a), b), 2);
}
function f3(t: number, a: number, b: number, c: number): number {
  return combine(combine(combine(combine(t * 0x9e3779b1, a), b), c), 3);
}

/** Distance s0→n0 in coarse bins; the root token gets its own bin. */
function distanceBin(st: ParseState, s0: number, n0: number): number {
  if (s0 < 0) return 0;
  if (n0 === st.n) return 9;
  const d = n0 - s0;
  if (d <= 5) return d;
  if (d <= 7) return 6;
  if (d <= 10) return 7;
  return 8;
}

/** Fills `out` with feature hashes for the current state; returns how many. */
function referenceFeatures(st: ParseState, v: SentenceView, out: Int32Array): number {
  const { word, tag, upos, suffix } = v;
  const n = st.n;
  const s0 = st.sp > 0 ? st.stack[st.sp - 1]! : -1;
  const s1 = st.sp > 1 ? st.stack[st.sp - 2]! : -1;
  const n0 = st.b;
  const n1 = n0 + 1 <= n ? n0 + 1 : -1;
  const n2 = n0 + 2 <= n ? n0 + 2 : -1;
  const W = (i: number): number => (i >= 0 ? word[i]! : NIL);
  const P = (i: number): number => (i >= 0 ? tag[i]! : NIL);
  const L = (i: number): number => (i >= 0 ? st.label[i]! + 1 : -7);

  const s0h = s0 >= 0 ? st.head[s0]! : -1;
  const s0h2 = s0h >= 0 ? st.head[s0h]! : -1;
  const s0l = s0 >= 0 ? st.lc1[s0]! : -1;
  const s0l2 = s0 >= 0 ? st.lc2[s0]! : -1;
  const s0r = s0 >= 0 ? st.rc1[s0]! : -1;
  const s0r2 = s0 >= 0 ? st.rc2[s0]! : -1;
  const n0l = st.lc1[n0]!;
  const n0l2 = st.lc2[n0]!;

  const s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0);
  const n1w = W(n1), n1p = P(n1), n2w = W(n2), n2p = P(n2);
  const s1w = W(s1), s1p = P(s1);
  const s0hp = P(s0h), s0lp = P(s0l), s0rp = P(s0r), n0lp = P(n0l);
  const d = distanceBin(st, s0, n0);
  const vl0 = s0 >= 0 ? st.nLeft[s0]! : -1;
  const vr0 = s0 >= 0 ? st.nRight[s0]! : -1;
  const vln = st.nLeft[n0]!;
  const slS0 = s0 >= 0 ? combine(st.leftLo[s0]!, st.leftHi[s0]!) : NIL;
  const srS0 = s0 >= 0 ? combine(st.rightLo[s0]!, st.rightHi[s0]!) : NIL;
  const slN0 = combine(st.leftLo[n0]!, st.leftHi[n0]!);

  let k = 0;
  out[k++] = f1(0, 0);
  // single words
  out[k++] = f1(1, s0w);
  out[k++] = f1(2, s0p);
  out[k++] = f2(3, s0w, s0p);
  out[k++] = f1(4, n0w);
  out[k++] = f1(5, n0p);
  out[k++] = f2(6, n0w, n0p);
  out[k++] = f1(7, n1w);
  out[k++] = f1(8, n1p);
  out[k++] = f2(9, n1w, n1p);
  out[k++] = f1(10, n2w);
  out[k++] = f1(11, n2p);
  out[k++] = f2(12, n2w, n2p);
  // word pairs
  out[k++] = f3(13, combine(s0w, s0p), n0w, n0p);
  out[k++] = f3(14, s0w, s0p, n0w);
  out[k++] = f3(15, s0w, n0w, n0p);
  out[k++] = f3(16, s0w, s0p, n0p);
  out[k++] = f3(17, s0p, n0w, n0p);
  out[k++] = f2(18, s0w, n0w);
  out[k++] = f2(19, s0p, n0p);
  out[k++] = f2(20, n0p, n1p);
  // three tags
  out[k++] = f3(21, n0p, n1p, n2p);
  out[k++] = f3(22, s0p, n0p, n1p);
  out[k++] = f3(23, s0hp, s0p, n0p);
  out[k++] = f3(24, s0p, s0lp, n0p);
  out[k++] = f3(25, s0p, s0rp, n0p);
  out[k++] = f3(26, s0p, n0p, n0lp);
  // distance
  out[k++] = f2(27, s0w, d);
  out[k++] = f2(28, s0p, d);
  out[k++] = f2(29, n0w, d);
  out[k++] = f2(30, n0p, d);
  out[k++] = f3(31, s0w, n0w, d);
  out[k++] = f3(32, s0p, n0p, d);
  // valency
  out[k++] = f2(33, s0w, vr0);
  out[k++] = f2(34, s0p, vr0);
  out[k++] = f2(35, s0w, vl0);
  out[k++] = f2(36, s0p, vl0);
  out[k++] = f2(37, n0w, vln);
  out[k++] = f2(38, n0p, vln);
  // unigrams of heads and children
  out[k++] = f1(39, W(s0h));
  out[k++] = f1(40, s0hp);
  out[k++] = f1(41, L(s0));
  out[k++] = f1(42, W(s0l));
  out[k++] = f1(43, s0lp);
  out[k++] = f1(44, L(s0l));
  out[k++] = f1(45, W(s0r));
  out[k++] = f1(46, s0rp);
  out[k++] = f1(47, L(s0r));
  out[k++] = f1(48, W(n0l));
  out[k++] = f1(49, n0lp);
  out[k++] = f1(50, L(n0l));
  // third order
  out[k++] = f1(51, W(s0h2));
  out[k++] = f1(52, P(s0h2));
  out[k++] = f1(53, L(s0h));
  out[k++] = f1(54, W(s0l2));
  out[k++] = f1(55, P(s0l2));
  out[k++] = f1(56, L(s0l2));
  out[k++] = f1(57, W(s0r2));
  out[k++] = f1(58, P(s0r2));
  out[k++] = f1(59, L(s0r2));
  out[k++] = f1(60, W(n0l2));
  out[k++] = f1(61, P(n0l2));
  out[k++] = f1(62, L(n0l2));
  out[k++] = f3(63, s0p, s0lp, P(s0l2));
  out[k++] = f3(64, s0p, s0rp, P(s0r2));
  out[k++] = f3(65, s0p, s0hp, P(s0h2));
  out[k++] = f3(66, n0p, n0lp, P(n0l2));
  // label sets
  out[k++] = f2(67, s0w, srS0);
  out[k++] = f2(68, s0p, srS0);
  out[k++] = f2(69, s0w, slS0);
  out[k++] = f2(70, s0p, slS0);
  out[k++] = f2(71, n0w, slN0);
  out[k++] = f2(72, n0p, slN0);
  // s1 and extras
  out[k++] = f1(73, s1w);
  out[k++] = f1(74, s1p);
  out[k++] = f2(75, s1p, s0p);
  out[k++] = f3(76, s1p, s0p, n0p);
  out[k++] = f2(77, s1w, s0w);
  out[k++] = f2(78, s0 >= 0 ? upos[s0]! : NIL, upos[n0]!);
  out[k++] = f1(79, n0 < n ? suffix[n0]! : NIL);
  out[k++] = f1(80, s0 >= 0 ? suffix[s0]! : NIL);
  out[k++] = f2(81, L(s0), n0p);
  out[k++] = f3(82, L(s0), s0p, n0p);
  out[k++] = f2(83, Math.min(st.headless, 3), n0 === n ? 1 : 0);
  const c = v.clusters;
  if (c) {
    // Koo et al. (2008)-style cluster features, in place of or beside words.
    const M = (i: number): number => (i >= 0 ? c.mid[i]! : -3);
    const s0m = M(s0), n0m = M(n0), n1m = M(n1);
    out[k++] = f1(100, s0m);
    out[k++] = f1(101, n0m);
    out[k++] = f1(102, n1m);
    out[k++] = f1(103, s0 >= 0 ? c.fine[s0]! : -3);
    out[k++] = f1(104, c.fine[n0]!);
    out[k++] = f2(105, s0m, n0m);
    out[k++] = f2(106, s0m, n0p);
    out[k++] = f2(107, s0p, n0m);
    out[k++] = f3(108, s0 >= 0 ? c.coarse[s0]! : -3, c.coarse[n0]!, n1 >= 0 ? c.coarse[n1]! : -3);
    out[k++] = f3(109, M(s0h), s0m, n0p);
    out[k++] = f2(110, n0m, n1m);
    out[k++] = f3(111, s0m, n0m, d);
    out[k++] = f2(112, s0p, M(s0l));
    out[k++] = f2(113, n0p, M(n0l));
  }
  return k;
}

const LABELS = 40;
const ROOT = 3;

function rand(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return (a >>> 8) / 16777216;
  };
}

/** Walks random valid transition sequences and compares both extractors at every state. */
function compareOn(view: SentenceView, seed: number): number {
  const st = new ParseState(4);
  const r = rand(seed);
  const got = new Int32Array(MAX_FEATURES);
  const want = new Int32Array(MAX_FEATURES);
  let states = 0;
  st.reset(view.n);
  while (!st.terminal()) {
    const k = extractFeatures(st, view, got);
    const k2 = referenceFeatures(st, view, want);
    expect(k).toBe(k2);
    expect(Array.from(got.subarray(0, k))).toEqual(Array.from(want.subarray(0, k2)));
    states++;
    const valid: number[] = [];
    for (let a = 0; a < N_ACTIONS; a++) if (st.validAction(a)) valid.push(a);
    // validActions is the closed form of ParseState.validAction over all actions.
    const flags = new Uint8Array(N_ACTIONS);
    expect(validActions(st, flags)).toBe(valid.length);
    expect(Array.from(flags).flatMap((f, a) => (f === 1 ? [a] : []))).toEqual(valid);
    const a = valid[Math.floor(r() * valid.length)]!;
    let label = -1;
    if (a === LEFT || a === RIGHT) {
      const labels = Array.from({ length: LABELS }, (_, l) => l).filter((l) => st.validLabel(a, l, ROOT));
      expect(labels.length).toBeGreaterThan(0);
      label = labels[Math.floor(r() * labels.length)]!;
    }
    st.apply(a, label);
  }
  return states;
}

const WORDS = 'The Azeri minister ’s talks in Baku on 12 March , 2020 ended “ well ” ; truce holds .'.split(' ');
const UPOS = WORDS.map((_, i) => ['DET', 'ADJ', 'NOUN', 'PART', 'NOUN', 'ADP', 'PROPN', 'PUNCT'][i % 8]!);
const XPOS = WORDS.map((_, i) => ['DT', 'JJ', 'NN', 'POS', 'NNS', 'IN', 'NNP', ','][i % 8]!);

describe('extractFeatures', () => {
  it('matches the per-template reference hashes, without clusters', () => {
    let states = 0;
    for (let n = 1; n <= WORDS.length; n += 3) {
      const view = makeView(WORDS.slice(0, n), UPOS.slice(0, n), XPOS.slice(0, n));
      for (let seed = 1; seed <= 5; seed++) states += compareOn(view, seed * 7919 + n);
    }
    expect(states).toBeGreaterThan(100);
  });

  it('matches the per-template reference hashes, with clusters', () => {
    const tsv = ['#clusters', 'minister\t700\t12\t3', 'truce\t65000\t255\t7', 'Baku\t5\t1\t0', 'the\t9\t9\t9'].join('\n');
    const clusters = ClusterTable.fromTsv(tsv);
    let states = 0;
    for (let n = 2; n <= WORDS.length; n += 4) {
      const view = makeView(WORDS.slice(0, n), UPOS.slice(0, n), XPOS.slice(0, n), clusters);
      for (let seed = 1; seed <= 5; seed++) states += compareOn(view, seed * 104729 + n);
    }
    expect(states).toBeGreaterThan(100);
  });

  it('builds the same view with a word cache as without, across sentences, growth and clearing', () => {
    const tsv = ['#clusters', 'minister\t700\t12\t3', 'truce\t65000\t255\t7', 'Baku\t5\t1\t0', 'the\t9\t9\t9'].join('\n');
    const clusters = ClusterTable.fromTsv(tsv);
    for (const [table, limit] of [[clusters, 5], [clusters, 100_000], [null, 7]] as const) {
      const cache = new WordCache(table, limit);
      for (let n = 1; n <= WORDS.length; n += 2) {
        const args = [WORDS.slice(0, n), UPOS.slice(0, n), XPOS.slice(0, n), table] as const;
        expect(makeView(...args, cache)).toEqual(makeView(...args));
      }
    }
    expect(() => makeView(['a'], ['X'], ['X'], clusters, new WordCache(null))).toThrow(/other clusters/);
  });

  it('refills a reused view to the same values, longer sentence or shorter, and hashes only the asked slots', () => {
    const tsv = ['#clusters', 'minister\t700\t12\t3', 'truce\t65000\t255\t7', 'Baku\t5\t1\t0', 'the\t9\t9\t9'].join('\n');
    const clusters = ClusterTable.fromTsv(tsv);
    const cache = new WordCache(clusters);
    let reused: ReturnType<typeof makeView> | null = null;
    const only = Int32Array.from([0, 3, 13, 41, 84, 97]);
    const all = new Int32Array(MAX_FEATURES);
    const some = new Int32Array(MAX_FEATURES).fill(12345);
    for (const n of [3, WORDS.length, 1, 9, WORDS.length]) {
      const args = [WORDS.slice(0, n), UPOS.slice(0, n), XPOS.slice(0, n), clusters] as const;
      const fresh = makeView(...args);
      reused = makeView(...args, cache, reused);
      expect(reused.n).toBe(n);
      for (const k of ['word', 'tag', 'upos', 'suffix'] as const) expect(reused[k].subarray(0, n + 1)).toEqual(fresh[k]);
      for (const k of ['fine', 'mid', 'coarse'] as const) expect(reused.clusters![k].subarray(0, n + 1)).toEqual(fresh.clusters![k]);
      const st = new ParseState(4);
      st.reset(n);
      expect(extractFeatures(st, reused, some, only)).toBe(extractFeatures(st, fresh, all));
      for (let k = 0; k < 98; k++) expect(some[k]).toBe(only.includes(k) ? all[k] : 12345);
    }
  });

  it('featureHash is the definition f1 / f2 / f3', () => {
    expect(featureHash(0, [0])).toBe(f1(0, 0));
    expect(featureHash(7, [-5])).toBe(f1(7, -5));
    expect(featureHash(13, [combine(1, 2), NIL, 3])).toBe(f3(13, combine(1, 2), NIL, 3));
    expect(featureHash(113, [0x7fffffff, -0x80000000])).toBe(f2(113, 0x7fffffff, -0x80000000));
  });

  it('BUFFER_SLOTS depend only on b, PAIR_SLOTS only on (s0, b), and the three groups cover every slot once', () => {
    const tsv = ['#clusters', 'minister\t700\t12\t3', 'truce\t65000\t255\t7', 'Baku\t5\t1\t0', 'the\t9\t9\t9'].join('\n');
    const view = makeView(WORDS, UPOS, XPOS, ClusterTable.fromTsv(tsv));
    const all = [...BUFFER_SLOTS, ...PAIR_SLOTS, ...STATE_SLOTS].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 98 }, (_, k) => k));
    const byB = new Map<number, string>();
    const byPair = new Map<string, string>();
    const seenPairs = new Map<string, Set<string>>();
    const got = new Int32Array(MAX_FEATURES);
    let repeats = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const r = rand(seed * 31337);
      const st = new ParseState(4);
      st.reset(view.n);
      while (!st.terminal()) {
        expect(extractFeatures(st, view, got)).toBe(98);
        const s0 = st.sp > 0 ? st.stack[st.sp - 1]! : -1;
        const b = Array.from(BUFFER_SLOTS, (k) => got[k]).join(',');
        const p = Array.from(PAIR_SLOTS, (k) => got[k]).join(',');
        const rest = Array.from(STATE_SLOTS, (k) => got[k]).join(',');
        expect(byB.get(st.b) ?? b).toBe(b);
        byB.set(st.b, b);
        const key = `${s0}/${st.b}`;
        expect(byPair.get(key) ?? p).toBe(p);
        byPair.set(key, p);
        const rests = seenPairs.get(key) ?? new Set<string>();
        if (rests.size > 0 && !rests.has(rest)) repeats++;
        seenPairs.set(key, rests.add(rest));
        const valid: number[] = [];
        for (let a = 0; a < N_ACTIONS; a++) if (st.validAction(a)) valid.push(a);
        const a = valid[Math.floor(r() * valid.length)]!;
        let label = -1;
        if (a === LEFT || a === RIGHT) {
          const labels = Array.from({ length: LABELS }, (_, l) => l).filter((l) => st.validLabel(a, l, ROOT));
          label = labels[Math.floor(r() * labels.length)]!;
        }
        st.apply(a, label);
      }
    }
    // The check has teeth: the same (s0, b) was met in states that differ elsewhere.
    expect(repeats).toBeGreaterThan(20);
  });
});
