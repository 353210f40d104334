/**
 * Line-level boilerplate recognition shared by the scraped-text and HTML readers.
 * A line is boilerplate only when it is short and made of nothing but the stock
 * phrasing of page furniture (ad slots, share buttons, newsletter prompts, photo
 * credits): a real sentence that merely mentions "share" or "follow" is kept,
 * because losing a real paragraph is worse than keeping a stray button label.
 */

interface Rule {
  reason: string;
  pattern: RegExp;
}

const TOOL_OBJECT = '(?:\\s+(?:this|the))?(?:\\s+(?:page|article|story|post|link))?';
const TOOL =
  '(?:print' + TOOL_OBJECT + '|print(?:er[- ]friendly|able)(?:\\s+(?:version|page|format))?|print\\s+version' +
  '|e-?mail' + TOOL_OBJECT + '(?:\\s+to\\s+a\\s+friend)?|e-?mail\\s+a\\s+friend|tell\\s+a\\s+friend' +
  '|(?:send|forward)' + TOOL_OBJECT + '\\s+to\\s+(?:a\\s+)?(?:friend|colleague))';

// Each pattern must match the WHOLE (trimmed) line.
const RULES: readonly Rule[] = [
  // Ad slots: "Adsense 300 x 250", "Advertisement", "ADVERTISEMENT - scroll to continue", "Sponsored".
  { reason: 'ad', pattern: /^(?:google\s*)?(?:adsense|ad\s*slot|ad\s*unit|ads?)\b[\w\s-]*?\d{2,4}\s*[x×]\s*\d{2,4}$/i },
  { reason: 'ad', pattern: /^\d{2,4}\s*[x×]\s*\d{2,4}(?:\s+ad)?$/i },
  { reason: 'ad', pattern: /^(?:advertisement|advertising|sponsored(?: content| links?)?|ad|ads|promoted(?: content)?|paid (?:content|post))(?:\s*[-–—:|·•]\s*(?:scroll|continue|story continues)[\w\s]*)?\.?$/i },
  // The same ad label in other languages (es, pt, fr, de, it, nl, sv/da/no/tr, pl/cs, id/ms,
  // fi, ru/uk, el, ja, zh, ko, ar, he, hi, vi, th), and their "sponsored" labels.
  {
    reason: 'ad',
    pattern:
      /^(?:publicidad|anuncio|publicidade|publicité|publicite|annonce|anzeige|werbung|pubblicità|pubblicita|advertentie|reklam|reklame|reklama|iklan|mainos|реклама|реклами|διαφήμιση|広告|广告|廣告|광고|إعلان|פרסומת|विज्ञापन|quảng cáo|โฆษณา|contenido patrocinado|patrocinado|sponsorisé|contenu sponsorisé|gesponsert|sponsorizzato)\.?$/iu,
  },
  { reason: 'ad', pattern: /^(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?\.?$/i },
  // Share / social lines.
  { reason: 'share', pattern: /^(?:share|share this(?: article| story| post)?|share on \w+|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram)(?:\s*[|•·,/]?\s*(?:share|tweet|email|e-mail|print|copy link|whatsapp|facebook|twitter|x|linkedin|pinterest|reddit|telegram|messenger))*[:.]?$/i },
  // Article tool rows: "Print this page | E-mail this article", "Printer-friendly version",
  // "Send to a friend". Only these stock phrases, alone or joined by separators.
  { reason: 'share', pattern: new RegExp(`^${TOOL}(?:\\s*[|•·/,]?\\s*${TOOL})*[.:]?$`, 'i') },
  { reason: 'share', pattern: /^(?:click (?:here )?to share|share (?:this|via)|share (?:on|to|with) .{1,30})$/i },
  { reason: 'follow', pattern: /^(?:follow us(?: on [\w ,&]+)?|follow (?:\w+ ){0,3}on (?:twitter|facebook|instagram|x|linkedin|telegram|google news)(?: for [\w\s]{1,40})?|like us on facebook|join (?:us|our \w+ channel) on [\w ,]+)[.!]?$/i },
  { reason: 'subscribe', pattern: /^(?:click here to |tap here to )?(?:subscribe|join|follow)(?: to)? (?:us on |our )[\w\s]{0,30}(?:channel|newsletter|page|group|feed)[.!]?$/i },
  { reason: 'subscribe', pattern: /^(?:subscribe(?: now| today| to (?:our|the) [\w\s]{1,30})?|sign up(?: for| to) (?:our|the) [\w\s-]{1,40}|get (?:the|our) [\w\s-]{1,30}newsletter[\w\s]*|newsletter sign[- ]up|(?:sign up|subscribe) for free)[.!:]?$/i },
  { reason: 'related', pattern: /^(?:related(?: articles?| stories| news| posts?| coverage| content| reading)?|read more(?: about)?|see also|more (?:from|on) [\w\s]{1,30}|also read|read also|must read|recommended(?: for you)?|you may also like|you might also like|more stories|trending(?: now)?|most (?:read|popular|viewed)|what to read next|read next|up next|more news|latest(?: news| stories| videos)?|top stories|editor'?s? picks|don'?t miss|popular(?: now| stories| today)?|continue reading|keep reading)\s*[:»›>.]*\s*$/i },
  // "READ MORE: Some headline" / "Also Read: ..." lines that carry a link text.
  { reason: 'related', pattern: /^(?:read more|also read|read also|related|see also|recommended|watch|listen)\s*[:|»›-]\s*.{1,160}$/i },
  // The same "Read also:" label in other languages: fr, es, pt, it, de, nl.
  {
    reason: 'related',
    pattern:
      /^(?:(?:à )?lire aussi|(?:à )?lire également|voir aussi|lea también|lee también|leer más|ver también|lea además|leia também|leia mais|veja também|leggi anche|vedi anche|lesen sie auch|auch interessant|mehr zum thema|lees ook|zie ook)\s*(?:[:|»›-]\s*.{1,160})?$/iu,
  },
  { reason: 'credit', pattern: /^(?:photo|image|picture|file photo|video|graphic|illustration)s?\s*(?:credit)?\s*[:/|-]?\s*(?:by\s+)?[\w .,&'’/-]{0,60}(?:\/|via|getty|afp|reuters|ap|epa|shutterstock|file|handout|courtesy|photo)[\w .,&'’/-]{0,60}$/i },
  { reason: 'credit', pattern: /^(?:\(|\[)?(?:photo|image|picture)s?(?: credit)?:\s*.{1,80}(?:\)|\])?$/i },
  { reason: 'credit', pattern: /^(?:getty images|afp(?: via getty images)?|reuters\/[\w .]+|ap photo\/[\w .]+|epa(?:-efe)?\/[\w .]+)$/i },
  { reason: 'navigation', pattern: /^(?:home|menu|search|log ?in|sign in|register|skip to (?:main )?content|back to top|next article|previous article|next|previous|close|toggle navigation)$/i },
  { reason: 'comments', pattern: /^(?:\d+\s+)?(?:comments?|leave a (?:comment|reply)|post a comment|add (?:a )?comment|view comments|show comments|comment on this (?:story|article))\s*(?:\(\d+\))?[:.]?$/i },
  { reason: 'legal', pattern: /^(?:©|\(c\)|copyright)\s*(?:\d{4}|[\w ]+)[\w\s.,©-]{0,80}(?:all rights reserved\.?)?$/i },
  { reason: 'legal', pattern: /^all rights reserved\.?$/i },
  { reason: 'legal', pattern: /^(?:our standards|editorial standards|corrections policy|ethics policy)\b.{0,100}$/i },
  // Wire desk initials at the foot of agency copy: "adn/sh/rlp", "jm/kjm".
  { reason: 'credit', pattern: /^[a-z]{2,4}(?:\s*\/\s*[a-z]{2,4}){1,5}$/ },
  { reason: 'navigation', pattern: /^(?:[\p{L}\p{N}&' -]{1,30}\s*[»›>]\s*){1,6}[\p{L}\p{N}&' -]{1,40}$/u },
  { reason: 'tags', pattern: /^(?:tags?|topics?|filed under|categories|category)\s*:\s*.{0,200}$/i },
];

const MAX_BOILERPLATE_LENGTH = 200;

/** Why `line` is page furniture rather than article text, or null when it is text. */
export function boilerplateReason(line: string): string | null {
  const s = line.trim();
  if (s.length === 0 || s.length > MAX_BOILERPLATE_LENGTH) return null;
  for (const rule of RULES) if (rule.pattern.test(s)) return rule.reason;
  return null;
}
