/** Test helper: the quotes of our own paragraphs, with entities placed by surface as the entities stage would. */
import type { Entity, EntityType, MentionKind } from '../core/record.js';
import { Doc, emptyMeta } from '../core/doc.js';
import { splitSentences } from '../nlp/sentences.js';
import { findQuotes } from './find.js';

export interface QuoteSeen { text: string; speaker: string | null; direct: boolean; cue: string | null; channel: string | null }

/**
 * Each entity is [name, type, [surface, kind][]]: every occurrence of a surface becomes one of its
 * mentions. No tags, so the finite-verb test falls back to its word list. Speakers come back by name.
 */
export function quotesOf(paras: string[], ents: [string, EntityType, [string, MentionKind][]][], sector: Record<string, string> = {}): QuoteSeen[] {
  const { text, paragraphs } = new Doc(paras, emptyMeta({ language: 'en' }));
  const entities: Entity[] = ents.map(([name, type, surfaces], i) => ({
    id: `E${i + 1}`, name, type, country: null, role: null, sector: sector[name] ?? null, code: null, geo: null, ids: {},
    mentions: surfaces.flatMap(([s, kind]) => {
      const out = [];
      for (let k = text.indexOf(s); k >= 0; k = text.indexOf(s, k + 1)) out.push({ start: k, end: k + s.length, text: s, kind });
      return out;
    }),
  }));
  const quotes = findQuotes({ text, paragraphs, sentences: splitSentences(text, paragraphs), entities });
  const name = (id: string | null): string | null => entities.find((e) => e.id === id)?.name ?? null;
  return quotes.map((q) => ({ text: q.text, speaker: name(q.speaker), direct: q.direct, cue: q.cue, channel: q.channel }));
}
