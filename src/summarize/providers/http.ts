// POST JSON to a provider with retries: 429, 5xx and network failures are retried with exponential
// backoff, honouring Retry-After (RFC 9110 §10.2.3); anything else fails at once. The whole exchange
// is bounded by one AbortSignal (the summary timeout): an alert is never held longer than that.
// Failures are values that say what went wrong; no exception escapes.
import { parseRetryAfter } from '../../fetch/retry-after';

type Failed = { readonly kind: 'failed'; readonly reason: string; readonly status?: number };
export type PostResult = { readonly kind: 'ok'; readonly json: unknown } | Failed;

export interface PostDeps {
  readonly fetch: typeof fetch;
  /** Business time (Retry-After dates). */
  readonly now: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Asked before every request (the hourly cap); false: give up. */
  readonly mayCall: () => boolean;
}

export interface PostRequest {
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body: unknown;
  readonly signal: AbortSignal;
  /** Milliseconds left until `signal` fires (to skip a Retry-After that cannot be waited for). */
  readonly remainingMs: () => number;
  readonly retries: number;
  readonly baseDelayMs: number;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Resolves after `ms`, or early when the signal fires. */
export const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

function describe(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'timeout';
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return `network: ${e.cause?.code ?? e.cause?.message ?? e.message ?? String(err)}`;
}

export async function postJson(req: PostRequest, deps: PostDeps): Promise<PostResult> {
  let last: Failed = { kind: 'failed', reason: 'no attempt' };
  for (let attempt = 0; attempt <= req.retries; attempt++) {
    if (req.signal.aborted) return { kind: 'failed', reason: 'timeout' };
    if (!deps.mayCall()) return { kind: 'failed', reason: 'hourly cap reached' };
    let wait = req.baseDelayMs * 2 ** attempt;
    try {
      const res = await deps.fetch(req.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...req.headers },
        body: JSON.stringify(req.body),
        signal: req.signal,
      });
      const text = await res.text();
      if (res.ok) {
        try {
          return { kind: 'ok', json: JSON.parse(text) };
        } catch {
          return { kind: 'failed', reason: `malformed JSON from ${req.url}`, status: res.status };
        }
      }
      last = { kind: 'failed', reason: `HTTP ${res.status}: ${text.slice(0, 200)}`, status: res.status };
      if (!RETRYABLE.has(res.status)) return last;
      const after = parseRetryAfter(res.headers.get('retry-after'), deps.now());
      if (after !== null) wait = after;
    } catch (err) {
      last = { kind: 'failed', reason: describe(err, req.signal) };
      if (req.signal.aborted) return last;
    }
    if (attempt === req.retries) break;
    if (wait >= req.remainingMs())
      return { ...last, reason: `${last.reason} (a retry in ${wait} ms would pass the timeout)` };
    await deps.sleep(wait, req.signal);
  }
  return last;
}
