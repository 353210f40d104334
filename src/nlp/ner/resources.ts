/**
 * Lookup tables the features consult: induced word clusters (with a corpus-wide
 * capitalisation profile per lowercase word) and a multi-word gazetteer. Both are
 * parsed from small gzipped text files written by the training scripts.
 */

/** Cluster ids at three granularities, like Brown-cluster bit-string prefixes. */
export interface ClusterIds {
  fine: number;
  mid: number;
  coarse: number;
}

export class Clusters {
  private readonly byWord = new Map<string, ClusterIds>();
  /** lowercase word → bucket of how often it is capitalised mid-sentence in news text. */
  private readonly caseProfile = new Map<string, number>();

  static parse(text: string): Clusters {
    const c = new Clusters();
    let section = 'clusters';
    for (const line of text.split('\n')) {
      if (line.startsWith('#')) {
        section = line.slice(1).trim();
        continue;
      }
      const cols = line.split('\t');
      const word = cols[0];
      if (!word) continue;
      if (section === 'case') {
        c.caseProfile.set(word, Number(cols[1]));
      } else {
        c.byWord.set(word, { fine: Number(cols[1]), mid: Number(cols[2]), coarse: Number(cols[3]) });
      }
    }
    return c;
  }

  /** Exact form first; capitals-only forms (headlines) fall back to Title and lower case. */
  lookup(word: string): ClusterIds | undefined {
    const exact = this.byWord.get(word);
    if (exact) return exact;
    const lower = word.toLowerCase();
    if (lower === word) return undefined;
    const title = word.charAt(0) + lower.slice(1);
    return this.byWord.get(title) ?? this.byWord.get(lower);
  }

  caseBucket(lowerWord: string): number | undefined {
    return this.caseProfile.get(lowerWord);
  }
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Bit set of gazetteer types that end here. */
  types: number;
}

/** Longest match per type starting at one token. */
export interface GazMatch {
  type: number;
  length: number;
}

export class Gazetteer {
  readonly typeNames: string[] = [];
  private readonly root: TrieNode = { next: new Map(), types: 0 };
  private maxLen = 0;

  /** Lines are `TYPE<TAB>lowercased entry tokens separated by spaces`. */
  static parse(text: string): Gazetteer {
    const g = new Gazetteer();
    const typeIds = new Map<string, number>();
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab <= 0) continue;
      const typeName = line.slice(0, tab);
      let t = typeIds.get(typeName);
      if (t === undefined) {
        t = g.typeNames.length;
        if (t >= 31) throw new Error('gazetteer: too many types');
        typeIds.set(typeName, t);
        g.typeNames.push(typeName);
      }
      g.add(line.slice(tab + 1).split(' '), t);
    }
    return g;
  }

  private add(tokens: string[], type: number): void {
    let node = this.root;
    for (const tok of tokens) {
      let n = node.next.get(tok);
      if (!n) {
        n = { next: new Map(), types: 0 };
        node.next.set(tok, n);
      }
      node = n;
    }
    node.types |= 1 << type;
    this.maxLen = Math.max(this.maxLen, tokens.length);
  }

  /** Whether a single lowercased token is an entry of the named type. */
  hasWord(typeName: string, lower: string): boolean {
    const t = this.typeNames.indexOf(typeName);
    const node = this.root.next.get(lower);
    return t >= 0 && node !== undefined && (node.types & (1 << t)) !== 0;
  }

  /** Longest match of each type starting at `start` (lowercased tokens). */
  matchAt(lower: readonly string[], start: number): GazMatch[] {
    if (!this.root.next.has(lower[start] ?? '')) return [];
    const best = new Map<number, number>();
    let node: TrieNode | undefined = this.root;
    for (let i = start; i < lower.length && i - start < this.maxLen; i++) {
      node = node.next.get(lower[i] ?? '');
      if (!node) break;
      for (let t = 0, bits = node.types; bits !== 0; t++, bits >>>= 1) {
        if (bits & 1) best.set(t, i - start + 1);
      }
    }
    return [...best].map(([type, length]) => ({ type, length }));
  }
}
