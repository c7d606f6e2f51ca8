// A listing page (a site's front page or section page) to articles: one per distinct article link.
// Pure: HTML text and rules in, a ParsedFeed or a one-line reason out. The pipeline then fetches
// each new link's page and extracts it like a feed article (summary is empty, so needsPage holds).
// Rules:
// - links are the elements matching linkSelector (an element that is not a link stands for the link
//   inside it); only http(s), fragment dropped, never the page itself or the site's front page;
// - without include patterns only links on the same site (www. ignored, subdomains allowed) count;
// - an article's "item" is the largest ancestor of its link that holds no link to another article:
//   the title and date selectors are looked up there (the title also when the link is inside it);
// - the title is the title selector's text, else the link text, else its title attribute or image alt;
//   a URL listed twice (image link and headline) is one article with the best of its titles;
// - the date is the date element's datetime/content attribute, else its text, parsed like feed dates;
// - links matching NON_ARTICLE_PATTERNS (tags, categories, paging) are dropped unless include is set.
import { parseDate } from '../../parse/dates';
import type { ParsedArticle, ParsedFeed, Result } from '../../types';
import { all, type DomDocument, type DomElement, parseDom, textOf } from './dom';
import { compileUrlFilter, DEFAULT_LINK_SELECTOR, type HtmlRules } from './rules';

const MAX_ITEM_DEPTH = 6;

interface Link {
  readonly el: DomElement;
  readonly url: string;
}

export function parseListing(html: string, pageUrl: string, rules: HtmlRules = {}): Result<ParsedFeed> {
  const doc = parseDom(html);
  const base = baseUrl(doc, pageUrl);
  const selector = rules.linkSelector ?? DEFAULT_LINK_SELECTOR;
  const filter = compileUrlFilter(rules);
  const sameSite = rules.include?.length ? () => true : sameSiteAs(pageUrl);
  const links: Link[] = [];
  for (const match of all(doc, selector)) {
    const el = match.localName === 'a' ? match : (match.closest('a[href]') ?? match.querySelector('a[href]'));
    const url = el ? articleUrl(el.getAttribute('href'), base, pageUrl) : null;
    if (el && url && sameSite(url) && filter(url)) links.push({ el, url });
  }
  if (links.length === 0) {
    return { ok: false, error: `no article links on ${pageUrl} matching "${selector}" (check html.linkSelector)` };
  }
  const byUrl = new Map<string, Item>();
  for (const link of links) {
    const item = readItem(link, links, rules, base);
    const seen = byUrl.get(link.url);
    if (!seen) byUrl.set(link.url, item);
    else if (item.titleRank > seen.titleRank)
      byUrl.set(link.url, { ...seen, title: item.title, titleRank: item.titleRank });
  }
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || null;
  const title = textOf(doc.querySelector('title')) || new URL(pageUrl).hostname;
  const format = 'html' as const;
  return {
    ok: true,
    value: { format, title, link: pageUrl, lang, articles: [...byUrl.values()].map(({ titleRank: _, ...a }) => a) },
  };
}

/** An article and how good its title is: selector 3, link text 2, title attribute or image alt 1. */
type Item = ParsedArticle & { readonly titleRank: number };

function readItem(link: Link, links: readonly Link[], rules: HtmlRules, base: string): Item {
  const item = itemOf(link, links);
  const titleEl = rules.titleSelector
    ? (link.el.closest(rules.titleSelector) ?? item.querySelector(rules.titleSelector))
    : null;
  const titles = [
    textOf(titleEl),
    textOf(link.el),
    link.el.getAttribute('title')?.trim() || link.el.querySelector('img[alt]')?.getAttribute('alt')?.trim() || '',
  ];
  const best = titles.findIndex(Boolean);
  const dateEl = rules.dateSelector ? item.querySelector(rules.dateSelector) : null;
  const dateText = dateEl?.getAttribute('datetime') ?? dateEl?.getAttribute('content') ?? textOf(dateEl);
  return {
    title: best === -1 ? '' : titles[best]!,
    titleRank: best === -1 ? 0 : 3 - best,
    url: link.url,
    guid: null,
    published: dateText ? parseDate(westernDigits(dateText)) : null,
    summary: '',
    contentHtml: null,
    author: null,
    imageUrl: resolve(item.querySelector('img[src]')?.getAttribute('src'), base),
    lang: null,
  };
}

/** Climbs from the link while the ancestor holds no link to another article. */
function itemOf(link: Link, links: readonly Link[]): DomElement {
  let item = link.el;
  for (let depth = 0, up = link.el.parentElement; up && depth < MAX_ITEM_DEPTH; depth++, up = up.parentElement) {
    if (links.some((other) => other.url !== link.url && up!.contains(other.el))) break;
    item = up;
  }
  return item;
}

function articleUrl(href: string | null, base: string, pageUrl: string): string | null {
  const u = href ? URL.parse(href.trim(), base) : null;
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  u.hash = '';
  const url = u.toString();
  if (url === new URL(pageUrl).toString().replace(/#.*$/, '') || (u.pathname === '/' && !u.search)) return null;
  return url;
}

function sameSiteAs(pageUrl: string): (url: string) => boolean {
  const host = bareHost(pageUrl);
  return (url) => {
    const h = bareHost(url);
    return h === host || h.endsWith(`.${host}`) || host.endsWith(`.${h}`);
  };
}

function bareHost(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

function baseUrl(doc: DomDocument, pageUrl: string): string {
  return resolve(doc.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
}

function resolve(href: string | null | undefined, base: string): string | null {
  return href ? (URL.parse(href.trim(), base)?.toString() ?? null) : null;
}

/** Arabic-Indic and Persian digits to ASCII, so "٢٠٢٥-٠٣-١٢" parses like "2025-03-12". */
function westernDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}
