// Article metadata from a page's head: the publisher's own labels (Open Graph, article:*, JSON-LD, <time>).
// Read before anything is removed from the DOM. Pure over the DOM value.
//
// Rules, first found wins:
// - title: og:title, twitter:title, JSON-LD headline, <title>; a " - Site" / " | Site" suffix is removed when
//   it names the site, and from <title> also when it is short (≤ 4 words) after a longer headline.
// - published: article:published_time, itemprop=datePublished, JSON-LD datePublished, other common meta
//   names, the first <time datetime>. A date-time without a zone is read as UTC (never the host's zone).
// - author: meta author, article:author (unless a profile URL), JSON-LD author, microdata / rel=author.
// - lang: <html lang> / xml:lang, Content-Language, og:locale; reduced to the primary subtag ("en-US" → "en").
import type { DomDocument } from './dom';
import { readJsonLd } from './jsonld';

export interface PageMetadata {
  readonly title: string | null;
  readonly author: string | null;
  readonly published: number | null;
  readonly lang: string | null;
  readonly imageUrl: string | null;
  readonly siteName: string | null;
  readonly linkCanonical: string | null;
  readonly ogUrl: string | null;
}

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' « ', ' » ', ' · '];
const DATE_META = [
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date.issued',
  'parsely-pub-date',
  'sailthru.date',
];

export function readMetadata(doc: DomDocument, pageUrl: string): PageMetadata {
  const metas = metaMap(doc);
  const meta = (...keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v !== undefined) ?? null;
  const jsonLd = readJsonLd(
    Array.from(doc.querySelectorAll('script[type="application/ld+json"]'), (s) => s.textContent ?? ''),
  );
  const siteName = meta('og:site_name', 'application-name') ?? jsonLd.publisher;
  const socialTitle = meta('og:title', 'twitter:title') ?? jsonLd.headline;
  const pageTitle = clean(doc.title);
  const title = socialTitle
    ? stripSiteSuffix(socialTitle, siteName, false)
    : pageTitle
      ? stripSiteSuffix(pageTitle, siteName, true)
      : null;
  const articleAuthor = meta('article:author');
  return {
    title,
    author:
      meta('author') ??
      (articleAuthor && !/^https?:/i.test(articleAuthor) ? articleAuthor : null) ??
      jsonLd.author ??
      markedAuthor(doc),
    published: firstDate([
      meta('article:published_time', 'datepublished'),
      jsonLd.datePublished,
      meta(...DATE_META),
      doc.querySelector('article time[datetime]')?.getAttribute('datetime') ?? null,
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
    ]),
    lang: normalizeLang(
      doc.documentElement?.getAttribute('lang') ??
        doc.documentElement?.getAttribute('xml:lang') ??
        meta('content-language', 'og:locale'),
    ),
    imageUrl: httpUrl(
      meta('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image') ?? jsonLd.image,
      pageUrl,
    ),
    siteName,
    linkCanonical: canonicalHref(doc),
    ogUrl: meta('og:url'),
  };
}

/** Every <meta> by its lowercased property / name / itemprop / http-equiv; the first of each name wins. */
function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = clean(el.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

/** An author marked up in the page body (schema.org microdata, rel=author), for pages without meta tags. */
function markedAuthor(doc: DomDocument): string | null {
  const el = doc.querySelector('[itemprop~="author"] [itemprop~="name"]') ?? doc.querySelector('a[rel~="author"]');
  const text = clean(el?.textContent);
  return text && text.length <= 100 ? text : null;
}

function canonicalHref(doc: DomDocument): string | null {
  for (const link of Array.from(doc.querySelectorAll('link[rel][href]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return clean(link.getAttribute('href'));
  }
  return null;
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** Removes a " - Site" style suffix (or "Site | " prefix) from a title; see the header for when. */
export function stripSiteSuffix(title: string, siteName: string | null, isPageTitle: boolean): string {
  const site = siteName?.toLowerCase();
  for (const sep of SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at <= 0) continue;
    const head = title.slice(0, at).trim();
    const tail = title.slice(at + sep.length).trim();
    if (site && (tail.toLowerCase() === site || tail.toLowerCase().includes(site))) return head;
    const first = title.indexOf(sep);
    if (site && title.slice(0, first).trim().toLowerCase() === site) return title.slice(first + sep.length).trim();
    if (isPageTitle && words(tail) <= 4 && words(head) > words(tail)) return head;
  }
  return title;
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function firstDate(candidates: readonly (string | null)[]): number | null {
  for (const c of candidates) {
    const ms = c ? parseDate(c) : null;
    if (ms !== null) return ms;
  }
  return null;
}

/** Epoch ms of an ISO 8601 / RFC 2822 date, or null; a date-time without a zone is UTC. */
export function parseDate(value: string): number | null {
  let s = value.trim();
  if (/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(s)) s = `${s.replace(' ', 'T')}Z`;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : null;
}

export function normalizeLang(tag: string | null | undefined): string | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

function httpUrl(value: string | null, base: string): string | null {
  if (!value || !URL.canParse(value, URL.canParse(base) ? base : undefined)) return null;
  const url = new URL(value, URL.canParse(base) ? base : undefined);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
