// URL resolution for feeds: links are resolved against the nearest xml:base (RFC 3986 section 5.1,
// XML Base), which itself resolves against its parent's, and finally against the document URL
// (Content-Location when the server sent one, else the feed URL).

/** Absolute URL string, or null when the reference cannot be resolved to http(s)/other absolute URL. */
export function resolveUrl(ref: string | null | undefined, base: string | null): string | null {
  if (ref == null) return null;
  const trimmed = ref.trim();
  if (!trimmed) return null;
  try {
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    return null;
  }
}

/** Like resolveUrl but keeps the reference as written when it cannot be resolved (a base for children). */
export function resolveBase(ref: string, base: string | null): string {
  return resolveUrl(ref, base) ?? base ?? ref;
}

const URL_ATTR = /(\s(?:href|src)\s*=\s*)(["'])([^"']*)\2/gi;
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** Resolves relative href/src attributes inside an HTML fragment (content:encoded, Atom content). */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (!base || !(html.includes('href') || html.includes('src'))) return html;
  return html.replace(URL_ATTR, (whole, lead: string, quote: string, value: string) => {
    if (!value || ABSOLUTE.test(value) || value.startsWith('#')) return whole;
    const resolved = resolveUrl(value.replace(/&amp;/g, '&'), base);
    return resolved ? `${lead}${quote}${resolved.replace(/&/g, '&amp;')}${quote}` : whole;
  });
}
