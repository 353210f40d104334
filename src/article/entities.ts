/**
 * HTML character references left in text that should hold none: scraped text
 * files whose scraper copied markup-escaped strings ("AT&amp;T", "&lt;CP&gt;"),
 * wire archives in SGML ("&#3;" ends every Reuters-21578 body), JSON-LD strings
 * (raw script text) and meta contents escaped twice. An HTML page's own text never
 * comes here (its parser decodes references), nor a clean body given as `text`,
 * which is read as is.
 *
 * Decoded: numeric references (decimal and hex) and the named references a news
 * text uses (Latin-1, typographic punctuation, a few symbols). A name outside the
 * table, or a reference without its ";", is left as written: "R&D", "Q&A" and
 * "&c" are text, and guessing would corrupt them.
 */

/** Latin-1 names from U+00A0 on, in code-point order (HTML's own list). */
const LATIN1 = [
  'nbsp', 'iexcl', 'cent', 'pound', 'curren', 'yen', 'brvbar', 'sect', 'uml', 'copy', 'ordf', 'laquo',
  'not', 'shy', 'reg', 'macr', 'deg', 'plusmn', 'sup2', 'sup3', 'acute', 'micro', 'para', 'middot',
  'cedil', 'sup1', 'ordm', 'raquo', 'frac14', 'frac12', 'frac34', 'iquest',
  'Agrave', 'Aacute', 'Acirc', 'Atilde', 'Auml', 'Aring', 'AElig', 'Ccedil', 'Egrave', 'Eacute', 'Ecirc',
  'Euml', 'Igrave', 'Iacute', 'Icirc', 'Iuml', 'ETH', 'Ntilde', 'Ograve', 'Oacute', 'Ocirc', 'Otilde',
  'Ouml', 'times', 'Oslash', 'Ugrave', 'Uacute', 'Ucirc', 'Uuml', 'Yacute', 'THORN', 'szlig',
  'agrave', 'aacute', 'acirc', 'atilde', 'auml', 'aring', 'aelig', 'ccedil', 'egrave', 'eacute', 'ecirc',
  'euml', 'igrave', 'iacute', 'icirc', 'iuml', 'eth', 'ntilde', 'ograve', 'oacute', 'ocirc', 'otilde',
  'ouml', 'divide', 'oslash', 'ugrave', 'uacute', 'ucirc', 'uuml', 'yacute', 'thorn', 'yuml',
];

const OTHERS: Record<string, number> = {
  amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27,
  // Capitalised forms HTML still accepts from its SGML days.
  AMP: 0x26, LT: 0x3c, GT: 0x3e, QUOT: 0x22, COPY: 0xa9, REG: 0xae,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, Zcaron: 0x17d, zcaron: 0x17e,
  fnof: 0x192, circ: 0x2c6, tilde: 0x2dc,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c,
  rdquo: 0x201d, bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026,
  permil: 0x2030, prime: 0x2032, Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, euro: 0x20ac,
  trade: 0x2122, minus: 0x2212, larr: 0x2190, rarr: 0x2192,
};

const NAMED = new Map<string, string>();
LATIN1.forEach((name, i) => NAMED.set(name, String.fromCharCode(0xa0 + i)));
for (const [name, code] of Object.entries(OTHERS)) NAMED.set(name, String.fromCharCode(code));

/**
 * Numeric references to 0x80–0x9F mean the Windows-1252 characters there, as
 * browsers read them ("&#146;" is a right single quote, not a C1 control).
 */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const REFERENCE = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,7});/g;

function character(ref: string, whole: string): string {
  if (ref.charCodeAt(0) !== 35) return NAMED.get(ref) ?? whole;
  const hex = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88;
  const code = hex ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  if (code >= 0x80 && code <= 0x9f) return CP1252[code - 0x80]!;
  // Other controls (the wire services' "&#3;" end-of-text mark, NUL, DEL) carry no text.
  if (code < 0x20) return code === 9 || code === 10 || code === 13 ? String.fromCharCode(code) : '';
  if (code === 0x7f) return '';
  if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return '\ufffd';
  return String.fromCodePoint(code);
}

/** Text with its character references decoded; text without "&" is returned as it is. */
export function decodeEntities(s: string): string {
  return s.includes('&') ? s.replace(REFERENCE, (whole, ref: string) => character(ref, whole)) : s;
}
