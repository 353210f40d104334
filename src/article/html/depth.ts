/**
 * Nesting guard. Readability recurses over the tree and re-reads the text under
 * each level, so its time grows with depth × text: a page nested thousands of levels
 * deep overflows the stack or runs for minutes. A linear scan of the tags bounds
 * the depth before anything is built. Real article pages stay well under 64 levels
 * (the deepest of the 181 benchmark pages: 48); at 256 a small page already costs
 * Readability about half a second, so that is the limit.
 */
import { NewsgraphError } from '../../core/errors.js';

export const MAX_HTML_DEPTH = 256;

/** Elements that never have children. */
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'basefont', 'bgsound', 'frame', 'keygen', 'command',
]);

/**
 * Elements whose end tag is optional: the parser closes them when a sibling opens,
 * so an unclosed run of them does not nest. Not counting them keeps old pages full
 * of bare <p> and <li> from looking deep.
 */
const OPTIONAL_END = new Set([
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp', 'colgroup',
  'caption', 'html', 'head', 'body',
]);

/** Contents are text up to the matching end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>|<!--/g;

/** Approximate maximum element depth of `html`, stopping early once `limit` is passed. */
export function maxDepth(html: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(html)) !== null) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    const name = m[2]!.toLowerCase();
    if (m[1] === '/') {
      if (!OPTIONAL_END.has(name) && !VOID.has(name) && depth > 0) depth--;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TAG.lastIndex;
      if (close.exec(html) === null) break;
      TAG.lastIndex = close.lastIndex - name.length - 2;
      continue;
    }
    if (m[3] === '/' || VOID.has(name) || OPTIONAL_END.has(name)) continue;
    depth++;
    if (depth > max) {
      max = depth;
      if (max > limit) break;
    }
  }
  return max;
}

/** Throw E_FORMAT when `html` nests deeper than MAX_HTML_DEPTH. */
export function checkDepth(html: string, input: string): void {
  if (maxDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) {
    throw new NewsgraphError('E_FORMAT', `HTML nested deeper than ${MAX_HTML_DEPTH} levels`, { input });
  }
}
