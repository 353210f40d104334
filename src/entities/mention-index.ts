/**
 * Every mention of every entity the linker has made so far, by where it starts, for the
 * steps that ask which entities lie at a span. Scanning every mention of every entity
 * for each phrase made long documents quadratic.
 *
 * Entities only grow (LinkContext.keyed appends them, Cluster.add appends mentions), so
 * the index catches up before each question by reading what was appended since; a
 * question answers in the order a scan of entities and their mentions would find them.
 * A news article's hundred or so mentions are scanned faster than indexed: the index is
 * built only for long texts, and otherwise the same questions are answered by the scan.
 */
import type { Mention } from '../core/record.js';
import { Cluster } from './cluster.js';

export interface IndexedMention {
  cluster: Cluster;
  /** Position of the entity in making order, and of the mention in the entity's list. */
  ci: number;
  mi: number;
  mention: Mention;
}

/** Characters per bucket of the index: a question reads the few buckets its span touches. */
const BUCKET = 256;

/** Texts longer than this (characters, some 8,000 words) get an index. */
export const INDEXED_TEXT = 50_000;

export class MentionIndex {
  /** Mentions by the stretch of BUCKET characters their start falls in (answers are re-sorted). */
  private readonly buckets = new Map<number, IndexedMention[]>();
  /** Mentions of each entity already indexed. */
  private readonly indexed: number[] = [];
  private longest = 0;
  /** Cluster.additions when the index last caught up. */
  private seen = -1;

  /** @param scan answer by scanning (short texts), not from the index */
  constructor(private readonly scan: boolean) {}

  /**
   * Mentions that touch [start, end] (closed at both ends, so that a caller's exact test
   * on empty or adjacent spans sees everything it could accept), in the order of a scan
   * over `clusters` and each one's mentions.
   */
  around(clusters: readonly Cluster[], start: number, end: number): IndexedMention[] {
    const out: IndexedMention[] = [];
    if (this.scan) {
      clusters.forEach((cluster, ci) => cluster.mentions.forEach((mention, mi) => {
        if (mention.start <= end && mention.end >= start) out.push({ cluster, ci, mi, mention });
      }));
      return out;
    }
    this.catchUp(clusters);
    // A mention starting before start - longest ends before start.
    for (let b = Math.floor((start - this.longest) / BUCKET); b <= Math.floor(end / BUCKET); b++) {
      for (const x of this.buckets.get(b) ?? []) if (x.mention.start <= end && x.mention.end >= start) out.push(x);
    }
    return out.sort((a, b) => a.ci - b.ci || a.mi - b.mi);
  }

  /** The first entity (in making order) with a mention touching [start, end] that passes `test`. */
  first(clusters: readonly Cluster[], start: number, end: number, test: (m: Mention) => boolean): Cluster | undefined {
    if (this.scan) return clusters.find((c) => c.mentions.some((m) => m.start <= end && m.end >= start && test(m)));
    for (const x of this.around(clusters, start, end)) if (test(x.mention)) return x.cluster;
    return undefined;
  }

  private catchUp(clusters: readonly Cluster[]): void {
    if (this.seen === Cluster.additions && this.indexed.length === clusters.length) return;
    for (let ci = 0; ci < clusters.length; ci++) {
      const c = clusters[ci]!;
      const from = this.indexed[ci] ?? 0;
      for (let mi = from; mi < c.mentions.length; mi++) this.insert({ cluster: c, ci, mi, mention: c.mentions[mi]! });
      this.indexed[ci] = c.mentions.length;
    }
    this.seen = Cluster.additions;
  }

  private insert(x: IndexedMention): void {
    this.longest = Math.max(this.longest, x.mention.end - x.mention.start);
    const b = Math.floor(x.mention.start / BUCKET);
    const list = this.buckets.get(b);
    if (list) list.push(x);
    else this.buckets.set(b, [x]);
  }
}
