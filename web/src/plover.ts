/**
 * PLOVER types, their quad classes and scores, read from the same table the server
 * uses (knowledge/events/plover-scores.tsv, bundled as text by Vite) so the colours in
 * the UI can never disagree with the scores in the API.
 */
import table from '../../knowledge/events/plover-scores.tsv?raw';
import type { PloverType } from '../../src/core/record.js';

export type QuadClass = 'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict';

export const QUADS: readonly QuadClass[] = ['verbal-cooperation', 'material-cooperation', 'verbal-conflict', 'material-conflict'];

export const QUAD_LABEL: Record<QuadClass, string> = {
  'verbal-cooperation': 'verbal cooperation',
  'material-cooperation': 'material cooperation',
  'verbal-conflict': 'verbal conflict',
  'material-conflict': 'material conflict',
};

interface TypeInfo {
  type: PloverType;
  quad: QuadClass;
  score: number;
}

function parse(text: string): TypeInfo[] {
  const rows: TypeInfo[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const [type, quad, score] = trimmed.split('\t');
    if (type === 'type') continue; // header
    if (type === undefined || !QUADS.includes(quad as QuadClass) || !Number.isFinite(Number(score))) {
      throw new Error(`plover-scores.tsv: bad row ${JSON.stringify(trimmed)}`);
    }
    rows.push({ type: type as PloverType, quad: quad as QuadClass, score: Number(score) });
  }
  return rows;
}

export const PLOVER: readonly TypeInfo[] = parse(table);
const BY_TYPE = new Map(PLOVER.map((t) => [t.type as string, t]));

export function quadOf(type: string): QuadClass | null {
  return BY_TYPE.get(type)?.quad ?? null;
}

/** CSS class colouring a type by its quad class ("quad-material-conflict"). */
export function quadClass(type: string): string {
  const q = quadOf(type);
  return q ? `quad-${q}` : 'quad-unknown';
}

export function isCooperation(type: string): boolean {
  const q = quadOf(type);
  return q === 'verbal-cooperation' || q === 'material-cooperation';
}

/**
 * Colour for a mean score on −10…+10: red for conflict through grey to green for
 * cooperation. Continuous, so it cannot be a fixed set of CSS classes.
 */
export function scoreColor(score: number): string {
  const t = Math.max(-1, Math.min(1, score / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [200, 40, 40] : [30, 150, 60];
  const k = Math.abs(t) ** 0.6; // lift small scores off grey, so −2 already reads as conflict
  const c = grey.map((g, i) => Math.round(g + ((end[i] ?? g) - g) * k));
  return `rgb(${c.join(',')})`;
}
