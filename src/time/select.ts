/** Choosing among overlapping matches, and joining a date with its clock time. */
import type { Candidate, Mention } from './mention.js';

/** Longest match first; an accepted span blocks every candidate overlapping it. */
export function selectLongest(candidates: readonly Candidate[]): Candidate[] {
  const order = candidates.slice().sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  // Occupied offsets: linear in the total span length, however many candidates overlap.
  const end = candidates.reduce((n, c) => Math.max(n, c.end), 0);
  const used = new Uint8Array(end);
  const taken: Candidate[] = [];
  for (const c of order) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = used[i] === 0;
    if (!free) continue;
    used.fill(1, c.start, c.end);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function isDayLevel(m: Mention): boolean {
  if (m.kind === 'date') return m.time === null && (m.d !== null || m.weekday !== null);
  return m.kind === 'relative' && m.unit === 'day' && m.time === null;
}

function withTime(m: Mention, time: Extract<Mention, { kind: 'clock' }>['time']): Mention {
  if (m.kind === 'date' || m.kind === 'relative') return { ...m, time };
  return m;
}

/** "Dec. 9 at 14:00", "09th Dec, 2020. 10:13 pm", "10:30 a.m. on Tuesday" become one time. */
export function joinClockTimes(text: string, selected: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < selected.length; i++) {
    const a = selected[i]!;
    const b = selected[i + 1];
    if (b) {
      const gap = text.slice(a.end, b.start);
      if (isDayLevel(a.mention) && b.mention.kind === 'clock' && /^\s*(?:[,.]\s*)?(?:at\s+|around\s+)?$/i.test(gap)) {
        out.push({ start: a.start, end: b.end, mention: withTime(a.mention, b.mention.time) });
        i++;
        continue;
      }
      if (a.mention.kind === 'clock' && isDayLevel(b.mention) && /^\s*,?\s*(?:on\s+)?$/i.test(gap)) {
        out.push({ start: a.start, end: b.end, mention: withTime(b.mention, a.mention.time) });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
