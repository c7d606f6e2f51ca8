// Poll one source: the orchestrator of the ingest flow. Reads top to bottom:
//   1. load the source's fetch state
//   2. fetch (conditional GET after the first poll)
//   3. not modified / rate limited / failed → record health, schedule the next poll, stop
//   4. parse the feed (a paged source — a Telegram channel — also reads its older pages)
//   5. turn parsed articles into candidates (oldest first) and drop the ones already stored
//   6. fetch the page of excerpt-only articles and extract the text, and
//   7. store each article as soon as it is complete (one transaction each; the first poll is silent)
//   8. record success (validators, counts) and the next poll
// Nothing is lost on a crash: validators are saved only after every article is stored, so a
// killed poll refetches in full and the stored keys make the repeat a no-op.
import type { Logger } from '../observe/log';
import type { Metrics } from '../observe/metrics';
import type { SourceState, SourceStateRepo } from '../store/source-state-repo';
import type { PageCursor, Source } from '../types';
import { type ArticleCandidate, type CandidateDeps, toCandidate, withPage } from './candidate';
import type { Ingest } from './ingest';
import { type NextPollInput, nextPollAt } from './next-poll';
import type { Fetcher, LoadPage, ParseFeed, ReadOlder } from './ports';

export interface PollDeps {
  fetcher: Fetcher;
  parseFeed: ParseFeed;
  loadPage: LoadPage;
  /** Older pages of paged sources; without it only the first page is read. */
  readOlder?: ReadOlder;
  ingest: Ingest;
  sourceState: SourceStateRepo;
  candidate: CandidateDeps;
  clock: () => number;
  random: () => number;
  log: Logger;
  metrics: Metrics;
  /** Concurrent page fetches within one source (the fetcher also limits per host). */
  pageConcurrency?: number;
}

export interface PollReport {
  readonly sourceId: string;
  readonly outcome: 'ok' | 'not-modified' | 'failed';
  readonly error?: string;
  readonly fetched: number;
  readonly new: number;
  readonly updated: number;
  readonly announced: number;
  readonly nextPollAt: number;
}

export async function pollSource(source: Source, deps: PollDeps): Promise<PollReport> {
  const started = deps.clock();
  const log = deps.log.child({ source_id: source.id });
  // 1
  const state = deps.sourceState.get(source.id);
  const firstPoll = !state.firstPollDone;
  // 2
  const res = await deps.fetcher.fetch(
    firstPoll ? { url: source.url } : { url: source.url, etag: state.etag, lastModified: state.lastModified },
  );
  const base: Omit<NextPollInput, 'outcome'> = {
    now: deps.clock(),
    schedule: source.schedule,
    consecutiveFailures: state.consecutiveFailures,
    random: deps.random,
  };
  deps.metrics.observe('rased_poll_seconds', 'Poll latency', { source_id: source.id }, res.elapsedMs / 1000);
  // 3
  if (res.kind !== 'ok') {
    const failed = res.kind === 'failed' || res.kind === 'rate-limited';
    const error =
      res.kind === 'failed'
        ? res.reason
        : res.kind === 'rate-limited'
          ? `rate limited (HTTP ${res.status})${res.retryAfterMs !== null ? `, retry after ${Math.ceil(res.retryAfterMs / 1000)}s` : ''}`
          : undefined;
    const next = nextPollAt({ ...base, outcome: res });
    deps.sourceState.record(
      source.id,
      failed ? { kind: 'failed', status: res.kind, error: error! } : { kind: 'not-modified' },
      { now: base.now, nextPollAt: next, durationMs: base.now - started },
    );
    deps.metrics.inc('rased_polls_total', 'Polls by outcome', { outcome: res.kind });
    if (failed) log.warn({ outcome: res.kind, error, next_poll_at: new Date(next).toISOString() }, 'poll failed');
    else log.debug({ outcome: res.kind }, 'not modified');
    return report(source.id, failed ? 'failed' : 'not-modified', next, { error });
  }
  // 4
  const parsed = deps.parseFeed(res.body, {
    contentType: res.contentType,
    url: res.url,
    contentLocation: res.contentLocation,
  });
  if (!parsed.ok) {
    const now = deps.clock();
    const next = nextPollAt({ ...base, now, outcome: { kind: 'failed', retryable: true } });
    const error = `cannot parse feed: ${parsed.error}`;
    deps.sourceState.record(
      source.id,
      { kind: 'failed', status: 'parse-error', error },
      { now, nextPollAt: next, durationMs: now - started },
    );
    deps.metrics.inc('rased_polls_total', 'Polls by outcome', { outcome: 'parse-error' });
    log.warn({ outcome: 'parse-error', error }, 'poll failed');
    return report(source.id, 'failed', next, { error });
  }
  // Only the validators are kept past this point: the body (and the decoded text) can be collected
  // while articles are stored and pages fetched, instead of living through the whole poll.
  const done = {
    kind: 'ok',
    minNextPollMs: res.minNextPollMs,
    etag: res.etag,
    lastModified: res.lastModified,
  } as const;
  const feed = parsed.value.feed;
  if (parsed.value.warnings.length)
    log.debug({ encoding: parsed.value.encoding, warnings: parsed.value.warnings }, 'decoded with warnings');
  const older = feed.older && deps.readOlder ? await readOlder(source, feed.older, state, deps) : null;
  if (older?.error) log.info({ pages: older.pagesRead, error: older.error }, 'older page failed; kept what was read');
  if (older?.stop === 'page limit' && !firstPoll) {
    log.warn({ pages: older.pagesRead }, 'more new posts than the page limit since the last poll; older ones skipped');
  }
  // 5
  const fetchedAt = deps.clock();
  const candidates = [...(older?.posts ?? []), ...feed.articles]
    .map((a) => toCandidate(a, source, fetchedAt, deps.candidate))
    .sort((a, b) => a.publishedAt - b.publishedAt);
  const announceFrom = firstPoll ? candidates.length - source.backfill : 0;
  const fresh = candidates.filter((c) => {
    const found = deps.ingest.existing(c);
    // A listing-page link carries no text of its own: once stored, it is not fetched again.
    return !found || (c.paragraphs.length > 0 && found.content_hash !== c.contentHash);
  });
  // 6 + 7: articles complete in the feed are stored together in one transaction; those whose page must
  // be fetched are stored one by one as soon as their text is in, so a crash keeps what was fetched.
  let created = 0;
  let updated = 0;
  let announced = 0;
  const count = (r: { kind: string }, announce: 0 | 1) => {
    if (r.kind === 'new') {
      created++;
      announced += announce;
    } else if (r.kind === 'updated') updated++;
  };
  const announceOf = (c: ArticleCandidate): 0 | 1 => (candidates.indexOf(c) >= announceFrom ? 1 : 0);
  const ready = fresh.filter((c) => !c.needsPage || !c.url).map((c) => ({ c, announce: announceOf(c) }));
  for (const [i, r] of deps.ingest.storeMany(ready, deps.clock()).entries()) count(r, ready[i]!.announce);
  await mapLimit(
    fresh.filter((c) => c.needsPage && c.url),
    deps.pageConcurrency ?? 4,
    async (c) => {
      const complete = await completeWithPage(c, deps, log);
      count(deps.ingest.store(complete, announceOf(c), deps.clock()), announceOf(c));
    },
  );
  // 8
  const now = deps.clock();
  const next = nextPollAt({ ...base, now, outcome: done });
  deps.sourceState.record(
    source.id,
    {
      kind: 'ok',
      etag: done.etag,
      lastModified: done.lastModified,
      newArticles: created,
      ...(older ? { pageSeenUpTo: older.seenUpTo } : {}),
    },
    { now, nextPollAt: next, durationMs: now - started },
  );
  deps.metrics.inc('rased_polls_total', 'Polls by outcome', { outcome: 'ok' });
  deps.metrics.inc('rased_articles_total', 'New articles stored', { source_id: source.id }, created);
  log.info(
    {
      outcome: 'ok',
      fetched: candidates.length,
      new: created,
      updated,
      announced,
      first_poll: firstPoll,
      ...(older ? { pages: older.pagesRead, paging_stop: older.stop } : {}),
    },
    'polled',
  );
  return {
    sourceId: source.id,
    outcome: 'ok',
    fetched: candidates.length,
    new: created,
    updated,
    announced,
    nextPollAt: next,
  };
}

function readOlder(source: Source, cursor: PageCursor, state: SourceState, deps: PollDeps) {
  return deps.readOlder!(source.url, cursor, {
    firstPoll: !state.firstPollDone,
    backfill: source.backfill,
    now: deps.clock(),
    seenUpTo: state.pageSeenUpTo,
  });
}

async function completeWithPage(c: ArticleCandidate, deps: PollDeps, log: Logger): Promise<ArticleCandidate> {
  if (!c.needsPage || !c.url) return c;
  const page = await deps.loadPage(c.url);
  if (!page.ok) {
    log.info({ url: c.url, error: page.error }, 'article page not extracted; keeping the feed text');
    return { ...c, needsPage: false };
  }
  return withPage(c, page.value, deps.candidate);
}

function report(
  sourceId: string,
  outcome: PollReport['outcome'],
  nextPollAt: number,
  extra: { error?: string },
): PollReport {
  return { sourceId, outcome, fetched: 0, new: 0, updated: 0, announced: 0, nextPollAt, ...extra };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let i = 0;
  const worker = async () => {
    while (i < items.length) {
      const k = i++;
      out[k] = await fn(items[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
