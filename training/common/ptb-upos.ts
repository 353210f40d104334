/**
 * A deterministic Penn Treebank → UD UPOS mapping for text that has only PTB
 * tags (CoNLL-2003), in the conventions of UD English EWT.
 *
 * Most PTB tags name one UPOS. The ambiguous ones are decided in this order:
 *  - IN: SCONJ when the chunk column puts it in an SBAR, else ADP;
 *  - DT / WDT: PRON when the word ends its noun chunk (no noun follows: "that
 *    was", "which said"), else DET;
 *  - VB*: forms of "be" are AUX (EWT tags the copula AUX too); "have" before a
 *    past participle and "do" before a bare verb (adverbs, "not" and a subject
 *    pronoun may intervene) are AUX; otherwise VERB;
 *  - everything else: the UPOS the word most often has with the same XPOS in
 *    EWT train (e.g. "not"/RB → PART, "nothing"/NN → PRON), else the default.
 */

const DEFAULT_UPOS: Record<string, string> = {
  CC: 'CCONJ', CD: 'NUM', DT: 'DET', EX: 'PRON', FW: 'X', IN: 'ADP', JJ: 'ADJ', JJR: 'ADJ', JJS: 'ADJ',
  LS: 'NUM', MD: 'AUX', NN: 'NOUN', NNS: 'NOUN', NNP: 'PROPN', NNPS: 'PROPN', PDT: 'DET', POS: 'PART',
  PRP: 'PRON', PRP$: 'PRON', RB: 'ADV', RBR: 'ADV', RBS: 'ADV', RP: 'ADP', SYM: 'SYM', TO: 'PART',
  UH: 'INTJ', VB: 'VERB', VBD: 'VERB', VBG: 'VERB', VBN: 'VERB', VBP: 'VERB', VBZ: 'VERB', WDT: 'PRON',
  WP: 'PRON', WP$: 'PRON', WRB: 'ADV', $: 'SYM', '-LRB-': 'PUNCT', '-RRB-': 'PUNCT', '``': 'PUNCT',
  '\'\'': 'PUNCT', ',': 'PUNCT', '.': 'PUNCT', ':': 'PUNCT', HYPH: 'PUNCT', NFP: 'PUNCT',
};

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', '\'s', '\'re', '\'m', 'ai']);
const HAVE = new Set(['have', 'has', 'had', 'having', '\'ve', '\'d']);
const DO = new Set(['do', 'does', 'did']);
/** Tags that may stand between an auxiliary and its verb ("has not yet been", "did he go"). */
const BETWEEN = new Set(['RB', 'RBR', 'RBS', 'PRP', 'EX']);

/** EWT train counts: "lower form|XPOS" → UPOS → count. */
export type UposStats = Map<string, Map<string, number>>;

export function uposStats(sents: readonly { tokens: readonly { form: string; upos: string; xpos: string }[] }[]): UposStats {
  const out: UposStats = new Map();
  for (const s of sents) {
    for (const t of s.tokens) {
      const k = `${t.form.toLowerCase()}|${t.xpos}`;
      let m = out.get(k);
      if (!m) out.set(k, (m = new Map()));
      m.set(t.upos, (m.get(t.upos) ?? 0) + 1);
    }
  }
  return out;
}

function majority(m: Map<string, number> | undefined): string | undefined {
  if (!m) return undefined;
  let best: string | undefined;
  let bestN = 0;
  for (const [u, k] of m) if (k > bestN || (k === bestN && best !== undefined && u < best)) [best, bestN] = [u, k];
  return best;
}

/** True when the verb at `i` governs a following word of tag set `want` ("has been", "did not say"). */
function auxBefore(xpos: readonly string[], i: number, want: (x: string) => boolean): boolean {
  for (let j = i + 1; j < xpos.length && j <= i + 4; j++) {
    const x = xpos[j]!;
    if (want(x)) return true;
    if (!BETWEEN.has(x)) return false;
  }
  return false;
}

/** UPOS for each token of a sentence with EWT-convention XPOS tags and PTB chunks. */
export function mapToUpos(
  forms: readonly string[], xpos: readonly string[], chunk: readonly string[], stats: UposStats,
): string[] {
  return forms.map((form, i) => {
    const x = xpos[i]!;
    const lower = form.toLowerCase();
    if (x === 'IN') return chunk[i]!.endsWith('-SBAR') ? 'SCONJ' : 'ADP';
    if (x === 'DT' || x === 'WDT') {
      const nextChunk = chunk[i + 1];
      const endsChunk = !chunk[i]!.endsWith('-NP') || nextChunk !== 'I-NP';
      return endsChunk ? 'PRON' : 'DET';
    }
    if (x.startsWith('VB')) {
      if (BE.has(lower)) return 'AUX';
      if (HAVE.has(lower)) return auxBefore(xpos, i, (y) => y === 'VBN') ? 'AUX' : 'VERB';
      if (DO.has(lower)) return auxBefore(xpos, i, (y) => y === 'VB') ? 'AUX' : 'VERB';
      return 'VERB';
    }
    return majority(stats.get(`${lower}|${x}`)) ?? DEFAULT_UPOS[x] ?? 'X';
  });
}
