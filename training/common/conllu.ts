/**
 * A small CoNLL-U reader shared by the training scripts (tagger, parser).
 * Multiword-token ranges ("3-4 don't") and empty nodes ("8.1") are not words of
 * the basic tree, so they are left out of `tokens`; the ranges are kept apart in
 * `multiwords` because their MISC (SpaceAfter) is needed to rebuild raw text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** UD English EWT, beside the project in ../shared/data (override: UD_EWT_DIR). */
export const EWT_DIR = process.env.UD_EWT_DIR
  ?? fileURLToPath(new URL('../../../shared/data/ud-english-ewt', import.meta.url));

export interface ConlluToken {
  /** 1-based word index in the sentence. */
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 0 for the root, -1 when the column is "_". */
  head: number;
  deprel: string;
  misc: string;
}

/** A multiword token line such as "3-4\tdon't": covers words first..last. */
export interface ConlluMultiword {
  first: number;
  last: number;
  form: string;
  misc: string;
}

export interface Sentence {
  tokens: ConlluToken[];
  text?: string;
  sentId?: string;
  /** Set when a "# newdoc" comment precedes the sentence. */
  newdoc?: boolean;
  /** Set when a "# newpar" comment precedes the sentence. */
  newpar?: boolean;
  multiwords?: ConlluMultiword[];
}

export function readConllu(path: string): Sentence[] {
  return parseConllu(readFileSync(path, 'utf8'));
}

export function parseConllu(source: string): Sentence[] {
  const out: Sentence[] = [];
  let cur: Sentence = { tokens: [] };
  let started = false;
  const flush = (): void => {
    if (started && cur.tokens.length > 0) out.push(cur);
    cur = { tokens: [] };
    started = false;
  };
  for (const raw of source.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length === 0) {
      flush();
      continue;
    }
    started = true;
    if (line.startsWith('#')) {
      readComment(cur, line);
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10) throw new Error(`CoNLL-U: expected 10 columns, got ${cols.length}: ${line}`);
    const id = cols[0]!;
    if (id.includes('.')) continue;
    const dash = id.indexOf('-');
    if (dash >= 0) {
      (cur.multiwords ??= []).push({
        first: Number(id.slice(0, dash)),
        last: Number(id.slice(dash + 1)),
        form: cols[1]!,
        misc: cols[9]!,
      });
      continue;
    }
    cur.tokens.push({
      id: Number(id),
      form: cols[1]!,
      lemma: cols[2]!,
      upos: cols[3]!,
      xpos: cols[4]!,
      feats: cols[5]!,
      head: cols[6] === '_' ? -1 : Number(cols[6]),
      deprel: cols[7]!,
      misc: cols[9]!,
    });
  }
  flush();
  return out;
}

function readComment(s: Sentence, line: string): void {
  const m = /^#\s*([\w ]+?)\s*(?:=\s*(.*))?$/.exec(line);
  if (!m) return;
  const key = m[1]!;
  const value = m[2] ?? '';
  if (key === 'text') s.text = value;
  else if (key === 'sent_id') s.sentId = value;
  else if (key === 'newdoc' || key.startsWith('newdoc ')) s.newdoc = true;
  else if (key === 'newpar' || key.startsWith('newpar ')) s.newpar = true;
}

/** True when the MISC column says no space follows (SpaceAfter=No). */
export function noSpaceAfter(misc: string): boolean {
  return misc !== '_' && misc.split('|').includes('SpaceAfter=No');
}

/**
 * Surface units of a sentence: multiword tokens replace their words, so the
 * forms joined with their SpaceAfter spacing give back the raw text.
 */
export function surfaceTokens(s: Sentence): { form: string; spaceAfter: boolean; words: number[] }[] {
  const out: { form: string; spaceAfter: boolean; words: number[] }[] = [];
  const mw = new Map<number, ConlluMultiword>();
  for (const m of s.multiwords ?? []) mw.set(m.first, m);
  for (let i = 0; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    const m = mw.get(t.id);
    if (m) {
      const words: number[] = [];
      while (i < s.tokens.length && s.tokens[i]!.id <= m.last) words.push(i++);
      i--;
      out.push({ form: m.form, spaceAfter: !noSpaceAfter(m.misc), words });
    } else {
      out.push({ form: t.form, spaceAfter: !noSpaceAfter(t.misc), words: [i] });
    }
  }
  return out;
}

/**
 * EWT splits hyphenated words ("war - torn"); our tokenizer keeps them whole.
 * This returns a copy of the sentence with each such compound (parts joined
 * by "-" with no spaces) merged into one word, heads remapped. The merged
 * word takes the tags and attachment of the part whose head lies outside the
 * compound, except that an adjectival modifier ("war-torn", "long-term")
 * becomes ADJ/JJ as in the Penn Treebank. Returns null when nothing merges.
 */
export function mergeHyphenated(s: Sentence): Sentence | null {
  const toks = s.tokens;
  const inMultiword = new Set<number>();
  for (const m of s.multiwords ?? []) for (let k = m.first; k <= m.last; k++) inMultiword.add(k);
  const isPart = (t: ConlluToken | undefined): boolean =>
    !!t && t.upos !== 'PUNCT' && t.upos !== 'SYM' && !inMultiword.has(t.id) && t.form !== '-';
  const isJoiner = (t: ConlluToken | undefined): boolean =>
    !!t && t.form === '-' && noSpaceAfter(t.misc) && !inMultiword.has(t.id);
  const groups: [number, number][] = [];
  for (let i = 0; i < toks.length; i++) {
    let j = i;
    while (isPart(toks[j]) && noSpaceAfter(toks[j]!.misc) && isJoiner(toks[j + 1]) && isPart(toks[j + 2])) j += 2;
    if (j > i && isPart(toks[i])) {
      groups.push([i, j]);
      i = j;
    }
  }
  if (groups.length === 0) return null;
  const newId = new Map<number, number>();
  const out: ConlluToken[] = [];
  let g = 0;
  for (let i = 0; i < toks.length; i++) {
    const grp = groups[g];
    if (grp && grp[0] === i) {
      const parts = toks.slice(grp[0], grp[1] + 1);
      const ids = new Set(parts.map((t) => t.id));
      const outside = parts.filter((t) => !ids.has(t.head));
      const p = outside[outside.length - 1] ?? parts[parts.length - 1]!;
      const adjectival = p.deprel === 'amod'
        || (p.deprel === 'compound' && parts[0]!.upos === 'ADJ' && p.upos === 'NOUN');
      const id = out.length + 1;
      for (const t of parts) newId.set(t.id, id);
      out.push({
        id,
        form: parts.map((t) => t.form).join(''),
        lemma: parts.map((t) => t.lemma).join(''),
        upos: adjectival ? 'ADJ' : p.upos,
        xpos: adjectival ? 'JJ' : p.xpos,
        feats: adjectival ? '_' : p.feats,
        head: p.head,
        deprel: p.deprel,
        misc: parts[parts.length - 1]!.misc,
      });
      i = grp[1];
      g++;
    } else {
      newId.set(toks[i]!.id, out.length + 1);
      out.push({ ...toks[i]!, id: out.length + 1 });
    }
  }
  for (const t of out) if (t.head > 0) t.head = newId.get(t.head) ?? t.head;
  const merged: Sentence = { ...s, tokens: out };
  if (s.multiwords) {
    merged.multiwords = s.multiwords.map((m) => ({ ...m, first: newId.get(m.first)!, last: newId.get(m.last)! }));
  }
  return merged;
}
