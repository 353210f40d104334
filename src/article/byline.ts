/**
 * Bylines: "By Jane Doe and John Roe", "Jane Doe, Senior Correspondent",
 * "Jane Doe | Reuters", and the glued form scrapers produce when a name and a role
 * sat in adjacent elements: "Aizbah KhanWeb Editor" → "Aizbah Khan" + "Web Editor".
 * The glue is found where a lowercase letter runs straight into a capital inside
 * one word and the tail reads as a role (ends in a known role word).
 */
import type { Author } from '../core/record.js';

const ROLE_WORDS = [
  'editor', 'correspondent', 'reporter', 'writer', 'staff', 'desk', 'contributor', 'columnist',
  'analyst', 'producer', 'journalist', 'chief', 'bureau', 'anchor', 'author', 'blogger',
  'intern', 'photographer', 'commentator', 'director', 'manager', 'publisher', 'team',
  'head', 'lead', 'fellow', 'economist', 'strategist', 'critic', 'researcher', 'specialist',
];
const ROLE_TAIL = new RegExp(`\\b(?:${ROLE_WORDS.join('|')})s?\\.?$`, 'i');
const ROLE_ANY = new RegExp(`\\b(?:${ROLE_WORDS.join('|')})s?\\b`, 'i');

// A personal name: 2–4 capitalised words, initials, particles (van, de, al-, bin).
// Letters are Unicode classes: "Siobhán", "Ríos", "Łukasz" are names too.
const NAME_WORD = "(?:\\p{Lu}[\\p{L}'’-]*\\p{Ll}[\\p{L}'’-]*|\\p{Lu}\\.|\\p{Lu}{2,}|(?:van|von|de|del|der|da|di|du|la|le|bin|ibn|al|el|ul)(?=\\s)|(?:al|el)-\\p{Lu}[\\p{Ll}'’-]+)";
const NAME_RE = new RegExp(`^${NAME_WORD}(?:\\s+${NAME_WORD}){1,4}$`, 'u');

// "By", and the credit lines that name what the person made: "Story and photos by",
// "Text and pictures by", "Words, photos by".
const PREFIX =
  /^(?:(?:(?:story|text|words|report|reporting|photos?|pictures?|video|graphics)(?:\s*(?:,|and|&)\s*(?:story|text|words|photos?|pictures?|photography|video|graphics))?\s+)?by|written by|reported by|from|author:?|posted by|compiled by)\s+/i;
const MAX_BYLINE_LENGTH = 120;

function isName(s: string): boolean {
  return NAME_RE.test(s) && !ROLE_ANY.test(s);
}

/** Split a glued "NameRole" run ("Aizbah KhanWeb Editor"), or null when there is no glue. */
function splitGlued(s: string): Author | null {
  const re = /(\p{Ll})(\p{Lu})/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const cut = m.index + m[1]!.length;
    const name = s.slice(0, cut).trim();
    const role = s.slice(cut).trim();
    if (isName(name) && ROLE_TAIL.test(role) && role.split(/\s+/).length <= 5) return { name, role };
  }
  return null;
}

function parseOne(part: string): Author | null {
  const s = part.trim().replace(/[.,;]+$/, '');
  if (s.length === 0) return null;
  const glued = splitGlued(s);
  if (glued) return glued;
  // "Name, Role" / "Name | Role" / "Name - Role"; an agency after the separator is not a role.
  const sep = /\s*(?:,|\||\s[-–—]\s)\s*/.exec(s);
  if (sep) {
    const name = s.slice(0, sep.index);
    const rest = s.slice(sep.index + sep[0].length);
    if (isName(name)) return { name, role: ROLE_ANY.test(rest) && rest.length <= 60 ? rest : null };
    return null;
  }
  return isName(s) ? { name: s, role: null } : null;
}

/**
 * Parse a byline. `requirePrefix` (for lines whose position alone does not make
 * them a byline) accepts only lines that say "By …" or carry a glued role.
 */
export function parseByline(line: string, options: { requirePrefix?: boolean } = {}): Author[] | null {
  let s = line.trim().replace(/\s+/g, ' ');
  if (s.length === 0 || s.length > MAX_BYLINE_LENGTH) return null;
  const hadPrefix = PREFIX.test(s);
  s = s.replace(PREFIX, '');
  const glued = splitGlued(s);
  if (glued) return [glued];
  if (options.requirePrefix && !hadPrefix) return null;
  const parts = s.split(/\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|\s*;\s*)\s*/);
  const authors: Author[] = [];
  for (const part of parts) {
    const a = parseOne(part);
    if (!a) return null;
    authors.push(a);
  }
  return authors.length > 0 ? authors : null;
}
