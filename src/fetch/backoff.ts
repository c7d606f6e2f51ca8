// Backoff after failures, with jitter so that many sources failing together (an outage, our own
// network going down) do not retry in lockstep. See "Exponential Backoff And Jitter" (AWS
// Architecture Blog, 2015) for the two jitter schemes.
//
// One deliberate change from the textbook: delays never drop below `baseMs` (the source's own
// interval). A failing source is never polled more often than a healthy one.

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackoffOptions {
  /** The source's polling interval: the delay with no failures and the floor with failures. */
  readonly baseMs: number;
  /** Upper bound for any delay (default 24 h). */
  readonly capMs?: number;
  /**
   * full: uniform in [base, min(cap, base·2^failures)].
   * decorrelated: uniform in [base, min(cap, previous·3)]; needs the previous delay.
   */
  readonly jitter?: 'full' | 'decorrelated';
  /** The delay chosen after the previous failure (decorrelated jitter only; default baseMs). */
  readonly previousDelayMs?: number;
}

/** Milliseconds to wait after `consecutiveFailures` failures in a row. `random` returns [0, 1). */
export function nextDelayAfterFailure(consecutiveFailures: number, random: () => number, opts: BackoffOptions): number {
  const base = Math.max(0, opts.baseMs);
  const cap = Math.max(base, opts.capMs ?? DAY_MS);
  if (consecutiveFailures <= 0) return base;
  const ceiling =
    opts.jitter === 'decorrelated'
      ? Math.min(cap, Math.max(base, opts.previousDelayMs ?? base) * 3)
      : Math.min(cap, base * 2 ** Math.min(consecutiveFailures, 52));
  return Math.round(base + random() * (ceiling - base));
}
