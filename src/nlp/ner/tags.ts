/**
 * Tag schemes. The model decodes BILOU (Ratinov & Roth 2009: explicit Last/Unit
 * tags let single-token and span-final evidence get their own weights), and the
 * public API speaks IOB2. Spans are token ranges [start, end).
 */

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface TokenSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** BILOU tag list: index 0 is O, then B/I/L/U for each type. */
export const BILOU_TAGS: readonly string[] = [
  'O',
  ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`]),
];
export const NUM_TAGS = BILOU_TAGS.length;

const TAG_INDEX = new Map(BILOU_TAGS.map((t, i) => [t, i]));

export function tagIndex(tag: string): number {
  const i = TAG_INDEX.get(tag);
  if (i === undefined) throw new Error(`unknown BILOU tag ${tag}`);
  return i;
}

function isType(s: string): s is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(s);
}

/**
 * Spans from IOB1 or IOB2 tags (conlleval's chunk rules): a chunk starts at B-, or at
 * I- after O or after a different type; unknown types become O.
 */
export function spansFromIob(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  tags.forEach((tag, i) => {
    const prefix = tag.slice(0, 2);
    const type = tag.slice(2);
    const inside = (prefix === 'I-' || prefix === 'B-') && isType(type);
    if (!inside) {
      cur = null;
      return;
    }
    if (prefix === 'B-' || cur === null || cur.type !== type) {
      cur = { start: i, end: i + 1, type };
      spans.push(cur);
    } else {
      cur.end = i + 1;
    }
  });
  return spans;
}

export function spansToIob2(spans: readonly TokenSpan[], length: number): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) tags[i] = `${i === s.start ? 'B' : 'I'}-${s.type}`;
  }
  return tags;
}

export function spansToBilou(spans: readonly TokenSpan[], length: number): Int8Array {
  const tags = new Int8Array(length);
  for (const s of spans) {
    if (s.end - s.start === 1) {
      tags[s.start] = tagIndex(`U-${s.type}`);
      continue;
    }
    for (let i = s.start; i < s.end; i++) {
      const p = i === s.start ? 'B' : i === s.end - 1 ? 'L' : 'I';
      tags[i] = tagIndex(`${p}-${s.type}`);
    }
  }
  return tags;
}

/** Spans from a BILOU index sequence; lenient so a malformed path still yields spans. */
export function spansFromBilou(tags: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = BILOU_TAGS[tags[i] ?? 0] ?? 'O';
    if (tag === 'O') {
      open = null;
      continue;
    }
    const p = tag[0];
    const type = tag.slice(2) as EntityType;
    if (p === 'B' || p === 'U' || open === null || open.type !== type) {
      open = { start: i, end: i + 1, type };
      spans.push(open);
    } else {
      open.end = i + 1;
    }
    if (p === 'L' || p === 'U') open = null;
  }
  return spans;
}

/** Allowed BILOU transitions; the decoder never leaves a span half-open. */
export function allowedTransition(from: number, to: number): boolean {
  const a = BILOU_TAGS[from] ?? 'O';
  const b = BILOU_TAGS[to] ?? 'O';
  const aOpen = a[0] === 'B' || a[0] === 'I';
  const bContinues = b[0] === 'I' || b[0] === 'L';
  if (aOpen) return bContinues && a.slice(2) === b.slice(2);
  return !bContinues;
}

export function allowedStart(tag: number): boolean {
  const t = BILOU_TAGS[tag] ?? 'O';
  return t[0] !== 'I' && t[0] !== 'L';
}

export function allowedEnd(tag: number): boolean {
  const t = BILOU_TAGS[tag] ?? 'O';
  return t[0] !== 'B' && t[0] !== 'I';
}
