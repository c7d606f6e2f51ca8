// RSS 0.90-2.0, RSS 1.0 (RDF) and CDF adapter. One reading for all versions, because real feeds mix
// them: items are read under <channel> and, for RDF, beside it.
// - url: <link>, else atom:link rel=alternate, else a permalink guid (isPermaLink not "false" and
//   http(s)); resolved against xml:base / the document URL.
// - guid: <guid>, else rdf:about, else null (the pipeline synthesises one).
// - published: pubDate, dc:date, dcterms:issued/created/modified, atom:published/updated.
// - contentHtml: content:encoded, xhtml:body, <content>, Userland <fullitem>; summary: description, else cut from content.
import type { FeedFormat, ParsedArticle, ParsedFeed } from '../types';
import { cleanAuthor, imageOf, summaryOf } from './common';
import { parseDate } from './dates';
import { child, childrenNamed, childText, innerHtml, textOf } from './nodes';
import { htmlToPlain } from './text';
import { resolveHtmlUrls, resolveUrl } from './urls';
import { NS, type XmlElement } from './xml';

const RSS_VERSIONS: Record<string, FeedFormat> = {
  '0.9': 'rss090',
  '0.90': 'rss090',
  '0.91': 'rss091',
  '0.92': 'rss092',
  '0.93': 'rss093',
  '0.94': 'rss094',
};

export function rssFormat(root: XmlElement): FeedFormat {
  if (root.local === 'rss') return RSS_VERSIONS[(root.attrs['version'] ?? '').trim()] ?? 'rss20';
  if (root.local === 'rdf') {
    const ns = child(root, 'channel')?.uri ?? root.attrs['xmlns'];
    return ns === NS.rss090 || ns === NS.rss090alt ? 'rss090' : 'rss10';
  }
  // CDF (<CHANNEL> root) has no FeedFormat of its own; its fields follow RSS 0.9x.
  return 'rss091';
}

export function parseRss(root: XmlElement): ParsedFeed {
  const channel = root.local === 'channel' ? root : (child(root, 'channel') ?? root);
  const items = childrenNamed(channel, 'item');
  if (channel !== root) items.push(...childrenNamed(root, 'item'));
  const lang = childText(channel, 'language', 'dc:language') ?? channel.lang;
  return {
    format: rssFormat(root),
    title: htmlToPlain(childText(channel, 'title', 'dc:title') ?? ''),
    link: linkOf(channel),
    lang,
    articles: items.map((item) => parseItem(item, lang)),
  };
}

function parseItem(item: XmlElement, feedLang: string | null): ParsedArticle {
  const titleEl = child(item, 'title', 'dc:title');
  const descriptionEl = child(item, 'description', 'dc:description', 'itunes:summary', 'media:description');
  const contentEl = child(item, 'content:encoded', 'xhtml:body', 'content', 'fullitem');
  const contentHtml = contentEl ? resolveHtmlUrls(innerHtml(contentEl).trim(), contentEl.base) || null : null;
  const descriptionHtml = descriptionEl ? innerHtml(descriptionEl) : null;
  const guidEl = child(item, 'guid');
  const guid = textOf(guidEl).trim() || item.attrs['rdf:about']?.trim() || null;
  return {
    title: titleEl ? htmlToPlain(innerHtml(titleEl)) : '',
    url: linkOf(item) ?? permalink(guidEl),
    guid,
    published: parseDate(
      childText(item, 'pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'atom:published', 'date') ??
        childText(item, 'dcterms:modified', 'atom:updated', 'lastbuilddate'),
    ),
    summary: summaryOf(descriptionHtml, contentHtml),
    contentHtml,
    author: cleanAuthor(childText(item, 'dc:creator', 'author', 'itunes:author', 'dc:author') ?? atomAuthor(item)),
    imageUrl: imageOf(item, [contentHtml, descriptionHtml]),
    lang: childText(item, 'dc:language') ?? (item.attrs['xml:lang'] ? item.lang : feedLang),
  };
}

/** <link> text (first non-empty), CDF href, or an atom:link alternate. */
function linkOf(el: XmlElement): string | null {
  for (const link of childrenNamed(el, 'link')) {
    const rel = link.attrs['rel'] ?? 'alternate';
    const value = textOf(link).trim() || (rel === 'alternate' ? link.attrs['href'] : undefined);
    if (value) return resolveUrl(value, link.base);
  }
  if (el.attrs['href']) return resolveUrl(el.attrs['href'], el.base);
  for (const link of childrenNamed(el, 'atom:link')) {
    const rel = link.attrs['rel'] ?? 'alternate';
    if (rel === 'alternate' && link.attrs['href']) return resolveUrl(link.attrs['href'], link.base);
  }
  return null;
}

function permalink(guid: XmlElement | undefined): string | null {
  if (!guid || guid.attrs['ispermalink']?.trim().toLowerCase() === 'false') return null;
  const value = textOf(guid).trim();
  return /^https?:\/\//i.test(value) ? resolveUrl(value, null) : null;
}

function atomAuthor(item: XmlElement): string | null {
  const author = child(item, 'atom:author');
  return author ? childText(author, 'atom:name', 'name') : null;
}
