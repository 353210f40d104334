/**
 * From a speaker phrase to an entity id, using the entities stage's mentions:
 * prefer a person inside the phrase (its rightmost: the head of "Azerbaijani
 * ambassador to Pakistan Ali Alizada"), then an organisation, then a country;
 * a pronoun takes the nearest person mentioned before it outside any quote; a
 * nominal phrase with no entity inside takes the entity it stands in apposition to.
 */
import type { Entity, EntityType } from '../core/record.js';
import type { Span } from '../core/span.js';
import { PRONOUN_RE } from './phrases.js';

interface IndexedMention extends Span {
  entity: string;
  type: EntityType;
}

const PREFERENCE: readonly EntityType[] = ['PERSON', 'ORG', 'GPE'];

export class SpeakerResolver {
  private readonly mentions: IndexedMention[];

  constructor(private readonly text: string, entities: readonly Entity[], private readonly quoted: readonly Span[]) {
    this.mentions = entities
      .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e.id, type: e.type })))
      .sort((a, b) => a.start - b.start);
  }

  private insideQuote(s: Span): boolean {
    return this.quoted.some((q) => q.start <= s.start && s.end <= q.end);
  }

  resolve(phrase: Span): string | null {
    const inside = this.mentions.filter((m) => m.start < phrase.end && phrase.start < m.end && !this.insideQuote(m));
    for (const type of PREFERENCE) {
      const found = inside.filter((m) => m.type === type);
      if (found.length > 0) return found[found.length - 1]!.entity;
    }
    const words = this.text.slice(phrase.start, phrase.end);
    if (PRONOUN_RE.test(words.trim())) {
      if (/^(?:it|they|we)$/i.test(words.trim())) return this.previous(phrase.start, ['ORG', 'GPE']);
      if (/^I$/.test(words.trim())) return null;
      return this.previous(phrase.start, ['PERSON']);
    }
    // Apposition: "Jeyhun Bayramov, the Azeri foreign minister, said".
    const before = this.text.slice(Math.max(0, phrase.start - 3), phrase.start);
    if (/,\s*$/.test(before)) {
      const app = this.mentions.filter((m) => m.end <= phrase.start && phrase.start - m.end <= 3 && m.type === 'PERSON');
      if (app.length > 0) return app[app.length - 1]!.entity;
    }
    return null;
  }

  private previous(offset: number, types: readonly EntityType[]): string | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end <= offset && types.includes(m.type) && !this.insideQuote(m)) return m.entity;
    }
    return null;
  }
}
