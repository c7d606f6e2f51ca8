// Public surface of src/fetch.
export { type BackoffOptions, DAY_MS, nextDelayAfterFailure } from './backoff';
export { parseCacheControlMaxAge } from './cache-control';
export { createFetcher } from './fetcher';
export { parseHttpDate } from './http-date';
export { createLimiter, type Limiter } from './limiter';
export { type NextPoll, type NextPollInput, nextPollAt } from './next-poll';
export { parseRetryAfter } from './retry-after';
export { isRetryableStatus, RETRYABLE_STATUS } from './retryable';
export * from './types';
