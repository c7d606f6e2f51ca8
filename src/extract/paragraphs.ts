// HTML to plain paragraphs, for feed content (content:encoded, Atom content) and for Readability's output.
// Pure, streaming (html-walk.ts over htmlparser2's tokenizer): no DOM is built, so a 5 MB or deeply nested
// input costs one linear pass and never recurses.
//
// Rules: block elements and <br> end a paragraph; inline elements do not. Non-text elements (script,
// style, iframe, ...), hidden elements and boilerplate blocks (nav, footer, .share, #comments, ... from
// boilerplate-rules.ts) are dropped with their content. Entities are decoded; whitespace (NBSP included)
// collapsed; zero-width spaces and BOMs removed; paragraphs without a letter or digit dropped; then
// paragraphs matching a boilerplate line rule dropped.

import { squashSpace } from '../text/space';
import { isBoilerplateBlock, isBoilerplateLine } from './boilerplate';
import { NON_TEXT_TAGS as NON_TEXT } from './boilerplate-rules';
import { walkHtml } from './html-walk';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

const NON_TEXT_TAGS = new Set<string>([...NON_TEXT, 'title']);
const HAS_CONTENT = /[\p{L}\p{N}]/u;

export function htmlToParagraphs(html: string): string[] {
  return splitParagraphs(html).filter((p) => !isBoilerplateLine(p));
}

/** Paragraphs before the boilerplate line rules: what the markup alone says. */
export function splitParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  let chunks: string[] = [];
  let depth = 0;
  let skipDepth = -1; // depth of the element being dropped, -1 when none

  const flush = () => {
    if (chunks.length === 0) return;
    const text = squashSpace(chunks.length === 1 ? chunks[0]! : chunks.join(''), true);
    chunks = [];
    if (HAS_CONTENT.test(text)) paragraphs.push(text);
  };

  walkHtml(html, {
    open(name, attribs) {
      depth++;
      if (skipDepth !== -1) return;
      if (isDropped(name, attribs)) {
        skipDepth = depth;
        flush();
      } else if (BLOCK_TAGS.has(name)) flush();
    },
    close(name) {
      if (skipDepth === depth) skipDepth = -1;
      else if (skipDepth === -1 && BLOCK_TAGS.has(name)) flush();
      depth--;
    },
    text(text) {
      if (skipDepth === -1) chunks.push(text);
    },
  });
  flush();
  return paragraphs;
}

function isDropped(name: string, attribs: Readonly<Record<string, string>>): boolean {
  if (NON_TEXT_TAGS.has(name)) return true;
  return isBoilerplateBlock(name, (a) => attribs[a]);
}
