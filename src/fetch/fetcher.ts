// The fetcher: the only module that speaks HTTP. One fetch is:
//   1. file: URLs are read from disk;
//   2. each hop asks checkUrl, then waits for a per-host and global slot;
//   3. one request with undici, body decoded and size-limited while streaming;
//   4. redirects are followed by hand (at most maxRedirects), so every hop is checked;
//   5. network errors and the deadline become { kind: 'failed' } values.
import { Agent } from 'undici';
import { fetchFile } from './file';
import { formatDuration } from './format';
import { type Hop, requestOnce } from './http';
import { createLimiter } from './limiter';
import { describeNetworkError } from './retryable';
import { FETCH_DEFAULTS, type Fetcher, type FetcherDeps, type FetchRequest, type FetchResult } from './types';

export function createFetcher(deps: FetcherDeps): Fetcher {
  const opts = { ...FETCH_DEFAULTS, ...definedOnly(deps) };
  const now = deps.now ?? (() => performance.now());
  const limiter = createLimiter({ perKey: opts.perHostLimit, global: opts.globalLimit });
  const agent = new Agent({
    connect: { timeout: opts.connectTimeoutMs },
    // Our own deadline covers the whole fetch; these only stop undici giving up earlier or later.
    headersTimeout: opts.totalTimeoutMs,
    bodyTimeout: opts.totalTimeoutMs,
  });

  async function fetchHttp(req: FetchRequest, elapsed: () => number): Promise<FetchResult> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const failed = (reason: string, retryable: boolean, status: number | null = null): FetchResult => ({
      kind: 'failed',
      reason,
      status,
      retryable,
      elapsedMs: elapsed(),
    });
    const deadline = new Promise<never>((_resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(new Error('deadline passed')), { once: true });
    });
    deadline.catch(() => undefined);
    let url = req.url;
    try {
      for (let hop = 0; ; hop++) {
        const refusal = await checkHop(url, hop);
        if (refusal) return failed(refusal, false);
        const result: Hop | FetchResult = await limiter.run(new URL(url).host, async () => {
          // The deadline starts with the first request, not while waiting in the queue.
          timer ??= setTimeout(() => controller.abort(), opts.totalTimeoutMs);
          try {
            const hop = requestOnce(url, req, {
              dispatcher: agent,
              userAgent: deps.userAgent,
              maxBodyBytes: opts.maxBodyBytes,
              signal: controller.signal,
              clock: Date.now,
              elapsed,
            });
            // undici ignores the abort while still connecting; do not wait for it.
            return await Promise.race([hop, deadline]);
          } catch (err) {
            return networkFailure(err, url, controller.signal.aborted, elapsed());
          }
        });
        if (result.kind !== 'redirect') return 'result' in result ? result.result : result;
        if (hop >= opts.maxRedirects) {
          return failed(`more than ${opts.maxRedirects} redirects from ${req.url}`, false, result.status);
        }
        url = result.location;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  async function checkHop(url: string, hop: number): Promise<string | null> {
    const parsed = URL.parse(url);
    if (!parsed) return `invalid URL: ${url}`;
    // A redirect must never lead from the web to the local disk or any other scheme.
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return `refused ${hop === 0 ? 'URL' : 'redirect to'} ${url}: only http and https are fetched`;
    }
    const refusal = deps.checkUrl ? await deps.checkUrl(url, hop) : null;
    return refusal === null ? null : `refused ${hop === 0 ? '' : 'redirect to '}${url}: ${refusal}`;
  }

  function networkFailure(err: unknown, url: string, deadlinePassed: boolean, elapsedMs: number): FetchResult {
    const base = { kind: 'failed', status: null, elapsedMs } as const;
    if (deadlinePassed) {
      return {
        ...base,
        reason: `timed out after ${formatDuration(opts.totalTimeoutMs)} fetching ${url}`,
        retryable: true,
      };
    }
    if ((err as { code?: unknown }).code === 'UND_ERR_CONNECT_TIMEOUT') {
      const reason = `timed out after ${formatDuration(opts.connectTimeoutMs)} connecting to ${url}`;
      return { ...base, reason, retryable: true };
    }
    const { what, retryable } = describeNetworkError(err);
    return { ...base, reason: `${what} fetching ${url}`, retryable };
  }

  return {
    async fetch(req) {
      const start = now();
      const elapsed = () => Math.round(now() - start);
      if (req.url.startsWith('file:')) return fetchFile(req, opts.maxBodyBytes, elapsed);
      return fetchHttp(req, elapsed);
    },
    close: () => agent.close(),
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
