import { describe, expect, it } from 'vitest';
import { nextCronRun, nextRun, nominalIntervalMs, parseDuration } from '../../src/sources/schedule';

const T = Date.UTC(2026, 10, 21, 12, 7, 30); // Sat 2026-11-21 12:07:30 UTC

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['500ms', 500],
    ['5', null],
    ['m5', null],
    ['', null],
  ])('%j → %j', (text, ms) => expect(parseDuration(text)).toBe(ms));
});

describe('nextCronRun', () => {
  it.each([
    ['*/10 * * * *', Date.UTC(2026, 10, 21, 12, 10, 0)],
    ['0 * * * *', Date.UTC(2026, 10, 21, 13, 0, 0)],
    ['*/15 * * * * *', Date.UTC(2026, 10, 21, 12, 7, 45)],
    ['30 6 * * 1', Date.UTC(2026, 10, 23, 6, 30, 0)], // next Monday
    ['0 0 1 1 *', Date.UTC(2027, 0, 1, 0, 0, 0)],
  ])('%s after 12:07:30 Saturday', (expr, at) => expect(nextCronRun(expr, T)).toBe(at));

  it('is strictly after the given time', () => {
    const at = Date.UTC(2026, 10, 21, 12, 10, 0);
    expect(nextCronRun('*/10 * * * *', at)).toBe(Date.UTC(2026, 10, 21, 12, 20, 0));
  });

  it('gives intervals for backoff', () => {
    expect(nominalIntervalMs({ kind: 'cron', expr: '*/10 * * * *' }, T)).toBe(600_000);
    expect(nominalIntervalMs({ kind: 'interval', ms: 42_000 }, T)).toBe(42_000);
    expect(nextRun({ kind: 'interval', ms: 42_000 }, T)).toBe(T + 42_000);
  });
});
