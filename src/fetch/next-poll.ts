// When to poll a source next: a pure decision from the last fetch result.
//   ok / not-modified  → the schedule, but never sooner than Cache-Control max-age allows
//   rate-limited       → backoff, but never sooner than Retry-After
//   failed             → backoff (retryable or not: a 404 feed may come back, we just ask less often)
// Floors and backoff are capped at 24 h (or the schedule, if longer) so a misconfigured server cannot
// silence a source for a month.
import { DAY_MS, nextDelayAfterFailure } from './backoff';
import type { FetchResult } from './types';

export interface NextPollInput {
  readonly now: number;
  /** Delay the schedule asks for (interval, or time until the next cron tick). */
  readonly scheduleMs: number;
  readonly result: FetchResult;
  /** Failures in a row including this result (0 after a success). */
  readonly consecutiveFailures: number;
  readonly random: () => number;
  readonly jitter?: 'full' | 'decorrelated';
  readonly previousDelayMs?: number;
}

export interface NextPoll {
  /** Epoch ms. */
  readonly at: number;
  readonly delayMs: number;
  /** Which rule set the delay, for logs. */
  readonly why: 'schedule' | 'max-age' | 'retry-after' | 'backoff' | 'cap';
}

export function nextPollAt(input: NextPollInput): NextPoll {
  const { now, scheduleMs, result } = input;
  const [delay, why] = chooseDelay(input, result, scheduleMs);
  const delayMs = Math.max(scheduleMs, Math.min(delay, DAY_MS));
  return { at: now + delayMs, delayMs, why: delayMs < delay ? 'cap' : why };
}

function chooseDelay(input: NextPollInput, result: FetchResult, scheduleMs: number): [number, NextPoll['why']] {
  if (result.kind === 'ok' || result.kind === 'not-modified') {
    const floor = result.minNextPollMs ?? 0;
    return floor > scheduleMs ? [floor, 'max-age'] : [scheduleMs, 'schedule'];
  }
  const backoff = nextDelayAfterFailure(input.consecutiveFailures, input.random, {
    baseMs: scheduleMs,
    capMs: DAY_MS,
    jitter: input.jitter ?? 'full',
    previousDelayMs: input.previousDelayMs,
  });
  const floor = result.kind === 'rate-limited' ? (result.retryAfterMs ?? 0) : 0;
  return floor > backoff ? [floor, 'retry-after'] : [backoff, 'backoff'];
}
