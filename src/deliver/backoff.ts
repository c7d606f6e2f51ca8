// Retry delays for 5xx and network failures: exponential with "equal jitter" (half fixed, half
// random) so that many chats failing together do not retry together. No attempt limit: an outage
// must not lose alerts; after it, the backlog goes out as one catch-up digest (./plan).

export interface BackoffConfig {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffConfig = { baseMs: 2_000, capMs: 300_000 };

/** Delay before attempt `attempt + 1`, given that `attempt` (1-based) just failed. */
export function retryDelayMs(attempt: number, random: () => number, cfg: BackoffConfig = DEFAULT_BACKOFF): number {
  const exp = Math.min(cfg.capMs, cfg.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
