/**
 * Feature extraction shared by training and inference, per document (the unit of the
 * document-level features). Every feature is the 32-bit FNV-1a hash of a template
 * string such as `lw-1,0=the|foreign`; the model masks the hash to its table size.
 * The strings are never built per token: a word type's own and neighbour features are
 * hashed once per type (word-types.ts), and pairs continue the FNV state over the
 * second word, which gives the same values (speed.test.ts). Changing a template here
 * or there changes the model's meaning, so bump FEATURE_VERSION and retrain.
 */
import { registerScratch, roomFor } from '../../core/scratch.js';
import { CAP_ROLES, capRole, capRoleCount, caseForm, computeDocStats, seenLower } from './doc-stats.js';
import { gazetteerLabels } from './gazetteer-labels.js';
import { fnv1a, fnvChar, fnvOn, PIPE } from './hash.js';
import type { NerResources } from './resources.js';
import {
  cachedTokenInfo, K, ROLE_AT, trimCache, typeCache, type TokenInfo, type TypeCache, type WordType,
} from './word-types.js';

export const FEATURE_VERSION = 1;

/** Hashed features of one sentence: token i owns hashes[offsets[i] .. offsets[i+1]). */
export interface SentenceFeatures {
  hashes: Uint32Array;
  offsets: Int32Array;
}

/** A document's word types and statistics, ready for the feature writer. */
interface Analysed {
  res: NerResources;
  cache: TypeCache;
  /** computeDocStats's stamp for this document's DocWords. */
  stamp: number;
  allCaps: boolean[];
  /** Each sentence's types between two pads on each side: sentence s's token i is ctx[ctxStart[s] + 2 + i]. */
  ctx: TokenInfo[];
  /** Buffers reused by the next document (longer than its sentences). */
  ctxStart: Int32Array;
  /** Sentence s's tokens are tokenStart[s] .. tokenStart[s + 1] in document order. */
  tokenStart: Int32Array;
}

/** First sizes of the reused buffers below (by sentences, tokens and hashes); they grow as needed. */
const FIRST_SENTENCES = 256;
const FIRST_TOKENS = 1024;
const FIRST_HASHES = 4096;

let ctxStartBuf!: Int32Array;
let tokenStartBuf!: Int32Array;

function analyse(raw: readonly (readonly string[])[], res: NerResources): Analysed {
  const cache = typeCache(res);
  trimCache(cache);
  // Filled in loops, not mapped: see tagTokens (pos/load.ts).
  const types: TokenInfo[][] = [];
  for (const s of raw) {
    const ts = new Array<TokenInfo>(s.length);
    for (let i = 0; i < s.length; i++) ts[i] = cachedTokenInfo(s[i]!, cache, res);
    types.push(ts);
  }
  const { stamp, allCaps } = computeDocStats(types);
  const ctx: TokenInfo[] = [];
  // Reused: a typed array per document of more than 64 bytes gets an off-heap store, slow to make and to collect.
  if (tokenStartBuf.length < raw.length + 1) {
    ctxStartBuf = new Int32Array(roomFor(raw.length));
    tokenStartBuf = new Int32Array(roomFor(raw.length + 1));
  }
  const ctxStart = ctxStartBuf;
  const tokenStart = tokenStartBuf;
  tokenStart[0] = 0;
  types.forEach((ts, si) => {
    ctxStart[si] = ctx.length;
    tokenStart[si + 1] = tokenStart[si]! + ts.length;
    // A loop, not a spread: a spread passes every token as an argument, and a "sentence"
    // of ~100k tokens (a scrape without punctuation) overflows the call stack.
    ctx.push(cache.pad, cache.pad);
    for (const t of ts) ctx.push(t);
    ctx.push(cache.padEnd, cache.padEnd);
  });
  return { res, cache, stamp, allCaps, ctx, ctxStart, tokenStart };
}

/** Features for every sentence of one document (the unit of document-level features): the full lists training uses. */
export function documentFeatures(raw: readonly (readonly string[])[], res: NerResources): SentenceFeatures[] {
  const doc = analyse(raw, res);
  return raw.map((s, si) => {
    const offsets = new Int32Array(s.length + 1);
    const m = writeSentence(doc, si, null, offsets, 0, 0);
    return { hashes: scratch.slice(0, m), offsets };
  });
}

/**
 * Inference's view of a document. The features that depend on one word type in one
 * role (its own word features, what it adds as a neighbour, its flagged ones) are left
 * to the types' role lists, which a decoder scores once per type; the three shape
 * templates of a token (sh-1,0, sh0,+1, sh-1,0,+1) to shapeHashes, which a decoder
 * scores once per triple of shape ids (a few thousand triples cover most text); the
 * capitalisation statistics (dlower, drole) to a code per token, scored once per code
 * (docCodeHashes). `hashes` holds only the rest (pairs of words, gazetteer, dform).
 */
export interface DocumentHashes {
  /** Word types, each sentence between two pads on each side: sentence s's token i is ctx[ctxStart[s] + 2 + i]. */
  ctx: readonly WordType[];
  /** Like all buffers here, reused by the next call, and longer than the document's sentences. */
  ctxStart: Int32Array;
  /** Sentence s's tokens are tokenStart[s] .. tokenStart[s + 1] in document order. */
  tokenStart: Int32Array;
  allCaps: readonly boolean[];
  /** Token t's features are hashes[offsets[t] .. offsets[t + 1]) (buffers reused by the next call). */
  hashes: Uint32Array;
  offsets: Int32Array;
  /** Each token's prediction-history word id (TokenInfo.histId), in document order. */
  histIds: Int32Array;
  /** Token t's capitalisation statistics as a code below DOC_CODES (docCodeHashes), in document order. */
  docCodes: Uint8Array;
  /** The epoch of the types' shape ids: ids of different epochs are unrelated. */
  shapeEpoch: number;
}

let docOffsets!: Int32Array;
let docCodeBuf!: Uint8Array;
let histIdBuf!: Int32Array;

/**
 * Codes of a token's capitalisation statistics: 16 × (0 not capitalised, 1 capitalised
 * and never seen in lower case, 2 capitalised and seen so) + the set of its CAP_ROLES
 * as bits. The features are counted, not ordered, so the set is all a sum needs.
 */
export const DOC_CODES = 48;

/** The feature hashes a doc code stands for (dlower, then drole by CAP_ROLES index). */
export function docCodeHashes(code: number): number[] {
  const out: number[] = [];
  const cap = code >> 4;
  if (cap > 0) out.push(cap === 2 ? DLOWER_TRUE : DLOWER_FALSE);
  for (let r = 0; r < CAP_ROLES.length; r++) if (code & (1 << r)) out.push(DROLE[r]!);
  return out;
}

/** The hashes of sh-1,0, sh0,+1 and sh-1,0,+1 of token t between p1 and n1, to out[0 .. 3). */
export function shapeHashes(p1: WordType, t: WordType, n1: WordType, out: Uint32Array): void {
  const pk = p1.hashes;
  out[0] = fnvOn(pk[K.sShM10]!, t.shape);
  out[1] = fnvOn(t.hashes[K.sSh0P1]!, n1.shape);
  out[2] = fnvOn(fnvChar(fnvOn(pk[K.sShM10P1]!, t.shape), PIPE), n1.shape);
}

export function documentHashes(raw: readonly (readonly string[])[], res: NerResources): DocumentHashes {
  const doc = analyse(raw, res);
  const { tokenStart, ctx, ctxStart } = doc;
  const nDoc = tokenStart[raw.length]!;
  if (docOffsets.length < nDoc + 1) docOffsets = new Int32Array(roomFor(nDoc + 1));
  if (docCodeBuf.length < nDoc) docCodeBuf = new Uint8Array(roomFor(nDoc));
  let m = 0;
  for (let si = 0; si < raw.length; si++) m = writeSentence(doc, si, docCodeBuf, docOffsets, tokenStart[si]!, m);
  docOffsets[nDoc] = m;
  if (histIdBuf.length < nDoc) histIdBuf = new Int32Array(roomFor(nDoc));
  const histIds = histIdBuf;
  for (let si = 0, t = 0; si < raw.length; si++) {
    const c0 = ctxStart[si]! + 2;
    for (let i = 0; i < raw[si]!.length; i++) histIds[t++] = ctx[c0 + i]!.histId;
  }
  return {
    ctx, ctxStart, tokenStart, allCaps: doc.allCaps, hashes: scratch, offsets: docOffsets, histIds, docCodes: docCodeBuf,
    shapeEpoch: doc.cache.shapeEpoch,
  };
}

/** Output buffer shared by all sentences (grown as needed). */
let scratch!: Uint32Array;

/** The buffers above at their first sizes: at load, and after a long document (core/scratch.ts). */
function firstBuffers(): void {
  ctxStartBuf = new Int32Array(FIRST_SENTENCES);
  tokenStartBuf = new Int32Array(FIRST_SENTENCES + 1);
  docOffsets = new Int32Array(FIRST_TOKENS);
  docCodeBuf = new Uint8Array(FIRST_TOKENS);
  histIdBuf = new Int32Array(FIRST_TOKENS);
  scratch = new Uint32Array(FIRST_HASHES);
}
firstBuffers();
registerScratch({
  bytes: () => ctxStartBuf.byteLength + tokenStartBuf.byteLength + docOffsets.byteLength + docCodeBuf.byteLength + histIdBuf.byteLength + scratch.byteLength,
  trim: firstBuffers,
});

/** By CAP_ROLES index. */
const DROLE = CAP_ROLES.map((r) => fnv1a(`drole=${r}`));
/** `dform=none|a` and `…|A`: the word has no form where case is informative. */
const DFORM_NONE = [fnv1a('dform=none|a'), fnv1a('dform=none|A')];

/**
 * Writes sentence si's features into `scratch` from position m, token i's start at
 * offsets[oBase + i] (and the end at offsets[oBase + n]); returns the end. Grouped
 * (codes given): without the features left to the types' role lists and to shapeHashes,
 * and with the capitalisation statistics as codes[oBase + i] (see DocumentHashes).
 */
function writeSentence(
  doc: Analysed, si: number, codes: Uint8Array | null, offsets: Int32Array, oBase: number, m: number,
): number {
  const grouped = codes !== null;
  const { ctx, stamp, res, cache } = doc;
  const c0 = doc.ctxStart[si]!;
  const n = doc.tokenStart[si + 1]! - doc.tokenStart[si]!;
  const allCaps = doc.allCaps[si] ?? false;
  const gaz = gazetteerLabels(ctx, c0, n, res.gazetteer);
  const gh = cache.gaz;
  const acIndex = allCaps ? 1 : 0;
  const clusters = res.clusters !== null;
  for (let i = 0; i < n; i++) {
    offsets[oBase + i] = m;
    const t = ctx[c0 + i + 2]!;
    const p2 = ctx[c0 + i]!;
    const p1 = ctx[c0 + i + 1]!;
    const n1 = ctx[c0 + i + 3]!;
    const n2 = ctx[c0 + i + 4]!;
    const tk = t.hashes;
    const ownFrom = tk[ROLE_AT]!;
    const ownTo = tk[ROLE_AT + 1]!;
    // Bound for this token: own features, 25 fixed, 7 document, 2 per gazetteer label.
    // (A Uint32Array store wraps fnvOn's signed states to the unsigned hash.)
    const need = m + 64 + 2 * ((gaz[i]?.length ?? 0) + (gaz[i - 1]?.length ?? 0) + (gaz[i + 1]?.length ?? 0)) + ownTo - ownFrom;
    if (need > scratch.length) {
      const grown = new Uint32Array(Math.max(roomFor(need), roomFor(scratch.length)));
      grown.set(scratch.subarray(0, m));
      scratch = grown;
    }
    const out = scratch;
    const pk = p1.hashes;
    const nk = n1.hashes;
    // Grouped: the own, neighbour and flagged features are left to the word types' roles.
    if (!grouped) {
      for (let j = ownFrom; j < ownTo; j++) out[m++] = tk[j]!;
      out[m++] = allCaps ? tk[K.ssA]! : tk[K.ssa]!;
      out[m++] = allCaps ? tk[K.acLwA]! : tk[K.acLwa]!;
      out[m++] = i === 0 ? tk[K.firstT]! : tk[K.firstF]!;
      out[m++] = pk[K.lwM1]!;
      out[m++] = nk[K.lwP1]!;
      out[m++] = p2.hashes[K.lwM2]!;
      out[m++] = n2.hashes[K.lwP2]!;
    }
    out[m++] = fnvOn(pk[K.sLwM10]!, t.lw);
    out[m++] = fnvOn(tk[K.sLw0P1]!, n1.lw);
    if (!grouped) {
      out[m++] = pk[K.shM1]!;
      out[m++] = nk[K.shP1]!;
    }
    if (!grouped) {
      out[m++] = fnvOn(pk[K.sShM10]!, t.shape);
      out[m++] = fnvOn(tk[K.sSh0P1]!, n1.shape);
      out[m++] = fnvOn(fnvChar(fnvOn(pk[K.sShM10P1]!, t.shape), PIPE), n1.shape);
    }
    out[m++] = fnvOn(pk[K.sLwM1Sh0]!, t.shape);
    out[m++] = fnvOn(tk[K.sSh0LwP1]!, n1.lw);
    if (clusters) {
      if (!grouped) {
        out[m++] = pk[K.cfM1]!;
        out[m++] = nk[K.cfP1]!;
        out[m++] = pk[K.cmM1]!;
        out[m++] = nk[K.cmP1]!;
        out[m++] = p2.hashes[K.cmM2]!;
        out[m++] = n2.hashes[K.cmP2]!;
      }
      out[m++] = fnvOn(pk[K.sCmM10]!, t.cm);
      out[m++] = fnvOn(tk[K.sCm0P1]!, n1.cm);
      if (!grouped) out[m++] = i === 0 || allCaps ? tk[K.caseBlind]! : tk[K.caseSs]!;
    }
    if (gh) {
      const gi = gaz[i];
      if (gi) {
        const flags = (t.cap ? 2 : 0) + (allCaps ? 1 : 0);
        for (const g of gi) {
          out[m++] = gh.g[g]!;
          out[m++] = gh.cap[4 * g + flags]!;
        }
      }
      const gp = gaz[i - 1];
      if (gp) for (const g of gp) out[m++] = gh.prev[g]!;
      const gn = gaz[i + 1];
      if (gn) for (const g of gn) out[m++] = gh.next[g]!;
    }
    if (t.letter) {
      const d = t.word;
      if (i === 0 || allCaps) {
        const f = caseForm(d, stamp);
        out[m++] = f < 0 ? DFORM_NONE[acIndex]! : cache.dform[2 * f + acIndex]!;
      }
      const nRoles = capRoleCount(d, stamp);
      if (grouped) {
        let code = t.cap ? (seenLower(d, stamp) ? 32 : 16) : 0;
        for (let k = 0; k < nRoles; k++) code |= 1 << capRole(d, k);
        codes[oBase + i] = code;
      } else {
        if (t.cap) out[m++] = seenLower(d, stamp) ? DLOWER_TRUE : DLOWER_FALSE;
        for (let k = 0; k < nRoles; k++) out[m++] = DROLE[capRole(d, k)]!;
      }
    } else if (grouped) {
      codes[oBase + i] = 0;
    }
  }
  offsets[oBase + n] = m;
  return m;
}

const DLOWER_TRUE = fnv1a('dlower=true');
const DLOWER_FALSE = fnv1a('dlower=false');
