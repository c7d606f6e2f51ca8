// Text helpers shared by the feed-format adapters. Rules:
// - Entities decode in one strict pass: XML's five, numeric, and HTML named entities, always with the
//   semicolon. Legacy no-semicolon forms (`&copy=2` in a query string) and undefined names
//   (`&doesnotexist;`) stay literal, as do bare `&` (gofeed issue #320, feedparser entities/*).
// - Declared DTD entities are never expanded (no billion-laughs): only the fixed HTML table is known.
// - Plain text drops tags, comments and the contents of script/style, decodes entities once and
//   collapses ASCII whitespace only, so NBSP, ZWNJ and bidi marks (common in Arabic text) survive.
// - C0 control characters other than tab/newline are illegal in XML 1.0 and are removed; C1 controls
//   (U+0080..U+009F) are windows-1252 bytes mislabelled upstream (0x92 for ’), so they are mapped back
//   as HTML does for &#146; ("demoronizing", feedparser encoding/demoronize-*).
import { decodeHTMLStrict, escapeAttribute, escapeText } from 'entities';

const CONTROL_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;
const C1_CHARS = /[\x80-\x9F]/g;
const ANY_CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/;
// windows-1252 bytes 0x80..0x9F; '\0' marks the five it leaves undefined (those are dropped).
const CP1252_C1 =
  '\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178';
const C1_TO_CP1252 = (c: string): string => {
  const mapped = CP1252_C1[c.charCodeAt(0) - 0x80]!;
  return mapped === '\0' ? '' : mapped;
};
const ASCII_SPACE = /[ \t\n\r\f]+/g;
const HAS_DROPPED = /<(?:script|style|noscript|template|!--)/i;
const DROPPED_BLOCKS = /<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?(?:-->|$)/gi;
// Block-level tags become a space ("a<br>b" reads "a b"); other tags vanish. A tag starts with `<`
// then a letter, `/` or `!` (`a < b` stays text). Quoted attribute values may hold '>' (the unrolled
// loop keeps this linear); a tag with an unbalanced quote falls back to the next '>'.
const ATTRS = `[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>`;
const BLOCK_TAG = new RegExp(
  `</?(?:p|br|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|section|article|header|footer|figure|figcaption|hr|pre|dd|dt)\\b${ATTRS}`,
  'gi',
);
const TAG = new RegExp(`</?[a-zA-Z][a-zA-Z0-9:-]*${ATTRS}|</?[a-zA-Z][a-zA-Z0-9:-]*[^>]*>|<![^>]*>`, 'g');

export function stripControlChars(s: string): string {
  if (!ANY_CONTROL.test(s)) return s;
  return s.replace(CONTROL_CHARS, '').replace(C1_CHARS, C1_TO_CP1252);
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
    if (HAS_DROPPED.test(s)) s = s.replace(DROPPED_BLOCKS, '');
    s = s.replace(BLOCK_TAG, ' ').replace(TAG, '');
  }
  return collapseSpace(stripControlChars(decodeEntities(s)));
}

/**
 * Plain text of roughly the first `maxChars` characters of an HTML fragment: converts only a prefix
 * (never cutting inside a tag), so summaries of very long descriptions stay cheap.
 */
export function htmlToPlainPrefix(html: string, maxChars: number): string {
  if (html.length <= maxChars * 4) return htmlToPlain(html);
  let prefix = html.slice(0, maxChars * 4);
  const open = prefix.lastIndexOf('<');
  if (open > prefix.lastIndexOf('>')) prefix = prefix.slice(0, open);
  return htmlToPlain(prefix);
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
