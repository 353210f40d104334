/**
 * What an element's class and id say about it. Page templates name their parts
 * ("related-stories", "newsCaption", "share_bar"), and those names are the most
 * reliable signal of furniture that sits inside the article container.
 */

/**
 * Class/id words that name furniture. Matched against whole words of the
 * attribute (split on spaces, "-", "_" and camelCase humps, plus adjacent pairs),
 * so "shared-content" or "sidebarred" do not trip them.
 */
const FURNITURE: ReadonlyArray<[RegExp, string]> = [
  [/^(related|recirc|recirculation|rail|teaser|teasers|more-?stories|read-?more|read-?next|recommended|recommendations|trending|popular|most-?read|outbrain|taboola|you-?may-?like)$/, 'related'],
  [/^(newsletter|newsletters|subscribe|subscription|signup|sign-?up|paywall|regwall)$/, 'subscribe'],
  [/^(social|share|sharing|sharebar|share-?buttons|social-?share|sharetools|addthis)$/, 'share'],
  [/^(comments?|disqus|discussion|replies)$/, 'comments'],
  [/^(advert|advertisement|ads|adslot|ad-?slot|ad-?container|ad-?wrapper|dfp|sponsored|promo|promotion)$/, 'ad'],
  [/^(cta|callout|call-?to-?action|support|support-?us|donate|donation|donations|contribute|contributions|membership)$/, 'promo'],
  [/^(breadcrumbs?|pagination|pager|skip-?link)$/, 'navigation'],
  [/^(caption|figcaption|credit|credits|photo-?credit|image-?credit|wp-caption-text)$/, 'caption'],
  [/^(author-?bio|author-?box|about-?the-?author|bio-?box|author|authors|author-?name|byline|bylines)$/, 'byline'],
  [/^(tags|tag-?list|topics|keywords)$/, 'tags'],
];

/**
 * Whole class names that hide an element on screen (Bootstrap, WordPress and
 * accessibility conventions): print-only notices and screen-reader labels.
 */
const HIDDEN_CLASS = /^(d-none|hidden|print-only|visible-print(-\w+)?|d-print-\w+|print-header|print-footer|sr-only|screen-reader-text|visually-hidden)$/i;

const ROLES = /^(navigation|complementary|banner|contentinfo|menu|menubar|dialog|alertdialog|search|toolbar)$/i;

interface Named {
  getAttribute(name: string): string | null;
}

export function classWords(cls: string, id: string): string[] {
  const joined = `${cls} ${id}`.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  const out: string[] = [];
  for (const tok of joined.split(/\s+/)) {
    if (!tok) continue;
    out.push(tok);
    const parts = tok.split(/[-_]+/).filter(Boolean);
    if (parts.length > 1) {
      out.push(...parts);
      for (let i = 0; i + 1 < parts.length; i++) out.push(`${parts[i]}-${parts[i + 1]}`);
    }
  }
  return out;
}

/** Why the element is furniture ("related", "social", "hidden", …), or null. */
export function furnitureReason(el: Named): string | null {
  const role = el.getAttribute('role');
  if (role && ROLES.test(role)) return 'navigation';
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  if (!cls && !id) return null;
  if (cls.split(/\s+/).some((c) => HIDDEN_CLASS.test(c))) return 'hidden';
  const ws = classWords(cls, id);
  for (const [re, reason] of FURNITURE) if (ws.some((w) => re.test(w))) return reason;
  return null;
}
