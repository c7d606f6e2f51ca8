// Removes what is not the article from a page DOM before Readability scores it. Rules are data
// (boilerplate-rules.ts); this file only applies them, in one pass over the elements.
//
// 1. Boilerplate blocks (isBoilerplateBlock: nav, footer, .share, #comments, hidden, ...) and the site
//    header (a <header> straight under <body>), except a block holding most of the page's text: a theme
//    that puts class="sidebar" on the main column, or id="header" on a wrapper, must not lose the article.
// 2. Boilerplate sections found by their title ("اقرأ أيضاً", "Most read"): the title and the list of links
//    after it, or the smallest container holding both when it has almost no text of its own.
import { isBoilerplateBlock, isSectionHeading } from './boilerplate';
import type { DomDocument, DomElement } from './dom';

const HEADING_TAGS = new Set([
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'P',
  'DIV',
  'SPAN',
  'STRONG',
  'B',
  'EM',
  'LI',
  'DT',
  'LABEL',
  'HEADER',
]);
/** A block holding more than this share of the page's text is the article's container, not boilerplate. */
const MAX_BLOCK_SHARE = 0.5;
/** Own (non-link) text a section container may have beyond its title and still be just a links box. */
const MAX_SECTION_OWN_TEXT = 80;
const MAX_HEADING_CHARS = 80;
const STOP_AT = new Set(['BODY', 'HTML', 'MAIN', 'ARTICLE']);

/** Removes boilerplate blocks and sections in place; returns how many elements it removed. */
export function removeBoilerplate(doc: DomDocument): number {
  const body = doc.body;
  if (!body) return 0;
  const pageChars = textLength(body);
  const blocks: DomElement[] = [];
  const headings: DomElement[] = [];
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.tagName.toUpperCase();
    if (isBlock(el, tag)) blocks.push(el);
    else if (HEADING_TAGS.has(tag) && el.children.length <= 3) headings.push(el);
  }
  let removed = 0;
  for (const el of blocks) {
    if (pageChars > 0 && textLength(el) > pageChars * MAX_BLOCK_SHARE) continue;
    el.remove();
    removed++;
  }
  for (const el of headings) {
    if (!isAttached(el, body)) continue;
    const text = el.textContent ?? '';
    if (text.length > MAX_HEADING_CHARS || !isSectionHeading(text)) continue;
    removed += removeSection(el);
  }
  return removed;
}

function isBlock(el: DomElement, tag: string): boolean {
  if (STOP_AT.has(tag)) return false;
  if (tag === 'HEADER' && el.parentElement?.tagName.toUpperCase() === 'BODY') return true;
  return isBoilerplateBlock(tag.toLowerCase(), (name) => el.getAttribute(name));
}

function isAttached(el: DomElement, body: DomElement): boolean {
  let node: DomElement | null = el;
  while (node && node !== body) node = node.parentElement;
  return node === body;
}

function removeSection(heading: DomElement): number {
  const headingChars = textLength(heading);
  let node = heading;
  for (
    let parent = node.parentElement;
    parent && !STOP_AT.has(parent.tagName.toUpperCase());
    parent = parent.parentElement
  ) {
    if (ownText(parent) - headingChars > MAX_SECTION_OWN_TEXT) break;
    node = parent;
  }
  let removed = 0;
  if (node === heading) {
    for (let next = heading.nextElementSibling; next && isLinkList(next); next = heading.nextElementSibling) {
      next.remove();
      removed++;
    }
  }
  node.remove();
  return removed + 1;
}

function textLength(el: DomElement): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/** Text that is not inside a link. */
function ownText(el: DomElement): number {
  let linkChars = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linkChars += textLength(a);
  return textLength(el) - linkChars;
}

function isLinkList(el: DomElement): boolean {
  const total = textLength(el);
  if (total === 0) return el.querySelector('a,img') !== null;
  return ownText(el) / total < 0.3;
}
