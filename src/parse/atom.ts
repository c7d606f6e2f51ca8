// Atom 1.0 (RFC 4287) and Atom 0.3 adapter.
// - Text constructs (RFC 4287 section 3.1): type="text" is plain, "html" is escaped HTML, "xhtml" is
//   inline markup inside one <div>; Atom 0.3 says the same with MIME types and mode="escaped|xml|base64".
//   Any other media type is base64 (section 4.1.3.3).
// - url: link rel="alternate" (a link without rel is alternate, section 4.2.7.2), else the first link
//   that is not self/edit/enclosure/replies; resolved against xml:base.
// - published: published (1.0), issued/created (0.3), else updated/modified.
import type { ParsedArticle, ParsedFeed } from '../types';
import { cleanAuthor, imageOf, summaryOf } from './common';
import { parseDate } from './dates';
import { child, childrenNamed, childText, hasElementChildren, innerHtml, isElement, textOf } from './nodes';
import { cleanPlain, htmlToPlain, plainToHtml } from './text';
import { resolveHtmlUrls, resolveUrl } from './urls';
import { NS, type XmlElement } from './xml';

const NOT_ARTICLE_LINKS = new Set(['self', 'edit', 'enclosure', 'replies', 'license', 'hub', 'next', 'previous']);

export function parseAtom(root: XmlElement): ParsedFeed {
  const is03 = root.uri === NS.atom03 || (root.attrs['version'] ?? '').trim() === '0.3';
  const feedAuthor = authorOf(root);
  return {
    format: is03 ? 'atom03' : 'atom10',
    title: plainOf(textConstruct(child(root, 'title'))),
    link: linkOf(root),
    lang: root.lang,
    articles: childrenNamed(root, 'entry').map((entry) => parseEntry(entry, feedAuthor)),
  };
}

function parseEntry(entry: XmlElement, feedAuthor: string | null): ParsedArticle {
  const summary = textConstruct(child(entry, 'summary'));
  const contentEl = child(entry, 'content');
  const content = contentEl && !contentEl.attrs['src'] ? textConstruct(contentEl) : null;
  const contentHtml = content?.html.trim() ? resolveHtmlUrls(content.html.trim(), contentEl!.base) : null;
  const source = child(entry, 'source');
  return {
    title: plainOf(textConstruct(child(entry, 'title'))),
    url: linkOf(entry),
    guid: childText(entry, 'id') ?? null,
    published: parseDate(
      childText(entry, 'published', 'issued', 'created', 'dc:date') ?? childText(entry, 'updated', 'modified'),
    ),
    summary: summaryOf(summary.html || null, contentHtml),
    contentHtml,
    author: authorOf(entry) ?? (source ? authorOf(source) : null) ?? feedAuthor,
    imageUrl: imageOf(entry, [contentHtml, summary.html]),
    lang: entry.lang,
  };
}

/** A text construct as HTML, plus the raw text when it was plain (type="text"). */
interface TextConstruct {
  readonly html: string;
  readonly text: string | null;
}

function plainOf(tc: TextConstruct): string {
  return tc.text !== null ? cleanPlain(tc.text) : htmlToPlain(tc.html);
}

function textConstruct(el: XmlElement | undefined): TextConstruct {
  if (!el) return { html: '', text: '' };
  const type = (el.attrs['type'] ?? '').trim().toLowerCase();
  const mode = (el.attrs['mode'] ?? '').trim().toLowerCase();
  if (hasElementChildren(el) || type === 'xhtml' || type.endsWith('xml') || mode === 'xml') {
    return { html: innerHtml(unwrapDiv(el)), text: null };
  }
  const raw = textOf(el);
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return { html: raw, text: null };
  const binary = mode === 'base64' || (type.includes('/') && !type.startsWith('text/'));
  const decoded = binary ? decodeBase64(raw) : null;
  if (decoded !== null) return { html: decoded, text: null };
  return { html: plainToHtml(raw.trim()), text: raw };
}

/** Atom xhtml content is wrapped in one xhtml <div> that is not part of the content (section 3.1.1.3). */
function unwrapDiv(el: XmlElement): XmlElement {
  const elements = el.children.filter(isElement);
  const onlyText = el.children.every((c) => isElement(c) || !c.text.trim());
  const div = elements[0];
  return elements.length === 1 && onlyText && div?.local === 'div' ? div : el;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Base64 text as UTF-8, or null when it is not base64 of UTF-8 text (then it is read as plain text). */
function decodeBase64(raw: string): string | null {
  const compact = raw.replace(/\s+/g, '');
  if (!compact || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  try {
    return strictUtf8.decode(Uint8Array.from(atob(compact), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

function linkOf(el: XmlElement): string | null {
  const links = childrenNamed(el, 'link').filter((l) => l.attrs['href']?.trim());
  const alternate = links.find((l) => (l.attrs['rel'] ?? 'alternate').trim() === 'alternate');
  const chosen = alternate ?? links.find((l) => !NOT_ARTICLE_LINKS.has((l.attrs['rel'] ?? '').trim()));
  return chosen ? resolveUrl(chosen.attrs['href'], chosen.base) : null;
}

function authorOf(el: XmlElement): string | null {
  const author = child(el, 'author');
  if (!author) return cleanAuthor(childText(el, 'dc:creator'));
  return cleanAuthor(childText(author, 'name') ?? (hasElementChildren(author) ? null : textOf(author).trim()));
}
