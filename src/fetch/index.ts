// Public surface of src/fetch.
export { parseCacheControlMaxAge } from './cache-control';
export { createFetcher } from './fetcher';
export { parseHttpDate } from './http-date';
export { createLimiter, type Limiter } from './limiter';
export { parseRetryAfter } from './retry-after';
export { isRetryableStatus, RETRYABLE_STATUS } from './retryable';
export * from './types';
