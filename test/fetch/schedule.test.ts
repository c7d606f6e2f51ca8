import { describe, expect, it } from 'vitest';
import { DAY_MS, nextDelayAfterFailure } from '../../src/fetch/backoff';
import { nextPollAt } from '../../src/fetch/next-poll';
import type { FetchResult } from '../../src/fetch/types';

const MIN = 60_000;
const fixed = (r: number) => () => r;

describe('nextDelayAfterFailure', () => {
  it.each([
    ['no failures: the interval', 0, 0.99, 'full', 5 * MIN],
    ['1 failure, lowest draw: never sooner than the interval', 1, 0, 'full', 5 * MIN],
    ['1 failure, top draw: up to twice the interval', 1, 1, 'full', 10 * MIN],
    ['3 failures, half draw', 3, 0.5, 'full', 5 * MIN + 0.5 * 35 * MIN],
    ['many failures: capped at 24 h', 40, 1, 'full', DAY_MS],
    ['absurd failure count does not overflow', 10_000, 1, 'full', DAY_MS],
    ['decorrelated, previous = interval, top draw: 3x', 1, 1, 'decorrelated', 15 * MIN],
  ] as const)('%s', (_name, failures, r, jitter, expected) => {
    expect(nextDelayAfterFailure(failures, fixed(r), { baseMs: 5 * MIN, jitter })).toBe(expected);
  });

  it('decorrelated jitter grows from the previous delay and stays under the cap', () => {
    const opts = { baseMs: 5 * MIN, jitter: 'decorrelated' as const, previousDelayMs: 20 * MIN };
    expect(nextDelayAfterFailure(2, fixed(1), opts)).toBe(60 * MIN);
    expect(nextDelayAfterFailure(2, fixed(0), opts)).toBe(5 * MIN);
    expect(nextDelayAfterFailure(9, fixed(1), { ...opts, previousDelayMs: 20 * 60 * MIN })).toBe(DAY_MS);
  });

  it('an interval longer than the cap is kept as is', () => {
    expect(nextDelayAfterFailure(3, fixed(1), { baseMs: 2 * DAY_MS })).toBe(2 * DAY_MS);
  });

  it('spreads sources failing together (full jitter draws over the whole window)', () => {
    let seed = 1;
    // Park-Miller: a seeded generator, so the test is deterministic.
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    };
    const delays = Array.from({ length: 200 }, () => nextDelayAfterFailure(4, random, { baseMs: MIN }));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(MIN);
    expect(Math.max(...delays)).toBeLessThanOrEqual(16 * MIN);
    expect(new Set(delays).size).toBeGreaterThan(150);
  });
});

describe('nextPollAt', () => {
  const NOW = 1_700_000_000_000;
  const ok = (minNextPollMs: number | null): FetchResult => ({
    kind: 'ok',
    url: 'https://example.test/feed',
    status: 200,
    body: new Uint8Array(),
    contentType: null,
    etag: null,
    lastModified: null,
    contentLocation: null,
    minNextPollMs,
    elapsedMs: 5,
  });
  const limited = (retryAfterMs: number | null): FetchResult => ({
    kind: 'rate-limited',
    status: 429,
    retryAfterMs,
    elapsedMs: 5,
  });
  const failed: FetchResult = { kind: 'failed', reason: 'HTTP 500', status: 500, retryable: true, elapsedMs: 5 };
  const gone: FetchResult = { kind: 'failed', reason: 'HTTP 404', status: 404, retryable: false, elapsedMs: 5 };

  it.each([
    ['ok: on schedule', ok(null), 0, 5 * MIN, 'schedule'],
    ['ok: max-age shorter than the schedule changes nothing', ok(MIN), 0, 5 * MIN, 'schedule'],
    ['ok: max-age longer than the schedule is a floor', ok(30 * MIN), 0, 30 * MIN, 'max-age'],
    ['ok: a max-age of a year is capped at 24 h', ok(365 * DAY_MS), 0, DAY_MS, 'cap'],
    [
      'not modified: max-age floor too',
      { kind: 'not-modified', minNextPollMs: 20 * MIN, elapsedMs: 1 },
      0,
      20 * MIN,
      'max-age',
    ],
    ['rate-limited without Retry-After: backoff', limited(null), 1, 10 * MIN, 'backoff'],
    ['rate-limited: Retry-After above backoff wins', limited(2 * 60 * MIN), 1, 2 * 60 * MIN, 'retry-after'],
    ['rate-limited: Retry-After below backoff is ignored', limited(MIN), 1, 10 * MIN, 'backoff'],
    ['rate-limited: Retry-After of a week is capped', limited(7 * DAY_MS), 1, DAY_MS, 'cap'],
    ['failed (retryable): backoff', failed, 2, 20 * MIN, 'backoff'],
    ['failed (not retryable): still polled, with backoff', gone, 3, 40 * MIN, 'backoff'],
  ] as const)('%s', (_name, result, failures, delayMs, why) => {
    const next = nextPollAt({ now: NOW, scheduleMs: 5 * MIN, result, consecutiveFailures: failures, random: fixed(1) });
    expect(next).toEqual({ at: NOW + delayMs, delayMs, why });
  });

  it('a weekly cron schedule is not shortened by the 24 h cap', () => {
    const week = 7 * DAY_MS;
    const next = nextPollAt({ now: NOW, scheduleMs: week, result: ok(null), consecutiveFailures: 0, random: fixed(0) });
    expect(next.delayMs).toBe(week);
  });
});
