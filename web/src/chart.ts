/** Small SVG chart pieces (axes, scales) shared by the timeline and dyad views. */
import { s } from './dom.js';

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function innerWidth(f: Frame): number {
  return f.width - f.left - f.right;
}

export function innerHeight(f: Frame): number {
  return f.height - f.top - f.bottom;
}

/** A linear scale from [d0, d1] to [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** Round tick values covering [0, max], about `count` of them. */
export function ticks(max: number, count = 5): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

export function svgRoot(f: Frame, label: string): SVGSVGElement {
  return s('svg', { viewBox: `0 0 ${f.width} ${f.height}`, class: 'chart', role: 'img', 'aria-label': label, preserveAspectRatio: 'xMidYMid meet' });
}

/** Left axis with horizontal grid lines at the ticks. */
export function yAxis(f: Frame, values: readonly number[], y: (v: number) => number, format: (v: number) => string = String, side: 'left' | 'right' = 'left'): SVGGElement {
  const g = s('g', { class: 'axis' });
  const x = side === 'left' ? f.left : f.width - f.right;
  for (const v of values) {
    const yy = y(v).toFixed(1);
    if (side === 'left') g.append(s('line', { x1: f.left, x2: f.width - f.right, y1: yy, y2: yy, class: 'grid' }));
    g.append(s('text', { x: side === 'left' ? x - 6 : x + 6, y: yy, 'text-anchor': side === 'left' ? 'end' : 'start', 'dominant-baseline': 'middle' }, format(v)));
  }
  return g;
}

/** Labels under the bars, thinned so they do not overlap. */
export function xLabels(f: Frame, labels: readonly string[], center: (i: number) => number, minGap = 60): SVGGElement {
  const g = s('g', { class: 'axis' });
  // About 7 units per character at the chart's 11px font, plus a gap.
  const gap = Math.max(minGap, Math.max(0, ...labels.map((l) => l.length)) * 7 + 12);
  const band = labels.length > 1 ? Math.abs(center(1) - center(0)) : gap;
  const every = Math.max(1, Math.ceil(gap / band));
  labels.forEach((label, i) => {
    if (i % every !== 0) return;
    g.append(s('text', { x: center(i).toFixed(1), y: f.height - f.bottom + 16, 'text-anchor': 'middle' }, label));
  });
  return g;
}
