// A small, tolerant XML tree for feeds, built on htmlparser2's tokenizer in xmlMode (fast, never throws,
// recovers from unclosed and mismatched tags). What it adds:
// - namespaces: element names become canonical `prefix:local` by namespace URI, so `<dc:creator>`,
//   `<foo:creator xmlns:foo="http://purl.org/dc/elements/1.1/">` both read as `dc:creator`; RSS 0.9/1.0
//   and Userland namespaces, and the root element's own namespace, read unprefixed; an undeclared
//   prefix is kept as written (`content:encoded` without xmlns:content still works). Names are lowercased.
// - entities decoded once and strictly (see text.ts); CDATA kept verbatim; controls removed;
// - xml:base and xml:lang inherited down the tree;
// - the DOCTYPE (with any internal subset) is removed first, so declared entities never expand;
// - nesting deeper than MAX_DEPTH is flattened into its ancestor (text kept): bounded recursion and
//   linear time on hostile input.
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { NS, PREFIXES } from './namespaces';
import { decodeEntities, stripControlChars } from './text';
import { resolveBase } from './urls';

export { NS };

export interface XmlText {
  readonly text: string;
  readonly cdata: boolean;
}

export interface XmlElement {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: Array<XmlElement | XmlText>;
  readonly base: string | null;
  readonly lang: string | null;
}

export interface XmlDocument {
  readonly root: XmlElement | null;
  /** True when input ended before the root element's end tag was even started. */
  readonly truncated: boolean;
}

const MAX_DEPTH = 200;
const DOCTYPE = /<!DOCTYPE\s[^[>]*(?:\[[\s\S]*?\]\s*)?>/i;

export function parseXml(input: string, documentUrl: string | null): XmlDocument {
  const text = stripControlChars(removeDoctype(input));
  const b = new TreeBuilder(text, documentUrl);
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false, recognizeSelfClosing: true }, b);
  tokenizer.write(text);
  tokenizer.end();
  const truncated = b.rootImplied && b.root !== null && !text.includes(`</${b.rootRawName}`);
  return { root: b.root, truncated };
}

function removeDoctype(s: string): string {
  const at = s.search(/<!DOCTYPE/i);
  return at === -1 ? s : s.slice(0, at) + s.slice(at).replace(DOCTYPE, '');
}

type Scope = Record<string, string>;

/**
 * Tokens to tree. htmlparser2's own Parser keeps its open-element stack with Array#unshift and
 * searches it from the bottom, which is quadratic in nesting depth (100k nested tags took 30 s);
 * this builder pushes and pops, searches end tags from the top, and stops nesting at MAX_DEPTH.
 */
class TreeBuilder implements TokenizerCallbacks {
  root: XmlElement | null = null;
  rootRawName = '';
  rootImplied = false;
  private readonly stack: XmlElement[] = [];
  private readonly rawNames: string[] = [];
  private readonly scopes: Scope[] = [{ xml: 'http://www.w3.org/XML/1998/namespace' }];
  private readonly pushedScope: boolean[] = [];
  private rootUri = '';
  private overflow = 0;
  private done = false;
  private tagName = '';
  private attrs: Record<string, string> = {};
  private attrName = '';
  private attrValue = '';

  constructor(
    private readonly text: string,
    private readonly documentUrl: string | null,
  ) {}

  onopentagname(start: number, end: number): void {
    this.tagName = this.text.slice(start, end);
    this.attrs = {};
  }

  onattribname(start: number, end: number): void {
    this.attrName = this.text.slice(start, end);
  }

  onattribdata(start: number, end: number): void {
    this.attrValue += this.text.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    this.attrValue += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    if (!Object.hasOwn(this.attrs, this.attrName)) this.attrs[this.attrName] = this.attrValue;
    this.attrValue = '';
  }

  onopentagend(): void {
    this.open(this.tagName, this.attrs);
  }

  onselfclosingtag(): void {
    this.open(this.tagName, this.attrs);
    this.close(false);
  }

  onclosetag(start: number, end: number): void {
    if (this.overflow > 0) {
      this.overflow--;
      return;
    }
    const at = this.rawNames.lastIndexOf(this.text.slice(start, end));
    if (at === -1) return;
    while (this.rawNames.length > at) this.close(this.rawNames.length - 1 !== at);
  }

  ontext(start: number, end: number): void {
    this.addText(this.text.slice(start, end), false);
  }

  ontextentity(codepoint: number): void {
    this.addText(String.fromCodePoint(codepoint), false);
  }

  oncdata(start: number, end: number, offset: number): void {
    this.addText(this.text.slice(start, end - offset), true);
  }

  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}

  onend(): void {
    this.overflow = 0;
    while (this.stack.length > 0) this.close(true);
  }

  private open(rawName: string, rawAttrs: Record<string, string>): void {
    if (this.done) return;
    if (this.stack.length >= MAX_DEPTH) {
      this.overflow++;
      return;
    }
    const attrs: Record<string, string> = {};
    let scope: Scope | null = null;
    for (const key in rawAttrs) {
      const name = key.toLowerCase();
      const value = decodeEntities(rawAttrs[key]!);
      attrs[name] = value;
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        scope ??= { ...this.scopes[this.scopes.length - 1] };
        scope[name === 'xmlns' ? '' : name.slice(6)] = value.trim();
      }
    }
    if (scope) this.scopes.push(scope);
    this.pushedScope.push(scope !== null);
    const parent = this.stack[this.stack.length - 1];
    const el = this.makeElement(rawName, attrs, parent);
    if (parent) parent.children.push(el);
    else {
      this.root = el;
      this.rootRawName = rawName;
      this.rootUri = el.uri;
    }
    this.stack.push(el);
    this.rawNames.push(rawName);
  }

  private close(isImplied: boolean): void {
    if (this.stack.length === 0) return;
    if (this.overflow > 0) {
      this.overflow--;
      return;
    }
    this.stack.pop();
    this.rawNames.pop();
    if (this.pushedScope.pop()) this.scopes.pop();
    if (this.stack.length === 0) {
      this.rootImplied = isImplied;
      this.done = true;
    }
  }

  private addText(data: string, cdata: boolean): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent || this.done) return;
    const text = cdata ? data : decodeEntities(data);
    const last = parent.children[parent.children.length - 1];
    if (last && 'text' in last && last.cdata === cdata) {
      parent.children[parent.children.length - 1] = { text: last.text + text, cdata };
    } else parent.children.push({ text, cdata });
  }

  private makeElement(rawName: string, attrs: Record<string, string>, parent: XmlElement | undefined): XmlElement {
    const colon = rawName.indexOf(':');
    const prefix = colon === -1 ? '' : rawName.slice(0, colon).toLowerCase();
    const local = (colon === -1 ? rawName : rawName.slice(colon + 1)).toLowerCase();
    const uri = this.scopes[this.scopes.length - 1]![prefix] ?? '';
    const known = uri === '' ? undefined : !parent || uri === this.rootUri ? '' : PREFIXES[uri];
    // Unknown URI on a default-namespace element: treat as core vocabulary; undeclared prefix: keep it.
    const canon = known ?? (uri === '' ? prefix : colon === -1 ? '' : prefix);
    const parentBase = parent ? parent.base : this.documentUrl;
    const xmlBase = attrs['xml:base'];
    return {
      name: canon ? `${canon}:${local}` : local,
      local,
      uri,
      attrs,
      children: [],
      base: xmlBase !== undefined ? resolveBase(xmlBase, parentBase) : parentBase,
      lang: attrs['xml:lang']?.trim() || (parent ? parent.lang : null),
    };
  }
}
