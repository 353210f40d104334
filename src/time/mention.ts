/**
 * What a matcher found before it is resolved: a span plus the calendar facts the
 * words state. Resolution (resolve.ts) turns a mention into a TimeExpr once the
 * publication date, the clause tense and the previous time in the text are known.
 */

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year' | 'decade' | 'century';

/** `last`/`next` are strict (never the publication's own day or month). */
export type Shift = 'last' | 'next' | 'this' | null;

export interface ClockTime {
  h: number;
  min: number;
  /** ISO offset ("Z", "+02:00") when the text names a zone we know. */
  zone: string | null;
}

export type Mention =
  /** Any of year, month, day, weekday; missing parts come from the publication date. */
  | {
    kind: 'date'; y: number | null; m: number | null; d: number | null; weekday: number | null; shift: Shift; time: ClockTime | null;
    /** "August last year": the year counted from publication. */
    yearOffset?: number | undefined;
  }
  | { kind: 'year'; y: number }
  | { kind: 'decade'; y: number }
  | { kind: 'season'; season: 'spring' | 'summer' | 'autumn' | 'winter'; y: number | null; shift: Shift }
  /**
   * Offset in whole units from the publication date (anchor published) or the
   * previous time (context). `exact` offsets count days ("a week later" is seven
   * days on); the others step calendar units ("the following week" is a week).
   */
  | { kind: 'relative'; unit: 'day' | 'week' | 'month' | 'year'; offset: number; anchor: 'published' | 'context'; exact: boolean; time: ClockTime | null }
  /** A clock time with no date of its own: it takes the publication day. */
  | { kind: 'clock'; time: ClockTime }
  /** `amount` null when the quantity is vague ("several days", "for months"). */
  | { kind: 'duration'; amount: number | null; unit: Unit; anchored: boolean; afterIn: boolean }
  | { kind: 'vague'; anchor: 'published' | 'context' }
  /** "the weekend", "last weekend": the ISO week that holds it. */
  | { kind: 'weekend'; shift: Shift }
  /** Looks like a date but names no real day ("31 February"): claims its span, emits nothing. */
  | { kind: 'invalid' };

export interface Candidate {
  start: number;
  end: number;
  mention: Mention;
}
