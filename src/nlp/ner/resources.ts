/**
 * Lookup tables the features consult: induced word clusters (with a corpus-wide
 * capitalisation profile per lowercase word) and a multi-word gazetteer. Both are
 * parsed from small gzipped text files written by the training scripts.
 */
import { FNV_OFFSET, fnvStep } from '../../core/fmix.js';
import { StringIndex } from '../../core/string-index.js';

export interface NerResources {
  clusters: Clusters | null;
  gazetteer: Gazetteer | null;
  /** The model's featureVersion; templates added later must be gated on it. */
  version?: number;
}

/** How many times `ch` occurs in `text`: the most keys a table built from its lines or words can get. */
function countOf(text: string, ch: string): number {
  let n = 0;
  for (let p = text.indexOf(ch); p >= 0; p = text.indexOf(ch, p + 1)) n++;
  return n;
}

/** Cluster ids at three granularities, like Brown-cluster bit-string prefixes. */
export interface ClusterIds {
  fine: number;
  mid: number;
  coarse: number;
}

/** Cluster ids packed in one Int32: fine in bits 0–11, mid in 12–21, coarse in 22–30. */
const FINE_LIMIT = 1 << 12;
const MID_LIMIT = 1 << 10;
const COARSE_LIMIT = 1 << 9;

export class Clusters {
  /** Word → packed cluster ids. */
  private readonly byWord: StringIndex;
  /** lowercase word → bucket of how often it is capitalised mid-sentence in news. */
  private readonly caseProfile: StringIndex;

  private constructor(text: string, lines: number) {
    this.byWord = new StringIndex(text, lines);
    this.caseProfile = new StringIndex(text, lines);
  }

  /**
   * Lines are `word<TAB>fine<TAB>mid<TAB>coarse` under `#clusters` and `word<TAB>bucket`
   * under `#case`. Read with indexOf and digit arithmetic, not split and Number, into
   * StringIndexes over the text itself (as the gazetteer is): this runs on every model
   * load, over 64k lines, before the compiler has optimised it.
   */
  static parse(text: string): Clusters {
    const n = text.length;
    const c = new Clusters(text, countOf(text, '\n') + 1);
    const v = [0, 0, 0];
    let caseSection = false;
    let line = 0;
    for (let pos = 0; pos < n; line++) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = n;
      const tab = text.indexOf('\t', pos);
      if (text.charCodeAt(pos) === 35) {
        caseSection = text.slice(pos + 1, eol).trim() === 'case';
      } else if (tab > pos && tab < eol) {
        v[0] = v[1] = v[2] = 0;
        let field = 0;
        for (let k = tab + 1; k < eol && field < 3; k++) {
          const d = text.charCodeAt(k);
          if (d === 9) field++;
          else if (d >= 48 && d <= 57) v[field] = v[field]! * 10 + d - 48;
          else if (d !== 13) throw new Error(`clusters file: line ${line + 1} has a column that is not a whole number`);
        }
        // A word listed twice keeps its last line, as a Map would.
        if (caseSection) {
          c.caseProfile.setValue(c.caseProfile.addSlice(pos, tab), v[0]!);
        } else {
          const [fine, mid, coarse] = v as [number, number, number];
          if (fine >= FINE_LIMIT || mid >= MID_LIMIT || coarse >= COARSE_LIMIT) {
            throw new Error(`clusters file: line ${line + 1} has a cluster id beyond ${FINE_LIMIT - 1} / ${MID_LIMIT - 1} / ${COARSE_LIMIT - 1}`);
          }
          c.byWord.setValue(c.byWord.addSlice(pos, tab), fine | (mid << 12) | (coarse << 22));
        }
      }
      pos = eol + 1;
    }
    c.byWord.trim();
    c.caseProfile.trim();
    return c;
  }

  private ids(word: string): ClusterIds | undefined {
    const p = this.byWord.get(word);
    return p === undefined ? undefined : { fine: p & (FINE_LIMIT - 1), mid: (p >>> 12) & (MID_LIMIT - 1), coarse: p >>> 22 };
  }

  /** Exact form first; capitals-only forms (headlines) fall back to Title and lower case. */
  lookup(word: string): ClusterIds | undefined {
    const exact = this.ids(word);
    if (exact) return exact;
    const lower = word.toLowerCase();
    if (lower === word) return undefined;
    const title = word.charAt(0) + lower.slice(1);
    // A word already in title case was the exact form looked up above.
    return (title === word ? undefined : this.ids(title)) ?? this.ids(lower);
  }

  caseBucket(lowerWord: string): number | undefined {
    return this.caseProfile.get(lowerWord);
  }
}

/** Longest match per type starting at one token. */
export interface GazMatch {
  type: number;
  length: number;
}

const NO_MATCH: readonly GazMatch[] = [];

/**
 * Entries are kept as one set of every entry and every proper prefix of an entry
 * (tokens joined by single spaces), each with the bit set of types whose entries end
 * there (0 for a prefix only): the same walk as a token trie, without a map per node.
 * The set is a StringIndex over the file's own text: its 140,000 keys are slices of
 * it, hashed as the lines are scanned, so loading makes no string per key.
 */
export class Gazetteer {
  readonly typeNames: string[] = [];
  private readonly phrases: StringIndex;
  /** Words that are the second of some entry: a phrase can only go on past its first word into one of these. */
  private readonly secondWords: StringIndex;
  private maxLen = 0;

  private constructor(text: string, lines: number, spaces: number) {
    // A phrase ends at a space or a line end; a line has at most one second word.
    this.phrases = new StringIndex(text, lines + spaces);
    this.secondWords = new StringIndex(text, lines);
  }

  /** Lines are `TYPE<TAB>lowercased entry tokens separated by spaces`. */
  static parse(text: string): Gazetteer {
    const g = new Gazetteer(text, countOf(text, '\n') + 1, countOf(text, ' '));
    const typeIds = new Map<string, number>();
    // The file lists each type's lines together: its name is sliced once per run of lines.
    let typeName = '';
    let t = -1;
    let pos = 0;
    while (pos < text.length) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = text.length;
      const tab = text.indexOf('\t', pos);
      if (tab > pos && tab < eol) {
        if (tab - pos !== typeName.length || !text.startsWith(typeName, pos)) {
          typeName = text.slice(pos, tab);
          t = typeIds.get(typeName) ?? -1;
          if (t < 0) {
            t = g.typeNames.length;
            if (t >= 31) throw new Error('gazetteer: too many types');
            typeIds.set(typeName, t);
            g.typeNames.push(typeName);
          }
        }
        g.add(text, tab + 1, eol, t);
      }
      pos = eol + 1;
    }
    g.phrases.trim();
    g.secondWords.trim();
    return g;
  }

  /** The entry text[start, end) of type `type`, its prefixes, and its second word. */
  private add(text: string, start: number, end: number, type: number): void {
    let h = FNV_OFFSET;
    let word = FNV_OFFSET;
    let wordStart = start;
    let tokens = 1;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 32) {
        this.phrases.add(h, start, k - start);
        if (tokens === 2) this.secondWords.add(word, wordStart, k - wordStart);
        tokens++;
        wordStart = k + 1;
        word = FNV_OFFSET;
      } else {
        word = fnvStep(word, c);
      }
      h = fnvStep(h, c);
    }
    if (tokens === 2) this.secondWords.add(word, wordStart, end - wordStart);
    this.phrases.orValue(this.phrases.add(h, start, end - start), 1 << type);
    if (tokens > this.maxLen) this.maxLen = tokens;
  }

  /** Whether a single lowercased token is an entry of the named type. */
  hasWord(typeName: string, lower: string): boolean {
    const t = this.typeNames.indexOf(typeName);
    const types = lower.includes(' ') ? undefined : this.phrases.get(lower);
    return t >= 0 && types !== undefined && (types & (1 << t)) !== 0;
  }

  /**
   * The types of the one-word entries equal to this lowercased token as a bit set (0
   * if it only starts longer entries), or -1 if no entry starts with it.
   */
  wordTypes(lower: string): number {
    return lower.includes(' ') ? -1 : this.phrases.get(lower) ?? -1;
  }

  /** Whether this lowercased token is the second of some entry (a match longer than one word needs one). */
  isSecondWord(lower: string): boolean {
    return this.secondWords.get(lower) !== undefined;
  }

  /** Longest match of each type starting at `start` (lowercased tokens). */
  matchAt(lower: readonly string[], start: number): readonly GazMatch[] {
    const first = lower[start] ?? '';
    let bits = first.includes(' ') ? undefined : this.phrases.get(first);
    // Most words start no entry or only a prefix of one: no array for them.
    let out: GazMatch[] | null = null;
    let phrase = first;
    for (let i = start; bits !== undefined; ) {
      for (let t = 0, b = bits; b !== 0; t++, b >>>= 1) {
        if (!(b & 1)) continue;
        // Longest match per type, listed in the order the types were first matched.
        const m = out?.find((x) => x.type === t);
        if (m) m.length = i - start + 1;
        else (out ??= []).push({ type: t, length: i - start + 1 });
      }
      i++;
      if (i >= lower.length || i - start >= this.maxLen) break;
      const tok = lower[i] ?? '';
      if (tok.includes(' ')) break;
      phrase = `${phrase} ${tok}`;
      bits = this.phrases.get(phrase);
    }
    return out ?? NO_MATCH;
  }
}
