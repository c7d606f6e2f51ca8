// A linear-time walk over HTML: open/close/text events with a balanced element stack. Pure.
//
// Why not htmlparser2's Parser: it keeps its stack with Array#unshift, so every tag costs O(depth) and a
// hostile page of 50,000 nested <div>s (or unclosed <b>s) takes seconds to minutes. This walk uses its
// Tokenizer (linear, decodes entities, knows raw-text elements like <script>) and its own stack:
// - void elements and self-closing tags close at once (so a stray `<svg/>` cannot swallow the rest of the
//   page), except raw-text elements: `<iframe/>` and `<script/>` run to their close tag, as in browsers;
// - an open <p>, <li>, <dt>/<dd>, <tr>, <td>/<th> or <option> is closed by its next sibling, and an open <p>
//   by a block element, as HTML parsers do;
// - a close tag closes the nearest open element of that name within CLOSE_LOOKBACK levels, and everything
//   opened inside it; a close tag with no match there is ignored (bounded cost per tag);
// - whatever is still open at the end is closed.
import { Tokenizer } from 'htmlparser2';

export interface HtmlWalker {
  open(name: string, attribs: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
/** Elements the tokenizer reads as raw text up to their close tag, even when written `<iframe/>` (as browsers do). */
const RAW_TEXT = new Set(['script', 'style', 'iframe', 'xmp', 'noembed', 'noframes', 'textarea', 'title', 'plaintext']);
const CLOSES_P = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure'],
  ...['footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre'],
  ...['section', 'table', 'ul'],
]);
/** Tag → open siblings it closes when the innermost open element is one of them. */
const CLOSES_SIBLING: Record<string, readonly string[]> = {
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  option: ['option'],
};
const CLOSE_LOOKBACK = 64;

export function walkHtml(html: string, walker: HtmlWalker): void {
  const stack: string[] = [];
  let tagName = '';
  let attribs: Record<string, string> = {};
  let attribName = '';
  let attribValue = '';

  const popTo = (length: number) => {
    while (stack.length > length) walker.close(stack.pop()!);
  };
  const openTag = (selfClosing: boolean) => {
    const name = tagName;
    if (name === '') return;
    const top = stack[stack.length - 1];
    if (top === 'p' && CLOSES_P.has(name)) popTo(stack.length - 1);
    const siblings = CLOSES_SIBLING[name];
    const newTop = stack[stack.length - 1];
    if (siblings && newTop && siblings.includes(newTop)) popTo(stack.length - 1);
    walker.open(name, attribs);
    if (VOID.has(name) || (selfClosing && !RAW_TEXT.has(name))) walker.close(name);
    else stack.push(name);
    tagName = '';
  };
  const slice = (start: number, end: number) => html.slice(start, end);

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = slice(start, end).toLowerCase();
        attribs = {};
      },
      onattribname(start, end) {
        attribName = slice(start, end).toLowerCase();
        attribValue = '';
      },
      onattribdata(start, end) {
        attribValue += slice(start, end);
      },
      onattribentity(codepoint) {
        attribValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!(attribName in attribs)) attribs[attribName] = attribValue;
      },
      onopentagend() {
        openTag(false);
      },
      onselfclosingtag() {
        openTag(true);
      },
      onclosetag(start, end) {
        const name = slice(start, end).toLowerCase();
        if (name === 'br') {
          walker.open('br', {});
          walker.close('br');
          return;
        }
        const floor = Math.max(0, stack.length - CLOSE_LOOKBACK);
        for (let i = stack.length - 1; i >= floor; i--) {
          if (stack[i] === name) return popTo(i);
        }
      },
      ontext(start, end) {
        walker.text(slice(start, end));
      },
      ontextentity(codepoint) {
        walker.text(String.fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  popTo(0);
}

/** The deepest element nesting in the HTML, as this walk balances it; linear time. */
export function maxDepth(html: string): number {
  let depth = 0;
  let max = 0;
  walkHtml(html, {
    open() {
      depth++;
      if (depth > max) max = depth;
    },
    close() {
      depth--;
    },
    text() {},
  });
  return max;
}
