/**
 * Reader for the CoNLL-2003 English files (`WORD POS CHUNK NER`, one token a
 * line, blank line between sentences, `-DOCSTART-` lines between documents),
 * and the conversion of their Penn Treebank POS column to the conventions the
 * tagger is trained on (UD EWT's XPOS plus a UPOS, see `ptb-upos.ts`).
 *
 * The POS and chunk columns of CoNLL-2003 were assigned automatically (a
 * memory-based tagger and chunker), not by annotators: they are good but noisy
 * silver tags, so scores against them measure agreement, not accuracy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** CoNLL-2003, beside the project in ../shared/data (override: CONLL2003_DIR). */
export const CONLL2003_DIR = process.env.CONLL2003_DIR
  ?? fileURLToPath(new URL('../../../shared/data/conll2003', import.meta.url));

export interface Conll03Token {
  form: string;
  /** Penn Treebank tag as given ("NNP", "(", "\""). */
  pos: string;
  /** IOB1 chunk tag ("I-NP", "B-PP", "O"). */
  chunk: string;
  ner: string;
}

export interface Conll03Sentence {
  tokens: Conll03Token[];
  /** Index of the document (counted from the -DOCSTART- lines) in the file. */
  doc: number;
}

export function readConll2003(path: string): Conll03Sentence[] {
  const out: Conll03Sentence[] = [];
  let doc = -1;
  let cur: Conll03Token[] = [];
  const flush = (): void => {
    if (cur.length > 0) out.push({ tokens: cur, doc: Math.max(doc, 0) });
    cur = [];
  };
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((raw, k) => {
    const line = raw.trimEnd();
    if (line === '') return flush();
    const cols = line.split(' ');
    if (cols.length !== 4) throw new Error(`${path}:${k + 1}: expected 4 space-separated columns, got "${line}"`);
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc++;
      return;
    }
    cur.push({ form: cols[0]!, pos: cols[1]!, chunk: cols[2]!, ner: cols[3]! });
  });
  flush();
  return out;
}

/**
 * Headlines, datelines, bylines and sports tables: sentences with no word in
 * lower case, or mostly written in capitals. Their tags are the least reliable
 * in the file (the automatic tagger guesses NNP for every capitalised word)
 * and the tagger sees them rarely in running text.
 */
export function isHeadlineLike(s: Conll03Sentence): boolean {
  let lower = 0;
  let caps = 0;
  for (const t of s.tokens) {
    if (!/\p{L}/u.test(t.form)) continue;
    if (/\p{Ll}/u.test(t.form)) lower++;
    else if (t.form.length > 1) caps++;
  }
  return lower === 0 || caps > lower;
}

/** PTB bracket and quote tags as EWT writes them. */
const PUNCT_XPOS: Record<string, string> = { '(': '-LRB-', ')': '-RRB-' };

export interface ConvertedSentence {
  /** Forms as the tagger sees them at run time (straight double quotes → “ ”). */
  forms: string[];
  /** XPOS in EWT's conventions. */
  xpos: string[];
  chunk: string[];
  /** True for punctuation and symbol tokens, whose conventions differ between the two (see README). */
  punct: boolean[];
  /**
   * Words whose tag is comparable with ours: not punctuation or symbols (EWT
   * tags a dash ",", ":", HYPH or NFP by use, PTB ":"), not FW or LS (the
   * automatic tagger's guesses for "v", "midfielder", list numbers).
   */
  scored: boolean[];
}

/** Tags of punctuation and symbols in CoNLL-2003 (their EWT tags depend on the form, not the tag). */
export const PTB_PUNCT = new Set(['"', '\'\'', '``', '(', ')', ',', '.', ':', 'SYM', '$', '#']);

/**
 * Converts a sentence's tags to EWT conventions where they differ by rule:
 * brackets (-LRB-/-RRB-), straight double quotes (shown to the tagger as “ or ”
 * by alternation, as the pipeline's `taggingForms` does, tagged `` or ''), and
 * "to": PTB tags every "to" TO, EWT only the infinitival one, a preposition
 * being IN — the chunk column (VP vs PP) tells which.
 */
export function toEwtConventions(s: Conll03Sentence): ConvertedSentence {
  const forms: string[] = [];
  const xpos: string[] = [];
  const chunk: string[] = [];
  const punct: boolean[] = [];
  const scored: boolean[] = [];
  let open = false;
  s.tokens.forEach((t, i) => {
    let form = t.form;
    let x = PUNCT_XPOS[t.pos] ?? t.pos;
    if (t.pos === 'NN|SYM') x = 'NN';
    if (form === '"') {
      form = open ? '”' : '“';
      x = open ? '\'\'' : '``';
      open = !open;
    } else if (x === 'TO') {
      const next = s.tokens[i + 1];
      const prep = t.chunk.endsWith('-PP') || (!t.chunk.endsWith('-VP') && !(next && next.pos === 'VB'));
      if (prep) x = 'IN';
    }
    forms.push(form);
    xpos.push(x);
    chunk.push(t.chunk);
    punct.push(PTB_PUNCT.has(t.pos));
    scored.push(!PTB_PUNCT.has(t.pos) && t.pos !== 'FW' && t.pos !== 'LS');
  });
  return { forms, xpos, chunk, punct, scored };
}

/** Agreement of predicted XPOS with the converted CoNLL column, over the `scored` words. */
export function xposAgreement(
  pred: readonly (readonly string[])[], gold: readonly ConvertedSentence[],
): { words: number; agree: number } {
  let words = 0;
  let agree = 0;
  gold.forEach((g, k) => g.xpos.forEach((x, i) => {
    if (!g.scored[i]) return;
    words++;
    if (pred[k]![i] === x) agree++;
  }));
  return { words, agree };
}
