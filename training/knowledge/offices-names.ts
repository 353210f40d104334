/**
 * Name and date helpers shared by the office-holder build script. Kept apart from
 * src/knowledge/offices.ts on purpose: the build runs on research data and may be
 * lax; the runtime loader has its own small normaliser so src/ never imports training/.
 */

/** Letters NFKD does not decompose into an ASCII base plus marks. */
const FOLD: Record<string, string> = {
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ə: 'e',
};

export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłøđðþßæœə]/g, (c) => FOLD[c] ?? c)
    .replace(/['’ʼ`ʻ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Tokens that say little about who someone is (particles, honorifics, very common given names). */
const WEAK = new Set(
  (
    'al el ad as ash at az bin ibn bint abu abd abdul abdel de da do dos das di del della la le van von der den ' +
    'mohammad muhammad mohammed mohamed muhammed ahmad ahmed ali abdullah abdallah sheikh shaikh prince king queen ' +
    'emir sultan sayyid sayed seyyed hojatolislam ayatollah mullah mawlawi sir lord dr mr mrs jr'
  ).split(' '),
);

export function strongTokens(name: string): string[] {
  return normName(name)
    .split(' ')
    .filter((t) => t.length >= 3 && !WEAK.has(t));
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Transliterations differ by a letter or two: Sargsyan/Sarkisyan, Muallem/Mualem. */
function tokenMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  return n >= 5 && editDistance(a, b) <= Math.max(1, Math.floor(n / 4));
}

/** Two names denote the same person when they share two distinctive tokens, or when
 *  one's last distinctive token (the surname, mostly) appears in the other. Only ever
 *  asked about terms of one country and office that overlap in time, so this need
 *  not be perfect; sharing a given name ("José") is not enough. */
export function samePerson(a: string[], b: string[]): boolean {
  for (const x of a) {
    const tx = strongTokens(x);
    for (const y of b) {
      if (normName(x) === normName(y)) return true;
      const ty = strongTokens(y);
      const shared = tx.filter((t) => ty.some((u) => tokenMatch(t, u)));
      if (shared.length >= 2) return true;
      const lx = tx[tx.length - 1];
      const ly = ty[ty.length - 1];
      if ((lx !== undefined && ty.some((u) => tokenMatch(lx, u))) || (ly !== undefined && tx.some((u) => tokenMatch(ly, u)))) return true;
    }
  }
  return false;
}

const HONORIFICS =
  /^(hojatolislam|hojjat ol eslam|ayatollah|sheikh|shaikh|king|queen|emir|amir|sultan|prince|princess|mullah|general|gen|colonel|col|marshal|field marshal|dr|sir|lord|foreign minister|president|prime minister)\s+/i;

/** "HOJATOLISLAM_MOHAMMAD_KHATAMI_" → "Mohammad Khatami". */
export function titleCaseName(raw: string): string {
  let s = raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) s = s.replace(HONORIFICS, '');
  return s
    .toLowerCase()
    .replace(/(^|[\s\-'(.])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())
    .replace(/\b(Al|El|Bin|Ibn|Bint|De|Da|Van|Von|Der|La|Le|Di|Du|Ul)\b(?=[\s-])/g, (w, _x, off: number) =>
      off === 0 ? w : w.toLowerCase(),
    )
    .replace(/\b(Ii|Iii|Iv|Vi|Vii|Viii|Ix|Xi|Xii)\b/g, (w) => w.toUpperCase());
}

// ---- dates -------------------------------------------------------------------

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1] ?? 31;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "20050231" → "2005-02-28": the sources write month ends as day 31 whatever the month. */
export function isoFromCompact(d: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(d);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  let day = Number(m[3]);
  if (y < 1800 || mo < 1 || mo > 12) return null;
  if (day < 1) day = 1;
  day = Math.min(day, daysInMonth(y, mo));
  return `${y}-${pad(mo)}-${pad(day)}`;
}

/** Day number (days since 1970-01-01) of the first or last day an ISO date of any precision covers. */
export function dayOf(iso: string, edge: 'first' | 'last'): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) throw new Error(`bad date ${iso}`);
  const y = Number(m[1]);
  const mo = m[2] === undefined ? (edge === 'first' ? 1 : 12) : Number(m[2]);
  const d = m[3] === undefined ? (edge === 'first' ? 1 : daysInMonth(y, mo)) : Number(m[3]);
  return Math.floor(Date.UTC(y, mo - 1, d) / 86_400_000);
}

export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(Math.min(d, daysInMonth(y, m)))}`;
}
