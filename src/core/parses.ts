/**
 * Which sentences of a Doc carry a dependency parse, and the means to parse one
 * when a later stage first asks for it.
 *
 * Parsing is the pipeline's largest cost, yet most sentences of a news article hold
 * no event trigger, no group of people and no state force: nothing downstream reads
 * their parse. A stage that reads `Token.head` / `Token.deprel` therefore calls
 * `ensure(i)` first; the sentence holding token i is parsed then, once. A parse
 * depends only on its own sentence, so a sentence parsed late is parsed exactly as
 * it would have been early. Sentences nobody asks for keep `head` and `deprel`
 * undefined, as in a pipeline without a parser.
 */
export class SentenceParses {
  /** Sentence (index into `ranges`) of each token; -1 for a token outside every sentence. */
  private readonly sentenceOf: Int32Array;
  private readonly done: Uint8Array;
  private count = 0;

  /**
   * @param ranges each sentence's tokens as [first, end) indices into the Doc's tokens
   * @param parseRange parses tokens [first, end) and writes their head and deprel
   */
  constructor(
    tokenCount: number,
    private readonly ranges: readonly (readonly [number, number])[],
    private readonly parseRange: (first: number, end: number) => void,
  ) {
    this.sentenceOf = new Int32Array(tokenCount).fill(-1);
    ranges.forEach(([first, end], s) => this.sentenceOf.fill(s, first, end));
    this.done = new Uint8Array(ranges.length);
  }

  /** Parses the sentence holding token `i` unless it is parsed already. */
  ensure(i: number): void {
    const s = i >= 0 && i < this.sentenceOf.length ? this.sentenceOf[i]! : -1;
    if (s < 0 || this.done[s]) return;
    this.done[s] = 1;
    this.count++;
    const [first, end] = this.ranges[s]!;
    this.parseRange(first, end);
  }

  /** Parses every sentence not parsed yet, in order. */
  ensureAll(): void {
    for (const [first] of this.ranges) this.ensure(first);
  }

  /** Sentences parsed so far. */
  get parsed(): number {
    return this.count;
  }

  /** Sentences the Doc has (with at least one token). */
  get sentences(): number {
    return this.ranges.length;
  }
}

/** What a reader of parses needs: a way to have a token's sentence parsed. */
export type ParseOnDemand = Pick<SentenceParses, 'ensure'>;
