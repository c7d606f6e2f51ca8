// Per-source fetch state and health (table source_state). Prepared statements only.
import type { Db } from './db';

export interface SourceState {
  readonly sourceId: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly firstPollDone: boolean;
  readonly lastPollAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
  readonly lastStatus: string | null;
  readonly consecutiveFailures: number;
  readonly nextPollAt: number | null;
  readonly articlesTotal: number;
  readonly lastDurationMs: number | null;
  /** Paged sources (Telegram): the highest post id read with no gap below it. */
  readonly pageSeenUpTo: number | null;
}

export type PollOutcome =
  | {
      kind: 'ok';
      etag: string | null;
      lastModified: string | null;
      newArticles: number;
      /** Paged sources only; omitted or null keeps the stored mark. */
      pageSeenUpTo?: number | null;
    }
  | { kind: 'not-modified' }
  | { kind: 'failed'; status: string; error: string };

interface Row {
  source_id: string;
  etag: string | null;
  last_modified: string | null;
  first_poll_done: number;
  last_poll_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_status: string | null;
  consecutive_failures: number;
  next_poll_at: number | null;
  articles_total: number;
  last_duration_ms: number | null;
  page_seen_up_to: number | null;
}

const toState = (r: Row): SourceState => ({
  sourceId: r.source_id,
  etag: r.etag,
  lastModified: r.last_modified,
  firstPollDone: r.first_poll_done === 1,
  lastPollAt: r.last_poll_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  lastStatus: r.last_status,
  consecutiveFailures: r.consecutive_failures,
  nextPollAt: r.next_poll_at,
  articlesTotal: r.articles_total,
  lastDurationMs: r.last_duration_ms,
  pageSeenUpTo: r.page_seen_up_to,
});

export function emptyState(sourceId: string): SourceState {
  return toState({
    source_id: sourceId,
    etag: null,
    last_modified: null,
    first_poll_done: 0,
    last_poll_at: null,
    last_success_at: null,
    last_error: null,
    last_status: null,
    consecutive_failures: 0,
    next_poll_at: null,
    articles_total: 0,
    last_duration_ms: null,
    page_seen_up_to: null,
  });
}

export function createSourceStateRepo(db: Db) {
  const get = db.prepare<[string], Row>('SELECT * FROM source_state WHERE source_id = ?');
  const all = db.prepare<[], Row>('SELECT * FROM source_state');
  const ensure = db.prepare('INSERT OR IGNORE INTO source_state (source_id) VALUES (?)');
  const ok = db.prepare(
    `UPDATE source_state SET etag = @etag, last_modified = @lastModified, first_poll_done = 1,
       last_poll_at = @now, last_success_at = @now, last_error = NULL, last_status = 'ok',
       consecutive_failures = 0, next_poll_at = @nextPollAt,
       articles_total = articles_total + @newArticles, last_duration_ms = @durationMs,
       page_seen_up_to = coalesce(@pageSeenUpTo, page_seen_up_to)
     WHERE source_id = @sourceId`,
  );
  const notModified = db.prepare(
    `UPDATE source_state SET last_poll_at = @now, last_success_at = @now, last_error = NULL,
       last_status = 'not-modified', consecutive_failures = 0, next_poll_at = @nextPollAt,
       last_duration_ms = @durationMs
     WHERE source_id = @sourceId`,
  );
  const failed = db.prepare(
    `UPDATE source_state SET last_poll_at = @now, last_error = @error, last_status = @status,
       consecutive_failures = consecutive_failures + 1, next_poll_at = @nextPollAt,
       last_duration_ms = @durationMs
     WHERE source_id = @sourceId`,
  );

  return {
    get(sourceId: string): SourceState {
      const r = get.get(sourceId);
      return r ? toState(r) : emptyState(sourceId);
    },
    all(): Map<string, SourceState> {
      return new Map(all.all().map((r) => [r.source_id, toState(r)]));
    },
    record(sourceId: string, outcome: PollOutcome, at: { now: number; nextPollAt: number; durationMs: number }) {
      ensure.run(sourceId);
      const base = { sourceId, ...at };
      if (outcome.kind === 'ok') ok.run({ ...base, ...outcome, pageSeenUpTo: outcome.pageSeenUpTo ?? null });
      else if (outcome.kind === 'not-modified') notModified.run(base);
      else failed.run({ ...base, status: outcome.status, error: outcome.error });
    },
  };
}

export type SourceStateRepo = ReturnType<typeof createSourceStateRepo>;
