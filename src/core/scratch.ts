/**
 * Work buffers kept from one document to the next. The NLP stages grow typed arrays to
 * the longest document they have seen and keep them, so that the next article allocates
 * nothing. After one very long text those buffers would stay at its size for the rest of
 * the process: a 4.4 MB text left some 400 MB in the NER's alone, in every ingest
 * worker that met one. Each holder registers here, and `Pipeline.run` calls
 * `trimScratch()` after every stage: a holder whose grown buffers exceed `KEEP_BYTES`
 * drops back to its initial sizes. An ordinary article never gets there, so it keeps
 * its buffers and pays nothing.
 */

export interface ScratchHolder {
  /** Bytes the holder's buffers have grown to (its initial allocation may be left out). */
  bytes(): number;
  /** Drop the buffers back to their initial sizes. Only called between stages. */
  trim(): void;
}

/**
 * The length to allocate for `need` elements of a buffer sized by a document: a quarter
 * more, so that the next, slightly longer article does not allocate again, where doubling
 * would give a long document twice the memory it needs while it runs.
 */
export function roomFor(need: number): number {
  return need + (need >> 2) + 256;
}

/** Above this, a holder's buffers are released after the stage. */
export const KEEP_BYTES = 8 << 20;

/**
 * A module's holder is held for good, like the module; an instance's (a decoder per
 * model bundle) weakly, so that registering never keeps one alive.
 */
const holders: Array<ScratchHolder | WeakRef<ScratchHolder>> = [];

export function registerScratch(holder: ScratchHolder, options: { weak?: boolean } = {}): void {
  holders.push(options.weak ? new WeakRef(holder) : holder);
}

/** Trim every holder above `keepBytes`; returns the bytes released. */
export function trimScratch(keepBytes = KEEP_BYTES): number {
  let released = 0;
  let live = 0;
  for (const ref of holders) {
    const h = ref instanceof WeakRef ? ref.deref() : ref;
    if (!h) continue;
    holders[live++] = ref;
    const b = h.bytes();
    if (b <= keepBytes) continue;
    h.trim();
    released += b - h.bytes();
  }
  holders.length = live;
  return released;
}
