import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/deliver/backoff';
import { leadSentences } from '../../src/deliver/lead';
import { createPacer, TELEGRAM_LIMITS } from '../../src/deliver/pacer';
import { type PlanAlert, periodEnd, planChat } from '../../src/deliver/plan';

const T0 = Date.UTC(2024, 4, 1, 10, 0, 0);
const MIN = 60_000;

describe('pacer', () => {
  it('spaces sends to one chat 1 s apart and to a group 3 s apart', () => {
    const p = createPacer(TELEGRAM_LIMITS);
    expect([p.book('a', 'private', T0), p.book('a', 'private', T0), p.book('a', 'private', T0)]).toEqual([
      T0,
      T0 + 1000,
      T0 + 2000,
    ]);
    expect([p.book('g', 'group', T0), p.book('g', 'group', T0)].map((t) => t - T0)).toEqual([40, 3040]);
  });

  it('never books two sends in one overall slot (25/s → 40 ms apart)', () => {
    const p = createPacer(TELEGRAM_LIMITS);
    const times = Array.from({ length: 100 }, (_, i) => p.book(`chat${i}`, 'private', T0));
    const sorted = [...times].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(40);
    expect(sorted[99]! - T0).toBe(99 * 40);
  });

  it('a chat that waits does not hold back the others', () => {
    const p = createPacer(TELEGRAM_LIMITS);
    p.block('slow', T0 + 10_000);
    expect(p.book('slow', 'private', T0)).toBe(T0 + 10_000);
    expect(p.book('fast', 'private', T0)).toBe(T0);
  });

  it('after a 429 nothing is booked for that chat before retry_after has elapsed', () => {
    const p = createPacer(TELEGRAM_LIMITS);
    p.book('a', 'private', T0);
    p.block('a', T0 + 14_000);
    expect(p.book('a', 'private', T0 + 1)).toBeGreaterThanOrEqual(T0 + 14_000);
  });
});

describe('backoff', () => {
  it.each([
    [1, 0, 1000],
    [1, 1, 2000],
    [3, 0.5, 6000],
    [30, 1, 300_000],
  ])('attempt %i with random %f waits %i ms', (attempt, r, ms) => {
    expect(retryDelayMs(attempt, () => r)).toBe(ms);
  });
});

describe('leadSentences', () => {
  it.each([
    ['Short text.', 50, 'Short text.'],
    ['One. Two is longer. Three.', 20, 'One. Two is longer.'],
    ['قصف على المدينة. ثم انسحاب القوات؟ وبعدها هدوء.', 35, 'قصف على المدينة. ثم انسحاب القوات؟'],
    ['no sentence end here at all and it is long', 20, 'no sentence end…'],
  ])('%s (max %i)', (text, max, want) => {
    expect(leadSentences(text, max)).toBe(want);
  });
});

const alert = (id: number, createdAt: number, over: Partial<PlanAlert> = {}): PlanAlert => ({
  id,
  storyId: id,
  status: 'pending',
  createdAt,
  threadId: null,
  ...over,
});
const chat = { active: true, digest: 'off' as const };
const never = () => false;

describe('planChat', () => {
  const cases: [string, Parameters<typeof planChat>, string][] = [
    ['nothing waiting', [chat, [], T0, never], 'none'],
    ['one fresh alert goes out alone', [chat, [alert(1, T0)], T0, never], 'single:1'],
    [
      'an inactive chat skips everything',
      [{ ...chat, active: false }, [alert(1, T0), alert(2, T0)], T0, never],
      'skip:1,2',
    ],
    ['a muted story is skipped', [chat, [alert(1, T0), alert(2, T0)], T0, (s) => s === 2], 'skip:2'],
    [
      'a backlog older than 15 min becomes one catch-up digest',
      [chat, [1, 2, 3, 4].map((i) => alert(i, T0 - 60 * MIN)), T0, never],
      'digest:catch-up:1,2,3,4',
    ],
    [
      'two old alerts are not a backlog',
      [chat, [alert(1, T0 - 60 * MIN), alert(2, T0 - 60 * MIN)], T0, never],
      'single:1',
    ],
    [
      'several alerts left sending by a crash go out again as one digest',
      [chat, [alert(1, T0, { status: 'sending' }), alert(2, T0, { status: 'sending' }), alert(3, T0)], T0, never],
      'digest:catch-up:1,2',
    ],
    [
      'hourly digest waits for the end of the hour',
      [{ ...chat, digest: 'hourly' }, [alert(1, T0 + 5 * MIN)], T0 + 10 * MIN, never],
      `wait:${T0 + 60 * MIN}`,
    ],
    [
      'hourly digest goes out after the hour, with the alerts of that hour',
      [
        { ...chat, digest: 'hourly' },
        [alert(1, T0 + 5 * MIN), alert(2, T0 + 50 * MIN), alert(3, T0 + 61 * MIN)],
        T0 + 62 * MIN,
        never,
      ],
      'digest:hourly:1,2',
    ],
    [
      'after /resume what waited goes out as one digest',
      [
        { ...chat, resumedAt: T0 },
        [alert(1, T0 - 2 * MIN), alert(2, T0 - MIN), alert(3, T0 + MIN)],
        T0 + 2 * MIN,
        never,
      ],
      'digest:resume:1,2',
    ],
    [
      'a digest stays in one forum topic',
      [
        chat,
        [
          alert(1, T0 - 60 * MIN, { threadId: '5' }),
          alert(2, T0 - 60 * MIN),
          alert(3, T0 - 60 * MIN, { threadId: '5' }),
          alert(4, T0 - 60 * MIN, { threadId: '5' }),
        ],
        T0,
        never,
      ],
      'digest:catch-up:1,3,4',
    ],
  ];
  it.each(cases)('%s', (_name, args, want) => {
    const p = planChat(...args);
    const got =
      p.kind === 'single'
        ? `single:${p.alert.id}`
        : p.kind === 'skip'
          ? `skip:${p.alerts.map((a) => a.id).join(',')}`
          : p.kind === 'digest'
            ? `digest:${p.reason}:${p.alerts.map((a) => a.id).join(',')}`
            : p.kind === 'wait'
              ? `wait:${p.until}`
              : p.kind;
    expect(got).toBe(want);
  });

  it('daily digest period ends at the configured hour (UTC)', () => {
    expect(periodEnd(Date.UTC(2024, 4, 1, 5), 'daily', 6)).toBe(Date.UTC(2024, 4, 1, 6));
    expect(periodEnd(Date.UTC(2024, 4, 1, 7), 'daily', 6)).toBe(Date.UTC(2024, 4, 2, 6));
  });
});
