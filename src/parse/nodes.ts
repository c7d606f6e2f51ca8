// Reading values out of the XmlElement tree: child lookup by canonical name, text, inner HTML.
// Only direct children are searched, so an entry's <title> wins over a nested <source><title>
// whatever the source order (feedparser node_precedence tests).
import { escapeHtmlAttr, escapeHtmlText } from './text';
import type { XmlElement, XmlText } from './xml';

const VOID_ELEMENTS = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

export function isElement(node: XmlElement | XmlText): node is XmlElement {
  return 'name' in node;
}

export function child(el: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    for (const c of el.children) if (isElement(c) && c.name === name) return c;
  }
  return undefined;
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (isElement(c) && c.name === name) out.push(c);
  return out;
}

/** All descendant text, concatenated (for links, ids, dates: values that never hold markup). */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  let out = '';
  for (const c of el.children) out += isElement(c) ? textOf(c) : c.text;
  return out;
}

/** Trimmed text of the first child with one of the names, or null when absent or empty. */
export function childText(el: XmlElement, ...names: string[]): string | null {
  for (const name of names) {
    const value = textOf(child(el, name)).trim();
    if (value) return value;
  }
  return null;
}

export function hasElementChildren(el: XmlElement): boolean {
  return el.children.some(isElement);
}

/**
 * The element's content as HTML. Escaped or CDATA markup arrives as text and is HTML already; naked
 * child elements (inline XHTML, broken feeds) are serialized back, with their text escaped.
 */
export function innerHtml(el: XmlElement): string {
  if (!hasElementChildren(el)) return textOf(el);
  let out = '';
  for (const c of el.children) out += serialize(c);
  return out;
}

function serialize(node: XmlElement | XmlText): string {
  if (!isElement(node)) return node.cdata ? node.text : escapeHtmlText(node.text);
  let attrs = '';
  for (const key in node.attrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:') || key.startsWith('xml:')) continue;
    attrs += ` ${key}="${escapeHtmlAttr(node.attrs[key]!)}"`;
  }
  if (node.children.length === 0 && VOID_ELEMENTS.has(node.local)) return `<${node.local}${attrs} />`;
  let inner = '';
  for (const c of node.children) inner += serialize(c);
  return `<${node.local}${attrs}>${inner}</${node.local}>`;
}
