/**
 * A small force-directed layout (Fruchterman–Reingold style: every pair repels, edges
 * pull, a temperature that cools bounds each step) for the actor network. Seeded and
 * order-independent, so the same network always gets the same picture and a test can
 * rely on it. Pure: no DOM.
 */
import { rng } from '../../src/core/rng.js';

export interface LayoutNode {
  id: string;
  /** Bigger nodes push a little harder, so busy actors get room for their labels. */
  weight: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
  weight: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  iterations?: number;
  seed?: number;
  /** Empty border kept free of node centres (room for labels). */
  margin?: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Seeded starting positions: the project's one PRNG (src/core/rng.ts). */
export const seededRandom = rng;

export function forceLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions): Map<string, Point> {
  const { width, height } = options;
  const iterations = options.iterations ?? 300;
  const margin = options.margin ?? 30;
  const rand = seededRandom(options.seed ?? 1);
  // Sorting makes the result independent of the order the API listed the nodes in.
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  const index = new Map(sorted.map((node, i) => [node.id, i]));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = margin + rand() * (width - 2 * margin);
    ys[i] = margin + rand() * (height - 2 * margin);
  }
  const out = new Map<string, Point>();
  if (n === 0) return out;
  if (n === 1) {
    out.set((sorted[0] as LayoutNode).id, { x: width / 2, y: height / 2 });
    return out;
  }

  const area = (width - 2 * margin) * (height - 2 * margin);
  const k = Math.sqrt(area / n);
  const links = edges
    .map((e) => ({ s: index.get(e.source), t: index.get(e.target), w: e.weight }))
    .filter((e): e is { s: number; t: number; w: number } => e.s !== undefined && e.t !== undefined && e.s !== e.t)
    // Floating-point sums depend on their order: fix it, as for the nodes.
    .sort((a, b) => a.s - b.s || a.t - b.t || a.w - b.w);
  const mass = sorted.map((node) => 1 + Math.log1p(Math.max(0, node.weight)) / 3);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cx = width / 2;
  const cy = height / 2;
  // Gravity grows with the distance from the centre. Against the repulsion of n nodes
  // (about n·k²/r = area/r) it balances at r² = area/g: pick g so that the cloud
  // settles within about a third of the box each way instead of piling up at the border.
  const gx = area / (0.35 * (width - 2 * margin)) ** 2;
  const gy = area / (0.35 * (height - 2 * margin)) ** 2;

  for (let step = 0; step < iterations; step++) {
    const temperature = (Math.min(width, height) / 8) * (1 - step / iterations) + 0.5;
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = (xs[i] as number) - (xs[j] as number);
        let ddy = (ys[i] as number) - (ys[j] as number);
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-6) {
          // Coincident nodes: nudge apart in a seeded direction.
          ddx = rand() - 0.5;
          ddy = rand() - 0.5;
          d2 = ddx * ddx + ddy * ddy;
        }
        const f = (k * k * ((mass[i] as number) + (mass[j] as number))) / 2 / d2;
        dx[i] = (dx[i] as number) + ddx * f;
        dy[i] = (dy[i] as number) + ddy * f;
        dx[j] = (dx[j] as number) - ddx * f;
        dy[j] = (dy[j] as number) - ddy * f;
      }
    }
    for (const { s, t, w } of links) {
      const ddx = (xs[s] as number) - (xs[t] as number);
      const ddy = (ys[s] as number) - (ys[t] as number);
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-3;
      const f = (d / k) * (1 + Math.log1p(w) / 2);
      dx[s] = (dx[s] as number) - ddx * f;
      dy[s] = (dy[s] as number) - ddy * f;
      dx[t] = (dx[t] as number) + ddx * f;
      dy[t] = (dy[t] as number) + ddy * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity keeps unconnected actors from drifting to the border.
      dx[i] = (dx[i] as number) + (cx - (xs[i] as number)) * gx;
      dy[i] = (dy[i] as number) + (cy - (ys[i] as number)) * gy;
      const len = Math.sqrt((dx[i] as number) ** 2 + (dy[i] as number) ** 2);
      if (len > 0) {
        const move = Math.min(len, temperature);
        xs[i] = (xs[i] as number) + ((dx[i] as number) / len) * move;
        ys[i] = (ys[i] as number) + ((dy[i] as number) / len) * move;
      }
      xs[i] = Math.max(margin, Math.min(width - margin, xs[i] as number));
      ys[i] = Math.max(margin, Math.min(height - margin, ys[i] as number));
    }
  }
  sorted.forEach((node, i) => out.set(node.id, { x: xs[i] as number, y: ys[i] as number }));
  return out;
}
