import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextPollAt } from '../../src/pipeline/next-poll';

const now = 1_800_000_000_000;
const every10m = { kind: 'interval', ms: 600_000 } as const;
const mid = () => 0.5;
const zero = () => 0;
const one = () => 1 - 1e-12;

describe('nextPollAt', () => {
  it.each([
    ['ok, no jitter', { kind: 'ok', minNextPollMs: null }, 0, zero, now + 600_000],
    ['ok, jitter at most 60s', { kind: 'ok', minNextPollMs: null }, 0, one, now + 600_000 + 60_000],
    ['not modified follows the schedule', { kind: 'not-modified', minNextPollMs: null }, 3, zero, now + 600_000],
    ['max-age longer than interval is a floor', { kind: 'ok', minNextPollMs: 3_600_000 }, 0, zero, now + 3_600_000],
    ['max-age shorter than interval changes nothing', { kind: 'ok', minNextPollMs: 60_000 }, 0, zero, now + 600_000],
    ['first failure: 2× interval, equal jitter (low)', { kind: 'failed', retryable: true }, 0, zero, now + 600_000],
    ['first failure: 2× interval, equal jitter (mid)', { kind: 'failed', retryable: true }, 0, mid, now + 900_000],
    ['third failure: 8× interval (mid)', { kind: 'failed', retryable: true }, 2, mid, now + 3_600_000],
    ['many failures: capped at 24h', { kind: 'failed', retryable: true }, 40, one, now + MAX_BACKOFF_MS],
    ['429 Retry-After above backoff wins', { kind: 'rate-limited', retryAfterMs: 7_200_000 }, 0, mid, now + 7_200_000],
    ['429 Retry-After below backoff: backoff', { kind: 'rate-limited', retryAfterMs: 1_000 }, 0, mid, now + 900_000],
    [
      '429 Retry-After absurd: capped at 24h',
      { kind: 'rate-limited', retryAfterMs: 10 * MAX_BACKOFF_MS },
      0,
      zero,
      now + MAX_BACKOFF_MS,
    ],
  ] as const)('%s', (_name, outcome, failures, random, expected) => {
    const at = nextPollAt({ now, schedule: every10m, consecutiveFailures: failures, random, outcome });
    expect(Math.abs(at - expected)).toBeLessThanOrEqual(1);
  });

  it('follows a cron schedule without jitter', () => {
    const t = Date.UTC(2026, 10, 21, 12, 7, 30);
    const at = nextPollAt({
      now: t,
      schedule: { kind: 'cron', expr: '*/10 * * * *' },
      consecutiveFailures: 0,
      random: one,
      outcome: { kind: 'ok', minNextPollMs: null },
    });
    expect(at).toBe(Date.UTC(2026, 10, 21, 12, 10, 0));
  });
});
