// Finding a site's feed, or failing that its article links, for `rased sources discover <url>` and
// `/source add`. Candidate generation and the config entry are pure; `discoverSource` is the one
// orchestrator and gets the fetcher and the feed parser passed in. Order of candidates:
//   1. the URL itself, when it is already a feed;
//   2. <link rel="alternate"> with an RSS, Atom or JSON Feed type, in page order;
//   3. common feed paths on the site's origin (COMMON_FEED_PATHS).
// The first candidate that fetches and parses wins (kind: feed). With none, the page becomes a
// listing source (kind: html) with the first selector of GUESSED_SELECTORS that finds enough links.
import { stringify } from 'yaml';
import type { Fetcher } from '../fetch/types';
import { decodeBody } from '../parse/decode';
import type { ParsedFeed, Result } from '../types';
import { all, parseDom } from './html/dom';
import { parseListing } from './html/listing';
import { DEFAULT_LINK_SELECTOR } from './html/rules';

export const COMMON_FEED_PATHS = [
  '/feed',
  '/rss',
  '/rss.xml',
  '/feed.xml',
  '/atom.xml',
  '/index.xml',
  '/feeds/posts/default',
  '/?feed=rss2',
] as const;

const FEED_TYPES =
  /^(application\/(rss|atom|rdf)\+xml|application\/(feed|rss|atom)\+json|application\/(rss|atom)|text\/xml)$/i;

/** Listing selectors to try when a site has no feed; the first finding MIN_LISTING_LINKS wins. */
export const GUESSED_SELECTORS = [DEFAULT_LINK_SELECTOR, 'main a[href]', '.post a[href], .news a[href]', 'li a[href]'];
const MIN_LISTING_LINKS = 3;

export type ParseFeedBytes = (
  bytes: Uint8Array,
  opts: { contentType: string | null; url: string },
) => Result<{ feed: ParsedFeed }>;

export type Discovery =
  | { kind: 'feed'; url: string; title: string; lang: 'ar' | 'en' | 'auto'; articles: number }
  | { kind: 'html'; url: string; title: string; lang: 'ar' | 'en' | 'auto'; articles: number; linkSelector: string };

export interface DiscoveryReport {
  readonly found: Discovery | null;
  /** Every URL tried and what happened, for the command's output. */
  readonly tried: readonly { url: string; outcome: string }[];
}

/** Feed URLs announced by the page, resolved and in page order. */
export function alternateFeeds(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  for (const link of all(parseDom(html), 'link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    const url = URL.parse(link.getAttribute('href')!.trim(), pageUrl)?.toString();
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}

/** Every URL to try after the page itself: announced feeds first, then the common paths. */
export function feedCandidates(pageUrl: string, html: string | null): string[] {
  const origin = new URL(pageUrl).origin;
  const urls = [...(html ? alternateFeeds(html, pageUrl) : []), ...COMMON_FEED_PATHS.map((p) => `${origin}${p}`)];
  return [...new Set(urls)].filter((u) => u !== pageUrl);
}

export async function discoverSource(
  url: string,
  deps: { fetcher: Pick<Fetcher, 'fetch'>; parseFeed: ParseFeedBytes },
): Promise<Result<DiscoveryReport>> {
  const tried: { url: string; outcome: string }[] = [];
  const first = await deps.fetcher.fetch({ url });
  if (first.kind !== 'ok')
    return { ok: false, error: first.kind === 'failed' ? first.reason : `${first.kind}: ${url}` };
  const asFeed = deps.parseFeed(first.body, { contentType: first.contentType, url: first.url });
  tried.push({ url: first.url, outcome: asFeed.ok ? 'feed' : asFeed.error });
  if (asFeed.ok) return { ok: true, value: { found: feedFound(first.url, asFeed.value.feed), tried } };
  const html = decodeBody(first.body, { contentType: first.contentType, kind: 'html' }).text;
  for (const candidate of feedCandidates(first.url, html)) {
    const res = await deps.fetcher.fetch({ url: candidate });
    if (res.kind !== 'ok') {
      tried.push({ url: candidate, outcome: res.kind === 'failed' ? res.reason : res.kind });
      continue;
    }
    const parsed = deps.parseFeed(res.body, { contentType: res.contentType, url: res.url });
    tried.push({ url: candidate, outcome: parsed.ok ? 'feed' : parsed.error });
    if (parsed.ok) return { ok: true, value: { found: feedFound(res.url, parsed.value.feed), tried } };
  }
  return { ok: true, value: { found: guessListing(html, first.url), tried } };
}

function feedFound(url: string, feed: ParsedFeed): Discovery {
  return { kind: 'feed', url, title: feed.title, lang: langOf(feed.lang), articles: feed.articles.length };
}

function guessListing(html: string, url: string): Discovery | null {
  for (const linkSelector of GUESSED_SELECTORS) {
    const r = parseListing(html, url, { linkSelector });
    if (r.ok && r.value.articles.length >= MIN_LISTING_LINKS) {
      const { title, lang, articles } = r.value;
      return { kind: 'html', url, title, lang: langOf(lang), articles: articles.length, linkSelector };
    }
  }
  return null;
}

function langOf(tag: string | null): 'ar' | 'en' | 'auto' {
  const t = tag?.trim().toLowerCase().slice(0, 2);
  return t === 'ar' || t === 'en' ? t : 'auto';
}

/** A slug for the source id from the host: "www.enabbaladi.net" → "enabbaladi-net". */
export function sourceIdFor(url: string, taken: ReadonlySet<string> = new Set()): string {
  const base =
    new URL(url).hostname
      .replace(/^www\./, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'source';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The config entry for a discovery, as YAML ready to paste under `sources:`. */
export function sourceEntry(d: Discovery, id: string): Record<string, unknown> {
  const entry: Record<string, unknown> = { id, name: d.title.trim() || id, url: d.url, kind: d.kind };
  if (d.lang !== 'auto') entry.lang = d.lang;
  entry.every = '10m';
  if (d.kind === 'html' && d.linkSelector !== DEFAULT_LINK_SELECTOR) entry.html = { linkSelector: d.linkSelector };
  return entry;
}

export function renderSourceEntry(entry: Record<string, unknown>): string {
  return stringify({ sources: [entry] }, { lineWidth: 0 }).replace(/^sources:\n/, '');
}
