// A small typed view of linkedom's DOM: the few calls the listing and Telegram parsers make.
// linkedom ships loose types (its parseHTML returns `any` without the DOM lib), so the shape we rely
// on is written down here once. CSS selectors are css-select's (through linkedom). Pure.
import { parseHTML } from '../../extract/lazy-dom';

export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  matches(selector: string): boolean;
  contains(other: DomNode): boolean;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function parseDom(html: string): DomDocument {
  return parseHTML(html).document as DomDocument;
}

export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}

/** Text with whitespace collapsed (NBSP included) and trimmed. */
export function textOf(el: DomNode | null | undefined): string {
  return (el?.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Whether `selector` is a CSS selector this engine accepts (config validation). */
export function selectorError(selector: string): string | null {
  try {
    parseDom('<p></p>').querySelectorAll(selector);
    return null;
  } catch (err) {
    return `"${selector}" is not a valid CSS selector (${(err as Error).message.split('\n')[0]})`;
  }
}
