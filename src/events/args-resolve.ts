/**
 * From phrases to entity ids, with the few discourse rules an event coder needs:
 * "the two countries" / "both sides" name the last pair of actors mentioned
 * together, and "I"/"we" inside a quotation are its speaker.
 */
import { bisect } from '../core/bisect.js';
import type { Entity } from '../core/record.js';
import type { Phrase } from './np.js';
import { conjuncts, phraseEntities } from './np.js';
import type { DocView } from './view.js';
import { entityAt, isActorEntity, previousSentenceStart, sentenceStartOf } from './view.js';

const IMPERSONAL: ReadonlySet<string> = new Set(['it', 'they']);
const POSSESSIVE: ReadonlySet<string> = new Set(['its', 'their']);
const ARGUMENT_RELS: ReadonlySet<string> = new Set(['nsubj', 'nsubj:pass', 'nsubj:outer', 'obj', 'iobj']);
const QUALIFIER_RELS: ReadonlySet<string> = new Set(['amod', 'nmod:poss', 'flat', 'appos']);
// A government named by its office alone: "the junta", "the authorities", "the interim government".
const STATE_BODIES: ReadonlySet<string> = new Set(['government', 'regime', 'junta', 'authorities', 'administration', 'cabinet']);
const PAIR_WORDS = /^(?:the two|both|both the) (?:countries|sides|nations|neighbou?rs|states|governments|parties|armies|rivals|leaders|ministers|presidents|delegations)$/;

export interface Resolved {
  ids: string[];
  exact: boolean;
}

export class Resolver {
  /** Last pair of actors seen as "X and Y", by token index of the "and". */
  private readonly pairs: { at: number; ids: [string, string] }[] = [];

  constructor(private readonly v: DocView, private readonly speakerAt: (tokenIndex: number) => string | null) {
    for (let i = 1; i + 1 < v.toks.length; i++) {
      if (v.info[i]!.lower !== 'and') continue;
      const a = entityAt(v, i - 1);
      const b = entityAt(v, i + 1);
      if (a && b && a.entity.id !== b.entity.id && isActorEntity(a.entity) && isActorEntity(b.entity)) {
        this.pairs.push({ at: i, ids: [a.entity.id, b.entity.id] });
      }
    }
  }

  speakerOf(tok: number): string | null {
    return this.speakerAt(tok);
  }

  private text(p: Phrase): string {
    const words: string[] = [];
    for (let k = p.first; k <= p.last; k++) words.push(this.v.info[k]!.lower);
    return words.join(' ');
  }

  /**
   * The country, organisation or group a pronoun at `tok` stands for: in its own sentence the
   * nearest one that is a clause's subject or object, else the nearest one in this sentence or
   * the one before. A name inside a modifier is rarely what "it" picks up: in "Washington will
   * announce sanctions against Japanese products after it accused Tokyo", "it" is Washington.
   */
  private collectiveBefore(tok: number): string | null {
    const floor = previousSentenceStart(this.v.sentTokens, tok);
    const own = sentenceStartOf(this.v.sentTokens, tok);
    let nearest: string | null = null;
    for (let k = tok - 1; k >= floor; k--) {
      const r = entityAt(this.v, k);
      if (!r || r.entity.type === 'PERSON' || !isActorEntity(r.entity)) continue;
      if (k < own) return nearest ?? r.entity.id;
      if (this.isArgument(r.last)) return r.entity.id;
      nearest ??= r.entity.id;
    }
    return nearest;
  }

  /** Token `k` heads, or qualifies the head of, a clause's subject or object. */
  private isArgument(k: number): boolean {
    const toks = this.v.toks;
    let t = toks[k]!;
    if (t.deprel !== undefined && QUALIFIER_RELS.has(t.deprel) && t.head !== undefined && t.head >= 0) t = toks[t.head]!;
    return t.deprel !== undefined && ARGUMENT_RELS.has(t.deprel);
  }

  /**
   * "the junta", "the authorities": a definite government with no country of its own, the
   * state named last before it (this sentence or the one before), as for "it"; else null.
   */
  private stateBodyAt(c: Phrase): string | null {
    if (this.v.info[c.first]!.lower !== 'the' || !STATE_BODIES.has(this.v.info[c.head]!.lower) || c.head !== c.last) return null;
    for (let k = c.first + 1; k < c.head; k++) {
      const x = this.v.info[k]!;
      if (!(x.xpos === 'JJ' || x.xpos === 'VBN' || x.lower === 'military')) return null;
    }
    const floor = previousSentenceStart(this.v.sentTokens, c.first);
    for (let k = c.first - 1; k >= floor; k--) {
      const e = entityAt(this.v, k)?.entity;
      if (e && e.type === 'GPE' && e.code !== null && e.code === e.country) return e.id;
    }
    return null;
  }

  /** Pairs are in text order, so the last one before `tok` is found by bisection. */
  private lastPairBefore(tok: number): [string, string] | null {
    const i = bisect(this.pairs.length, (k) => this.pairs[k]!.at >= tok);
    return i > 0 ? this.pairs[i - 1]!.ids : null;
  }

  resolve(phrases: readonly Phrase[], accept: (e: Entity) => boolean = isActorEntity): Resolved {
    const ids: string[] = [];
    let exact = true;
    for (const p of phrases) {
      for (const c of conjuncts(this.v, p)) {
        const words = this.text(c);
        if (PAIR_WORDS.test(words)) {
          const pair = this.lastPairBefore(c.first);
          if (pair) for (const id of pair) if (!ids.includes(id)) ids.push(id);
          exact = false;
          continue;
        }
        if (c.first === c.last && (words === 'i' || words === 'we')) {
          const sp = this.speakerAt(c.first);
          if (sp && !ids.includes(sp)) ids.push(sp);
          continue;
        }
        const named = phraseEntities(this.v, c, accept);
        for (const n of named) {
          if (!ids.includes(n.entity.id)) ids.push(n.entity.id);
          if (!n.exact) exact = false;
        }
        if (named.length === 0) {
          const state = this.stateBodyAt(c);
          if (state !== null) {
            if (!ids.includes(state)) ids.push(state);
            exact = false;
            continue;
          }
        }
        // "it"/"they" (and "its troops") stand for the nearest collective actor before them.
        const first = this.v.info[c.first]!.lower;
        if (named.length === 0 && ((c.first === c.last && IMPERSONAL.has(first)) || POSSESSIVE.has(first))) {
          const id = this.collectiveBefore(c.first);
          if (id && !ids.includes(id)) ids.push(id);
          exact = false;
        }
      }
    }
    return { ids, exact };
  }
}
