/** An entity under construction: mentions gathered by linking and coreference. */
import type { Entity, EntityType, Geo, Mention, MentionKind } from '../core/record.js';
import type { Span } from '../core/span.js';
import { nameTokens } from './names.js';

export class Cluster {
  /** Mentions added to any cluster so far: tells an index over them (mention-index.ts) that it is behind. */
  static additions = 0;
  readonly mentions: Mention[] = [];
  /** "start:end" of each mention once there are many, so that a repeat is refused without a scan. */
  private spans: Set<string> | null = null;
  type: EntityType;
  name: string;
  tokens: string[];
  country: string | null = null;
  role: string | null = null;
  sector: string | null = null;
  code: string | null = null;
  geo: Geo | null = null;
  ids: Record<string, string | number> = {};
  /** A person's gender where an honorific states it ("Mr", "Mrs", "Dame"): pronouns must agree. */
  gender: 'm' | 'f' | null = null;
  /**
   * A person's party (its name in organisations.tsv), where a title states it ("Tory leader
   * Michael Howard") or the table gives a leader's: "the Tory leader" is no Labour prime
   * minister. Not in the record.
   */
  party: string | null = null;
  /** Set when a knowledge entry fixed the attributes (office, organisation, country). */
  linked = false;

  constructor(type: EntityType, name: string) {
    this.type = type;
    this.name = name;
    this.tokens = nameTokens(name);
  }

  add(text: string, span: Span, kind: MentionKind): void {
    if (this.isRepeat(span)) return;
    this.mentions.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end), kind });
    Cluster.additions++;
    // The fullest name seen is the canonical one; a dateline's capitals give way to the usual case.
    if (kind === 'name') {
      const surface = text.slice(span.start, span.end);
      const t = nameTokens(surface);
      const recased = t.length === this.tokens.length && this.name === this.name.toUpperCase() && surface !== surface.toUpperCase();
      if (t.length > this.tokens.length || recased) {
        this.tokens = t;
        this.name = text.slice(span.start, span.end);
      }
    }
  }

  /** Whether the span is a mention already (and, if not, notes it as one). */
  private isRepeat(span: Span): boolean {
    if (this.spans === null) {
      if (this.mentions.length < 16) return this.mentions.some((m) => m.start === span.start && m.end === span.end);
      this.spans = new Set(this.mentions.map((m) => `${m.start}:${m.end}`));
    }
    const key = `${span.start}:${span.end}`;
    if (this.spans.has(key)) return true;
    this.spans.add(key);
    return false;
  }

  /** Fill attributes that are still unknown; a linked entry's values are not overwritten. */
  fill(attrs: { country?: string | null; role?: string | null; sector?: string | null }): void {
    this.country ??= attrs.country ?? null;
    this.role ??= attrs.role ?? null;
    this.sector ??= attrs.sector ?? null;
  }

  firstOffset(): number {
    // A loop, not Math.min(...): an entity named 100k times would overflow the call stack.
    let first = Infinity;
    for (const m of this.mentions) first = Math.min(first, m.start);
    return first;
  }

  toEntity(id: string): Entity {
    const mentions = this.mentions.slice().sort((a, b) => a.start - b.start || a.end - b.end);
    const code = this.code ?? (this.country && this.sector ? this.country + this.sector : null);
    // A name is a label: a line break of the page it was read from ("Fort\nLauderdale") is a space.
    return {
      id, name: this.name.replace(/\s+/g, ' '), type: this.type, mentions, country: this.country, role: this.role,
      sector: this.sector, code, geo: this.geo, ids: this.ids,
    };
  }
}
