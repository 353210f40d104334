/**
 * Test helper: hand-built Docs for the coder's unit tests — our own sentences as
 * "word/TAG" (Penn tags), entities placed by surface, optional dependency arcs.
 */
import { Doc } from '../core/doc.js';
import type { Entity, EntityType, Quote } from '../core/record.js';

export interface EntSpec {
  name: string;
  type: EntityType;
  country: string | null;
  sector?: string | null;
  /** The actor code when it is not country + sector (an intergovernmental body's "IGO…"). */
  code?: string;
  surfaces: string[];
  /** A town: no actor code, geocoded at city precision (the linker's output for one). */
  town?: { lat: number; lon: number };
}

export interface Built {
  doc: Doc;
  ids: Map<string, string>;
}

export function build(tagged: string[], ents: EntSpec[], opts: { published?: string; quotes?: Omit<Quote, 'id' | 'text'>[]; deps?: [number, string][][] } = {}): Built {
  const sents = tagged.map((s) => s.split(' ').map((w) => {
    const i = w.lastIndexOf('/');
    return { word: w.slice(0, i), tag: w.slice(i + 1) };
  }));
  const text = sents.map((s) => s.map((t) => t.word).join(' ')).join(' ');
  const doc = new Doc([text], {
    source: { uri: null, format: 'text', publisher: null }, title: null, authors: [],
    published: opts.published ? { value: opts.published, text: opts.published } : null,
    dateline: null, removed: [], language: 'en',
  });
  let at = 0;
  let tokBase = 0;
  sents.forEach((s, si) => {
    const start = at;
    s.forEach((t, ti) => {
      const dep = opts.deps?.[si]?.[ti];
      doc.tokens.push({
        start: at, end: at + t.word.length, xpos: t.tag,
        ...(dep ? { head: dep[0] < 0 ? -1 : tokBase + dep[0], deprel: dep[1] } : {}),
      });
      at += t.word.length + 1;
    });
    doc.sentences.push({ start, end: at - 1 });
    tokBase += s.length;
  });
  const ids = new Map<string, string>();
  doc.entities = ents.map((e, i): Entity => {
    const id = `E${i + 1}`;
    ids.set(e.name, id);
    const mentions = e.surfaces.flatMap((surf) => {
      const out = [];
      for (let k = text.indexOf(surf); k >= 0; k = text.indexOf(surf, k + 1)) {
        const before = text[k - 1];
        const after = text[k + surf.length];
        if ((before === undefined || before === ' ') && (after === undefined || after === ' ')) out.push({ start: k, end: k + surf.length, text: surf, kind: 'name' as const });
      }
      return out;
    });
    const code = e.town ? null : e.code ?? (e.country && e.sector ? `${e.country}${e.sector}` : e.country);
    const geo = e.town ? { ...e.town, precision: 'city' as const } : null;
    return { id, name: e.name, type: e.type, mentions, country: e.country, role: null, sector: e.sector ?? null, code, geo, ids: {} };
  });
  doc.quotes = (opts.quotes ?? []).map((q, i) => ({ ...q, id: `Q${i + 1}`, text: text.slice(q.start, q.end) }));
  return { doc, ids };
}

