// A cap on provider calls per hour (a sliding window of call times), pure: the caller keeps the
// list and passes the time. Every HTTP request counts, retries included: they cost the same.

export const HOUR_MS = 60 * 60 * 1000;

/** Call times still inside the window, and whether one more call fits. */
export function capAllows(
  calls: readonly number[],
  now: number,
  maxPerHour: number,
): { allow: boolean; calls: number[] } {
  const recent = calls.filter((t) => now - t < HOUR_MS);
  return { allow: recent.length < maxPerHour, calls: recent };
}
