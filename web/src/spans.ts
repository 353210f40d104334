/**
 * Overlapping annotations (an entity inside a quote inside a sentence, a trigger that
 * is also part of an entity mention) cannot be nested as elements in general: two spans
 * may overlap without one containing the other. So the text is split at every span
 * boundary into segments, and each segment knows every span covering it. Rendering is
 * then flat and the overlap shows as combined styles. Pure: no DOM.
 */

export interface Span<T> {
  start: number;
  end: number;
  data: T;
}

export interface Segment<T> {
  start: number;
  end: number;
  /** Spans covering the whole segment, in the order they were given. */
  covering: T[];
}

/**
 * Split [0, length) into segments at every span boundary. Spans that are empty or lie
 * outside the text are dropped (a stale offset must not break the page); spans running
 * past the end are cut at the end.
 */
export function segment<T>(length: number, spans: readonly Span<T>[]): Segment<T>[] {
  const valid: Array<Span<T> & { order: number }> = [];
  spans.forEach((sp, order) => {
    const start = Math.max(0, Math.floor(sp.start));
    const end = Math.min(length, Math.floor(sp.end));
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) valid.push({ start, end, data: sp.data, order });
  });
  const cuts = new Set<number>([0, length]);
  for (const sp of valid) {
    cuts.add(sp.start);
    cuts.add(sp.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  valid.sort((a, b) => a.start - b.start || a.order - b.order);

  const out: Segment<T>[] = [];
  let next = 0; // first span in `valid` not yet active
  let active: Array<Span<T> & { order: number }> = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    active = active.filter((sp) => sp.end > a);
    while (next < valid.length && (valid[next] as Span<T>).start <= a) {
      const sp = valid[next] as Span<T> & { order: number };
      if (sp.end > a) active.push(sp);
      next++;
    }
    const covering = [...active].sort((x, y) => x.order - y.order).map((sp) => sp.data);
    out.push({ start: a, end: b, covering });
  }
  return out;
}
