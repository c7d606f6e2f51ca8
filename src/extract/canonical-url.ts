// Canonical URL keys: one string per article however its link was decorated. Pure.
//
// Rules (tables in url-rules.ts):
// - only http(s) URLs get a key; anything unparseable gets null.
// - the key is https even for http links: the two schemes serve the same article on every news site we
//   know, and the key is for identity, never for fetching.
// - host lowercased and IDN hosts as punycode (the WHATWG URL parser does both); a trailing dot dropped;
//   default ports, credentials and the fragment dropped.
// - `www.` is kept: folding it could merge two different sites (www.x and x are separate hosts and a few
//   outlets serve different editions on them); a missed merge only costs a text-level dedup, a false merge
//   loses an alert. A site's feed and pages use one form, so keeping it rarely splits an article.
// - percent-encoding in one form: unreserved characters (RFC 3986 §2.3) decoded, every other escape in
//   uppercase hex (§6.2.2.1); raw non-ASCII (an Arabic slug typed as is) is encoded as UTF-8 by the parser.
// - a trailing slash is dropped except for the root path.
// - AMP renderings fold to the article: AMP cache/viewer URLs unwrapped, `amp.` host prefix, `amp` path
//   segment, `.amp` suffix, `?amp`, `outputType=amp`.
// - tracking parameters dropped; the remaining query parameters sorted by name, then value.
import {
  AMP_CACHE_HOSTS,
  AMP_HOST_PREFIX,
  AMP_PARAM_VALUES,
  AMP_PATH_SEGMENT,
  AMP_PATH_SUFFIXES,
  TRACKING_PARAMS,
  TRACKING_PREFIXES,
} from './url-rules';

const TRACKING = new Set(TRACKING_PARAMS.map((p) => p.toLowerCase()));
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** The canonical key of an http(s) URL, or null when it is not one. */
export function canonicalUrlKey(url: string): string | null {
  const parsed = parseHttp(url.trim());
  if (!parsed) return null;
  const unwrapped = unwrapAmpCache(parsed) ?? parsed;
  const host = foldHost(unwrapped.hostname);
  const port = unwrapped.port ? `:${unwrapped.port}` : '';
  const path = foldPath(unwrapped.pathname);
  const query = foldQuery(unwrapped.search);
  return `https://${host}${port}${path}${query ? `?${query}` : ''}`;
}

function parseHttp(url: string): URL | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname) return null;
  return parsed;
}

/** The publisher URL inside an AMP cache or viewer URL, or null when the URL is not one. */
function unwrapAmpCache(url: URL): URL | null {
  for (const cache of AMP_CACHE_HOSTS) {
    if (!hostMatches(url.hostname, cache.hostSuffix)) continue;
    const prefix = cache.pathPrefixes.find((p) => url.pathname.startsWith(p));
    if (!prefix) continue;
    let rest = url.pathname.slice(prefix.length);
    let scheme = 'http';
    if (rest.startsWith('s/')) {
      scheme = 'https';
      rest = rest.slice(2);
    }
    return parseHttp(`${scheme}://${rest}${url.search}`);
  }
  return null;
}

/** `.x.org` matches subdomains only; `x.com` matches itself and its subdomains. */
function hostMatches(hostname: string, suffix: string): boolean {
  if (suffix.startsWith('.')) return hostname.endsWith(suffix);
  return hostname === suffix || hostname.endsWith(`.${suffix}`);
}

function foldHost(hostname: string): string {
  let host = hostname.replace(/\.$/, '');
  if (host.startsWith(AMP_HOST_PREFIX) && host.split('.').length > 2) host = host.slice(AMP_HOST_PREFIX.length);
  return host;
}

function foldPath(pathname: string): string {
  const segments = pathname
    .split('/')
    .slice(1)
    .map(normalizeEscapes)
    .filter((s) => s.toLowerCase() !== AMP_PATH_SEGMENT);
  let path = `/${segments.join('/')}`;
  for (const [suffix, replacement] of AMP_PATH_SUFFIXES) {
    if (path.toLowerCase().endsWith(suffix) && path.length > suffix.length + 1) {
      path = path.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : '/';
}

function foldQuery(search: string): string {
  if (search.length <= 1) return '';
  const kept: { name: string; pair: string }[] = [];
  for (const raw of search.slice(1).split('&')) {
    if (raw === '') continue;
    const pair = normalizeEscapes(raw);
    const eq = pair.indexOf('=');
    const name = (eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
    const value = eq === -1 ? '' : pair.slice(eq + 1).toLowerCase();
    if (isTracking(name, value)) continue;
    kept.push({ name, pair });
  }
  kept.sort((a, b) => compare(a.name, b.name) || compare(a.pair, b.pair));
  return kept.map((k) => k.pair).join('&');
}

function isTracking(name: string, value: string): boolean {
  if (TRACKING.has(name)) return true;
  if (TRACKING_PREFIXES.some((p) => name.startsWith(p))) return true;
  return AMP_PARAM_VALUES.some(([n, v]) => n === name && v === value);
}

/** Decodes escapes of unreserved characters and uppercases the hex of all others. */
function normalizeEscapes(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const ch = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface CanonicalHints {
  /** href of `<link rel="canonical">`, as written in the page. */
  readonly linkCanonical?: string | null;
  /** content of `<meta property="og:url">`, as written in the page. */
  readonly ogUrl?: string | null;
}

/**
 * The page's own idea of its URL: `<link rel=canonical>`, else og:url, else the page URL. A hint is used
 * only when it resolves (against the page URL, as a browser would) to an http(s) URL on a real host that is
 * not a site's home page (or a language edition's: /ar/) while the page is an article: CMS templates often point every page's canonical at
 * the site root, or at the parent site's home page after a redesign, which would merge every article.
 */
export function pickCanonical(pageUrl: string, hints: CanonicalHints): string {
  const page = parseHttp(pageUrl.trim());
  for (const hint of [hints.linkCanonical, hints.ogUrl]) {
    const candidate = hint ? resolveHint(hint, page) : null;
    if (candidate && isPlausible(candidate, page)) return candidate.href;
  }
  return page ? page.href : pageUrl;
}

function resolveHint(hint: string, page: URL | null): URL | null {
  const trimmed = hint.trim();
  if (trimmed === '' || /[{}<>]/.test(trimmed)) return null; // unrendered template placeholders
  const base = page?.href;
  if (!URL.canParse(trimmed, base)) return null;
  return parseHttp(new URL(trimmed, base).href);
}

/** A site's home page, or its home page for one language edition (/ar/, /en-us). */
const HOME_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/?)?$/i;

function isPlausible(candidate: URL, page: URL | null): boolean {
  const host = candidate.hostname;
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.startsWith('[')) {
    if (!page || page.hostname !== host) return false; // localhost or an IP: only when the page is there too
  }
  const isHome = (u: URL) => HOME_PATH.test(u.pathname) && u.search === '';
  if (isHome(candidate) && !(page && isHome(page))) return false;
  return true;
}
