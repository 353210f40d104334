/**
 * A small, strict, non-validating XML reader for feeds from untrusted sources.
 *
 * Written here rather than borrowed: linkedom's XML mode (htmlparser2 underneath)
 * is lenient by design — it repairs unclosed tags and accepts a bare "&" — so it
 * cannot tell a broken feed from a good one, and we want "not well-formed" to be
 * an error the user sees. Safety rules:
 *  - a DOCTYPE whose internal subset declares any entity is refused outright
 *    (billion laughs, quadratic blowup, external entities all need a declaration);
 *  - nothing is ever fetched: external DTD identifiers are read past and ignored;
 *  - only the five predefined entities and numeric character references are
 *    expanded, and a reference to anything else is an error;
 *  - the parser is iterative (no recursion on nesting) and nesting is capped.
 * Namespaces are resolved (feeds bind the same vocabulary to different prefixes);
 * an unbound prefix is tolerated with a null namespace, as real feeds have them.
 */

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface XmlAttribute {
  name: string;
  local: string;
  ns: string | null;
  value: string;
}

export interface XmlElement {
  /** Qualified name as written ("content:encoded"). */
  name: string;
  local: string;
  ns: string | null;
  attrs: XmlAttribute[];
  /** Elements and text; adjacent text and CDATA are merged into one string. */
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  override readonly name = 'XmlError';
  constructor(
    message: string,
    /** "entities" when refused for declaring entities; "syntax" when not well-formed. */
    readonly reason: 'entities' | 'syntax',
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export interface XmlOptions {
  /** Deepest element nesting accepted. */
  maxDepth?: number;
}

const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
// eslint-disable-next-line no-misleading-character-class -- U+0300–U+036F is a range of combining marks XML allows in names, not a combined character
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'y');
const SPACE = /[ \t\r\n]*/y;
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z_][\w.-]*))?(;)?/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

interface Open {
  el: XmlElement;
  /** Prefix → namespace bindings in scope at this element. */
  scope: Map<string, string>;
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string, private readonly maxDepth: number) {}

  fail(message: string, at = this.pos, reason: 'entities' | 'syntax' = 'syntax'): never {
    let line = 1;
    let lineStart = 0;
    for (let i = this.text.indexOf('\n'); i !== -1 && i < at; i = this.text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const where = `line ${line}, column ${at - lineStart + 1}`;
    throw new XmlError(reason === 'syntax' ? `not well-formed XML at ${where}: ${message}` : message, reason, line, at - lineStart + 1);
  }

  private skipSpace(): number {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    const skipped = SPACE.lastIndex - this.pos;
    this.pos = SPACE.lastIndex;
    return skipped;
  }

  private readName(what: string): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.text);
    if (!m) this.fail(`expected ${what}`);
    this.pos = NAME.lastIndex;
    return m[0];
  }

  /** Expand the references in character data or an attribute value. */
  decode(raw: string, start: number): string {
    if (!raw.includes('&')) return raw;
    let out = '';
    let last = 0;
    for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', last)) {
      out += raw.slice(last, amp);
      REFERENCE.lastIndex = amp;
      const m = REFERENCE.exec(raw)!;
      const [whole, hex, dec, name, semi] = m;
      if ((hex === undefined && dec === undefined && name === undefined) || semi === undefined) {
        this.fail('"&" must start a reference such as &amp; (write a literal ampersand as &amp;)', start + amp);
      }
      if (name !== undefined) {
        const ch = PREDEFINED[name];
        if (ch === undefined) {
          this.fail(`undefined entity &${name}; (only &lt; &gt; &amp; &quot; &apos; and numeric character references are allowed)`, start + amp);
        }
        out += ch;
      } else {
        const digits = hex ?? dec!;
        const cp = digits.length > 8 ? -1 : parseInt(digits, hex !== undefined ? 16 : 10);
        if (!isXmlChar(cp)) this.fail(`character reference ${whole} is not a valid XML character`, start + amp);
        out += String.fromCodePoint(cp);
      }
      last = amp + whole.length;
    }
    return out + raw.slice(last);
  }

  /** Read past a DOCTYPE, refusing any entity declaration in its internal subset. */
  private doctype(): void {
    const start = this.pos;
    this.pos += '<!DOCTYPE'.length;
    const t = this.text;
    let inSubset = false;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === '"' || c === "'") {
        const end = t.indexOf(c, this.pos + 1);
        if (end === -1) this.fail('unterminated quoted string in DOCTYPE', this.pos);
        this.pos = end + 1;
      } else if (inSubset && t.startsWith('<!--', this.pos)) {
        const end = t.indexOf('-->', this.pos + 4);
        if (end === -1) this.fail('unterminated comment in DOCTYPE', this.pos);
        this.pos = end + 3;
      } else if (inSubset && c === '<' && /^<!\s*ENTITY/i.test(t.slice(this.pos, this.pos + 16))) {
        this.fail('document declares XML entities (refused: entity expansion)', this.pos, 'entities');
      } else if (c === '[' && !inSubset) {
        inSubset = true;
        this.pos++;
      } else if (c === ']' && inSubset) {
        inSubset = false;
        this.pos++;
      } else if (c === '>' && !inSubset) {
        this.pos++;
        return;
      } else {
        this.pos++;
      }
    }
    this.fail('unterminated DOCTYPE', start);
  }

  private resolve(prefixed: string, scope: Map<string, string>, isAttr: boolean, at: number): { local: string; ns: string | null } {
    const colon = prefixed.indexOf(':');
    if (colon === -1) return { local: prefixed, ns: isAttr ? null : (scope.get('') ?? null) };
    const prefix = prefixed.slice(0, colon);
    const local = prefixed.slice(colon + 1);
    if (local.length === 0 || local.includes(':')) this.fail(`malformed qualified name "${prefixed}"`, at);
    if (prefix === 'xml') return { local, ns: XML_NS };
    return { local, ns: scope.get(prefix) ?? null };
  }

  private startTag(stack: Open[]): { el: XmlElement; scope: Map<string, string>; selfClosing: boolean } {
    const tagStart = this.pos;
    this.pos++;
    const name = this.readName('an element name after "<"');
    const raw: Array<{ name: string; value: string; at: number }> = [];
    let selfClosing = false;
    for (;;) {
      const spaced = this.skipSpace() > 0;
      const c = this.text[this.pos];
      if (c === '>') {
        this.pos++;
        break;
      }
      if (c === '/' && this.text[this.pos + 1] === '>') {
        this.pos += 2;
        selfClosing = true;
        break;
      }
      if (c === undefined) this.fail(`unterminated start tag <${name}>`, tagStart);
      if (!spaced) this.fail(`expected whitespace, ">" or "/>" in <${name}>`);
      const at = this.pos;
      const attr = this.readName(`an attribute name in <${name}>`);
      this.skipSpace();
      if (this.text[this.pos] !== '=') this.fail(`attribute ${attr} in <${name}> has no value`);
      this.pos++;
      this.skipSpace();
      const q = this.text[this.pos];
      if (q !== '"' && q !== "'") this.fail(`value of attribute ${attr} in <${name}> must be quoted`);
      const end = this.text.indexOf(q, this.pos + 1);
      if (end === -1) this.fail(`unterminated value of attribute ${attr}`);
      const rawValue = this.text.slice(this.pos + 1, end);
      const lt = rawValue.indexOf('<');
      if (lt !== -1) this.fail(`"<" in the value of attribute ${attr}`, this.pos + 1 + lt);
      if (raw.some((a) => a.name === attr)) this.fail(`duplicate attribute ${attr} in <${name}>`, at);
      raw.push({ name: attr, value: this.decode(rawValue.replace(/[\t\n\r]/g, ' '), this.pos + 1), at });
      this.pos = end + 1;
    }
    const parentScope = stack.at(-1)?.scope;
    let scope = parentScope ?? new Map<string, string>();
    for (const a of raw) {
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
        if (scope === parentScope) scope = new Map(parentScope);
        scope.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value);
      }
    }
    const attrs = raw.map((a) => ({ name: a.name, value: a.value, ...this.resolve(a.name, scope, true, a.at) }));
    const el: XmlElement = { name, ...this.resolve(name, scope, false, tagStart), attrs, children: [] };
    return { el, scope, selfClosing };
  }

  parse(): XmlElement {
    const t = this.text;
    if (t.charCodeAt(0) === 0xfeff) this.pos = 1;
    const stack: Open[] = [];
    let root: XmlElement | null = null;
    let sawDoctype = false;
    const addText = (s: string): void => {
      const kids = stack.at(-1)!.el.children;
      const last = kids.length - 1;
      if (typeof kids[last] === 'string') kids[last] = (kids[last] as string) + s;
      else kids.push(s);
    };
    while (this.pos < t.length) {
      const lt = t.indexOf('<', this.pos);
      const textEnd = lt === -1 ? t.length : lt;
      if (textEnd > this.pos) {
        const chunk = t.slice(this.pos, textEnd);
        if (stack.length > 0) addText(this.decode(chunk, this.pos));
        else if (/[^ \t\r\n]/.test(chunk)) {
          this.fail(root ? 'text after the root element' : 'text before the root element (is this XML at all?)', this.pos + chunk.search(/[^ \t\r\n]/));
        }
      }
      if (lt === -1) break;
      this.pos = lt;
      const next = t[lt + 1];
      if (next === '?') {
        const end = t.indexOf('?>', lt + 2);
        if (end === -1) this.fail('unterminated processing instruction');
        if (/^<\?xml[ \t\r\n?]/.test(t.slice(lt, lt + 6)) && lt > (t.charCodeAt(0) === 0xfeff ? 1 : 0)) {
          this.fail('XML declaration is not at the start of the document');
        }
        this.pos = end + 2;
      } else if (next === '!') {
        if (t.startsWith('<!--', lt)) {
          const end = t.indexOf('-->', lt + 4);
          if (end === -1) this.fail('unterminated comment');
          this.pos = end + 3;
        } else if (t.startsWith('<![CDATA[', lt)) {
          if (stack.length === 0) this.fail('CDATA section outside the root element');
          const end = t.indexOf(']]>', lt + 9);
          if (end === -1) this.fail('unterminated CDATA section');
          addText(t.slice(lt + 9, end));
          this.pos = end + 3;
        } else if (t.startsWith('<!DOCTYPE', lt)) {
          if (root || sawDoctype) this.fail('DOCTYPE after the start of the document');
          sawDoctype = true;
          this.doctype();
        } else {
          this.fail('unexpected "<!"');
        }
      } else if (next === '/') {
        this.pos += 2;
        const name = this.readName('an element name after "</"');
        this.skipSpace();
        if (t[this.pos] !== '>') this.fail(`expected ">" to close </${name}`);
        const open = stack.pop();
        if (!open) this.fail(`end tag </${name}> without a start tag`, lt);
        if (open.el.name !== name) this.fail(`end tag </${name}> does not match <${open.el.name}>`, lt);
        this.pos++;
      } else {
        if (root && stack.length === 0) this.fail('a second root element', lt);
        const { el, scope, selfClosing } = this.startTag(stack);
        if (stack.length === 0) root = el;
        else stack.at(-1)!.el.children.push(el);
        if (!selfClosing) {
          if (stack.length >= this.maxDepth) this.fail(`elements nested deeper than ${this.maxDepth}`, lt);
          stack.push({ el, scope });
        }
      }
    }
    const open = stack.at(-1);
    if (open) this.fail(`<${open.el.name}> is never closed (the document ends early)`, t.length);
    if (!root) this.fail('no root element', t.length);
    return root;
  }
}

/** Parse a whole document; returns its root element or throws XmlError. */
export function parseXml(text: string, options: XmlOptions = {}): XmlElement {
  return new Parser(text, options.maxDepth ?? 1000).parse();
}

/** Concatenated text of an element and its descendants (iterative: depth is bounded but large). */
export function textOf(el: XmlElement): string {
  let out = '';
  const todo: XmlNode[] = [el];
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (typeof node === 'string') out += node;
    else for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i]!);
  }
  return out;
}

export function attr(el: XmlElement, local: string, ns: string | null = null): string | null {
  return el.attrs.find((a) => a.local === local && a.ns === ns)?.value ?? null;
}

export function childElements(el: XmlElement, local?: string, ns?: string | null): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c !== 'string' && (local === undefined || c.local === local) && (ns === undefined || c.ns === ns)) out.push(c);
  }
  return out;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/** Serialise the children of an element as HTML (Atom xhtml content → an HTML fragment). */
export function innerHtml(el: XmlElement): string {
  let out = '';
  const todo: Array<XmlNode | { close: string }> = [];
  for (let i = el.children.length - 1; i >= 0; i--) todo.push(el.children[i]!);
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (typeof node === 'string') out += escapeText(node);
    else if ('close' in node) out += node.close;
    else {
      const attrs = node.attrs
        .filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'))
        .map((a) => ` ${a.local}="${escapeAttr(a.value)}"`)
        .join('');
      out += `<${node.local}${attrs}>`;
      if (VOID.has(node.local) && node.children.length === 0) continue;
      todo.push({ close: `</${node.local}>` });
      for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i]!);
    }
  }
  return out;
}
