// Text helpers shared by the feed-format adapters. Rules:
// - Entities decode in one strict pass: XML's five, numeric, and HTML named entities, always with the
//   semicolon. Legacy no-semicolon forms (`&copy=2` in a query string) and undefined names
//   (`&doesnotexist;`) stay literal, as do bare `&` (gofeed issue #320, feedparser entities/*).
// - Declared DTD entities are never expanded (no billion-laughs): only the fixed HTML table is known.
// - Plain text drops tags, comments and the contents of script/style, decodes entities once and
//   collapses ASCII whitespace only, so NBSP, ZWNJ and bidi marks (common in Arabic text) survive.
// - C0 control characters other than tab/newline are illegal in XML 1.0 and are removed.
import { decodeHTMLStrict, escapeAttribute, escapeText } from 'entities';

const CONTROL_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;
const ASCII_SPACE = /[ \t\n\r\f]+/g;
const DROPPED_BLOCKS = /<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?(?:-->|$)/gi;
// A tag starts with `<` then a letter, `/` or `!`; `a < b` stays text.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|<![^>]*>/g;
const BLOCK_TAGS = new Set(
  'p br div li ul ol tr td th table h1 h2 h3 h4 h5 h6 blockquote section article header footer figure figcaption hr pre dd dt'.split(
    ' ',
  ),
);

export function stripControlChars(s: string): string {
  return s.replace(CONTROL_CHARS, '');
}

/** Decodes character references once (strict: semicolon required; unknown names kept as written). */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTMLStrict(s) : s;
}

/** Collapses runs of ASCII whitespace to one space and trims; other spaces (NBSP) are kept. */
export function collapseSpace(s: string): string {
  return s.replace(ASCII_SPACE, ' ').trim();
}

/** HTML (or text that may hold markup and entities) to one line of plain text. */
export function htmlToPlain(html: string): string {
  if (!html) return '';
  let s = html;
  if (s.includes('<')) {
    s = s.replace(DROPPED_BLOCKS, ' ');
    s = s.replace(TAG, (_m, name: string | undefined) => (name && BLOCK_TAGS.has(name.toLowerCase()) ? ' ' : ''));
  }
  return collapseSpace(stripControlChars(decodeEntities(s)));
}

/** Text that is already plain (Atom type="text", JSON content_text): only whitespace and controls. */
export function cleanPlain(text: string): string {
  return collapseSpace(stripControlChars(text));
}

export function escapeHtmlText(s: string): string {
  return escapeText(s);
}

export function escapeHtmlAttr(s: string): string {
  return escapeAttribute(s);
}

/** Plain text as HTML: escaped, with line breaks kept as <br>. */
export function plainToHtml(text: string): string {
  return escapeText(text).replace(/\r?\n/g, '<br>');
}
