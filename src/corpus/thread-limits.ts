/**
 * V8 heap limits for the extraction threads, under any the caller adds.
 *
 * The young generation is bounded well below V8's default (two 16 MB semi-spaces that
 * copy live objects between them, and room for new large objects). A thread's heap is
 * long-lived, because the NLP stack keeps its type caches for the whole ingest, so what
 * a large young generation reserves is held from start to end. Measured on 1,500 BBC
 * articles with two threads (built CLI, `ingest --no-analyse`), peak RSS 642–646 MB
 * before and 594–608 MB after, CPU within the runs' spread (docs/decisions/0011).
 */
import type { ResourceLimits } from 'node:worker_threads';

export const YOUNG_GENERATION_MB = 12;

export const THREAD_LIMITS: Readonly<ResourceLimits> = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };

/**
 * The same young generation for a whole process, as a V8 flag: V8 sizes a young
 * generation as three semi-spaces (`Heap::YoungGenerationSizeFromSemiSpaceSize`), and a
 * thread given 12 MB shows an 8 MB new space, two semi-spaces of 4 MB. Benchmarks that
 * run the stack in a child process use it to measure what a thread holds.
 */
export const SEMI_SPACE_FLAG = `--max-semi-space-size=${YOUNG_GENERATION_MB / 3}`;
