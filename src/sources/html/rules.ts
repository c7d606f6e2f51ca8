// Per-source rules for `kind: html` listing pages, as data from config/sources.yaml:
//   html:
//     linkSelector: "h3.title a"        CSS selector for article links (default below)
//     titleSelector: ".title"           optional: the title near each link (else the link text)
//     dateSelector: "time"              optional: the date near each link (datetime attr, else text)
//     include: ["/news/*"]              optional: keep only URLs matching one of these
//     exclude: ["/tag/", "*.pdf"]       optional: drop URLs matching one of these
// Patterns are plain substrings of the absolute URL, or globs when they contain `*` (any run of
// characters). A glob starting with "/" is matched against path + query, any other against the
// whole URL. No user regular expressions: a glob compiles to an anchored pattern of literal parts and
// `.*`, and only ever sees one URL. Pure.

export interface HtmlRules {
  readonly linkSelector?: string;
  readonly titleSelector?: string;
  readonly dateSelector?: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/** Links inside <article> and headline elements: what most news listings use. */
export const DEFAULT_LINK_SELECTOR = 'article a[href], h1 a[href], h2 a[href], h3 a[href]';

/**
 * Links that are never articles on the sites we know: archives, taxonomies, paging, accounts.
 * Applied unless the source gives include patterns (then those decide).
 */
export const NON_ARTICLE_PATTERNS: readonly string[] = [
  '/tag/',
  '/tags/',
  '/category/',
  '/categories/',
  '/author/',
  '/page/*',
  '*?page=*',
  '*&page=*',
  '/search*',
  '/login*',
  '/feed*',
];

export type UrlFilter = (url: string) => boolean;

/** Compiles include/exclude once per source. */
export function compileUrlFilter(rules: Pick<HtmlRules, 'include' | 'exclude'>): UrlFilter {
  const include = (rules.include ?? []).map(compilePattern);
  const defaults = include.length ? [] : NON_ARTICLE_PATTERNS;
  const exclude = [...defaults, ...(rules.exclude ?? [])].map(compilePattern);
  return (url) => (include.length === 0 || include.some((m) => m(url))) && !exclude.some((m) => m(url));
}

function compilePattern(pattern: string): UrlFilter {
  if (!pattern.includes('*')) return (url) => url.includes(pattern);
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const re = new RegExp(`^${source}$`);
  if (!pattern.startsWith('/')) return (url) => re.test(url);
  return (url) => {
    const u = URL.parse(url);
    return u !== null && re.test(u.pathname + u.search);
  };
}
