/**
 * Ingest progress and the end-of-run summary.
 *
 * On a terminal: one line redrawn in place (at most ten times a second) with a bar when
 * the total is known, articles/s, added, skipped and errors. Elsewhere (a log file, CI):
 * a plain line every `everyArticles` inputs or `everySeconds`, whichever comes first, so
 * logs show progress without a line per article.
 */
import type { AnalysisSummary, IngestProgress, IngestResult } from './ingest.js';

/** Where progress goes: a terminal stream (isTTY, columns) or anything with write(). */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** Plain-line mode: a line every this many inputs (default 1000) … */
  everyArticles?: number;
  /** … or this many seconds (default 10). */
  everySeconds?: number;
  /** Terminal redraws at most this often (default 100 ms). */
  redrawMs?: number;
}

function rate(done: number, ms: number): number {
  return ms > 0 ? (done * 1000) / ms : 0;
}

function fixed(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

export function seconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`;
}

export function progressLine(p: IngestProgress): string {
  const count = p.total === null ? `${p.done} of ${p.seen}+` : `${p.done}/${p.total}`;
  return `${count} articles  ${fixed(rate(p.done, p.elapsedMs))}/s  added ${p.added}  skipped ${p.skipped}  errors ${p.failed}`;
}

export class ProgressReporter {
  private readonly tty: boolean;
  private readonly everyArticles: number;
  private readonly everyMs: number;
  private readonly redrawMs: number;
  private lastDraw = 0;
  private lastLineDone = 0;
  private lastLineAt = 0;
  private drawn = false;
  private latest: IngestProgress | null = null;

  constructor(
    private readonly stream: ProgressStream,
    options: ProgressOptions = {},
  ) {
    this.tty = stream.isTTY === true;
    this.everyArticles = options.everyArticles ?? 1000;
    this.everyMs = (options.everySeconds ?? 10) * 1000;
    this.redrawMs = options.redrawMs ?? 100;
  }

  update(p: IngestProgress): void {
    this.latest = p;
    const now = p.elapsedMs;
    if (this.tty) {
      if (now - this.lastDraw < this.redrawMs && p.done !== p.total) return;
      this.lastDraw = now;
      this.draw(p);
      return;
    }
    if (p.done - this.lastLineDone >= this.everyArticles || (now - this.lastLineAt >= this.everyMs && p.done > this.lastLineDone)) {
      this.lastLineDone = p.done;
      this.lastLineAt = now;
      this.stream.write(`newsgraph ingest: ${progressLine(p)}\n`);
    }
  }

  /** Clear the terminal line (before the summary or another message). */
  finish(): void {
    if (this.tty && this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  /** Print a message above the bar without garbling it. */
  message(line: string): void {
    this.finish();
    this.stream.write(line + '\n');
    if (this.tty && this.latest) this.draw(this.latest);
  }

  private draw(p: IngestProgress): void {
    // A terminal of unknown size (columns 0 or absent, e.g. under script(1)) is taken as 80 wide.
    const columns = this.stream.columns !== undefined && this.stream.columns > 0 ? this.stream.columns : 80;
    const text = progressLine(p);
    let line = text;
    // "[", "]", a space, and the last column left free so the terminal never wraps.
    const barWidth = Math.min(30, columns - 1 - text.length - 3);
    if (p.total !== null && p.total > 0 && barWidth >= 10) {
      const filled = Math.round((barWidth * p.done) / p.total);
      line = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${text}`;
    }
    // \r back to the start, \x1b[K clear the rest of the old line.
    this.stream.write(`\r${line.slice(0, columns - 1)}\x1b[K`);
    this.drawn = true;
  }
}

/** How many failures the summary lists one by one; the rest are counted by code. */
export const MAX_LISTED_FAILURES = 100;

/** The corpus analysis's summary, as ingest, worker and analyse print it. */
export function analysisLine(a: AnalysisSummary): string {
  return `analysis: ${a.articles} articles, ${a.duplicates} duplicates, ${a.clusters} event clusters (${a.multiArticleClusters} across articles), ${a.conflicts} conflicts, ${seconds(a.ms)}`;
}

export function summaryLines(result: IngestResult): string[] {
  const done = result.added + result.skipped + result.failed;
  const lines = [
    `${result.interrupted ? 'interrupted after' : 'ingested'} ${done} input${done === 1 ? '' : 's'} in ${seconds(result.ms)} (${fixed(rate(done, result.ms))} articles/s): ` +
      `${result.added} added, ${result.skipped} skipped (already stored), ${result.failed} failed`,
  ];
  const share = result.ms > 0 ? (100 * result.storeMs) / result.ms : 0;
  lines.push(`store: ${seconds(result.storeMs)} writing (${share.toFixed(1)}% of the run), ${seconds(result.lookupMs)} looking up keys`);
  if (result.crashes > 0) lines.push(`extraction threads replaced after a crash or timeout: ${result.crashes}`);
  if (result.analysis) lines.push(analysisLine(result.analysis));
  else if (result.unanalysed) lines.push(`analysis: not run; ${result.unanalysed} stored events are in no cluster yet (newsgraph analyse)`);
  if (result.failures.length > 0) {
    lines.push('failed:');
    for (const f of result.failures.slice(0, MAX_LISTED_FAILURES)) lines.push(`  ${f.name}: ${f.message} [${f.code}]`);
    const rest = result.failures.slice(MAX_LISTED_FAILURES);
    if (rest.length > 0) {
      const byCode = new Map<string, number>();
      for (const f of rest) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
      lines.push(`  … and ${rest.length} more: ${[...byCode].map(([code, n]) => `${code} ${n}`).join(', ')}`);
    }
  }
  return lines;
}
