// When to poll a source next. Pure: time and randomness are parameters.
// - success / not modified: the source's schedule, plus a little jitter so sources sharing an
//   interval do not fire together; Cache-Control max-age is a floor (RFC 9111 §5.2.2.1).
// - failure: exponential backoff from the schedule's interval with "equal jitter", capped at 24 h;
//   a 429/503 Retry-After is a floor (RFC 9110 §10.2.3).
import { nextRun, nominalIntervalMs } from '../sources/schedule';
import type { Schedule } from '../types';

export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
const JITTER_FRACTION = 0.1;
const MAX_JITTER_MS = 60_000;

export type PollOutcomeForSchedule =
  | { kind: 'ok' | 'not-modified'; minNextPollMs: number | null }
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'failed'; retryable: boolean };

export interface NextPollInput {
  readonly now: number;
  readonly schedule: Schedule;
  /** Failures in a row before this poll. */
  readonly consecutiveFailures: number;
  readonly random: () => number;
  readonly outcome: PollOutcomeForSchedule;
}

export function backoffMs(intervalMs: number, failures: number, random: () => number): number {
  const exp = Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(failures, 30));
  return Math.min(MAX_BACKOFF_MS, exp / 2 + random() * (exp / 2));
}

export function nextPollAt(i: NextPollInput): number {
  const interval = nominalIntervalMs(i.schedule, i.now);
  const o = i.outcome;
  if (o.kind === 'ok' || o.kind === 'not-modified') {
    const jitter =
      i.schedule.kind === 'interval' ? i.random() * Math.min(interval * JITTER_FRACTION, MAX_JITTER_MS) : 0;
    const scheduled = nextRun(i.schedule, i.now) + jitter;
    return Math.round(Math.max(scheduled, o.minNextPollMs !== null ? i.now + o.minNextPollMs : 0));
  }
  const delay = backoffMs(interval, i.consecutiveFailures + 1, i.random);
  const floor = o.kind === 'rate-limited' && o.retryAfterMs !== null ? Math.min(o.retryAfterMs, MAX_BACKOFF_MS) : 0;
  return Math.round(i.now + Math.max(delay, floor));
}
