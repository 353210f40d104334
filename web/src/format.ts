/** Text forms of API values, shared by the tables, tooltips and panels. */
import type { EventRow, StoreStats } from './api.js';
import type { Participant } from '../../src/store/types.js';
import type { Range } from '../../src/core/record.js';

export function participant(p: Participant): string {
  return p.code ? `${p.name} (${p.code})` : p.country ? `${p.name} (${p.country})` : p.name;
}

export function participants(list: readonly Participant[]): string {
  return list.length ? list.map(participant).join(', ') : '—';
}

/** The actor filter value that selects this participant: its code, else its name. */
export function actorFilter(p: { code: string | null; name: string }): string {
  return p.code ?? p.name;
}

/** The date an event is placed at: its own, else the article's publication date. */
export function eventDate(e: Pick<EventRow, 'date' | 'article'>): { text: string; note: string | null } {
  if (e.date) return { text: e.date.value, note: e.date.inferred ? 'inferred' : null };
  if (e.article.published) return { text: e.article.published.slice(0, 10), note: 'publication date' };
  return { text: '—', note: null };
}

export function range(r: Range | null): string | null {
  if (!r || (r.min === null && r.max === null)) return null;
  if (r.min === r.max) return String(r.min);
  if (r.max === null) return `≥ ${r.min}`;
  if (r.min === null) return `≤ ${r.max}`;
  return `${r.min}–${r.max}`;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** First and last day of a "YYYY-MM" or "YYYY-MM-DD" period, for since/until filters. */
export function periodBounds(period: string): { since: string; until: string } {
  if (/^\d{4}-\d{2}$/.test(period)) {
    const [y, m] = period.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { since: `${period}-01`, until: `${period}-${String(last).padStart(2, '0')}` };
  }
  return { since: period, until: period };
}

/** Every period from `first` to `last` inclusive, so gaps show as empty slots. */
export function periodsBetween(first: string, last: string, bucket: 'day' | 'month'): string[] {
  const out: string[] = [];
  if (bucket === 'month') {
    let [y, m] = first.split('-').map(Number) as [number, number];
    const [ly, lm] = last.split('-').map(Number) as [number, number];
    while ((y < ly || (y === ly && m <= lm)) && out.length < 5000) {
      out.push(`${y}-${String(m).padStart(2, '0')}`);
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
    return out;
  }
  const day = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || Number.isNaN(end.getTime())) return [first, last].filter((v, i, a) => a.indexOf(v) === i);
  while (day <= end && out.length < 5000) {
    out.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return out;
}

/** Numbers with thousands separators, fixed to the page's locale-independent format. */
export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * The header's stats line. Events stored since the last corpus analysis are in no
 * cluster yet, so the clusters and the unique-article counts leave them out: say so.
 */
export function statsLine(s: StoreStats): string {
  const line = `${fmt(s.articles)} articles · ${fmt(s.events)} events · ${fmt(s.quotes)} quotes · ${fmt(s.clusters)} clusters`;
  return s.unanalysed > 0 ? `${line} · ${fmt(s.unanalysed)} events not yet in the corpus analysis (run newsgraph analyse)` : line;
}
