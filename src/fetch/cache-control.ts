// Cache-Control max-age (RFC 9111 §5.2.2.1) as a floor for the next poll: a server saying
// "this feed is fresh for 10 minutes" is asking not to be asked again sooner.

/**
 * The response's max-age in milliseconds, or null when there is none or when the response forbids
 * reuse (no-store, no-cache), in which case freshness says nothing about when to come back.
 * With several max-age directives the first wins (RFC 9111 §4.2.1).
 */
export function parseCacheControlMaxAge(value: string | null | undefined): number | null {
  if (value == null) return null;
  let maxAge: number | null = null;
  let seen = false;
  for (const part of value.split(',')) {
    const [rawName, ...rest] = part.split('=');
    const name = rawName!.trim().toLowerCase();
    if (name === 'no-store' || name === 'no-cache') return null;
    if (name !== 'max-age' || seen) continue;
    seen = true;
    // Senders use the token form; recipients should accept the quoted form too (RFC 9111 §5.2).
    const arg = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    maxAge = /^\d+$/.test(arg) ? Number(arg) * 1000 : null;
  }
  return maxAge !== null && Number.isSafeInteger(maxAge) ? maxAge : null;
}
