import { describe, expect, it } from 'vitest';
import { parseCacheControlMaxAge } from '../../src/fetch/cache-control';
import { parseHttpDate } from '../../src/fetch/http-date';
import { parseRetryAfter } from '../../src/fetch/retry-after';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0); // Sun, 01 Jun 2025 12:00:00 GMT

describe('parseHttpDate (RFC 9110 §5.6.7)', () => {
  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['rfc850, two-digit year in the past', 'Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['rfc850, two-digit year this century', 'Monday, 02-Jun-25 08:00:00 GMT', Date.UTC(2025, 5, 2, 8, 0, 0)],
    ['asctime, single-digit day (UTC, not local)', 'Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['asctime, two-digit day', 'Sun Nov 16 08:49:37 1994', Date.UTC(1994, 10, 16, 8, 49, 37)],
    ['lower case and surrounding spaces', '  sun, 06 nov 1994 08:49:37 gmt ', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['a zone other than GMT', 'Sun, 06 Nov 1994 08:49:37 +0000', null],
    ['ISO 8601', '1994-11-06T08:49:37Z', null],
    ['an impossible day', 'Mon, 31 Feb 2025 08:00:00 GMT', null],
    ['an impossible hour', 'Sun, 06 Nov 1994 25:49:37 GMT', null],
    ['empty', '', null],
  ])('%s', (_name, value, expected) => {
    expect(parseHttpDate(value, NOW)).toBe(expected);
  });
});

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  it.each([
    ['delay-seconds', '120', 120_000],
    ['zero seconds', '0', 0],
    ['seconds with spaces', ' 30 ', 30_000],
    ['a date in the future', 'Sun, 01 Jun 2025 12:05:00 GMT', 300_000],
    ['a date in the past means now', 'Sun, 01 Jun 2025 11:00:00 GMT', 0],
    ['negative seconds', '-5', null],
    ['fractional seconds', '1.5', null],
    ['garbage', 'soon', null],
    ['absent', null, null],
    ['absurdly large', '9'.repeat(30), null],
  ])('%s', (_name, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('parseCacheControlMaxAge (RFC 9111 §5.2)', () => {
  it.each([
    ['max-age alone', 'max-age=600', 600_000],
    ['among other directives', 'public, max-age=60, must-revalidate', 60_000],
    ['upper case', 'MAX-AGE=60', 60_000],
    ['quoted argument', 'max-age="60"', 60_000],
    ['zero', 'max-age=0', 0],
    ['the first of two wins', 'max-age=60, max-age=3600', 60_000],
    ['no-store forbids reuse', 'no-store, max-age=600', null],
    ['no-cache forbids reuse without revalidation', 'max-age=600, no-cache', null],
    ['s-maxage is for shared caches', 's-maxage=600', null],
    ['invalid number', 'max-age=ten', null],
    ['negative', 'max-age=-1', null],
    ['absent', null, null],
    ['empty', '', null],
  ])('%s', (_name, value, expected) => {
    expect(parseCacheControlMaxAge(value)).toBe(expected);
  });
});
