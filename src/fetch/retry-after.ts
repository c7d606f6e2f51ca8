// Retry-After (RFC 9110 §10.2.3): either delay-seconds (a non-negative integer) or an HTTP-date.
import { parseHttpDate } from './http-date';

/**
 * Milliseconds to wait before the next request, or null when the header is absent or invalid.
 * A date in the past means "now" (0). Capping very long delays is the scheduler's decision.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : null;
  }
  const at = parseHttpDate(text, now);
  return at === null ? null : Math.max(0, at - now);
}
