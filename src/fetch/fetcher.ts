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
import {
  ADDRESS_REFUSED_CODE,
  FETCH_DEFAULTS,
  type Fetcher,
  type FetcherDeps,
  type FetchRequest,
  type FetchResult,
} from './types';

const STALE_CONNECTION = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

export function createFetcher(deps: FetcherDeps): Fetcher {
  const opts = { ...FETCH_DEFAULTS, ...definedOnly(deps) };
  const now = deps.now ?? (() => performance.now());
  const limiter = createLimiter({ perKey: opts.perHostLimit, global: opts.globalLimit });
  const agent = new Agent({
    connect: deps.lookup ? { timeout: opts.connectTimeoutMs, lookup: deps.lookup } : { timeout: opts.connectTimeoutMs },
    // Our own deadline covers the whole fetch; these only stop undici giving up earlier or later.
    headersTimeout: opts.totalTimeoutMs,
    bodyTimeout: opts.totalTimeoutMs,
  });

  async function fetchHttp(req: FetchRequest, elapsed: () => number): Promise<FetchResult> {
    const deadline = createDeadline(opts.totalTimeoutMs);
    try {
      let url = req.url;
      for (let hop = 0; ; hop++) {
        const refusal = await checkHop(url, hop);
        if (refusal) return { kind: 'failed', reason: refusal, status: null, retryable: false, elapsedMs: elapsed() };
        const step = await limiter.run(new URL(url).host, () => requestHop(url, req, deadline, elapsed));
        if (step.kind === 'done') return step.result;
        if (hop >= opts.maxRedirects) {
          const reason = `more than ${opts.maxRedirects} redirects from ${req.url}`;
          return { kind: 'failed', reason, status: step.status, retryable: false, elapsedMs: elapsed() };
        }
        url = step.location;
      }
    } finally {
      deadline.clear();
    }
  }

  async function requestHop(url: string, req: FetchRequest, deadline: Deadline, elapsed: () => number): Promise<Hop> {
    // The deadline starts with the first request, not while waiting in the queue.
    deadline.start();
    const ctx = { dispatcher: agent, userAgent: deps.userAgent, maxBodyBytes: opts.maxBodyBytes, clock: Date.now };
    for (let attempt = 0; ; attempt++) {
      try {
        const hop = requestOnce(url, req, { ...ctx, signal: deadline.signal, elapsed });
        // undici ignores an abort while it is still connecting; do not wait for its connect timer.
        return await Promise.race([hop, deadline.passed]);
      } catch (err) {
        // A kept-alive connection the server closed as we reused it: GET is idempotent, so one
        // immediate retry on a fresh connection (as browsers do) before calling it a failure.
        if (
          attempt === 0 &&
          !deadline.signal.aborted &&
          STALE_CONNECTION.has(String((err as { code?: unknown }).code))
        ) {
          continue;
        }
        return { kind: 'done', result: networkFailure(err, url, deadline.signal.aborted, elapsed()) };
      }
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
    const code = (err as { code?: unknown }).code;
    if (code === ADDRESS_REFUSED_CODE) {
      return { ...base, reason: `refused ${url}: ${(err as Error).message}`, retryable: false };
    }
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
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
      if (URL.parse(req.url)?.protocol === 'file:') return fetchFile(req, opts.maxBodyBytes, elapsed);
      return fetchHttp(req, elapsed);
    },
    close: () => agent.close(),
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface Deadline {
  readonly signal: AbortSignal;
  /** Rejects when the deadline passes. */
  readonly passed: Promise<never>;
  /** Starts the clock; later calls do nothing. */
  start(): void;
  clear(): void;
}

function createDeadline(ms: number): Deadline {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const passed = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Error(`deadline of ${ms} ms passed`)), { once: true });
  });
  passed.catch(() => undefined); // only ever observed through Promise.race
  return {
    signal: controller.signal,
    passed,
    start: () => {
      timer ??= setTimeout(() => controller.abort(), ms);
    },
    clear: () => clearTimeout(timer),
  };
}
